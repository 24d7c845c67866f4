import GraphModel

/// A row filter condition (`where:`): a record is used only when every condition holds.
/// A null field equals nothing: `equals`, `in` and `matches` are false for it, `not-equals`
/// and `not-in` are true.
struct FilterSpec: Sendable {
    enum Test: Sendable {
        case equals(String)
        case notEquals(String)
        case oneOf([String])
        case noneOf([String])
        case isNull(Bool)
        /// The whole field must match the pattern.
        case matches(CompiledRegex)
    }

    static let keys = ["column", "equals", "not-equals", "in", "not-in", "is-null", "matches"]

    var column: ColumnRef
    var test: Test

    func accepts(_ field: String?) -> Bool {
        switch test {
        case .isNull(let wanted): return (field == nil) == wanted
        case .equals(let v): return field == v
        case .notEquals(let v): return field != v
        case .oneOf(let values):
            guard let field else { return false }
            return values.contains(field)
        case .noneOf(let values):
            guard let field else { return true }
            return !values.contains(field)
        case .matches(let regex):
            guard let field else { return false }
            return regex.matches(field)
        }
    }

    var summary: String {
        let c = column.name
        switch test {
        case .equals(let v): return "\(c) = \(SourceSpec.show(v))"
        case .notEquals(let v): return "\(c) <> \(SourceSpec.show(v))"
        case .oneOf(let v): return "\(c) in (\(v.map { SourceSpec.show($0) }.joined(separator: ", ")))"
        case .noneOf(let v): return "\(c) not in (\(v.map { SourceSpec.show($0) }.joined(separator: ", ")))"
        case .isNull(let b): return b ? "\(c) is null" : "\(c) is not null"
        case .matches(let r): return "\(c) matches \(SourceSpec.show(r.pattern))"
        }
    }
}

/// A named property of a rule with its expression.
struct PropertySpec: Sendable {
    var name: String
    var expression: ExpressionSpec
}

/// `nodes[i]`: one label produced from each row.
struct NodeRuleSpec: Sendable {
    static let keys = ["label", "key", "properties", "where"]

    var index: Int
    var label: String
    var key: [String]
    var properties: [PropertySpec]
    var filters: [FilterSpec]
    var location: SourceLocation

    var nodeType: NodeType {
        NodeType(label: label, key: key, properties: properties.map { PropertyDefinition($0.name, $0.expression.type) })
    }
}

/// One end of an edge: a label and the values of that label's key, in key order.
struct EndpointSpec: Sendable {
    static let keys = ["label", "key"]

    var label: String
    var key: [ExpressionSpec]
    var location: SourceLocation
}

/// `edges[i]`: one relationship produced from each row.
struct EdgeRuleSpec: Sendable {
    static let keys = ["type", "from", "to", "properties", "where"]

    var index: Int
    var type: String
    var from: EndpointSpec
    var to: EndpointSpec
    var properties: [PropertySpec]
    var filters: [FilterSpec]
    var location: SourceLocation

    var edgeType: EdgeType {
        EdgeType(name: type, from: from.label, to: to.label,
                 properties: properties.map { PropertyDefinition($0.name, $0.expression.type) })
    }
}
