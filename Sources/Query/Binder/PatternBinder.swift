import GraphModel

/// What one MATCH clause adds to the query: tables to join, conditions tying them together
/// (endpoints, property maps, relationship uniqueness, WHERE), and plan lines.
struct MatchBinding {
    /// `"node_Part" AS n1`, `"edge_HAS_COMPONENT" AS r1`, `vl1` (a variable-length CTE), ...
    var tables: [String] = []
    var conditions: [String] = []
    var plan: String = ""
    /// Further EXPLAIN lines, indented under the clause's line (one per variable-length relationship).
    var details: [String] = []
}

/// Where a pattern is bound: a MATCH clause, a pattern predicate in WHERE (it may not introduce
/// variables: `WHERE (a)-[:SUPPLIES]->(p)`), or a pattern comprehension (its variables are its own).
enum PatternUse {
    case match, predicate, comprehension
}

/// A node position of a MATCH clause: several positions naming the same variable share one slot.
struct PatternSlot {
    var name: String?
    var type: NodeType?
    var existing: NodeBinding?
    var span: SourceSpan
}

/// A relationship of a MATCH clause between two slots.
struct PatternHop {
    var pattern: RelationshipPattern
    var left: Int
    var right: Int
    var candidates: [EdgeType]
    var branches: [RelationshipTable.Branch] = []
    /// The relationship its variable names when that was bound by an earlier clause (or outside
    /// a pattern predicate): the hop then adds no table, only conditions on that relationship.
    var existing: RelationshipBinding? = nil

    var isVariableLength: Bool { pattern.length != nil }
}

/// A relationship as emitted, for uniqueness and named paths.
enum EmittedRelationship {
    case fixed(RelationshipBinding)
    case variable(VariableLengthBinding)
}

