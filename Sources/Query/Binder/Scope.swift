import GraphModel

/// A node variable bound by a pattern: its label and the table alias it reads from.
struct NodeBinding: Hashable {
    var name: String?
    var type: NodeType
    /// The SQL alias of its `node_<Label>` table (`n1`, `n2`, ...).
    var alias: String
    /// Bound by an OPTIONAL MATCH, so it may be null.
    var optional: Bool

    var idColumn: String { alias + "._id" }
}

/// A relationship variable bound by a pattern.
struct RelationshipBinding: Hashable {
    var name: String?
    /// The edge types it may have (several for `:A|B` or an untyped relationship).
    var types: [EdgeType]
    var alias: String
    var optional: Bool
    /// True when it reads a UNION ALL of several edge tables (columns `_type`, `_id`, `_left`,
    /// `_right` and the union of the types' properties).
    var isUnion: Bool
    /// For a single table: the index of its edge type in the catalog; a union has a `_type` column.
    var typeTag: String

    var idColumn: String { alias + "._id" }
}

/// A variable in scope.
enum Binding: Hashable {
    case node(NodeBinding)
    case relationship(RelationshipBinding)
    /// A RETURN alias seen by ORDER BY.
    case value(BoundExpression)
}

/// The variables visible to a clause, in the order they were introduced.
struct Scope {
    private(set) var names: [String] = []
    /// Variables hidden by an aggregating or DISTINCT RETURN, for a clearer message in ORDER BY.
    var hidden: Set<String> = []
    /// Variables a WITH did not pass on, for a clearer message when one is used after it.
    var dropped: Set<String> = []
    private var bindings: [String: Binding] = [:]

    subscript(name: String) -> Binding? { bindings[name] }

    mutating func bind(_ name: String, _ binding: Binding) {
        if bindings[name] == nil { names.append(name) }
        bindings[name] = binding
    }
}

/// An expression translated to SQL, with what the binder knows about it.
struct BoundExpression: Hashable {
    var sql: String
    var type: ValueType
    /// Contains an aggregate function call.
    var hasAggregate: Bool = false
    /// What to GROUP BY when this is a grouping key (a node groups by its `_id`).
    var groupKey: String?
    /// For a list: the type of its elements when known (a variable-length relationship list, a
    /// `collect(n)`, a list literal of one type), so `x.quantity` of an element reads it typed.
    var element: ValueType? = nil

    /// The SQL to use where a number is expected: decimals (exact TEXT) are read as REAL.
    var numeric: String { type.isDecimal ? "CAST(\(sql) AS REAL)" : sql }
}
