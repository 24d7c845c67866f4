import GraphModel

/// Where a variable-length walk starts: conditions on `s`, a row of its label's node table.
struct PathSeed {
    var atLeft: Bool
    var conditions: [String]
    var reasons: [String]
}

/// What constrains one node of a pattern, as conditions on a row of its table, and how well:
/// 3 for a variable bound before (the rows before this MATCH, or the outer row of a pattern
/// predicate or comprehension: the walk then costs what those rows reach) or an equality on the
/// label's whole key (`{number: $part}`, `WHERE p.number = $part`), also one fixed hop away; 2 for
/// other property map or WHERE conditions on the node; 1 for such conditions one fixed hop away;
/// 0 for none.
struct NodeConstraint {
    var conditions: [String] = []
    var reasons: [String] = []
    var strength = 0
}

/// Choosing the seed of a variable-length walk (`VariableLengthBinder`).
///
/// Each end of the walk is scored by `NodeConstraint`; the walk starts from the better one (the
/// left on a tie). An end may also be constrained through one fixed hop next to it, when that
/// scores better than what it has of its own: in `(a:Part {number: $p})-[:X]->(b)-[:HAS_COMPONENT*]->(c)` the walk starts from
/// `s._id IN (SELECT f._to FROM "edge_X" AS f JOIN "node_Part" AS g ON g._id = f._from WHERE g."number" = ?1)`.
/// Inside a pattern predicate or comprehension the walk's CTE is local to the subquery and
/// correlated on the outer row (`s._id = n1._id`), so its cost follows the rows.
extension CompilationContext {
    /// Everything `seed(for:)` needs from the MATCH being bound.
    struct SeedInputs {
        var hops: [PatternHop]
        var slots: [PatternSlot]
        var nodes: [NodeBinding]
        var nodeMaps: [(slot: Int, map: Expression)]
        var conjuncts: [Expression]
        var prior: QueryPlanner.Select?
        var use: PatternUse
    }

    /// Chooses where the walk of `hop` starts and what constrains it.
    func seed(for hop: PatternHop, _ inputs: SeedInputs) throws(QueryError) -> PathSeed {
        var best = PathSeed(atLeft: true, conditions: [], reasons: [])
        var bestStrength = 0
        for atLeft in [true, false] {
            let index = atLeft ? hop.left : hop.right
            var found = try constraint(of: index, alias: "s", inputs)
            if found.strength < 3, let through = try constraintThroughHop(to: index, inputs), through.strength > found.strength {
                found.conditions += through.conditions
                found.reasons += through.reasons
                found.strength = through.strength
            }
            if found.strength > bestStrength {
                best = PathSeed(atLeft: atLeft, conditions: found.conditions, reasons: found.reasons)
                bestStrength = found.strength
            }
            if bestStrength == 3 { break }
        }
        return best
    }

    /// The constraints of the node in slot `index` on a row `alias` of its table.
    func constraint(of index: Int, alias: String, _ inputs: SeedInputs) throws(QueryError) -> NodeConstraint {
        let slot = inputs.slots[index], node = inputs.nodes[index]
        let row = NodeBinding(name: node.name, type: node.type, alias: alias, optional: false)
        var found = NodeConstraint()
        if let existing = slot.existing {
            if inputs.use != .match {
                found.conditions.append("\(alias)._id = \(existing.idColumn)")
                found.reasons.append("the outer row's \(slot.name ?? "node")")
                found.strength = 3
            } else if let prior = inputs.prior, !prior.from.isEmpty {
                var rows = "\(alias)._id IN (SELECT \(existing.idColumn) " + prior.from.joined(separator: " ")
                if !prior.conditions.isEmpty { rows += " WHERE " + SQLText.and(prior.conditions) }
                found.conditions.append(rows + ")")
                found.reasons.append("the rows before this MATCH")
                found.strength = 3
            }
        }
        var keys = Set<String>()
        for (other, map) in inputs.nodeMaps where other == index {
            found.conditions += try propertyConditions(map, of: .node(row))
            found.reasons.append("its property map")
            found.strength = max(found.strength, 2)
            if case .map(let entries) = map.kind { keys.formUnion(entries.map(\.key)) }
        }
        if let name = slot.name, slot.existing == nil {
            let pushable = inputs.conjuncts.filter { Self.variables(in: $0) == [name] }
            if !pushable.isEmpty {
                let outer = scope
                scope.bind(name, .node(row))
                defer { scope = outer }
                for conjunct in pushable {
                    found.conditions.append(try bind(conjunct).sql)
                    if let key = Self.equalityKey(conjunct, of: name) { keys.insert(key) }
                }
                found.reasons.append("WHERE")
                found.strength = max(found.strength, 2)
            }
        }
        if !node.type.key.isEmpty, Set(node.type.key).isSubset(of: keys) { found.strength = max(found.strength, 3) }
        return found
    }

    /// A constraint on slot `index` through a fixed hop whose other end is constrained: the
    /// node must be one that hop reaches from a constrained node. Nil when there is none.
    func constraintThroughHop(to index: Int, _ inputs: SeedInputs) throws(QueryError) -> NodeConstraint? {
        for hop in inputs.hops where !hop.isVariableLength && hop.left != hop.right && (hop.left == index || hop.right == index) {
            let nearIsLeft = hop.left == index
            let far = nearIsLeft ? hop.right : hop.left
            let farConstraint = try constraint(of: far, alias: "g", inputs)
            guard farConstraint.strength > 0, !hop.branches.isEmpty else { continue }
            let table: String, leftColumn: String, rightColumn: String
            var types: [EdgeType] = []
            for branch in hop.branches where !types.contains(branch.type) { types.append(branch.type) }
            if hop.branches.count == 1, let branch = hop.branches.first {
                table = SQLText.edgeTable(branch.type.name)
                leftColumn = branch.forward ? "f._from" : "f._to"
                rightColumn = branch.forward ? "f._to" : "f._from"
            } else {
                table = RelationshipTable.union(hop.branches, catalog: catalog)
                (leftColumn, rightColumn) = ("f._left", "f._right")
            }
            var conditions = farConstraint.conditions
            if let map = hop.pattern.properties {
                let edge = RelationshipBinding(name: nil, types: types, alias: "f", optional: false,
                                               isUnion: hop.branches.count > 1, typeTag: "")
                conditions += try propertyConditions(map, of: .relationship(edge))
            }
            let near = nearIsLeft ? leftColumn : rightColumn, farColumn = nearIsLeft ? rightColumn : leftColumn
            let sql = "s._id IN (SELECT \(near) FROM \(table) AS f JOIN \(SQLText.nodeTable(inputs.nodes[far].type.label)) AS g "
                + "ON g._id = \(farColumn) WHERE \(SQLText.and(conditions)))"
            return NodeConstraint(conditions: [sql],
                                  reasons: ["\(text(hop.pattern.span)) from a node constrained by "
                                      + farConstraint.reasons.joined(separator: ", ")],
                                  strength: farConstraint.strength == 3 ? 3 : 1)
        }
        return nil
    }

    /// `name.key = value` (either way round): the property `key`, else nil.
    static func equalityKey(_ conjunct: Expression, of name: String) -> String? {
        guard case .binary(.equal, let left, let right) = conjunct.kind else { return nil }
        for side in [left, right] {
            if case .property(let subject, let key) = side.kind, case .variable(name) = subject.kind { return key }
        }
        return nil
    }
}