/// MATCH patterns → tables and join conditions.
///
/// Every node has exactly one label (its table), so a node pattern needs a label, written or
/// inferred from the relationship types next to it (`(p:Part)-[:HAS_OPERATION]->(o)` makes `o` an
/// Operation). An untyped relationship stands for every edge type that fits its end labels.
/// Within one MATCH clause, two relationships never bind the same edge (openCypher's
/// relationship uniqueness), also when one or both are variable-length (`VariableLengthBinder`).
/// A named path `p = (...)` becomes a JSON value (`PathJSON`).
extension CompilationContext {
    func bindMatch(_ clause: MatchClause, prior: QueryPlanner.Select? = nil,
                   use: PatternUse = .match) throws(QueryError) -> MatchBinding {
        var slots: [PatternSlot] = []
        var slotOf: [String: Int] = [:]
        var hops: [PatternHop] = []
        var nodeMaps: [(slot: Int, map: Expression)] = []
        var parts: [(part: PatternPart, slots: [Int], hops: [Int])] = []

        func requireBound(_ variable: Identifier) throws(QueryError) {
            guard use == .predicate, scope[variable.name] == nil, slotOf[variable.name] == nil else { return }
            throw error("a pattern in WHERE cannot introduce the new variable '\(variable.name)': bind it in MATCH first, "
                + "or leave it unnamed", at: variable.span)
        }

        func slot(for node: NodePattern) throws(QueryError) -> Int {
            if node.labels.count > 1 { throw unsupported("several labels on one node (a node has one label)", at: node.labels[1].span) }
            var type: NodeType?
            if let label = node.labels.first {
                guard let found = catalog.nodeType(label.name) else {
                    throw error("unknown label '\(label.name)'" + Suggestions.hint(for: label.name, in: catalog.nodeTypes.map(\.label)),
                                at: label.span)
                }
                type = found
            }
            if let properties = node.properties, case .parameter = properties.kind {
                throw unsupported("a parameter as a property map", at: properties.span)
            }
            if let variable = node.variable { try requireBound(variable) }
            let index: Int
            if let variable = node.variable, let existing = slotOf[variable.name] {
                index = existing
            } else if let variable = node.variable, let bound = scope[variable.name] {
                guard case .node(let binding) = bound else {
                    throw error("'\(variable.name)' is \(Self.kind(of: bound)), not a node", at: variable.span)
                }
                slots.append(PatternSlot(name: variable.name, type: binding.type, existing: binding, span: node.span))
                index = slots.count - 1
                slotOf[variable.name] = index
            } else {
                slots.append(PatternSlot(name: node.variable?.name, type: nil, existing: nil, span: node.span))
                index = slots.count - 1
                if let name = node.variable?.name { slotOf[name] = index }
            }
            if let type {
                if let known = slots[index].type, known != type {
                    throw error("'\(slots[index].name ?? "")' is already a \(known.label); a node has one label", at: node.labels[0].span)
                }
                slots[index].type = type
            }
            if let map = node.properties { nodeMaps.append((index, map)) }
            return index
        }

        for part in clause.patterns {
            if let path = part.pathVariable {
                if use == .predicate { throw error("a pattern in WHERE cannot name its path", at: path.span) }
                if scope[path.name] != nil || slotOf[path.name] != nil
                    || hops.contains(where: { $0.pattern.variable?.name == path.name })
                    || parts.contains(where: { $0.part.pathVariable?.name == path.name }) {
                    throw error("'\(path.name)' is already defined; a path needs a new name", at: path.span)
                }
            }
            var partSlots: [Int] = []
            var partHops: [Int] = []
            var left = try slot(for: part.start)
            partSlots.append(left)
            for step in part.steps {
                let relationship = step.relationship
                if let variable = relationship.variable {
                    try requireBound(variable)
                    if case .node = scope[variable.name] { throw error("'\(variable.name)' is a node, not a relationship", at: variable.span) }
                    if slotOf[variable.name] != nil { throw error("'\(variable.name)' is a node, not a relationship", at: variable.span) }
                    if hops.contains(where: { $0.pattern.variable?.name == variable.name }) {
                        throw unsupported("the same relationship variable twice in one pattern", at: variable.span)
                    }
                }
                if let properties = relationship.properties, case .parameter = properties.kind {
                    throw unsupported("a parameter as a property map", at: properties.span)
                }
                var candidates: [EdgeType] = []
                for type in relationship.types {
                    guard let found = catalog.edgeType(type.name) else {
                        throw error("unknown relationship type '\(type.name)'"
                            + Suggestions.hint(for: type.name, in: catalog.edgeTypes.map(\.name)), at: type.span)
                    }
                    if !candidates.contains(found) { candidates.append(found) }
                }
                if relationship.types.isEmpty { candidates = catalog.edgeTypes }
                let existing = try boundRelationship(relationship, candidates: &candidates)
                if relationship.length != nil { try checkVariableLength(relationship, candidates: candidates) }
                let right = try slot(for: step.node)
                hops.append(PatternHop(pattern: relationship, left: left, right: right, candidates: candidates,
                                       existing: existing))
                partSlots.append(right)
                partHops.append(hops.count - 1)
                left = right
            }
            parts.append((part, partSlots, partHops))
        }

        // Infer missing labels from relationship types until nothing changes. A variable-length
        // relationship only walks types that lead from a label back to itself.
        func branches(_ hop: PatternHop) -> [RelationshipTable.Branch] {
            let l = slots[hop.left].type?.label, r = slots[hop.right].type?.label
            var result: [RelationshipTable.Branch] = []
            for type in hop.candidates {
                if hop.isVariableLength, type.from != type.to || (l != nil && l != type.from) || (r != nil && r != type.from) {
                    continue
                }
                if hop.pattern.direction != .incoming, l == nil || l == type.from, r == nil || r == type.to {
                    result.append(.init(type: type, forward: true))
                }
                if hop.pattern.direction != .outgoing, l == nil || l == type.to, r == nil || r == type.from {
                    result.append(.init(type: type, forward: false))
                }
            }
            return result
        }
        var changed = true
        while changed {
            changed = false
            for hop in hops {
                let found = branches(hop)
                for (end, isLeft) in [(hop.left, true), (hop.right, false)] where slots[end].type == nil {
                    let labels = Set(found.map { ($0.forward == isLeft) ? $0.type.from : $0.type.to })
                    if labels.count == 1, let label = labels.first, let type = catalog.nodeType(label) {
                        slots[end].type = type
                        changed = true
                    }
                }
            }
        }
        for slot in slots where slot.type == nil {
            throw unsupported("a node without a label that no relationship type determines; add one, e.g. "
                + "(\(slot.name ?? "")\(catalog.nodeTypes.first.map { ":" + $0.label } ?? ""))", at: slot.span)
        }
        for i in hops.indices {
            hops[i].branches = branches(hops[i])
            if hops[i].branches.isEmpty {
                let hop = hops[i]
                let l = slots[hop.left].type?.label ?? "", r = slots[hop.right].type?.label ?? ""
                let arrow = hop.pattern.direction == .incoming ? "\(r) → \(l)" : (hop.pattern.direction == .outgoing ? "\(l) → \(r)" : "\(l) — \(r)")
                var what = hop.pattern.types.isEmpty ? "no relationship type" : hop.pattern.types.map(\.name).joined(separator: "|")
                if let existing = hop.existing {
                    what = "'\(existing.name ?? "")' (\(hop.candidates.map(\.name).joined(separator: "|")))"
                }
                let connects = hop.candidates.count == 1 ? " (it connects \(hop.candidates[0].from) → \(hop.candidates[0].to))" : ""
                throw error("\(what) never connects \(arrow)\(connects)", at: hop.pattern.span)
            }
        }

        // Emit node tables; bind the clause's node variables.
        var binding = MatchBinding()
        var planTables: [String] = []
        var nodes: [NodeBinding] = []
        for slot in slots {
            if let existing = slot.existing { nodes.append(existing); continue }
            guard let type = slot.type else { continue }
            let node = NodeBinding(name: slot.name, type: type, alias: nextNodeAlias(), optional: clause.optional)
            binding.tables.append("\(SQLText.nodeTable(type.label)) AS \(node.alias)")
            planTables.append("\(type.label) AS \(node.alias)")
            nodes.append(node)
            if let name = slot.name { scope.bind(name, .node(node)) }
        }

        // WHERE conjuncts a variable-length relationship takes into its CTE: `all(x IN r WHERE …)`.
        aggregatesAllowed = false
        aggregateContext = "in a MATCH pattern or its WHERE"
        let conjuncts = clause.predicate.map { Self.conjuncts(of: $0) } ?? []
        var edgeFilters: [Int: [EdgeFilter]] = [:]
        var remaining: [Expression] = []
        for conjunct in conjuncts {
            if let filter = Self.edgeFilter(conjunct), let hop = hops.firstIndex(where: {
                $0.isVariableLength && $0.pattern.variable?.name == filter.listVariable
            }) {
                edgeFilters[hop, default: []].append(filter)
            } else {
                remaining.append(conjunct)
            }
        }
        let namedPathHops = Set(parts.filter { $0.part.pathVariable != nil }.flatMap(\.hops))

        // Emit relationships (fixed: an edge table; variable length: a recursive CTE).
        var emitted: [EmittedRelationship] = []
        for (index, hop) in hops.enumerated() {
            var types: [EdgeType] = []
            for branch in hop.branches where !types.contains(branch.type) { types.append(branch.type) }
            let relationship: EmittedRelationship
            if hop.isVariableLength {
                let seed = try seed(for: hop, SeedInputs(hops: hops, slots: slots, nodes: nodes, nodeMaps: nodeMaps,
                                                         conjuncts: conjuncts, prior: prior, use: use))
                let walk = try bindVariableLength(hop, types: types, seed: seed, filters: edgeFilters[index] ?? [],
                                                  needsVia: namedPathHops.contains(index), optional: clause.optional)
                binding.tables.append(walk.cte)
                planTables.append("\(types.map(\.name).joined(separator: "|"))\(walk.lengthText) AS \(walk.cte)")
                binding.details.append(walk.plan)
                let start = nodes[walk.seedAtLeft ? hop.left : hop.right], end = nodes[walk.seedAtLeft ? hop.right : hop.left]
                binding.conditions.append("\(walk.cte)._start = \(start.idColumn) AND \(walk.cte)._end = \(end.idColumn)"
                    + (walk.minimum > 0 ? " AND \(walk.cte)._depth >= \(walk.minimum)" : ""))
                relationship = .variable(walk)
                if let name = hop.pattern.variable?.name {
                    var list = BoundExpression(sql: PathJSON.relationships(of: walk, catalog: catalog),
                                               type: .list, groupKey: PathJSON.listKey(walk))
                    list.element = .relationship(types)
                    scope.bind(name, .value(list))
                }
            } else if let existing = hop.existing {
                binding.conditions.append(boundEndpoints(existing, branches: hop.branches,
                                                         left: nodes[hop.left].idColumn, right: nodes[hop.right].idColumn))
                planTables.append("\(existing.name ?? "") bound before")
                relationship = .fixed(existing)
            } else {
                let isUnion = types.count > 1
                let alias = nextRelationshipAlias()
                let tag = isUnion ? alias + "._type" : String(catalog.edgeTypes.firstIndex(of: types[0]) ?? -1)
                let fixed = RelationshipBinding(name: hop.pattern.variable?.name, types: types, alias: alias,
                                                optional: clause.optional, isUnion: isUnion, typeTag: tag)
                let table = isUnion ? RelationshipTable.union(hop.branches, catalog: catalog) : SQLText.edgeTable(types[0].name)
                binding.tables.append("\(table) AS \(alias)")
                planTables.append("\(types.map(\.name).joined(separator: "|")) AS \(alias)")
                binding.conditions.append(RelationshipTable.endpoints(alias: alias, branches: hop.branches, isUnion: isUnion,
                                                                      left: nodes[hop.left].idColumn, right: nodes[hop.right].idColumn))
                relationship = .fixed(fixed)
                if let name = fixed.name { scope.bind(name, .relationship(fixed)) }
            }
            for other in emitted {
                if let condition = uniqueness(other, relationship) { binding.conditions.append(condition) }
            }
            emitted.append(relationship)
        }

        // Named paths.
        for (part, partSlots, partHops) in parts {
            guard let name = part.pathVariable?.name else { continue }
            let path = PathJSON.Path(nodes: partSlots.map { nodes[$0] }, relationships: partHops.map { emitted[$0] },
                                     optional: clause.optional)
            scope.bind(name, .value(BoundExpression(sql: path.json(catalog: catalog), type: .path, groupKey: path.key(catalog: catalog))))
        }

        // Property maps and WHERE.
        for (index, map) in nodeMaps {
            binding.conditions += try propertyConditions(map, of: .node(nodes[index]))
        }
        for (hop, relationship) in zip(hops, emitted) {
            if let map = hop.pattern.properties, case .fixed(let fixed) = relationship {
                binding.conditions += try propertyConditions(map, of: .relationship(fixed))
            }
        }
        if let predicate = clause.predicate {
            if remaining.count == conjuncts.count {
                binding.conditions.append(try bindCondition(predicate, "WHERE").sql)
            } else if let first = remaining.first {
                let rest = remaining.dropFirst().reduce(first) { Expression(.binary(.and, $0, $1), span: predicate.span) }
                binding.conditions.append(try bindCondition(rest, "WHERE").sql)
            }
        }
        let patterns = clause.patterns.map { text($0.span) }.joined(separator: ", ")
        binding.plan = "\(clause.optional ? "OptionalMatch" : "Match") \(patterns)"
            + (planTables.isEmpty ? "" : ": " + planTables.joined(separator: ", "))
            + (clause.predicate.map { " WHERE " + text($0.span) } ?? "")
        return binding
    }

