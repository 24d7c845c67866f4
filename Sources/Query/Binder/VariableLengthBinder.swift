import GraphModel

/// A variable-length relationship compiled to a recursive CTE (`vl1`, `vl2`, …) whose rows are
/// the paths it matches: `_start` (the node the walk starts from), `_end`, `_depth` (hops),
/// `_edges` (the edges walked, in pattern order, as `,t1,t2,` where a token is
/// `_id * <number of edge types> + <type index>`), and, for a named path, `_via` (the nodes
/// strictly between the two ends, `,n1,n2,`).
///
/// ```sql
/// vl1(_start, _end, _depth, _edges) AS (
/// SELECT s._id, s._id, 0, ',' FROM "node_Part" AS s WHERE s."number" = ?1
/// UNION ALL
/// SELECT p._start, e._to, p._depth + 1, p._edges || (e._id * 4 + 0) || ','
/// FROM vl1 AS p JOIN "edge_HAS_COMPONENT" AS e ON e._from = p._end
/// WHERE (p._depth < 15) AND (instr(p._edges, ',' || (e._id * 4 + 0) || ',') = 0)
/// )
/// ```
/// The query then joins `vl1` on `vl1._start = n1._id AND vl1._end = n2._id AND vl1._depth >= 1`.
/// An edge is walked at most once per path (openCypher's relationship uniqueness), so a cycle
/// ends the walk; an unbounded `*` or `*m..` walks at most `defaultMaximumHops` hops.
/// The walk starts from the end that is constrained (a property map, a variable bound by an
/// earlier clause, or a WHERE condition on it alone), so a pattern anchored on one part does not
/// enumerate the paths of the whole graph.
struct VariableLengthBinding {
    /// The CTE's name, also the name the query joins.
    var cte: String
    var types: [EdgeType]
    var label: NodeType
    var minimum: Int
    var maximum: Int
    /// True when the walk starts from the pattern's left node.
    var seedAtLeft: Bool
    /// The CTE carries `_via` (needed by a named path).
    var hasVia: Bool
    var optional: Bool
    /// `*1..15` as compiled.
    var lengthText: String
    /// The EXPLAIN line.
    var plan: String
}

extension CompilationContext {
    /// The hop cap of an unbounded `*` / `*m..` (documented in docs/query-language.md).
    static let defaultMaximumHops = 15

    /// True when some CTE is a variable-length walk (the statement needs `WITH RECURSIVE`).
    var hasRecursiveCTE: Bool { ctes.contains { $0.hasPrefix("vl") } }

    /// Checks a variable-length relationship before labels are inferred.
    func checkVariableLength(_ relationship: RelationshipPattern, candidates: [EdgeType]) throws(QueryError) {
        if let range = relationship.length, let minimum = range.minimum, let maximum = range.maximum, minimum > maximum {
            throw error("a variable-length relationship's minimum length (\(minimum)) is above its maximum (\(maximum))",
                        at: relationship.span)
        }
        guard !relationship.types.isEmpty else { return }
        if let mixed = candidates.first(where: { $0.from != $0.to }) {
            throw unsupported("a variable-length relationship over \(mixed.name), which connects \(mixed.from) → \(mixed.to) "
                + "(each hop of a variable-length path must lead from a label back to itself, such as Part → Part)",
                at: relationship.span)
        }
    }

