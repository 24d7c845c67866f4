import GraphModel
import GraphStore

/// Dangling references, conflicts and provenance: the reports that point a person back to the
/// exact source row to fix in the system of record.
extension GraphReport {
    // MARK: - dangling references

    public func danglingText(run: Int64?, limit: Int) throws(EngineError) -> String {
        let entries = try readStore { try store.dangling(run: run, limit: limit) }
        var out = "\(entries.count) dangling reference(s)\n"
        for d in entries {
            let missing: String
            switch d.missing {
            case .from: missing = "(:\(d.fromLabel) \(NodeKey.display(d.fromKey))) does not exist"
            case .to: missing = "(:\(d.toLabel) \(NodeKey.display(d.toKey))) does not exist"
            case .both: missing = "neither (:\(d.fromLabel) \(NodeKey.display(d.fromKey))) nor (:\(d.toLabel) \(NodeKey.display(d.toKey))) exists"
            }
            out += "\(d.source):\(d.line): \(d.edgeType) \(NodeKey.display(d.fromKey)) → \(NodeKey.display(d.toKey)): \(missing)\n"
        }
        return out
    }

    public func danglingJSON(run: Int64?, limit: Int) throws(EngineError) -> String {
        let entries = try readStore { try store.dangling(run: run, limit: limit) }
        return JSONText.array(entries.map { d in
            JSONText.object([("run", "\(d.run)"), ("file", JSONText.string(d.source)), ("line", "\(d.line)"),
                             ("rule", d.rule.map(JSONText.string) ?? "null"), ("edgeType", JSONText.string(d.edgeType)),
                             ("fromLabel", JSONText.string(d.fromLabel)), ("fromKey", JSONText.string(NodeKey.display(d.fromKey))),
                             ("toLabel", JSONText.string(d.toLabel)), ("toKey", JSONText.string(NodeKey.display(d.toKey))),
                             ("missing", JSONText.string(d.missing.rawValue))])
        }) + "\n"
    }

    // MARK: - conflicts

    public func conflictsText(run: Int64?, limit: Int) throws(EngineError) -> String {
        let entries = try readStore { try store.conflicts(run: run, limit: limit) }
        var out = "\(entries.count) conflict(s)\n"
        for c in entries {
            out += "(:\(c.label) \(NodeKey.display(c.key))).\(c.property): kept '\(c.keptValue)' from \(c.kept?.description ?? "?"), "
                + "\(c.other?.description ?? "?") says '\(c.otherValue)'\n"
        }
        return out
    }

    public func conflictsJSON(run: Int64?, limit: Int) throws(EngineError) -> String {
        let entries = try readStore { try store.conflicts(run: run, limit: limit) }
        return JSONText.array(entries.map { c in
            JSONText.object([("label", JSONText.string(c.label)), ("key", JSONText.string(NodeKey.display(c.key))),
                             ("property", JSONText.string(c.property)),
                             ("kept", JSONText.object([("value", JSONText.string(c.keptValue)), ("at", c.kept.map { JSONText.string($0.description) } ?? "null")])),
                             ("other", JSONText.object([("value", JSONText.string(c.otherValue)), ("at", c.other.map { JSONText.string($0.description) } ?? "null")]))])
        }) + "\n"
    }

    // MARK: - provenance

    /// Where a node came from: its properties, the record that created it and every record merged into it.
    /// `key` is the key as a person types it; composite keys are written with `/` between the parts.
    public func provenanceText(label: String, key: String) throws(EngineError) -> String {
        let storedKey = key.split(separator: "/", omittingEmptySubsequences: false).joined(separator: String(NodeKey.separator))
        let schema = try readStore { try store.schema() }
        guard schema.labels.contains(where: { $0.label == label }) else {
            var message = "unknown label '\(label)'"
            if let s = Suggestions.closest(to: label, in: schema.labels.map(\.label)) { message += " (did you mean '\(s)'?)" }
            throw .input(Diagnostic(.error, message))
        }
        guard let node = try readStore({ try store.provenance(label: label, key: storedKey) }) else {
            throw .input(Diagnostic(.error, "no (:\(label)) with key '\(key)' in \(path)"))
        }
        var out = "(:\(label) \(key))  node id \(node.nodeID)\n"
        var table = TextTable(["property", "value"])
        for (name, value) in zip(node.properties.names, node.properties.values) { table.add([name, value.description]) }
        out += table.render(indent: "    ")
        out += "created by \(node.createdBy.map { "\($0.path):\($0.line) (run \($0.run), \($0.mapping))" } ?? "unknown")\n"
        for c in node.contributions { out += "merged from \(c.path):\(c.line) (run \(c.run), \(c.mapping))\n" }
        return out
    }

    func readStore<T>(_ body: () throws -> T) throws(EngineError) -> T {
        do { return try body() } catch { throw .store("\(path): \(error)") }
    }
}
