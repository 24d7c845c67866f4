import GraphModel

/// What one MATCH clause adds to the query: tables to join, conditions tying them together
/// (endpoints, property maps, relationship uniqueness, WHERE), and a plan line.
struct MatchBinding {
    /// `"node_Part" AS n1`, `"edge_HAS_COMPONENT" AS r1`, ...
    var tables: [String] = []
    var conditions: [String] = []
    var plan: String = ""
}

/// MATCH patterns → tables and join conditions.
///
/// Every node has exactly one label (its table), so a node pattern needs a label, written or
/// inferred from the relationship types next to it (`(p:Part)-[:HAS_OPERATION]->(o)` makes `o` an
/// Operation). An untyped relationship stands for every edge type that fits its end labels.
/// Within one MATCH clause, two relationship variables never bind the same edge
/// (openCypher's relationship uniqueness).
extension CompilationContext {
    private struct Slot {
        var name: String?
        var type: NodeType?
        var existing: NodeBinding?
        var span: SourceSpan
    }

    private struct Hop {
        var pattern: RelationshipPattern
        var left: Int
        var right: Int
        var candidates: [EdgeType]
        var branches: [RelationshipTable.Branch] = []
    }

    func bindMatch(_ clause: MatchClause) throws(QueryError) -> MatchBinding {
        var slots: [Slot] = []
        var slotOf: [String: Int] = [:]
        var hops: [Hop] = []
        var nodeMaps: [(slot: Int, map: Expression)] = []

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
            let index: Int
            if let variable = node.variable, let existing = slotOf[variable.name] {
                index = existing
            } else if let variable = node.variable, let bound = scope[variable.name] {
                guard case .node(let binding) = bound else {
                    throw error("'\(variable.name)' is a relationship, not a node", at: variable.span)
                }
                slots.append(Slot(name: variable.name, type: binding.type, existing: binding, span: node.span))
                index = slots.count - 1
                slotOf[variable.name] = index
            } else {
                slots.append(Slot(name: node.variable?.name, type: nil, existing: nil, span: node.span))
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
            if let path = part.pathVariable { throw unsupported("named paths", at: path.span) }
            var left = try slot(for: part.start)
            for step in part.steps {
                let relationship = step.relationship
                if relationship.length != nil { throw unsupported("variable-length relationships", at: relationship.span) }
                if let variable = relationship.variable {
                    if case .node = scope[variable.name] { throw error("'\(variable.name)' is a node, not a relationship", at: variable.span) }
                    if slotOf[variable.name] != nil { throw error("'\(variable.name)' is a node, not a relationship", at: variable.span) }
                    if scope[variable.name] != nil || hops.contains(where: { $0.pattern.variable?.name == variable.name }) {
                        throw unsupported("a relationship variable bound twice", at: variable.span)
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
                let right = try slot(for: step.node)
                hops.append(Hop(pattern: relationship, left: left, right: right, candidates: candidates))
                left = right
            }
        }

        // Infer missing labels from relationship types until nothing changes.
        func branches(_ hop: Hop) -> [RelationshipTable.Branch] {
            let l = slots[hop.left].type?.label, r = slots[hop.right].type?.label
            var result: [RelationshipTable.Branch] = []
            for type in hop.candidates {
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
                let what = hop.pattern.types.isEmpty ? "no relationship type" : hop.pattern.types.map(\.name).joined(separator: "|")
                let connects = hop.candidates.count == 1 ? " (it connects \(hop.candidates[0].from) → \(hop.candidates[0].to))" : ""
                throw error("\(what) never connects \(arrow)\(connects)", at: hop.pattern.span)
            }
        }

        // Emit tables and conditions; bind the clause's variables.
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
        var relationships: [RelationshipBinding] = []
        for hop in hops {
            var types: [EdgeType] = []
            for branch in hop.branches where !types.contains(branch.type) { types.append(branch.type) }
            let isUnion = types.count > 1
            let alias = nextRelationshipAlias()
            let tag = isUnion ? alias + "._type" : String(catalog.edgeTypes.firstIndex(of: types[0]) ?? -1)
            let relationship = RelationshipBinding(name: hop.pattern.variable?.name, types: types, alias: alias,
                                                   optional: clause.optional, isUnion: isUnion, typeTag: tag)
            let table = isUnion ? RelationshipTable.union(hop.branches, catalog: catalog) : SQLText.edgeTable(types[0].name)
            binding.tables.append("\(table) AS \(alias)")
            planTables.append("\(types.map(\.name).joined(separator: "|")) AS \(alias)")
            binding.conditions.append(RelationshipTable.endpoints(alias: alias, branches: hop.branches, isUnion: isUnion,
                                                                  left: nodes[hop.left].idColumn, right: nodes[hop.right].idColumn))
            for other in relationships where !Set(other.types).isDisjoint(with: types) {
                if !isUnion && !other.isUnion {
                    binding.conditions.append("\(other.idColumn) <> \(relationship.idColumn)")
                } else {
                    binding.conditions.append("NOT (\(other.typeTag) = \(tag) AND \(other.idColumn) = \(relationship.idColumn))")
                }
            }
            relationships.append(relationship)
            if let name = relationship.name { scope.bind(name, .relationship(relationship)) }
        }

        // Property maps and WHERE.
        aggregatesAllowed = false
        aggregateContext = "in a MATCH pattern or its WHERE"
        for (index, map) in nodeMaps {
            binding.conditions += try propertyConditions(map, of: .node(nodes[index]))
        }
        for (hop, relationship) in zip(hops, relationships) {
            if let map = hop.pattern.properties {
                binding.conditions += try propertyConditions(map, of: .relationship(relationship))
            }
        }
        if let predicate = clause.predicate {
            binding.conditions.append(try bind(predicate).sql)
        }
        let patterns = clause.patterns.map { text($0.span) }.joined(separator: ", ")
        binding.plan = "\(clause.optional ? "OptionalMatch" : "Match") \(patterns)"
            + (planTables.isEmpty ? "" : ": " + planTables.joined(separator: ", "))
            + (clause.predicate.map { " WHERE " + text($0.span) } ?? "")
        return binding
    }

    /// `{key: value, ...}` on a node or relationship: one equality per entry.
    private func propertyConditions(_ map: Expression, of binding: Binding) throws(QueryError) -> [String] {
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
