import Foundation
import GraphModel
import GraphStore

extension BOMStructure {
    /// Which way a partial load follows the BOM lines from its starting parts.
    public enum Reach: Sendable {
        /// Components, their components, … (what an explosion or a roll-up needs).
        case down
        /// Assemblies, their assemblies, … (what a where-used needs).
        case up
    }

    /// Loads only the part of the BOM reachable from `parts` (following `reach`), through the
    /// edge indexes, so a single explosion or where-used costs the lines it reaches rather than
    /// the whole structure. Lines are the ones valid at `options.asOf`; cycles terminate
    /// (reachable parts are collected once each) and are reported by the walks as usual.
    ///
    /// Breadth first, one statement per BOM level: the lines of the parts first reached on the
    /// level before (a JSON list of node ids), so every line is read once, through the index
    /// on its near end (a recursive CTE would read each line twice: once to collect the parts
    /// and once more to return the lines). Then the parts' keys, in key order:
    ///
    ///     SELECT _from, _to, "quantity" FROM "edge_HAS_COMPONENT"
    ///     WHERE _from IN (SELECT value FROM json_each(?)) AND <valid at asOf>
    ///     SELECT _id, _key FROM "node_Part" WHERE _id IN (SELECT value FROM json_each(?)) OR … ORDER BY _key
    public static func load(from store: GraphStore, options: BOMOptions, reachableFrom parts: [String], reach: Reach) throws -> BOMStructure {
        let schema = try Schema(catalog: store.catalog, options: options)
        let nodeTable = quoted("node_" + schema.label)
        let edgeTable = quoted("edge_" + schema.edgeType)
        let keyColumn = schema.keyProperty.map(quoted) ?? "_key"
        let near = reach == .down ? "_from" : "_to"
        let validity = schema.validity(asOf: options.asOf, table: nil)
        let valid = validity.conditions.map { " AND " + $0 }.joined()
        let startKeys = JSONText.array(parts.map(JSONText.string))
        let levelSQL = """
            SELECT _from, _to, \(schema.quantity.map(quoted) ?? "1") FROM \(edgeTable)
            WHERE \(near) IN (SELECT value FROM json_each(?))\(valid)
            """

        // Node ids numbered on first sight; the starting parts first.
        var localByID: [Int64: Int32] = [:]
        var ids: [Int64] = []
        var frontier: [Int64] = []
        try store.forEachRow("SELECT _id FROM \(nodeTable) WHERE \(keyColumn) IN (SELECT value FROM json_each(?))",
                             arguments: [.string(startKeys)]) { row in
            guard case .integer(let id) = row[0], localByID[id] == nil else { return }
            localByID[id] = Int32(ids.count)
            ids.append(id)
            frontier.append(id)
        }
        var lines = BOMLineTable()
        var check = CancellationCheck(isCancelled: options.isCancelled)
        while !frontier.isEmpty {
            var next: [Int64] = []
            try store.forEachRow(levelSQL, arguments: [.string(Self.jsonList(frontier))] + validity.arguments) { row in
                try check.step()
                guard case .integer(let from) = row[0], case .integer(let to) = row[1] else { return }
                let far = reach == .down ? to : from
                if localByID[far] == nil {
                    localByID[far] = Int32(ids.count)
                    ids.append(far)
                    next.append(far)
                }
                guard let parent = localByID[from], let component = localByID[to] else { return }
                lines.append(parent: parent, component: component, amount: BOMQuantity.number(row[2]))
            }
            frontier = next
        }

        // The parts, in key order; `position[local]` is a part's place in that order.
        var keys: [String] = []
        var nodeIDs: [Int64] = []
        var position = [Int32](repeating: -1, count: ids.count)
        let selectKey = schema.keyProperty.map { "_key, " + quoted($0) } ?? "_key"
        try store.forEachRow("""
            SELECT _id, \(selectKey) FROM \(nodeTable) WHERE _id IN (SELECT value FROM json_each(?)) ORDER BY \(keyColumn)
            """, arguments: [.string(Self.jsonList(ids))]) { row in
            guard case .integer(let id) = row[0], let index = localByID[id] else { return }
            position[Int(index)] = Int32(keys.count)
            keys.append(partKey(row))
            nodeIDs.append(id)
        }
        // Lines to or from a node without a part row (not in a consistent graph) are left out.
        var table = BOMLineTable()
        table.reserve(lines.count)
        for line in 0..<lines.count {
            let parent = position[Int(lines.parents[line])], component = position[Int(lines.components[line])]
            guard parent >= 0, component >= 0 else { continue }
            table.append(parent: parent, component: component,
                         amount: lines.amounts.isMissing(line) ? nil : lines.amounts[line])
        }
        return try BOMStructure(options: options, label: schema.label, keys: keys, nodeIDs: nodeIDs, lines: table)
    }

    /// `[1,2,3]`: node ids as a JSON list for `json_each`.
    static func jsonList(_ ids: [Int64]) -> String {
        var text = "["
        text.reserveCapacity(ids.count * 10 + 2)
        for (i, id) in ids.enumerated() {
            if i > 0 { text += "," }
            text += String(id)
        }
        return text + "]"
    }
}
