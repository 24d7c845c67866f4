import GraphModel

/// Spelling of SQL pieces. Identifiers come only from the catalog and are always
/// double-quoted; string constants are only catalog names (JSON keys of whole nodes).
enum SQLText {
    /// `"name"` with embedded double quotes doubled.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `'text'` with embedded single quotes doubled (catalog names only, never user values).
    static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func nodeTable(_ label: String) -> String { identifier("node_" + label) }
    static func edgeTable(_ type: String) -> String { identifier("edge_" + type) }

    /// `alias."column"`
    static func column(_ alias: String, _ name: String) -> String { alias + "." + identifier(name) }

    /// Joins conditions with AND, parenthesising each; "1" when there are none.
    static func and(_ conditions: [String]) -> String {
        if conditions.isEmpty { return "1" }
        if conditions.count == 1 { return conditions[0] }
        return conditions.map { "(" + $0 + ")" }.joined(separator: " AND ")
    }
}

/// The placeholders of one compilation: a `$name` or an equal literal used twice shares
/// one placeholder.
struct ParameterTable {
    private(set) var parameters: [QueryParameter] = []
    private var index: [QueryParameter: Int] = [:]

    /// `?N` for `parameter`, allocating the next number on first use.
    mutating func placeholder(_ parameter: QueryParameter) -> String {
        if let n = index[parameter] { return "?\(n)" }
        parameters.append(parameter)
        index[parameter] = parameters.count
        return "?\(parameters.count)"
    }
}
