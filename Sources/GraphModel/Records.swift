/// Property names with their values, positionally aligned. A mapping rule builds its `names`
/// array once and shares it across every record it produces (copy-on-write), so a record
/// carries only its values.
public struct PropertyList: Hashable, Sendable {
    public var names: [String]
    public var values: [Value]

    public init(names: [String], values: [Value]) {
        precondition(names.count == values.count, "property names and values must align")
        self.names = names
        self.values = values
    }

    public static let empty = PropertyList(names: [], values: [])

    public subscript(name: String) -> Value? {
        guard let i = names.firstIndex(of: name) else { return nil }
        return values[i]
    }
}

/// A reference to a node by label and natural key, as an edge's endpoint names it.
public struct NodeRef: Hashable, Sendable, CustomStringConvertible {
    public let label: String
    public let key: [Value]
    /// `NodeKey.text(key)`, computed once where the record is made (the reading thread),
    /// not where it is written.
    public let keyText: String

    public init(label: String, key: [Value]) {
        self.label = label
        self.key = key
        self.keyText = NodeKey.text(key)
    }
    public var description: String { "\(label) \(NodeKey.display(keyText))" }
}

/// One node as a mapping produced it from one source record.
public struct NodeRecord: Sendable {
    public let label: String
    /// Natural key values, in the order of the label's key properties.
    public let key: [Value]
    /// `NodeKey.text(key)`, computed once where the record is made.
    public let keyText: String
    /// All properties the rule produced, key properties included.
    public var properties: PropertyList
    public var location: SourceLocation
    /// The mapping rule that produced it (`mappings/sap/mara.yaml nodes[0]`).
    public var rule: String

    public init(label: String, key: [Value], properties: PropertyList, location: SourceLocation, rule: String) {
        self.label = label
        self.key = key
        self.keyText = NodeKey.text(key)
        self.properties = properties
        self.location = location
        self.rule = rule
    }
}

/// One edge as a mapping produced it; endpoints are resolved by the store when the run
/// finishes, so an edge may name a node that a later source creates.
public struct EdgeRecord: Sendable {
    public var type: String
    public var from: NodeRef
    public var to: NodeRef
    public var properties: PropertyList
    public var location: SourceLocation
    public var rule: String

    public init(type: String, from: NodeRef, to: NodeRef, properties: PropertyList, location: SourceLocation, rule: String) {
        self.type = type
        self.from = from
        self.to = to
        self.properties = properties
        self.location = location
        self.rule = rule
    }
}

/// A source record that could not be turned into graph data, with the reason and the raw text,
/// stored so a person can fix it in the system of record.
public struct RejectRecord: Sendable, Hashable {
    public var location: SourceLocation
    public var rule: String?
    public var reason: String
    public var rawText: String

    public init(location: SourceLocation, rule: String?, reason: String, rawText: String) {
        self.location = location
        self.rule = rule
        self.reason = reason
        self.rawText = rawText
    }
}

/// A source file as registered for provenance.
public struct SourceFileInfo: Sendable, Hashable {
    public var path: String
    public var size: Int64
    /// Lower-case hex SHA-256 of the file's bytes.
    public var contentHash: String
    public var mapping: String

    public init(path: String, size: Int64, contentHash: String, mapping: String) {
        self.path = path
        self.size = size
        self.contentHash = contentHash
        self.mapping = mapping
    }
}