    /// `a node`, `a relationship`, `a path`, ... for messages.
    static func kind(of binding: Binding) -> String {
        switch binding {
        case .node: return "a node"
        case .relationship: return "a relationship"
        case .value(let bound):
            switch bound.type {
            case .path: return "a path"
            case .list: return "a list"
            default: return "a value"
            }
        }
    }

    /// `{key: value, ...}` on a node or relationship: one equality per entry.
    func propertyConditions(_ map: Expression, of binding: Binding) throws(QueryError) -> [String] {
        guard case .map(let entries) = map.kind else { throw unsupported("this property map", at: map.span) }
        var conditions: [String] = []
        for entry in entries {
            let property: BoundExpression
            switch binding {
            case .node(let node):
                guard let definition = node.type.property(entry.key) else {
                    throw error("unknown property '\(entry.key)' on \(node.type.label)"
                        + Suggestions.hint(for: entry.key, in: node.type.properties.map(\.name)), at: entry.keySpan)
                }
                property = BoundExpression(sql: SQLText.column(node.alias, definition.name), type: .known(definition.type))
            case .relationship(let relationship):
                let found = relationship.types.compactMap { $0.property(entry.key) }
                guard let first = found.first, found.allSatisfy({ $0.type == first.type }) else {
                    let names = relationship.types.flatMap { $0.properties.map(\.name) }
                    throw error("unknown property '\(entry.key)' on \(relationship.types.map(\.name).joined(separator: "|"))"
                        + Suggestions.hint(for: entry.key, in: names), at: entry.keySpan)
                }
                property = BoundExpression(sql: SQLText.column(relationship.alias, first.name), type: .known(first.type))
            case .value:
                throw unsupported("this property map", at: map.span)
            }
            let value = try bind(entry.value)
            conditions.append(try compare(.equal, property, value, span: entry.keySpan.through(entry.value.span)).sql)
        }
        return conditions
    }
}
