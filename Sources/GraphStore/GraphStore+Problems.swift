import GraphModel
import SQLiteDB

extension GraphStore {
    // MARK: - Rejects, dangling edges, conflicts

    /// Rejected rows of `run` (nil: the newest run of any status, so a failed import's reasons
    /// show), in source order, at most `limit`.
    public func rejects(run: Int64? = nil, limit: Int = 100) throws -> [RejectEntry] {
        try StoreError.wrap {
            guard let run = try run ?? db.fetchInt64("SELECT max(id) FROM _runs") else { return [] }
            var entries: [RejectEntry] = []
            try db.forEachRow("""
                SELECT r.run, coalesce(s.path, ''), r.line, r."column", r.record, r.rule, r.reason, r.raw_text
                FROM _rejects AS r LEFT JOIN _sources AS s ON s.id = r.source
                WHERE r.run = ? ORDER BY r.id LIMIT ?
                """, arguments: [.integer(run), .integer(Int64(limit))]) { row in
                entries.append(RejectEntry(run: row.int64(0), source: row.string(1) ?? "", line: Int(row.int64(2)),
                                           column: row.isNull(3) ? nil : Int(row.int64(3)),
                                           record: row.isNull(4) ? nil : Int(row.int64(4)),
                                           rule: row.string(5), reason: row.string(6) ?? "", rawText: row.string(7) ?? ""))
            }
            return entries
        }
    }

    /// Edges of `run` (nil: the run the graph came from) whose endpoint is missing, at most `limit`.
    public func dangling(run: Int64? = nil, limit: Int = 100) throws -> [DanglingEntry] {
        try StoreError.wrap {
            guard let run = try run ?? currentRunID() else { return [] }
            var entries: [DanglingEntry] = []
            try db.forEachRow("""
                SELECT d.run, coalesce(s.path, ''), d.line, d.rule, d.edge_type, d.from_label, d.from_key,
                       d.to_label, d.to_key, d.missing
                FROM _dangling AS d LEFT JOIN _sources AS s ON s.id = d.source
                WHERE d.run = ? ORDER BY d.source, d.line LIMIT ?
                """, arguments: [.integer(run), .integer(Int64(limit))]) { row in
                entries.append(DanglingEntry(run: row.int64(0), source: row.string(1) ?? "", line: Int(row.int64(2)),
                                             rule: row.string(3), edgeType: row.string(4) ?? "",
                                             fromLabel: row.string(5) ?? "", fromKey: NodeKey.display(row.string(6) ?? ""),
                                             toLabel: row.string(7) ?? "", toKey: NodeKey.display(row.string(8) ?? ""),
                                             missing: MissingEnd(rawValue: row.string(9) ?? "") ?? .both))
            }
            return entries
        }
    }

    /// Property conflicts of `run` (nil: the run the graph came from), optionally of one label,
    /// at most `limit`.
    public func conflicts(run: Int64? = nil, label: String? = nil, limit: Int = 100) throws -> [ConflictEntry] {
        try StoreError.wrap {
            guard let run = try run ?? currentRunID() else { return [] }
            var entries: [ConflictEntry] = []
            try db.forEachRow("""
                SELECT c.run, c.label, c.key, c.property, c.kept_value, c.other_value,
                       ks.id, ks.path, c.kept_line, ks.run, ks.mapping,
                       os.id, os.path, c.other_line, os.run, os.mapping
                FROM _conflicts AS c
                LEFT JOIN _sources AS ks ON ks.id = c.kept_source
                LEFT JOIN _sources AS os ON os.id = c.other_source
                WHERE c.run = ? AND (? IS NULL OR c.label = ?) ORDER BY c.id LIMIT ?
                """, arguments: [.integer(run), label.map { .text($0) } ?? .null, label.map { .text($0) } ?? .null,
                                 .integer(Int64(limit))]) { row in
                entries.append(ConflictEntry(run: row.int64(0), label: row.string(1) ?? "",
                                             key: NodeKey.display(row.string(2) ?? ""), property: row.string(3) ?? "",
                                             keptValue: row.string(4) ?? "", kept: Self.position(row, from: 6),
                                             otherValue: row.string(5) ?? "", other: Self.position(row, from: 11)))
            }
            return entries
        }
    }

    /// Reads `source id, path, line, run, mapping` starting at column `start`; nil when the source is unknown.
    static func position(_ row: Statement, from start: Int) -> SourcePosition? {
        if row.isNull(start) { return nil }
        return SourcePosition(sourceID: row.int64(start), path: row.string(start + 1) ?? "",
                              line: Int(row.int64(start + 2)), run: row.int64(start + 3), mapping: row.string(start + 4) ?? "")
    }

    // MARK: - Provenance

    /// Where the node with `label` and `key` came from: the record that created it and every
    /// record merged into it. `key` is the key text; composite keys may be written with `/`
    /// between parts (`4711/1000`). Nil when there is no such node.
    public func provenance(label: String, key: String) throws -> NodeProvenance? {
        guard let node = catalog.nodeType(label) else {
            throw StoreError(.unknownName,
                "there is no label \(label) in the graph\(Suggestions.hint(for: label, in: catalog.nodeTypes.map(\.label)))")
        }
        return try StoreError.wrap {
            let table = Identifier.nodeTable(label)
            let columns = node.properties.map { ", n." + Identifier.quoted($0.name) }.joined()
            let sql = """
                SELECT n._id, n._key, s.id, s.path, n._line, s.run, s.mapping\(columns)
                FROM \(table) AS n LEFT JOIN _sources AS s ON s.id = n._source WHERE n._key = ?
                """
            var candidates = [key]
            if node.key.count > 1, !key.contains(NodeKey.separator) {
                candidates.append(key.split(separator: "/", omittingEmptySubsequences: false)
                    .joined(separator: String(NodeKey.separator)))
            }
            for candidate in candidates {
                let statement = try db.prepare(sql)
                try statement.bind(candidate, at: 1)
                guard try statement.step() else { continue }
                let values = node.properties.enumerated().map { offset, property in
                    StoredValue.decode(statement.value(offset + 7), as: property.type)
                }
                let nodeID = statement.int64(0)
                let keyText = statement.string(1) ?? candidate
                let createdBy = Self.position(statement, from: 2)
                var contributions: [SourcePosition] = []
                try db.forEachRow("""
                    SELECT s.id, s.path, c.line, s.run, s.mapping FROM _contributions AS c
                    JOIN _sources AS s ON s.id = c.source WHERE c.label = ? AND c.node_id = ? ORDER BY c.id
                    """, arguments: [.text(label), .integer(nodeID)]) { row in
                    if let position = Self.position(row, from: 0) { contributions.append(position) }
                }
                return NodeProvenance(label: label, key: NodeKey.display(keyText), nodeID: nodeID,
                                      properties: PropertyList(names: node.properties.map(\.name), values: values),
                                      createdBy: createdBy, contributions: contributions)
            }
            return nil
        }
    }
}
