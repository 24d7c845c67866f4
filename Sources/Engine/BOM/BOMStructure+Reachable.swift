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
    ///     WITH RECURSIVE r(id) AS (SELECT _id FROM "node_Part" WHERE _key IN (…)
    ///       UNION SELECT e._to FROM r JOIN "edge_HAS_COMPONENT" e ON e._from = r.id WHERE <valid>)
    ///     SELECT e._from, e._to, e."quantity" FROM "edge_HAS_COMPONENT" e JOIN r ON e._from = r.id WHERE <valid>
    public static func load(from store: GraphStore, options: BOMOptions, reachableFrom parts: [String], reach: Reach) throws -> BOMStructure {
        let schema = try Schema(catalog: store.catalog, options: options)
        let nodeTable = quoted("node_" + schema.label)
        let edgeTable = quoted("edge_" + schema.edgeType)
        let keyColumn = schema.keyProperty.map(quoted) ?? "_key"
        let (near, far) = reach == .down ? ("_from", "_to") : ("_to", "_from")
        let validity = schema.validity(asOf: options.asOf, table: "e")
        let valid = validity.conditions.isEmpty ? "" : " WHERE " + validity.conditions.joined(separator: " AND ")
        let startKeys = JSONText.array(parts.map(JSONText.string))
        let sql = """
            WITH RECURSIVE r(id) AS (
              SELECT _id FROM \(nodeTable) WHERE \(keyColumn) IN (SELECT value FROM json_each(?))
              UNION SELECT e.\(far) FROM r JOIN \(edgeTable) AS e ON e.\(near) = r.id\(valid))
            SELECT e._from, e._to, \(schema.quantity.map { "e." + quoted($0) } ?? "1")
            FROM \(edgeTable) AS e JOIN r ON e.\(near) = r.id\(valid)
            """
        var raw: [(from: Int64, to: Int64, quantity: Decimal?)] = []
        var ids = Set<Int64>()
        var check = CancellationCheck(isCancelled: options.isCancelled)
        try store.forEachRow(sql, arguments: [.string(startKeys)] + validity.arguments + validity.arguments) { row in
            try check.step()
            guard case .integer(let from) = row[0], case .integer(let to) = row[1] else { return }
            raw.append((from, to, BOMQuantity.decimal(row[2])))
            ids.insert(from)
            ids.insert(to)
        }

        // The parts: the starting ones (so an unknown part is reported as such) and every one reached.
        var keys: [String] = []
        var nodeIDs: [Int64] = []
        var indexByNodeID: [Int64: Int32] = [:]
        let idList = JSONText.array(ids.sorted().map { String($0) })
        let selectKey = schema.keyProperty.map { "_key, " + quoted($0) } ?? "_key"
        try store.forEachRow("""
            SELECT _id, \(selectKey) FROM \(nodeTable)
            WHERE _id IN (SELECT value FROM json_each(?)) OR \(keyColumn) IN (SELECT value FROM json_each(?))
            """, arguments: [.string(idList), .string(startKeys)]) { row in
            guard case .integer(let id) = row[0] else { return }
            let storedKey = NodeKey.display(row[1].description)
            let key = row.count > 2 && !row[2].isNull ? row[2].description : storedKey
            indexByNodeID[id] = Int32(keys.count)
            keys.append(key)
            nodeIDs.append(id)
        }
        var lines: [(parent: Int32, component: Int32, quantity: Decimal)] = []
        lines.reserveCapacity(raw.count)
        var withoutQuantity = 0
        for line in raw {
            guard let parent = indexByNodeID[line.from], let component = indexByNodeID[line.to] else { continue }
            if line.quantity == nil { withoutQuantity += 1 }
            lines.append((parent, component, line.quantity ?? 0))
        }
        return try BOMStructure(options: options, label: schema.label, keys: keys, nodeIDs: nodeIDs,
                                lines: lines, linesWithoutQuantity: withoutQuantity)
    }
}
