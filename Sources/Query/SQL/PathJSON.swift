import GraphModel

/// Paths and relationship lists returned as values, as JSON texts consistent with `EntityJSON`:
///
/// - a named path `p = (a)-[…]->(b)` is `{"nodes": [node, …], "relationships": [relationship, …]}`,
///   in the order the pattern is written (`length(p)` = number of relationships);
/// - a variable-length relationship variable (`-[r:HAS_COMPONENT*]->`) is the list of its
///   relationships, `[relationship, …]`.
///
/// Nodes are `{"_label", "_key", <properties>}`, relationships `{"_type", <properties>}`. A walk's
/// nodes and edges are read back from its CTE's `_via` and `_edges` id lists with one lookup per
/// element (a correlated subquery over `json_each`).
///
/// Each also gets a compact identity (its `groupKey`, used for grouping and DISTINCT): the length,
/// `|`, the first node's id and the edge tokens, e.g. `2|17,40,41`. Because it starts with the
/// length, `CAST(key AS INTEGER)` is the length without building any JSON (`length(p)`, `size(r)`).
enum PathJSON {
    /// The token of an edge: `_id * <number of edge types> + <type index>` (ids are per edge table).
    static func token(id: String, tag: String, catalog: Catalog) -> String {
        let count = catalog.edgeTypes.count
        return count <= 1 ? id : "(\(id) * \(count) + \(tag))"
    }

    /// A `,1,2,` id list as a JSON array text `[1,2]`.
    static func list(_ column: String) -> String { "'[' || trim(\(column), ',') || ']'" }

    /// The relationship object of the edge whose token is `value`.
    static func relationshipObject(token value: String, types: [EdgeType], catalog: Catalog) -> String {
        let count = catalog.edgeTypes.count
        let id = count <= 1 ? value : "\(value) / \(count)"
        func object(_ type: EdgeType) -> String {
            let binding = RelationshipBinding(name: nil, types: [type], alias: "pr", optional: false, isUnion: false, typeTag: "")
            return "(SELECT \(EntityJSON.relationship(binding, catalog: catalog)) FROM \(SQLText.edgeTable(type.name)) AS pr "
                + "WHERE pr._id = \(id))"
        }
        if types.count == 1, let type = types.first { return object(type) }
        let cases = types.map { "WHEN \(catalog.edgeTypes.firstIndex(of: $0) ?? -1) THEN \(object($0))" }
        return "CASE \(value) % \(count) \(cases.joined(separator: " ")) END"
    }

    /// The node object of the node of `type` whose id is `id`.
    static func nodeObject(id: String, type: NodeType) -> String {
        let binding = NodeBinding(name: nil, type: type, alias: "pn", optional: false)
        return "(SELECT \(EntityJSON.node(binding)) FROM \(SQLText.nodeTable(type.label)) AS pn WHERE pn._id = \(id))"
    }

    /// `,{…},{…}` for the edges of a walk (empty for none).
    static func relationshipPieces(of walk: VariableLengthBinding, catalog: Catalog) -> String {
        "coalesce((SELECT group_concat(',' || \(relationshipObject(token: "pj.value", types: walk.types, catalog: catalog)), '') "
            + "FROM json_each(\(list(walk.cte + "._edges"))) AS pj), '')"
    }

    /// `,{…},{…}` for the nodes strictly inside a walk (empty for none).
    static func viaPieces(of walk: VariableLengthBinding) -> String {
        "coalesce((SELECT group_concat(',' || \(nodeObject(id: "pj.value", type: walk.label)), '') "
            + "FROM json_each(\(list(walk.cte + "._via"))) AS pj), '')"
    }

    /// The value of a variable-length relationship variable: the JSON list of its relationships.
    static func relationships(of walk: VariableLengthBinding, catalog: Catalog) -> String {
        let list = "json('[' || substr(\(relationshipPieces(of: walk, catalog: catalog)), 2) || ']')"
        return walk.optional ? "CASE WHEN \(walk.cte)._start IS NULL THEN NULL ELSE \(list) END" : list
    }

