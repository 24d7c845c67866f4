/// One comma-separated part of a MATCH pattern: a chain of nodes and relationships,
/// optionally named (`p = (a)-->(b)`).
public struct PatternPart: Sendable, Hashable {
    public var pathVariable: Identifier?
    public var start: NodePattern
    public var steps: [PatternStep]
    public var span: SourceSpan
}

/// A relationship and the node it leads to.
public struct PatternStep: Sendable, Hashable {
    public var relationship: RelationshipPattern
    public var node: NodePattern
}

/// `(variable:Label1:Label2 {key: value})`; `properties` is a map literal or a parameter.
public struct NodePattern: Sendable, Hashable {
    public var variable: Identifier?
    public var labels: [Identifier]
    public var properties: Expression?
    public var span: SourceSpan
}

/// `-[variable:TYPE1|TYPE2*1..6 {key: value}]->`
public struct RelationshipPattern: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        /// `-->`
        case outgoing = "->"
        /// `<--`
        case incoming = "<-"
        /// `--` (and `<-->`, which openCypher treats as either direction)
        case either = "--"
    }

    public var variable: Identifier?
    /// Alternatives: the relationship has any one of these types; empty means any type.
    public var types: [Identifier]
    public var direction: Direction
    /// Set for variable-length relationships.
    public var length: LengthRange?
    public var properties: Expression?
    public var span: SourceSpan
}

/// The hop count of a variable-length relationship: `*` (nil, nil), `*3` (3, 3),
/// `*1..6`, `*..6` (nil, 6), `*2..` (2, nil). Nil bounds take the binder's defaults.
public struct LengthRange: Sendable, Hashable {
    public var minimum: Int?
    public var maximum: Int?
}
