import GraphModel

/// What the binder knows statically about an expression's value.
enum ValueType: Sendable, Hashable {
    /// A value of a catalog type (also used for literals: integer, float, string, boolean).
    case known(PropertyType)
    /// A whole node of a label.
    case node(NodeType)
    /// A whole relationship of one of these types.
    case relationship([EdgeType])
    /// A list (collect(...) as JSON text).
    case list
    /// A map (a JSON object text).
    case map
    /// A path bound by `p = (...)` (JSON text: its nodes and relationships).
    case path
    /// A duration (`duration({days: 5})`).
    case duration
    /// The null literal.
    case null
    /// A parameter or anything the binder cannot type.
    case any

    var propertyType: PropertyType? {
        if case .known(let type) = self { return type }
        return nil
    }

    var isDecimal: Bool { propertyType == .decimal }
    var isNumeric: Bool { [.integer, .float, .decimal].contains(propertyType) }
    var isString: Bool {
        switch propertyType {
        case .string, .enumeration: return true
        default: return false
        }
    }
    var isBoolean: Bool { propertyType == .boolean }
    var isEntity: Bool {
        switch self {
        case .node, .relationship: return true
        default: return false
        }
    }

    /// A name for messages: `integer`, `string`, `node`.
    var name: String {
        switch self {
        case .known(let type): return type.name == "enum" ? "string" : type.name
        case .node(let type): return "node (\(type.label))"
        case .relationship: return "relationship"
        case .list: return "list"
        case .map: return "map"
        case .path: return "path"
        case .duration: return "duration"
        case .null: return "null"
        case .any: return "value"
        }
    }

    /// Comparison families: values of different families never compare equal in openCypher
    /// (and SQLite's type affinity would convert them), so the binder rejects such comparisons.
    var family: String? {
        switch self {
        case .known(let type):
            switch type {
            case .integer, .float, .decimal: return "number"
            case .string, .enumeration: return "string"
            case .boolean: return "boolean"
            case .date: return "date"
            case .datetime: return "datetime"
            }
        case .node: return "node"
        case .relationship: return "relationship"
        case .list: return "list"
        case .map: return "map"
        case .path: return "path"
        case .duration: return "duration"
        case .null, .any: return nil
        }
    }
}
