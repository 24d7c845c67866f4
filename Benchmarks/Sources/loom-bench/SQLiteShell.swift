import Foundation

/// The baseline: hand-written recursive CTEs, each run by the `sqlite3` shell as a child
/// process on the graph's database file (read-only, `-csv`), timed from spawn to reap.
enum SQLiteShell {
    /// Runs `sql` once, untimed, and returns its CSV rows (fields are plain keys and numbers).
    static func rows(sqlite3: String, database: String, sql: String, scratch: URL) throws -> [[String]] {
        let (seconds, output) = try timed(sqlite3: sqlite3, database: database, sql: sql, scratch: scratch, timeout: 600)
        guard seconds != nil, let output else { throw ChildProcessError(description: "sqlite3 timed out on:\n\(sql)") }
        return output
    }

    /// Runs `sql` once; seconds are nil on timeout. Throws when the shell reports an error.
    static func timed(sqlite3: String, database: String, sql: String, scratch: URL,
                      timeout: Double) throws -> (seconds: Double?, rows: [[String]]?) {
        let input = scratch.appendingPathComponent("cte.sql").path
        let output = scratch.appendingPathComponent("cte-out.csv").path
        let errors = scratch.appendingPathComponent("cte-stderr.txt").path
        try sql.write(toFile: input, atomically: true, encoding: .utf8)
        let run = try TimedChild.run(sqlite3, ["-readonly", "-csv", database], stdin: input, stdout: output,
                                     stderr: errors, timeout: timeout)
        guard let seconds = run.seconds else { return (nil, nil) }
        let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        guard run.exitCode == 0, message.isEmpty else {
            throw ChildProcessError(description: "sqlite3 failed (exit \(run.exitCode)): \(message.prefix(2000))")
        }
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let rows = text.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
            }
        }
        return (seconds, rows)
    }

    /// The hand-written CTE for each question. Q1–Q3 enumerate paths (`UNION ALL`, the way
    /// quantities multiply down a path), bounded at `QueryWorkload.levelBound` levels so that
    /// they stop on cycles; Q4 and Q5 need only reachability and use `UNION` (set semantics).
    static func cte(_ query: QueryName, _ w: QueryWorkload) -> String {
        let lines = QueryWorkload.validLines(asOf: w.asOf)
        let bound = QueryWorkload.levelBound
        switch query {
        case .q1:
            return """
            WITH RECURSIVE e AS (\(lines)),
            x(node, qty, level) AS (
              SELECT _id, 1.0, 0 FROM node_Part WHERE _key = '\(w.finishedGood)'
              UNION ALL
              SELECT e.c, x.qty * e.q, x.level + 1 FROM x JOIN e ON e.p = x.node WHERE x.level < \(bound))
            SELECT n._key, sum(x.qty) FROM x JOIN node_Part n ON n._id = x.node WHERE x.level > 0 GROUP BY n._key;
            """
        case .q2:
            return """
            WITH RECURSIVE e AS (\(lines)),
            x(node, qty, level) AS (
              SELECT _id, 1.0, 0 FROM node_Part WHERE _key = '\(w.rawPart)'
              UNION ALL
              SELECT e.p, x.qty * e.q, x.level + 1 FROM x JOIN e ON e.c = x.node WHERE x.level < \(bound))
            SELECT n._key, sum(x.qty) FROM x JOIN node_Part n ON n._id = x.node WHERE x.level > 0 GROUP BY n._key;
            """
        case .q3:
            // Components replace the assembly's own cost: a part without valid lines is worth
            // its unitCost, an assembly the sum over its paths of quantity × leaf cost.
            return """
            WITH RECURSIVE e AS (\(lines)),
            x(root, node, qty, level) AS (
              SELECT _id, _id, 1.0, 0 FROM node_Part WHERE kind = 'finished'
              UNION ALL
              SELECT x.root, e.c, x.qty * e.q, x.level + 1 FROM x JOIN e ON e.p = x.node WHERE x.level < \(bound))
            SELECT r._key, sum(x.qty * CAST(n.unitCost AS REAL)) FROM x
              JOIN node_Part r ON r._id = x.root JOIN node_Part n ON n._id = x.node
            WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.p = x.node)
            GROUP BY r._key;
            """
        case .q4:
            return """
            WITH RECURSIVE e AS (\(lines)),
            r(node) AS (
              SELECT e.c FROM node_Part f JOIN e ON e.p = f._id WHERE f._key IN (\(QueryWorkload.sqlList(w.acyclicFinishedGoods)))
              UNION
              SELECT e.c FROM r JOIN e ON e.p = r.node)
            SELECT n._key FROM r JOIN node_Part n ON n._id = r.node JOIN edge_SUPPLIES s ON s._to = r.node
            GROUP BY n._key HAVING count(DISTINCT s._from) = 1;
            """
        case .q5:
            // Every part that reaches itself lies on a cycle; set semantics stop the walk.
            return """
            WITH RECURSIVE e AS (\(lines)),
            x(start, node) AS (
              SELECT e.p, e.c FROM e WHERE EXISTS (SELECT 1 FROM e AS up WHERE up.c = e.p)
              UNION
              SELECT x.start, e.c FROM x JOIN e ON e.p = x.node)
            SELECT n._key FROM x JOIN node_Part n ON n._id = x.start WHERE x.node = x.start;
            """
        }
    }

    /// The CTE's rows as an answer (Q1–Q3: key and number; Q4, Q5: key).
    static func answer(_ query: QueryName, rows: [[String]]) -> QueryAnswer {
        var values: [String: Double?] = [:]
        for row in rows where !row.isEmpty && !row[0].isEmpty {
            values[row[0]] = row.count > 1 ? Double(row[1]) : nil
        }
        return QueryAnswer(rows: rows.count, values: values)
    }
}
