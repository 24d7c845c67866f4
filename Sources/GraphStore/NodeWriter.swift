import GraphModel
import SQLiteDB

/// Writes the nodes of one label during an import.
///
/// The run starts with the label's table empty (snapshot semantics), so the writer hands out
/// `_id`s itself and keeps key text → `_id` for every node it created: a record whose key is
/// known merges at once, a new one is buffered for a multi-row insert, and edges resolve their
/// endpoints without a query. Past `idLimit` keys (20 million by default) the index stops growing and records go
/// through `INSERT ... ON CONFLICT(_key) DO NOTHING` one by one, merging on a key hit.
final class NodeWriter {
    let node: NodeType
    let table: String
    private var shapes: [NodeShape] = []
    /// Key text → `_id` of every node this run created (up to `idLimit`).
    private(set) var ids: [String: Int64] = [:]
    private(set) var nextID: Int64 = 1
    /// How many keys the index holds at most (about 100 bytes each).
    let idLimit: Int
    /// For every indexed node (at `_id - 1`), one bit per catalog property its stored row holds
    /// non-null (bit i = `node.properties[i]`), so a merge that only fills nulls needs no read.
    /// Empty when the label has more than 64 properties: merges then always read the row.
    private var setProperties: [UInt64] = []
    let tracksSetProperties: Bool

    init(node: NodeType, idLimit: Int) {
        self.node = node
        self.table = Identifier.nodeTable(node.label)
        self.idLimit = idLimit
        tracksSetProperties = node.properties.count <= 64
    }

    var indexesEveryKey: Bool { ids.count < idLimit }

    /// Takes the next `_id` for a created node and remembers its key and which properties
    /// (`NodeShape.mask(of:)`) it was created with.
    func assignID(_ key: String, setProperties mask: UInt64) -> Int64 {
        let id = nextID
        nextID += 1
        if ids.count < idLimit {
            ids[key] = id
            if tracksSetProperties { setProperties.append(mask) }
        }
        return id
    }

    /// The properties the node's stored row holds non-null, when the writer tracks them.
    @inline(__always)
    func setProperties(of id: Int64) -> UInt64? {
        guard tracksSetProperties, id >= 1, id <= setProperties.count else { return nil }
        return setProperties[Int(id - 1)]
    }

    /// Records that the node's row now holds `mask`'s properties non-null too.
    @inline(__always)
    func markSet(_ mask: UInt64, of id: Int64) {
        guard tracksSetProperties, id >= 1, id <= setProperties.count else { return }
        setProperties[Int(id - 1)] |= mask
    }

    /// The statements for records carrying `names` (usually found by identity of the shared array).
    func shape(for names: [String], in db: Database) throws -> NodeShape {
        for shape in shapes where shape.names == names { return shape }
        let shape = try NodeShape(node: node, table: table, names: names, db: db)
        shapes.append(shape)
        return shape
    }

    /// Writes every buffered row of this label.
    func flush() throws {
        for shape in shapes { try shape.batch.flush() }
    }
}

/// Prepared statements for one label and one list of property names.
final class NodeShape {
    let names: [String]
    let types: [PropertyType]
    /// Per name, its bit in `NodeWriter`'s set-property masks (`1 << catalog position`).
    let bits: [UInt64]
    /// Rows `(_id, _key, <names>, _source, _line, _run)`.
    let batch: BatchInsert
    private let table: String
    private let db: Database
    private var insertStatement: Statement?
    private var selectStatement: Statement?
    private var selectByIDStatement: Statement?
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
        bits = names.map { name in
            guard let position = node.properties.firstIndex(where: { $0.name == name }), position < 64 else { return 0 }
            return 1 << UInt64(position)
        }
        self.table = table
        self.db = db
        batch = try BatchInsert(db: db, table: table, columns: Self.columns(names))
    }

    private static func columns(_ names: [String]) -> [String] {
        ["_id", "_key"] + names.map(Identifier.quoted) + ["_source", "_line", "_run"]
    }

    /// One row at a time, for keys beyond the writer's index:
    /// `INSERT INTO table (_id, _key, ...) VALUES (...) ON CONFLICT(_key) DO NOTHING`
    func insert() throws -> Statement {
        if let insertStatement { return insertStatement }
        let columns = Self.columns(names)
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.prepare("""
            INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks)) ON CONFLICT(_key) DO NOTHING
            """)
        insertStatement = statement
        return statement
    }

    /// `SELECT _id, _source, _line, <columns> FROM table WHERE _key = ?`
    func select() throws -> Statement {
        if let selectStatement { return selectStatement }
        let columns = names.map { ", " + Identifier.quoted($0) }.joined()
        let statement = try db.prepare("SELECT _id, _source, _line\(columns) FROM \(table) WHERE _key = ?")
        selectStatement = statement
        return statement
    }

    /// Which of this shape's properties `values` gives non-null, as set-property bits.
    @inline(__always)
    func mask(of values: [Value]) -> UInt64 {
        var mask: UInt64 = 0
        for i in 0..<bits.count where !values[i].isNull { mask |= bits[i] }
        return mask
    }

    /// `SELECT _id, _source, _line, <columns> FROM table WHERE _id = ?`
    func selectByID() throws -> Statement {
        if let selectByIDStatement { return selectByIDStatement }
        let columns = names.map { ", " + Identifier.quoted($0) }.joined()
        let statement = try db.prepare("SELECT _id, _source, _line\(columns) FROM \(table) WHERE _id = ?")
        selectByIDStatement = statement
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
