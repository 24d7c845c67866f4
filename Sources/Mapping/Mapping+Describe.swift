import GraphModel

extension Mapping {
    /// What `loom mapping check FILE` prints: the source dialect, filters, each label with its
    /// key and typed properties, each edge type with its endpoints, and the columns read.
    ///
    /// ```
    /// mappings/sap/mara.yaml: SAP MARA general material data
    /// source: csv, utf-8, delimiter ';', quote '"', header line, null values '', trim
    /// where: LVORM is null; MTART in ('FERT', 'HALB')
    /// nodes:
    ///   Part key (number)                      nodes[0]
    ///     number: string        ← MATNR | strip-leading-zeros, required
    ///     grossWeight: decimal  ← BRGEW
    /// edges: none
    /// columns: MATNR, BRGEW, LVORM, MTART
    /// ```
    public func describe() -> String {
        var lines: [String] = []
        lines.append(path + (summary.map { ": \($0)" } ?? ""))
        lines.append("source: " + source.summaryLine)
        if !filters.isEmpty { lines.append("where: " + filters.map(\.summary).joined(separator: "; ")) }
        if !tables.isEmpty {
            let list = tables.keys.sorted().map { "\($0) (\(tables[$0]?.entries.count ?? 0) entries)" }
            lines.append("tables: " + list.joined(separator: ", "))
        }
        if nodeRules.isEmpty {
            lines.append("nodes: none")
        } else {
            lines.append("nodes:")
            for rule in nodeRules {
                lines.append("  \(rule.label) key (\(rule.key.joined(separator: ", ")))  [nodes[\(rule.index)]]")
                if !rule.filters.isEmpty { lines.append("    where: " + rule.filters.map(\.summary).joined(separator: "; ")) }
                lines += Mapping.propertyLines(rule.properties)
            }
        }
        if edgeRules.isEmpty {
            lines.append("edges: none")
        } else {
            lines.append("edges:")
            for rule in edgeRules {
                lines.append("  \(rule.type): \(rule.from.label) → \(rule.to.label)  [edges[\(rule.index)]]")
                if !rule.filters.isEmpty { lines.append("    where: " + rule.filters.map(\.summary).joined(separator: "; ")) }
                lines.append("    from \(rule.from.label) ← " + rule.from.key.map(\.summary).joined(separator: " + "))
                lines.append("    to \(rule.to.label) ← " + rule.to.key.map(\.summary).joined(separator: " + "))
                lines += Mapping.propertyLines(rule.properties)
            }
        }
        let external = Set(edgeRules.flatMap { [$0.from.label, $0.to.label] })
            .subtracting(catalog.nodeTypes.map(\.label)).sorted()
        if !external.isEmpty {
            lines.append("labels from other mappings: " + external.joined(separator: ", "))
        }
        lines.append("columns: " + referencedColumns.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    private static func propertyLines(_ properties: [PropertySpec]) -> [String] {
        let heads = properties.map { "    \($0.name): \($0.expression.type)" }
        let width = heads.map(\.count).max() ?? 0
        return zip(heads, properties).map { head, p in
            head + String(repeating: " ", count: width - head.count) + "  ← " + p.expression.summary
        }
    }
}
