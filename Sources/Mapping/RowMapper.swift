import GraphModel

/// What one source record became.
public enum RowOutcome: Sendable {
    /// A `where:` condition of the mapping does not hold for the record.
    case filteredOut
    case mapped(nodes: [NodeRecord], edges: [EdgeRecord])
    /// The record could not be mapped; `rawText` is left empty for the importer to fill.
    case rejected(RejectRecord)
}

/// A mapping bound to one file's columns: turns each record into nodes and edges.
/// Built by `Mapping.bind(columns:sourceFile:)`; all names are resolved and all patterns
/// compiled there, so mapping a row does no lookups by name.
public struct RowMapper: Sendable {
    struct Filter: Sendable {
        let index: Int
        let spec: FilterSpec

        func accepts(_ fields: [String?]) -> Bool {
            spec.accepts(index < fields.count ? fields[index] : nil)
        }
    }

    final class NodeRule: Sendable {
        let label: String
        let rule: String
        /// Shared by every record the rule produces.
        let names: [String]
        let expressions: [BoundExpression]
        let keyIndices: [Int]
        let filters: [Filter]

        init(label: String, rule: String, names: [String], expressions: [BoundExpression], keyIndices: [Int], filters: [Filter]) {
            self.label = label
            self.rule = rule
            self.names = names
            self.expressions = expressions
            self.keyIndices = keyIndices
            self.filters = filters
        }
    }

    final class EdgeRule: Sendable {
        let type: String
        let rule: String
        let fromLabel: String
        let fromKey: [BoundExpression]
        let toLabel: String
        let toKey: [BoundExpression]
        let names: [String]
        let expressions: [BoundExpression]
        let filters: [Filter]

        init(type: String, rule: String, fromLabel: String, fromKey: [BoundExpression], toLabel: String,
             toKey: [BoundExpression], names: [String], expressions: [BoundExpression], filters: [Filter]) {
            self.type = type
            self.rule = rule
            self.fromLabel = fromLabel
            self.fromKey = fromKey
            self.toLabel = toLabel
            self.toKey = toKey
            self.names = names
            self.expressions = expressions
            self.filters = filters
        }
    }

    let filters: [Filter]
    let nodeRules: [NodeRule]
    let edgeRules: [EdgeRule]
    /// The mapping's path, for rejects raised before any rule.
    let mappingPath: String

    /// Applies the row filter, then evaluates every node and edge rule. A rule with its own
    /// `where:` that does not hold is skipped. `fieldLocation(i)` gives the source position of
    /// field `i`, used only when the row is rejected.
    public func map(_ fields: [String?], at location: SourceLocation,
                    fieldLocation: (Int) -> SourceLocation) -> RowOutcome {
        for f in filters where !f.accepts(fields) { return .filteredOut }
        var nodes: [NodeRecord] = []
        nodes.reserveCapacity(nodeRules.count)
        var edges: [EdgeRecord] = []
        edges.reserveCapacity(edgeRules.count)
        var currentRule = ""
        do throws(RowFailure) {
            rules: for rule in nodeRules {
                for f in rule.filters where !f.accepts(fields) { continue rules }
                currentRule = rule.rule
                var values: [Value] = []
                values.reserveCapacity(rule.expressions.count)
                for e in rule.expressions { values.append(try e.evaluate(fields)) }
                var key: [Value] = []
                key.reserveCapacity(rule.keyIndices.count)
                for i in rule.keyIndices { key.append(values[i]) }
                nodes.append(NodeRecord(label: rule.label, key: key,
                                        properties: PropertyList(names: rule.names, values: values),
                                        location: location, rule: rule.rule))
            }
            rules: for rule in edgeRules {
                for f in rule.filters where !f.accepts(fields) { continue rules }
                currentRule = rule.rule
                let from = try RowMapper.values(rule.fromKey, fields)
                let to = try RowMapper.values(rule.toKey, fields)
                let values = try RowMapper.values(rule.expressions, fields)
                edges.append(EdgeRecord(type: rule.type,
                                        from: NodeRef(label: rule.fromLabel, key: from),
                                        to: NodeRef(label: rule.toLabel, key: to),
                                        properties: PropertyList(names: rule.names, values: values),
                                        location: location, rule: rule.rule))
            }
        } catch {
            let at = error.columnIndex.map(fieldLocation) ?? location
            return .rejected(RejectRecord(location: at, rule: currentRule.isEmpty ? mappingPath : currentRule,
                                          reason: error.reason, rawText: ""))
        }
        return .mapped(nodes: nodes, edges: edges)
    }

    private static func values(_ expressions: [BoundExpression], _ fields: [String?]) throws(RowFailure) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(expressions.count)
        for e in expressions { values.append(try e.evaluate(fields)) }
        return values
    }
}
