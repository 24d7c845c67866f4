import GraphModel

/// How a relationship pattern reads edge tables.
///
/// One edge type: its table, `"edge_T" AS r1`, joined on `_from`/`_to` (an undirected pattern
/// joins either way with OR, so a self-loop matches once). Several types (`:A|B`, or an untyped
/// relationship between labels several types connect): a UNION ALL of the tables with columns
/// `_type` (the type's index in the catalog), `_id`, `_left`, `_right` (the endpoints as the
/// pattern is written) and the union of the types' properties (NULL where a type lacks one);
/// an undirected pattern reads each table both ways, the reversed branch without self-loops.
/// Edge ids are per table, so relationship uniqueness compares `_type` and `_id`.
enum RelationshipTable {
    /// One way an edge type can match a pattern: `forward` when the pattern's left node is the
    /// edge's `from` end.
    struct Branch: Hashable {
        var type: EdgeType
        var forward: Bool
    }

    /// Properties of several edge types, first declaration of each name winning.
    static func properties(of types: [EdgeType]) -> [PropertyDefinition] {
        var seen: Set<String> = []
        var result: [PropertyDefinition] = []
        for type in types {
            for property in type.properties where seen.insert(property.name).inserted {
                result.append(property)
            }
        }
        return result
    }

    /// The UNION ALL subquery over several branches.
    static func union(_ branches: [Branch], catalog: Catalog) -> String {
        var types: [EdgeType] = []
        for branch in branches where !types.contains(branch.type) { types.append(branch.type) }
        let properties = properties(of: types)
        let selects = branches.map { branch in
            let tag = catalog.edgeTypes.firstIndex(of: branch.type) ?? -1
            let ends = branch.forward ? "_from AS _left, _to AS _right" : "_to AS _left, _from AS _right"
            let columns = properties.map { property in
                branch.type.property(property.name) != nil ? SQLText.identifier(property.name)
                    : "NULL AS " + SQLText.identifier(property.name)
            }
            let reversedTwice = !branch.forward && branches.contains(Branch(type: branch.type, forward: true))
            return "SELECT \(tag) AS _type, _id, \(ends)\(columns.map { ", " + $0 }.joined()) FROM \(SQLText.edgeTable(branch.type.name))"
                + (reversedTwice ? " WHERE _from <> _to" : "")
        }
        return "(" + selects.joined(separator: " UNION ALL ") + ")"
    }

    /// The join condition tying a relationship to its two end nodes.
    static func endpoints(alias: String, branches: [Branch], isUnion: Bool, left: String, right: String) -> String {
        if isUnion { return "\(alias)._left = \(left) AND \(alias)._right = \(right)" }
        let forward = "\(alias)._from = \(left) AND \(alias)._to = \(right)"
        let backward = "\(alias)._to = \(left) AND \(alias)._from = \(right)"
        switch (branches.contains { $0.forward }, branches.contains { !$0.forward }) {
        case (true, true): return "(\(forward)) OR (\(backward))"
        case (false, true): return backward
        default: return forward
        }
    }
}
