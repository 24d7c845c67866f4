import Foundation
import GraphModel
import GraphStore

extension BOMStructure {
    /// Loads the BOM of `store` as `options` describe it: checks every name against the
    /// catalog, reads the parts in key order (`SELECT _id, _key FROM node_<Label> ORDER BY _key`,
    /// an index scan) and then, in one pass, the lines valid at `options.asOf`:
    ///
    ///     SELECT _from, _to, "quantity" FROM "edge_HAS_COMPONENT"
    ///     WHERE ("validFrom" IS NULL OR "validFrom" <= ?) AND ("validTo" IS NULL OR "validTo" >= ?)
    ///
    /// Node ids map to part indexes through an array when the ids are dense (they are row ids),
    /// and quantities parse straight into `BOMNumber`s.
    public static func load(from store: GraphStore, options: BOMOptions) throws -> BOMStructure {
        let schema = try Schema(catalog: store.catalog, options: options)
        var keys: [String] = []
        var nodeIDs: [Int64] = []
        let keyColumn = schema.keyProperty.map { "_key, " + quoted($0) } ?? "_key"
        let order = schema.keyProperty == nil ? " ORDER BY _key" : ""
        try store.forEachRow("SELECT _id, \(keyColumn) FROM \(quoted("node_" + schema.label))\(order)") { row in
            guard case .integer(let id) = row[0] else { return }
            keys.append(partKey(row))
            nodeIDs.append(id)
        }
        let indexByNodeID = NodeIndexMap(nodeIDs: nodeIDs)

        var sql = "SELECT _from, _to"
        sql += schema.quantity.map { ", " + quoted($0) } ?? ", 1"
        sql += " FROM " + quoted("edge_" + schema.edgeType)
        let validity = schema.validity(asOf: options.asOf, table: nil)
        if !validity.conditions.isEmpty { sql += " WHERE " + validity.conditions.joined(separator: " AND ") }
        let arguments = validity.arguments

        var lines = BOMLineTable()
        // Room for every line at once (the largest row id bounds the count; O(log n) to read).
        var capacity = 0
        try store.forEachRow("SELECT max(_id) FROM \(quoted("edge_" + schema.edgeType))") { row in
            if case .integer(let maximum) = row[0] { capacity = Int(clamping: maximum) }
        }
        lines.reserve(min(capacity, 1 << 26))
        var check = CancellationCheck(isCancelled: options.isCancelled)
        try store.forEachRow(sql, arguments: arguments) { row in
            try check.step()
            guard case .integer(let from) = row[0], case .integer(let to) = row[1],
                  let parent = indexByNodeID[from], let component = indexByNodeID[to] else { return }
            lines.append(parent: parent, component: component, amount: BOMQuantity.number(row[2]))
        }
        return try BOMStructure(options: options, label: schema.label, keys: keys, nodeIDs: nodeIDs, lines: lines)
    }

    /// A part's key from a row `_id, _key[, keyProperty]`: the key property when asked for and
    /// set, else the natural key as shown (composite keys `a/b`).
    static func partKey(_ row: [Value]) -> String {
        if row.count > 2, !row[2].isNull { return row[2].description }
        guard case .string(let stored) = row[1] else { return NodeKey.display(row[1].description) }
        return stored.utf8.contains(0x1F) ? NodeKey.display(stored) : stored
    }

    /// `"name"`, for identifiers already checked against the catalog.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The options' names resolved against the catalog.
    struct Schema {
        var edgeType: String
        var label: String
        var quantity: String?
        var validFrom: String?
        var validTo: String?
        var keyProperty: String?
        var nodeType: NodeType