    /// Compiles the walk of `hop` into a recursive CTE (appended to `ctes`).
    func bindVariableLength(_ hop: PatternHop, types: [EdgeType], seed: PathSeed, filters: [EdgeFilter],
                            needsVia: Bool, optional: Bool) throws(QueryError) -> VariableLengthBinding {
        let range = hop.pattern.length ?? LengthRange(minimum: nil, maximum: nil)
        let minimum = range.minimum ?? 1
        let maximum = range.maximum ?? max(Self.defaultMaximumHops, minimum)
        guard let first = hop.branches.first, let label = catalog.nodeType(first.type.from) else {
            preconditionFailure("a variable-length hop without branches")
        }
        walkCount += 1
        let name = "vl\(walkCount)"
        let edge = edgeSource(hop.branches)
        var edgeConditions: [String] = []
        if let map = hop.pattern.properties { edgeConditions += try propertyConditions(map, of: .relationship(edge.binding)) }
        for filter in filters { edgeConditions.append(try bind(filter, on: edge.binding)) }

        let token = PathJSON.token(id: "e._id", tag: edge.binding.typeTag, catalog: catalog)
        let from = seed.atLeft ? edge.left : edge.right, to = seed.atLeft ? edge.right : edge.left
        let edges = seed.atLeft ? "p._edges || \(token) || ','" : "',' || \(token) || p._edges"
        let via = seed.atLeft ? "CASE WHEN p._depth = 0 THEN ',' ELSE p._via || p._end || ',' END"
            : "CASE WHEN p._depth = 0 THEN ',' ELSE ',' || p._end || p._via END"
        let columns = "_start, _end, _depth, _edges" + (needsVia ? ", _via" : "")
        let start = "SELECT s._id, s._id, 0, ','" + (needsVia ? ", ','" : "") + " FROM \(SQLText.nodeTable(label.label)) AS s"
            + (seed.conditions.isEmpty ? "" : " WHERE " + SQLText.and(seed.conditions))
        let step = "SELECT p._start, \(to), p._depth + 1, \(edges)" + (needsVia ? ", " + via : "")
            + "\nFROM \(name) AS p JOIN \(edge.table) ON \(from) = p._end"
            + "\nWHERE " + SQLText.and(["p._depth < \(maximum)", "instr(p._edges, ',' || \(token) || ',') = 0"] + edgeConditions)
        ctes.append("\(name)(\(columns)) AS (\n\(start)\nUNION ALL\n\(step)\n)")

        let lengthText = "*\(minimum)..\(maximum)"
        let direction = hop.pattern.direction == .either ? "either way"
            : (seed.atLeft == (hop.pattern.direction == .outgoing) ? "along its edges" : "against its edges")
        var plan = "  VariableLength \(name): recursive CTE walking \(types.map(\.name).joined(separator: "|")) \(direction)"
            + " from the \(seed.atLeft ? "left" : "right") node"
            + (seed.reasons.isEmpty ? " (every \(label.label): nothing constrains either end)"
                : " (seeded by " + seed.reasons.joined(separator: ", ") + ")")
            + ", \(minimum)..\(maximum) hops"
        if range.maximum == nil { plan += " (\(maximum): the cap of an unbounded '*'; write *\(minimum)..N for more)" }
        plan += ", each edge at most once per path"
        return VariableLengthBinding(cte: name, types: types, label: label, minimum: minimum, maximum: maximum,
                                     seedAtLeft: seed.atLeft, hasVia: needsVia, optional: optional,
                                     lengthText: lengthText, plan: plan)
    }

    /// The edges one step of a walk reads, as `e`: one table, or a UNION ALL of several (`RelationshipTable`).
    private func edgeSource(_ branches: [RelationshipTable.Branch])
        -> (binding: RelationshipBinding, table: String, left: String, right: String) {
        if branches.count == 1, let branch = branches.first {
            let tag = String(catalog.edgeTypes.firstIndex(of: branch.type) ?? -1)
            let binding = RelationshipBinding(name: nil, types: [branch.type], alias: "e", optional: false,
                                              isUnion: false, typeTag: tag)
            return (binding, "\(SQLText.edgeTable(branch.type.name)) AS e",
                    branch.forward ? "e._from" : "e._to", branch.forward ? "e._to" : "e._from")
        }
        var types: [EdgeType] = []
        for branch in branches where !types.contains(branch.type) { types.append(branch.type) }
        let binding = RelationshipBinding(name: nil, types: types, alias: "e", optional: false, isUnion: true, typeTag: "e._type")
        return (binding, RelationshipTable.union(branches, catalog: catalog) + " AS e", "e._left", "e._right")
    }

    /// A pushed-down `all(x IN r WHERE …)` / `none(…)` as a condition on every edge `e`.
    private func bind(_ filter: EdgeFilter, on edge: RelationshipBinding) throws(QueryError) -> String {
        let outer = scope
        scope.bind(filter.element, .relationship(edge))
        defer { scope = outer }
        let condition = try bind(filter.predicate).sql
        return filter.negated ? "NOT (\(condition))" : condition
    }

    /// The condition keeping two relationships of one MATCH on different edges; nil when their
    /// types cannot overlap.
    func uniqueness(_ a: EmittedRelationship, _ b: EmittedRelationship) -> String? {
        func types(_ r: EmittedRelationship) -> [EdgeType] {
            switch r {
            case .fixed(let fixed): return fixed.types
            case .variable(let walk): return walk.types
            }
        }
        guard !Set(types(a)).isDisjoint(with: types(b)) else { return nil }
        switch (a, b) {
        case (.fixed(let x), .fixed(let y)):
            if !x.isUnion && !y.isUnion { return "\(x.idColumn) <> \(y.idColumn)" }
            return "NOT (\(x.typeTag) = \(y.typeTag) AND \(x.idColumn) = \(y.idColumn))"
        case (.fixed(let fixed), .variable(let walk)), (.variable(let walk), .fixed(let fixed)):
            let token = PathJSON.token(id: fixed.idColumn, tag: fixed.typeTag, catalog: catalog)
            return "instr(\(walk.cte)._edges, ',' || \(token) || ',') = 0"
        case (.variable(let x), .variable(let y)):
            return "NOT EXISTS (SELECT 1 FROM json_each(\(PathJSON.list(x.cte + "._edges"))) AS pj "
                + "WHERE instr(\(y.cte)._edges, ',' || pj.value || ',') > 0)"
        }
    }
}
