import GraphModel
import SQLiteDB

/// Collects the edges of one type during an import in a TEMP staging table holding endpoint
/// key texts, typed properties and provenance; `resolve` turns them into edges with two joins
/// on the node tables' `_key` when the run finishes, so an edge may name a node a later
/// source creates. Edges with a missing endpoint go to `_dangling`, never dropped.
final class EdgeStager {
    let edge: EdgeType
    let stage: String
    private var shapes: [(names: [String], insert: Statement, types: [PropertyType])] = []
    private(set) var isCreated = false
    /// Edges staged per source id.
    var stagedBySource: [Int64: Int] = [:]

    init(edge: EdgeType) {
        self.edge = edge
        self.stage = Identifier.stageTable(edge.name)
    }

    private func create(in db: Database) throws {
        let columns = edge.properties.map { "\(Identifier.quoted($0.name)) \($0.type.columnType), " }.joined()
        try db.execute("DROP TABLE IF EXISTS \(stage)")
        try db.execute("CREATE TABLE \(stage) (from_key TEXT NOT NULL, to_key TEXT NOT NULL, \(columns)_source INTEGER, _line INTEGER, _rule INTEGER)")
        isCreated = true
    }

    /// The insert statement and declared types for records carrying `names`.
    func shape(for names: [String], in db: Database) throws -> (insert: Statement, types: [PropertyType]) {
        for shape in shapes where shape.names == names { return (shape.insert, shape.types) }
        if !isCreated { try create(in: db) }
        var types: [PropertyType] = []
        for name in names {
            guard let property = edge.property(name) else {
                throw StoreError(.unknownName, "edge type \(edge.name) has no property '\(name)' in the catalog")
            }
            types.append(property.type)
        }
        guard Set(names).count == names.count else {
            throw StoreError(.invalidName, "a \(edge.name) record names a property twice: \(names.joined(separator: ", "))")
        }
        let columns = names.map { Identifier.quoted($0) + ", " }.joined()
        let marks = String(repeating: "?, ", count: names.count)
        let insert = try db.prepare("INSERT INTO \(stage) (from_key, to_key, \(columns)_source, _line, _rule) VALUES (?, ?, \(marks)?, ?, ?)")
        shapes.append((names, insert, types))
        return (insert, types)
    }

    /// Moves staged edges whose endpoints exist into the edge table and the rest into `_dangling`.
    /// `rules` is the TEMP table mapping rule ids to rule text.
    func resolve(in db: Database, run: Int64, rules: String) throws {
        guard isCreated else { return }
        shapes.removeAll()  // finalize inserts before the staging table is dropped
        let table = Identifier.edgeTable(edge.name)
        let from = Identifier.nodeTable(edge.from)
        let to = Identifier.nodeTable(edge.to)
        let columns = edge.properties.map { Identifier.quoted($0.name) + ", " }.joined()
        let staged = edge.properties.map { "s." + Identifier.quoted($0.name) + ", " }.joined()
        // Building the endpoint indexes once after the bulk insert is cheaper than maintaining them.
        for statement in SchemaDDL.dropEdgeIndexes(edge) { try db.execute(statement) }
        try db.executeOnce("""
            INSERT INTO \(table) (_from, _to, \(columns)_source, _line, _run)
            SELECT f._id, t._id, \(staged)s._source, s._line, ?
            FROM \(stage) AS s
            CROSS JOIN \(from) AS f ON f._key = s.from_key
            CROSS JOIN \(to) AS t ON t._key = s.to_key
            """, arguments: [.integer(run)])
        for statement in SchemaDDL.createEdgeIndexes(edge) { try db.execute(statement) }
        try db.executeOnce("""
            INSERT INTO _dangling (run, source, line, rule, edge_type, from_label, from_key, to_label, to_key, missing)
            SELECT ?, s._source, s._line, r.rule, ?, ?, s.from_key, ?, s.to_key,
                   CASE WHEN f._id IS NULL AND t._id IS NULL THEN 'both' WHEN f._id IS NULL THEN 'from' ELSE 'to' END
            FROM \(stage) AS s
            LEFT JOIN \(from) AS f ON f._key = s.from_key
            LEFT JOIN \(to) AS t ON t._key = s.to_key
            LEFT JOIN \(rules) AS r ON r.id = s._rule
            WHERE f._id IS NULL OR t._id IS NULL
            """, arguments: [.integer(run), .text(edge.name), .text(edge.from), .text(edge.to)])
        try db.execute("DROP TABLE \(stage)")
        isCreated = false
    }
}
