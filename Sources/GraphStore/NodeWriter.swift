import GraphModel
import SQLiteDB

/// Writes the nodes of one label during an import. Each distinct property list (a mapping
/// rule's shape) gets its own prepared statements:
///
///     INSERT INTO "node_Part" (_key, "number", "weight", _source, _line, _run)
///     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(_key) DO NOTHING
///
/// and, only when the key already exists, a read of the existing row and a fill of its nulls.
final class NodeWriter {
    let node: NodeType
    let table: String
    private var shapes: [NodeShape] = []
    /// Key text → `_id` of every node this run created, so edges resolve without a query.
    /// Stops growing at `idLimit` keys; edges to nodes beyond it are resolved by SQL joins.
    private(set) var ids: [String: Int64] = [:]
    static let idLimit = 10_000_000

    init(node: NodeType) {
        self.node = node
        self.table = Identifier.nodeTable(node.label)
    }

    func remember(_ key: String, id: Int64) {
        if ids.count < Self.idLimit { ids[key] = id }
    }

    /// The statements for records carrying `names` (usually found by identity of the shared array).
    func shape(for names: [String], in db: Database) throws -> NodeShape {
        for shape in shapes where shape.names == names { return shape }
        let shape = try NodeShape(node: node, table: table, names: names, db: db)
        shapes.append(shape)
        return shape
    }
}

/// Prepared statements for one label and one list of property names.
final class NodeShape {
    let names: [String]
    let types: [PropertyType]
    let insert: Statement
    private let table: String
    private let db: Database
    private var selectStatement: Statement?
    private var fillStatement: Statement?

    init(node: NodeType, table: String, names: [String], db: Database) throws {
        var types: [PropertyType] = []
        for name in names {
            guard let property = node.property(name) else {
                throw StoreError(.unknownName, "\(node.label) has no property '\(name)' in the catalog")
            }
            types.append(property.type)
        }
        guard Set(names).count == names.count else {
            throw StoreError(.invalidName, "a \(node.label) record names a property twice: \(names.joined(separator: ", "))")
        }
        self.names = names
        self.types = types
        self.table = table
        self.db = db
        let columns = names.map { Identifier.quoted($0) + ", " }.joined()
        let marks = String(repeating: "?, ", count: names.count)
        insert = try db.prepare("""
            INSERT INTO \(table) (_key, \(columns)_source, _line, _run) VALUES (?, \(marks)?, ?, ?) \
            ON CONFLICT(_key) DO NOTHING
            """)
    }

    /// `SELECT _id, _source, _line, <columns> FROM table WHERE _key = ?`
    func select() throws -> Statement {
        if let selectStatement { return selectStatement }
        let columns = names.map { ", " + Identifier.quoted($0) }.joined()
        let statement = try db.prepare("SELECT _id, _source, _line\(columns) FROM \(table) WHERE _key = ?")
        selectStatement = statement
        return statement
    }

    /// `UPDATE table SET "a" = coalesce("a", ?2), ... WHERE _id = ?1`: fills nulls, never overwrites.
    func fill() throws -> Statement {
        if let fillStatement { return fillStatement }
        let sets = names.enumerated().map { offset, name in
            "\(Identifier.quoted(name)) = coalesce(\(Identifier.quoted(name)), ?\(offset + 2))"
        }.joined(separator: ", ")
        let statement = try db.prepare("UPDATE \(table) SET \(sets) WHERE _id = ?1")
        fillStatement = statement
        return statement
    }
}
