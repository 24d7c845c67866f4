import GraphModel
import SQLiteDB

/// Writes the edges of one type during an import.
///
/// When both endpoints are already known to this run (the usual order: parts, then BOM lines),
/// the edge goes straight into its table with the node ids from the run's key index. Otherwise
/// it is staged in a TEMP table holding the endpoint key texts, and `resolve` joins the staged
/// edges on the node tables' `_key` when the run finishes, so an edge may name a node a later
/// source creates. Edges whose endpoint is still missing go to `_dangling`, never dropped.
final class EdgeWriter {
    let edge: EdgeType
    let table: String
    let stage: String
    /// The writers of the endpoint labels, whose key indexes resolve endpoints at once.
    let fromNodes: NodeWriter
    let toNodes: NodeWriter
    private var shapes: [EdgeShape] = []
    private var isStageCreated = false

    init(edge: EdgeType, from: NodeWriter, to: NodeWriter) {
        self.edge = edge
        self.table = Identifier.edgeTable(edge.name)
        self.stage = Identifier.stageTable(edge.name)
        self.fromNodes = from
        self.toNodes = to
    }

    /// The statements and declared types for records carrying `names`.
    func shape(for names: [String], in db: Database) throws -> EdgeShape {
        for shape in shapes where shape.names == names { return shape }
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
        let shape = try EdgeShape(writer: self, names: names, types: types, db: db)
        shapes.append(shape)
        return shape
    }

    /// `INSERT INTO temp."stage_T" (from_key, to_key, <names>, _source, _line, _rule) VALUES (...)`
    func prepareStagedInsert(_ names: [String], in db: Database) throws -> Statement {
        if !isStageCreated {
            let columns = edge.properties.map { "\(Identifier.quoted($0.name)) \($0.type.columnType), " }.joined()
            try db.execute("DROP TABLE IF EXISTS \(stage)")
            try db.execute("CREATE TABLE \(stage) (from_key TEXT NOT NULL, to_key TEXT NOT NULL, \(columns)_source INTEGER, _line INTEGER, _rule INTEGER)")
            isStageCreated = true
        }
        let columns = names.map { Identifier.quoted($0) + ", " }.joined()
        let marks = String(repeating: "?, ", count: names.count)
        return try db.prepare("INSERT INTO \(stage) (from_key, to_key, \(columns)_source, _line, _rule) VALUES (?, ?, \(marks)?, ?, ?)")
    }

    /// Writes every buffered edge.
    func flush() throws {
        for shape in shapes { try shape.batch.flush() }
    }

    /// Moves staged edges whose endpoints now exist into the edge table (two joins on `_key`)
    /// and the rest into `_dangling`. `rules` is the TEMP table mapping rule ids to rule text.
    func resolve(in db: Database, run: Int64, rules: String) throws {
        try flush()
        shapes.removeAll()  // finalize the inserts before the staging table is dropped
        guard isStageCreated else { return }
        let from = Identifier.nodeTable(edge.from)
        let to = Identifier.nodeTable(edge.to)
        let columns = edge.properties.map { Identifier.quoted($0.name) + ", " }.joined()
        let staged = edge.properties.map { "s." + Identifier.quoted($0.name) + ", " }.joined()
        try db.executeOnce("""
            INSERT INTO \(table) (_from, _to, \(columns)_source, _line, _run)
            SELECT f._id, t._id, \(staged)s._source, s._line, ?
            FROM \(stage) AS s
            CROSS JOIN \(from) AS f ON f._key = s.from_key
            CROSS JOIN \(to) AS t ON t._key = s.to_key
            ORDER BY s.rowid
            """, arguments: [.integer(run)])
        try db.executeOnce("""
            INSERT INTO _dangling (run, source, line, rule, edge_type, from_label, from_key, to_label, to_key, missing)
            SELECT ?, s._source, s._line, r.rule, ?, ?, s.from_key, ?, s.to_key,
                   CASE WHEN f._id IS NULL AND t._id IS NULL THEN 'both' WHEN f._id IS NULL THEN 'from' ELSE 'to' END
            FROM \(stage) AS s
            LEFT JOIN \(from) AS f ON f._key = s.from_key
            LEFT JOIN \(to) AS t ON t._key = s.to_key
            LEFT JOIN \(rules) AS r ON r.id = s._rule
            WHERE f._id IS NULL OR t._id IS NULL
            ORDER BY s.rowid
            """, arguments: [.integer(run), .text(edge.name), .text(edge.from), .text(edge.to)])
        try db.execute("DROP TABLE \(stage)")
        isStageCreated = false
    }
}

/// Prepared statements for one edge type and one list of property names.
final class EdgeShape {
    let names: [String]
    let types: [PropertyType]
    /// Rows `(_from, _to, <names>, _source, _line, _run)` for the edge table.
    let batch: BatchInsert
    private unowned let writer: EdgeWriter
    private let db: Database
    private var stagedStatement: Statement?

    init(writer: EdgeWriter, names: [String], types: [PropertyType], db: Database) throws {
        self.writer = writer
        self.names = names
        self.types = types
        self.db = db
        batch = try BatchInsert(db: db, table: writer.table,
                                columns: ["_from", "_to"] + names.map(Identifier.quoted) + ["_source", "_line", "_run"])
    }

    func staged() throws -> Statement {
        if let stagedStatement { return stagedStatement }
        let statement = try writer.prepareStagedInsert(names, in: db)
        stagedStatement = statement
        return statement
    }
}
