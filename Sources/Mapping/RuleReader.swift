import GraphModel
import Yams

/// Reads `where:`, `nodes:` and `edges:`, checking names, keys and endpoints.
struct RuleReader {
    var expressions: ExpressionReader

    // MARK: - Filters

    func filters(_ node: Node?, _ what: String, _ reader: inout YAMLReader) -> [FilterSpec] {
        guard let node, !YAMLReader.isNull(node) else { return [] }
        let items: [Node]
        if case .mapping = node { items = [node] } else if let s = reader.sequence(node, what) { items = s } else { return [] }
        return items.compactMap { filter($0, what, &reader) }
    }

    private func filter(_ node: Node, _ what: String, _ reader: inout YAMLReader) -> FilterSpec? {
        guard let e = reader.entries(node, "a \(what) condition", allowed: FilterSpec.keys) else { return nil }
        guard let columnNode = e["column"] else {
            reader.error("a \(what) condition needs column: NAME", at: node)
            return nil
        }
        guard let column = reader.name(columnNode, "column") else { return nil }
        let tests = e.keys.filter { $0 != "column" }
        guard tests.count == 1, let test = tests.first, let value = e[test] else {
            if tests.isEmpty {
                reader.error("a \(what) condition needs one of equals, not-equals, in, not-in, is-null, matches", at: node)
            } else {
                reader.error("a \(what) condition tests one thing; write \(tests[1]) as another condition", at: e.keyNode(tests[1]))
            }
            return nil
        }
        let ref = ColumnRef(name: column, location: reader.location(columnNode))
        switch test {
        case "equals": return reader.text(value, test).map { FilterSpec(column: ref, test: .equals($0)) }
        case "not-equals": return reader.text(value, test).map { FilterSpec(column: ref, test: .notEquals($0)) }
        case "in": return reader.texts(value, test).map { FilterSpec(column: ref, test: .oneOf($0)) }
        case "not-in": return reader.texts(value, test).map { FilterSpec(column: ref, test: .noneOf($0)) }
        case "is-null": return reader.bool(value, test).map { FilterSpec(column: ref, test: .isNull($0)) }
        default:
            guard let pattern = reader.name(value, test) else { return nil }
            do {
                return FilterSpec(column: ref, test: .matches(try CompiledRegex(pattern, anchored: true)))
            } catch {
                reader.error("'\(pattern)' is not a valid regular expression", at: value)
                return nil
            }
        }
    }

    // MARK: - Properties

    /// The properties read, and the names of all properties written (also those with errors,
    /// so a key naming one is not reported a second time).
    private func properties(_ node: Node?, owner: String, _ reader: inout YAMLReader) -> (specs: [PropertySpec], names: [String]) {
        guard let node, !YAMLReader.isNull(node), let e = reader.namedEntries(node, "properties of \(owner)") else { return ([], []) }
        var out: [PropertySpec] = []
        for entry in e.entries {
            guard YAMLReader.isIdentifier(entry.key) else {
                reader.error("property name '\(entry.key)' must be made of letters, digits and '_', starting with a letter", at: entry.keyNode)
                continue
            }
            if let x = expressions.read(entry.value, "\(owner).\(entry.key)", &reader) {
                out.append(PropertySpec(name: entry.key, expression: x))
            }
        }
        return (out, e.keys)
    }

    // MARK: - Nodes