        init(catalog: Catalog, options: BOMOptions) throws {
            guard let edge = catalog.edgeType(options.edgeType) else {
                let names = catalog.edgeTypes.map(\.name)
                throw BOMError(.unknownEdgeType, "unknown edge type '\(options.edgeType)'"
                    + Suggestions.hint(for: options.edgeType, in: names)
                    + (names.isEmpty ? "; the graph has no edge types" : "; the graph has " + names.joined(separator: ", ")))
            }
            let label = options.label ?? edge.from
            guard let node = catalog.nodeType(label) else {
                throw BOMError(.unknownLabel, "unknown label '\(label)'"
                    + Suggestions.hint(for: label, in: catalog.nodeTypes.map(\.label)))
            }
            guard edge.from == label, edge.to == label else {
                throw BOMError(.notABillOfMaterials,
                    "\(edge.name) connects \(edge.from) → \(edge.to); a BOM edge type must connect \(label) to \(label)")
            }
            edgeType = edge.name
            self.label = label
            nodeType = node
            quantity = try options.quantity.map { name in
                try Schema.property(name, of: edge, role: "a BOM quantity", allowed: [.integer, .float, .decimal])
            }
            if options.asOf != nil {
                validFrom = try options.validFrom.map { try Schema.property($0, of: edge, role: "a validity bound", allowed: [.date]) }
                validTo = try options.validTo.map { try Schema.property($0, of: edge, role: "a validity bound", allowed: [.date]) }
            }
            if let key = options.keyProperty {
                guard node.property(key) != nil else {
                    throw BOMError(.unknownProperty, "unknown property '\(key)' on \(label)"
                        + Suggestions.hint(for: key, in: node.properties.map(\.name)))
                }
                keyProperty = key
            }
        }

        /// The conditions (and their arguments) that keep only the lines valid at `asOf`,
        /// on columns of `table` (an alias) or unqualified.
        func validity(asOf: LocalDate?, table: String?) -> (conditions: [String], arguments: [Value]) {
            guard let asOf else { return ([], []) }
            let prefix = table.map { $0 + "." } ?? ""
            var conditions: [String] = []
            var arguments: [Value] = []
            if let from = validFrom {
                conditions.append("(\(prefix)\(quoted(from)) IS NULL OR \(prefix)\(quoted(from)) <= ?)")
                arguments.append(.date(asOf))
            }
            if let to = validTo {
                conditions.append("(\(prefix)\(quoted(to)) IS NULL OR \(prefix)\(quoted(to)) >= ?)")
                arguments.append(.date(asOf))
            }
            return (conditions, arguments)
        }

        static func property(_ name: String, of edge: EdgeType, role: String, allowed: [PropertyType]) throws -> String {
            guard let property = edge.property(name) else {
                throw BOMError(.unknownProperty, "unknown property '\(name)' on \(edge.name)"
                    + Suggestions.hint(for: name, in: edge.properties.map(\.name)))
            }
            guard allowed.contains(property.type) else {
                throw BOMError(.wrongPropertyType, "property '\(name)' on \(edge.name) is \(property.type); "
                    + "\(role) must be " + allowed.map(\.description).joined(separator: ", ").replacingLastComma())
            }
            return name
        }
    }
}

/// Node `_id` → part index: an array over the id range when ids are dense (row ids of a node
/// table usually are), a dictionary otherwise.
struct NodeIndexMap {
    private var base: Int64 = 0
    private var dense: [Int32] = []
    private var sparse: [Int64: Int32] = [:]
    private var isDense = false

    init(nodeIDs: [Int64]) {
        if let low = nodeIDs.min(), let high = nodeIDs.max() {
            let (span, overflow) = high.subtractingReportingOverflow(low)
            if !overflow, span < Int64(nodeIDs.count) * 4 + 1024 {
                isDense = true
                base = low
                dense = [Int32](repeating: -1, count: Int(span) + 1)
                for (index, id) in nodeIDs.enumerated() { dense[Int(id - low)] = Int32(index) }
                return
            }
        }
        sparse.reserveCapacity(nodeIDs.count)
        for (index, id) in nodeIDs.enumerated() { sparse[id] = Int32(index) }
    }

    @inline(__always) subscript(id: Int64) -> Int32? {
        guard isDense else { return sparse[id] }
        let offset = id &- base
        guard offset >= 0, offset < Int64(dense.count) else { return nil }
        let index = dense[Int(offset)]
        return index < 0 ? nil : index
    }
}

private extension String {
    /// `integer, float, decimal` → `integer, float or decimal`.
    func replacingLastComma() -> String {
        guard let range = range(of: ", ", options: .backwards) else { return self }
        return replacingCharacters(in: range, with: " or ")
    }
}
