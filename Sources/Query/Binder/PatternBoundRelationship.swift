import GraphModel

/// A relationship variable bound by an earlier clause, named again in a pattern:
/// `MATCH (a)-[r:SUPPLIES]->(p) … MATCH (x)-[r]->(y)` (or in a pattern predicate
/// `WHERE (x)-[r]->(y)`). As in openCypher it is the same relationship: the hop adds no edge
/// table, only conditions tying that relationship's endpoints to the pattern's nodes (so a
/// pattern whose direction or end labels do not fit gives no rows for it). Its types narrow to
/// those it may have and the pattern names.
///
/// A relationship of one type reads its edge table (`r1._from = n3._id AND r1._to = n4._id`); one
/// of several types (`[r:A|B]`, read as a UNION ALL whose `_left`/`_right` follow the first
/// pattern) is looked up again in each type's table by its id:
/// `(r1._type = 2 AND EXISTS (SELECT 1 FROM "edge_B" AS q WHERE q._id = r1._id AND q._from = … AND q._to = …))`.
extension CompilationContext {
    /// The bound relationship `relationship`'s variable names, if any, with `candidates` narrowed
    /// to its types. Throws when the variable is not a relationship or cannot be one here.
    func boundRelationship(_ relationship: RelationshipPattern,
                           candidates: inout [EdgeType]) throws(QueryError) -> RelationshipBinding? {
        guard let variable = relationship.variable, let bound = scope[variable.name] else { return nil }
        guard case .relationship(let existing) = bound else {
            if case .value(let value) = bound, value.type == .list, value.element.map({ if case .relationship = $0 { true } else { false } }) ?? false {
                throw unsupported("naming a variable-length relationship's list '\(variable.name)' again in a pattern", at: variable.span)
            }
            throw error("'\(variable.name)' is \(Self.kind(of: bound)), not a relationship", at: variable.span)
        }
        if relationship.length != nil {
            throw unsupported("the bound relationship '\(variable.name)' as a variable-length relationship", at: variable.span)
        }
        let narrowed = candidates.filter { existing.types.contains($0) }
        guard !narrowed.isEmpty else {
            let has = existing.types.map(\.name).joined(separator: "|")
            let wanted = relationship.types.map(\.name).joined(separator: "|")
            throw error("'\(variable.name)' is a \(has) relationship, never \(wanted)", at: relationship.span)
        }
        candidates = narrowed
        return existing
    }

    /// The conditions tying the bound relationship `existing` to the nodes `left` and `right`
    /// along `branches` (the ways its types fit the pattern).
    func boundEndpoints(_ existing: RelationshipBinding, branches: [RelationshipTable.Branch],
                        left: String, right: String) -> String {
        guard existing.isUnion else {
            return "(" + RelationshipTable.endpoints(alias: existing.alias, branches: branches, isUnion: false,
                                                     left: left, right: right) + ")"
        }
        var types: [EdgeType] = []
        for branch in branches where !types.contains(branch.type) { types.append(branch.type) }
        let alternatives = types.map { type in
            let tag = catalog.edgeTypes.firstIndex(of: type) ?? -1
            let ends = RelationshipTable.endpoints(alias: "q", branches: branches.filter { $0.type == type }, isUnion: false,
                                                   left: left, right: right)
            return "(\(existing.typeTag) = \(tag) AND EXISTS (SELECT 1 FROM \(SQLText.edgeTable(type.name)) AS q "
                + "WHERE q._id = \(existing.idColumn) AND (\(ends))))"
        }
        return alternatives.count == 1 ? alternatives[0] : "(" + alternatives.joined(separator: " OR ") + ")"
    }
}
