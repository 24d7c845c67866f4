import Foundation

/// The parts the query benchmark asks about, chosen by SQL on the imported graph (untimed,
/// deterministic): the finished good with the deepest acyclic BOM at `asOf` (ties: smallest
/// key), the raw part used directly in the most assemblies at `asOf` and not below a cycle (ties: smallest key), and the
/// finished goods, split into those whose BOM is acyclic and those that reach a cycle.
struct QueryWorkload: Sendable {
    var asOf: String
    var finishedGood: String
    var finishedGoodDepth: Int
    var rawPart: String
    var rawPartAssemblies: Int
    var finishedGoods: [String]
    var acyclicFinishedGoods: [String]
    var cyclicFinishedGoods: Set<String>

    /// Levels a hand-written CTE may descend (it must stop on the plant's cycles).
    static let levelBound = 12
    /// Heights at or beyond this bound mean "reaches a cycle" (no acyclic BOM in the
    /// generated plant is deeper than 8 levels).
    static let heightBound = 16

    /// BOM lines valid at the date, as the hand-written SQL reads them.
    static func validLines(asOf: String) -> String {
        """
        SELECT _from AS p, _to AS c, CAST(quantity AS REAL) AS q FROM edge_HAS_COMPONENT
          WHERE (validFrom IS NULL OR validFrom <= '\(asOf)') AND (validTo IS NULL OR validTo >= '\(asOf)')
        """
    }

    static func choose(database: String, sqlite3: String, asOf: String, scratch: URL) throws -> QueryWorkload {
        let heights = """
        WITH RECURSIVE e(p, c) AS (SELECT p, c FROM (\(validLines(asOf: asOf)))),
        h(node, height) AS (
          SELECT _id, 0 FROM node_Part n WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.p = n._id)
          UNION
          SELECT e.p, h.height + 1 FROM h JOIN e ON e.c = h.node WHERE h.height < \(heightBound))
        SELECT n._key, max(h.height) FROM node_Part n LEFT JOIN h ON h.node = n._id
        WHERE n.kind = 'finished' GROUP BY n._id ORDER BY n._key;
        """
        // Raw parts below a cycle have no where-used answer (the walk up meets the cycle): a part
        // reached at depth ≥ heightBound from the top of the BOM is below one, and is passed over.
        let raw = """
        WITH RECURSIVE e(p, c) AS (SELECT p, c FROM (\(validLines(asOf: asOf)))),
        t(node, depth) AS (
          SELECT _id, 0 FROM node_Part n WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.c = n._id)
          UNION
          SELECT e.c, t.depth + 1 FROM t JOIN e ON e.p = t.node WHERE t.depth < \(heightBound)),
        belowCycle(node) AS (SELECT node FROM t WHERE depth >= \(heightBound))
        SELECT n._key, count(DISTINCT e.p) AS uses FROM e JOIN node_Part n ON n._id = e.c
        WHERE n.kind = 'raw' AND e.c NOT IN belowCycle GROUP BY n._id ORDER BY uses DESC, n._key LIMIT 1;
        """
        let goods = try SQLiteShell.rows(sqlite3: sqlite3, database: database, sql: heights, scratch: scratch)
        let rawRows = try SQLiteShell.rows(sqlite3: sqlite3, database: database, sql: raw, scratch: scratch)
        guard let rawRow = rawRows.first, rawRow.count == 2 else {
            throw ChildProcessError(description: "no raw part is used in an assembly in \(database)")
        }
        var all: [String] = [], acyclic: [String] = [], cyclic: Set<String> = []
        var best: (key: String, depth: Int)?
        for row in goods where row.count == 2 {
            let key = row[0], height = Int(row[1]) ?? heightBound
            all.append(key)
            if height >= heightBound { cyclic.insert(key); continue }
            acyclic.append(key)
            if best.map({ height > $0.depth }) ?? true { best = (key, height) }
        }
        guard let best else { throw ChildProcessError(description: "no finished good with an acyclic BOM in \(database)") }
        return QueryWorkload(asOf: asOf, finishedGood: best.key, finishedGoodDepth: best.depth,
                             rawPart: rawRow[0], rawPartAssemblies: Int(rawRow[1]) ?? 0,
                             finishedGoods: all, acyclicFinishedGoods: acyclic, cyclicFinishedGoods: cyclic)
    }

    /// `'a', 'b', …` for an SQL IN list (keys are digits in the generated plant; quotes doubled).
    static func sqlList(_ keys: [String]) -> String {
        keys.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
    }

    /// A JSON list of texts.
    static func jsonList(_ keys: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: keys)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