    func nodeRules(_ node: Node?, _ reader: inout YAMLReader) -> [NodeRuleSpec] {
        guard let node, !YAMLReader.isNull(node), let items = reader.sequence(node, "nodes") else { return [] }
        var rules: [NodeRuleSpec] = []
        for (index, item) in items.enumerated() {
            let before = reader.diagnostics.count
            guard let e = reader.entries(item, "nodes[\(index)]", allowed: NodeRuleSpec.keys) else { continue }
            guard let labelNode = e["label"] else {
                reader.error("nodes[\(index)] needs a label", at: item)
                continue
            }
            // A bad label is reported, and the rest of the rule is still checked.
            let label = reader.identifier(labelNode, "label") ?? "nodes[\(index)]"
            var (props, written) = properties(e["properties"], owner: label, &reader)
            if !e.has("properties") { reader.error("\(label) needs properties: { name: COLUMN, ... }", at: item) }
            var key: [String] = []
            if let keyNode = e["key"] {
                for (name, n) in reader.textNodes(keyNode, "key") ?? [] {
                    if let i = props.firstIndex(where: { $0.name == name }) {
                        props[i].expression.required = true
                        if key.contains(name) { reader.error("key property '\(name)' is listed twice", at: n) }
                        key.append(name)
                    } else if e.has("properties") && !written.contains(name) {
                        let hint = Suggestions.hint(for: name, in: props.map(\.name))
                        reader.error("key property '\(name)' is not among the properties of \(label)\(hint)", at: n)
                    }
                }
                if case .sequence(let s) = keyNode, s.isEmpty { reader.error("key must name at least one property", at: keyNode) }
            } else {
                reader.error("\(label) needs a key: the property (or properties) that identify one \(label)", at: labelNode)
            }
            guard reader.diagnostics.count == before else { continue }
            rules.append(NodeRuleSpec(index: index, label: label, key: key, properties: props,
                                      filters: filters(e["where"], "where", &reader), location: reader.location(item)))
        }
        return rules
    }

    // MARK: - Edges

    func edgeRules(_ node: Node?, labels: [String: NodeType], _ reader: inout YAMLReader) -> [EdgeRuleSpec] {
        guard let node, !YAMLReader.isNull(node), let items = reader.sequence(node, "edges") else { return [] }
        var rules: [EdgeRuleSpec] = []
        for (index, item) in items.enumerated() {
            let before = reader.diagnostics.count
            guard let e = reader.entries(item, "edges[\(index)]", allowed: EdgeRuleSpec.keys) else { continue }
            guard let typeNode = e["type"] else {
                reader.error("edges[\(index)] needs a type (the relationship name, e.g. HAS_COMPONENT)", at: item)
                continue
            }
            let type = reader.identifier(typeNode, "edge type") ?? "edges[\(index)]"
            var ends: [EndpointSpec] = []
            for side in ["from", "to"] {
                guard let n = e[side] else {
                    reader.error("\(type) needs \(side): { label: LABEL, key: COLUMN }", at: item)
                    continue
                }
                if let end = endpoint(n, side: side, edge: type, labels: labels, &reader) { ends.append(end) }
            }
            let props = properties(e["properties"], owner: type, &reader).specs
            let where_ = filters(e["where"], "where", &reader)
            guard reader.diagnostics.count == before, ends.count == 2 else { continue }
            rules.append(EdgeRuleSpec(index: index, type: type, from: ends[0], to: ends[1], properties: props,
                                      filters: where_, location: reader.location(item)))
        }
        return rules
    }

    private func endpoint(_ node: Node, side: String, edge: String, labels: [String: NodeType],
                          _ reader: inout YAMLReader) -> EndpointSpec? {
        guard let e = reader.entries(node, "\(edge) \(side)", allowed: EndpointSpec.keys) else { return nil }
        guard let labelNode = e["label"], let keyNode = e["key"] else {
            reader.error("\(edge) \(side) needs label and key: { label: Part, key: MATNR }", at: node)
            return nil
        }
        guard let label = reader.identifier(labelNode, "label") else { return nil }
        let target = labels[label]
        let parts: [Node]
        if case .sequence(let s) = keyNode { parts = Array(s) } else { parts = [keyNode] }
        if parts.isEmpty {
            reader.error("the \(side) key of \(edge) must give at least one value", at: keyNode)
            return nil
        }
        if let target, target.key.count != parts.count {
            let plural = target.key.count == 1 ? "property" : "properties"
            reader.error("\(label) has a key of \(target.key.count) \(plural) (\(target.key.joined(separator: ", "))) "
                         + "but the \(side) key of \(edge) gives \(parts.count) value\(parts.count == 1 ? "" : "s")", at: keyNode)
            return nil
        }
        var key: [ExpressionSpec] = []
        for (i, part) in parts.enumerated() {
            let inherited = target.flatMap { t in t.property(t.key[i]).map { ExpressionReader.Inherited(type: $0.type) } }
            let what = "the \(side) key of \(edge)" + (parts.count > 1 ? " (part \(i + 1))" : "")
            guard var x = expressions.read(part, what, &reader, inherited: inherited) else { continue }
            x.required = true
            key.append(x)
        }
        guard key.count == parts.count else { return nil }
        return EndpointSpec(label: label, key: key, location: reader.location(node))
    }
}