    /// The identity of a variable-length relationship variable: `<depth>|<edge tokens>`.
    static func listKey(_ walk: VariableLengthBinding) -> String {
        "\(walk.cte)._depth || '|' || \(walk.cte)._edges"
    }

    /// True when `key` is the identity of a variable-length relationship variable.
    static func isListKey(_ key: String) -> Bool {
        guard let dot = key.firstIndex(of: "."), key.hasPrefix("vl") else { return false }
        let cte = String(key[..<dot])
        return key == "\(cte)._depth || '|' || \(cte)._edges"
    }

    /// A named path: its nodes (one more than its relationships) in pattern order.
    struct Path {
        var nodes: [NodeBinding]
        var relationships: [EmittedRelationship]
        var optional: Bool

        /// `{"nodes": […], "relationships": […]}`; null when an OPTIONAL MATCH found nothing.
        func json(catalog: Catalog) -> String {
            let walks = relationships.contains { if case .variable = $0 { return true } else { return false } }
            func node(_ binding: NodeBinding) -> String {
                var plain = binding
                plain.optional = false
                return EntityJSON.node(plain)
            }
            func fixed(_ binding: RelationshipBinding) -> String {
                var plain = binding
                plain.optional = false
                return EntityJSON.relationship(plain, catalog: catalog)
            }
            let nodeList: String, relationshipList: String
            if !walks {
                nodeList = "json_array(" + nodes.map(node).joined(separator: ", ") + ")"
                relationshipList = "json_array(" + relationships.compactMap { relationship -> String? in
                    if case .fixed(let binding) = relationship { return fixed(binding) }
                    return nil
                }.joined(separator: ", ") + ")"
            } else {
                var nodePieces = ["',' || " + node(nodes[0])]
                var relationshipPieces: [String] = []
                for (index, relationship) in relationships.enumerated() {
                    switch relationship {
                    case .fixed(let binding):
                        relationshipPieces.append("',' || " + fixed(binding))
                        nodePieces.append("',' || " + node(nodes[index + 1]))
                    case .variable(let walk):
                        nodePieces.append(PathJSON.viaPieces(of: walk))
                        relationshipPieces.append(PathJSON.relationshipPieces(of: walk, catalog: catalog))
                        // A zero-length walk (`*0..`) ends where it starts: that node is already in the list.
                        nodePieces.append("CASE WHEN \(walk.cte)._depth = 0 THEN '' ELSE ',' || " + node(nodes[index + 1]) + " END")
                    }
                }
                nodeList = "json('[' || substr(" + nodePieces.joined(separator: " || ") + ", 2) || ']')"
                relationshipList = "json('[' || substr(" + relationshipPieces.joined(separator: " || ") + ", 2) || ']')"
            }
            let object = "json_object('nodes', \(nodeList), 'relationships', \(relationshipList))"
            return optional ? "CASE WHEN \(presence) IS NULL THEN NULL ELSE \(object) END" : object
        }

        /// `<length>|<first node id><edge tokens>`.
        func key(catalog: Catalog) -> String {
            var fixedCount = 0
            var depths: [String] = []
            var pieces = [nodes[0].idColumn]
            for relationship in relationships {
                switch relationship {
                case .fixed(let binding):
                    fixedCount += 1
                    pieces.append("',' || " + PathJSON.token(id: binding.idColumn, tag: binding.typeTag, catalog: catalog))
                case .variable(let walk):
                    depths.append(walk.cte + "._depth")
                    pieces.append(walk.cte + "._edges")
                }
            }
            let length = depths.isEmpty ? "\(fixedCount)" : "(" + ((fixedCount > 0 ? ["\(fixedCount)"] : []) + depths).joined(separator: " + ") + ")"
            return "\(length) || '|' || " + pieces.joined(separator: " || ")
        }

        /// A column that is null exactly when an OPTIONAL MATCH found no path.
        private var presence: String {
            switch relationships.first {
            case .fixed(let binding): return binding.idColumn
            case .variable(let walk): return walk.cte + "._start"
            case nil: return nodes[0].idColumn
            }
        }
    }
}
