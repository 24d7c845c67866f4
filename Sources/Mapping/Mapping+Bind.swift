import GraphModel

extension Mapping {
    /// Resolves the mapping's column names against a file's columns (its header, or the
    /// mapping's `columns:`) and returns the mapper for that file's rows.
    ///
    /// A column that is not in the file is an error at the place the mapping names it:
    /// `mappings/sap/mara.yaml:9:17: error: column 'MATNX' is not in MARA.csv (did you mean 'MATNR'?)`.
    /// Names match exactly; a header name padded with spaces also matches.
    public func bind(columns: [String], sourceFile: String) throws(MappingError) -> RowMapper {
        var index: [String: Int] = [:]
        for (i, name) in columns.enumerated() where index[name] == nil { index[name] = i }
        for (i, name) in columns.enumerated() {
            let trimmed = NumberText.trimmed(name)
            if index[trimmed] == nil { index[trimmed] = i }
        }
        var diagnostics: [Diagnostic] = []
        var reported: Set<SourceLocation> = []
        for ref in columnRefs where index[ref.name] == nil && reported.insert(ref.location).inserted {
            diagnostics.append(Diagnostic(.error,
                "column '\(ref.name)' is not in \(sourceFile)\(Suggestions.hint(for: ref.name, in: columns))",
                at: ref.location))
        }
        guard diagnostics.isEmpty else { throw MappingError(diagnostics: diagnostics) }

        func filter(_ spec: FilterSpec) -> RowMapper.Filter {
            RowMapper.Filter(index: index[spec.column.name] ?? -1, spec: spec)
        }
        let nodes = nodeRules.map { rule in
            RowMapper.NodeRule(
                label: rule.label, rule: ruleName(rule),
                names: rule.properties.map(\.name),
                expressions: rule.properties.map { p in
                    let why = rule.key.contains(p.name)
                        ? "no value for \(rule.label).\(p.name), which is part of the key"
                        : "no value, but \(rule.label).\(p.name) is required"
                    return BoundExpression(p.expression, columns: index, missingReason: why)
                },
                keyIndices: rule.key.compactMap { k in rule.properties.firstIndex { $0.name == k } },
                filters: rule.filters.map(filter))
        }
        let edges = edgeRules.map { rule in
            func key(_ end: EndpointSpec, _ side: String) -> [BoundExpression] {
                end.key.map {
                    BoundExpression($0, columns: index,
                                    missingReason: "no value for the \(side) key of \(rule.type) (\(end.label))")
                }
            }
            return RowMapper.EdgeRule(
                type: rule.type, rule: ruleName(rule),
                fromLabel: rule.from.label, fromKey: key(rule.from, "from"),
                toLabel: rule.to.label, toKey: key(rule.to, "to"),
                names: rule.properties.map(\.name),
                expressions: rule.properties.map { p in
                    BoundExpression(p.expression, columns: index, missingReason: "no value, but \(rule.type).\(p.name) is required")
                },
                filters: rule.filters.map(filter))
        }
        return RowMapper(filters: filters.map(filter), nodeRules: nodes, edgeRules: edges, mappingPath: path)
    }
}
