/// A typed property declared on a node label or edge type.
public struct PropertyDefinition: Hashable, Sendable {
    public var name: String
    public var type: PropertyType

    public init(_ name: String, _ type: PropertyType) {
        self.name = name
        self.type = type
    }
}

/// A node label: its natural key (one or several property names) and its typed properties.
public struct NodeType: Hashable, Sendable {
    public var label: String
    /// Property names forming the natural key, unique per label.
    public var key: [String]
    /// Properties in declaration order (key properties included).
    public var properties: [PropertyDefinition]

    public init(label: String, key: [String], properties: [PropertyDefinition]) {
        self.label = label
        self.key = key
        self.properties = properties
    }

    public func property(_ name: String) -> PropertyDefinition? { properties.first { $0.name == name } }
}

/// An edge type between two labels, with typed properties (a BOM line's quantity, unit, ...).
public struct EdgeType: Hashable, Sendable {
    public var name: String
    public var from: String
    public var to: String
    public var properties: [PropertyDefinition]

    public init(name: String, from: String, to: String, properties: [PropertyDefinition]) {
        self.name = name
        self.from = from
        self.to = to
        self.properties = properties
    }

    public func property(_ name: String) -> PropertyDefinition? { properties.first { $0.name == name } }
}

/// The schema of a graph: every label and edge type with typed properties and keys.
/// Built from mappings, stored in the database file, read back on open.
public struct Catalog: Hashable, Sendable {
    public private(set) var nodeTypes: [NodeType]
    public private(set) var edgeTypes: [EdgeType]

    public init(nodeTypes: [NodeType] = [], edgeTypes: [EdgeType] = []) {
        self.nodeTypes = nodeTypes
        self.edgeTypes = edgeTypes
    }

    public func nodeType(_ label: String) -> NodeType? { nodeTypes.first { $0.label == label } }
    public func edgeType(_ name: String) -> EdgeType? { edgeTypes.first { $0.name == name } }

    /// One incompatibility between two declarations of the same thing.
    public struct Conflict: Hashable, Sendable, CustomStringConvertible {
        public var subject: String
        public var message: String
        public var description: String { "\(subject): \(message)" }
    }

    /// Adds or extends a label. Properties new to the label are appended; a property declared
    /// again with another type, or a different key, is a conflict and changes nothing.
    public mutating func declare(_ node: NodeType) -> [Conflict] {
        guard let index = nodeTypes.firstIndex(where: { $0.label == node.label }) else {
            nodeTypes.append(node)
            return []
        }
        var existing = nodeTypes[index]
        var conflicts: [Conflict] = []
        if existing.key != node.key {
            conflicts.append(Conflict(subject: node.label,
                message: "key is (\(existing.key.joined(separator: ", "))) but is declared again as (\(node.key.joined(separator: ", ")))"))
        }
        conflicts += Catalog.merge(&existing.properties, node.properties, owner: node.label)
        if conflicts.isEmpty { nodeTypes[index] = existing }
        return conflicts
    }

    /// Adds or extends an edge type; endpoints must agree with an earlier declaration.
    public mutating func declare(_ edge: EdgeType) -> [Conflict] {
        guard let index = edgeTypes.firstIndex(where: { $0.name == edge.name }) else {
            edgeTypes.append(edge)
            return []
        }
        var existing = edgeTypes[index]
        var conflicts: [Conflict] = []
        if existing.from != edge.from || existing.to != edge.to {
            conflicts.append(Conflict(subject: edge.name,
                message: "connects \(existing.from) → \(existing.to) but is declared again as \(edge.from) → \(edge.to)"))
        }
        conflicts += Catalog.merge(&existing.properties, edge.properties, owner: edge.name)
        if conflicts.isEmpty { edgeTypes[index] = existing }
        return conflicts
    }

    private static func merge(_ properties: inout [PropertyDefinition], _ added: [PropertyDefinition], owner: String) -> [Conflict] {
        var conflicts: [Conflict] = []
        for property in added {
            if let i = properties.firstIndex(where: { $0.name == property.name }) {
                let old = properties[i].type
                if old == property.type { continue }
                if case .enumeration(let a) = old, case .enumeration(let b) = property.type {
                    // Two mappings, or an old graph and a new mapping: the union of values.
                    properties[i].type = .enumeration(a + b.filter { !a.contains($0) })
                    continue
                }
                conflicts.append(Conflict(subject: "\(owner).\(property.name)",
                    message: "is \(old) but is declared again as \(property.type)"))
            } else {
                properties.append(property)
            }
        }
        return conflicts
    }

    /// What importing under `newer` would do to a graph stored under `self`:
    /// additions are applied in place; type changes are conflicts the user must resolve.
    public func evolution(to newer: Catalog) -> (merged: Catalog, conflicts: [Conflict]) {
        var merged = self
        var conflicts: [Conflict] = []
        for node in newer.nodeTypes { conflicts += merged.declare(node) }
        for edge in newer.edgeTypes { conflicts += merged.declare(edge) }
        return (merged, conflicts)
    }
}
