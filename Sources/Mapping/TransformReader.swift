import Foundation
import GraphModel
import Yams

extension ExpressionReader {
    /// `transforms: [trim, { pad-leading-zeros: 18 }, { map: units, unmatched: reject }]`
    /// (a single transform may be written without the list).
    func readTransforms(_ node: Node, _ reader: inout YAMLReader) -> [Transform] {
        let items: [Node]
        if case .sequence(let s) = node { items = Array(s) } else { items = [node] }
        return items.compactMap { readTransform($0, &reader) }
    }

    private func readTransform(_ node: Node, _ reader: inout YAMLReader) -> Transform? {
        switch node {
        case .scalar(let s):
            switch s.string {
            case "trim": return .trim
            case "upper": return .upper
            case "lower": return .lower
            case "strip-leading-zeros": return .stripLeadingZeros
            case "decimal-comma": return .decimalComma
            case "pad-leading-zeros": reader.error("pad-leading-zeros needs a width: { pad-leading-zeros: 18 }", at: node)
            case "replace": reader.error("replace needs its texts: { replace: { from: \"x\", to: \"y\" } }", at: node)
            case "regex": reader.error("regex needs a pattern: { regex: \"^0*(.*)$\" }", at: node)
            case "map": reader.error("map needs a table: { map: units } or { map: { A: B } }", at: node)
            default:
                let hint = Suggestions.hint(for: s.string, in: Transform.allNames)
                reader.error("unknown transform '\(s.string)'" + (hint.isEmpty
                    ? "; use one of \(Transform.allNames.joined(separator: ", "))" : hint), at: node)
            }
            return nil
        case .sequence:
            reader.error("a transform must be a name or a one-key map, found a list", at: node)
            return nil
        case .mapping:
            break
        }
        let before = reader.diagnostics.count
        guard let e = reader.entries(node, "transform", allowed: Transform.allNames + ["unmatched"]) else { return nil }
        let names = e.keys.filter { $0 != "unmatched" }
        guard names.count == 1, let name = names.first, let value = e[name] else {
            if reader.diagnostics.count > before {
                // An unknown key was reported already.
            } else if names.isEmpty {
                reader.error("a transform map names one transform, e.g. { map: units, unmatched: reject }", at: node)
            } else {
                reader.error("write one transform per list entry: \(names.joined(separator: ", ")) are in one map", at: e.keyNode(names[1]))
            }
            return nil
        }
        if name != "map", e.has("unmatched") {
            reader.error("unmatched applies to the map transform only", at: e.keyNode("unmatched"))
            return nil
        }
        switch name {
        case "pad-leading-zeros":
            return reader.integer(value, "pad-leading-zeros", minimum: 1).map { .padLeadingZeros($0) }
        case "replace":
            guard let r = reader.entries(value, "replace", allowed: ["from", "to"]) else { return nil }
            guard let fromNode = r["from"], let toNode = r["to"] else {
                reader.error("replace needs both from and to: { replace: { from: \"x\", to: \"y\" } }", at: value)
                return nil
            }
            guard let from = reader.text(fromNode, "from"), let to = reader.text(toNode, "to") else { return nil }
            if from.isEmpty {
                reader.error("replace from must not be empty", at: fromNode)
                return nil
            }
            return .replace(from: from, to: YAMLReader.isNull(toNode) ? "" : to)
        case "regex":
            guard let pattern = reader.name(value, "regex") else { return nil }
            do {
                return .regex(try CompiledRegex(pattern))
            } catch {
                reader.error("regex '\(pattern)' is not a valid regular expression", at: value)
                return nil
            }
        case "map":
            var unmatched = Unmatched.keep
            if let n = e["unmatched"], let text = reader.text(n, "unmatched") {
                if let u = Unmatched(rawValue: text) {
                    unmatched = u
                } else {
                    reader.error("unmatched must be keep, null or reject, found '\(text)'"
                                 + Suggestions.hint(for: text, in: Unmatched.allCases.map(\.rawValue)), at: n)
                    return nil
                }
            }
            if case .scalar = value {
                guard let tableName = reader.name(value, "map") else { return nil }
                guard let table = tables[tableName] else {
                    let known = tables.keys.sorted()
                    let hint = Suggestions.hint(for: tableName, in: known)
                    reader.error("unknown table '\(tableName)'" + (hint.isEmpty
                        ? (known.isEmpty ? "; declare it under tables:" : "; tables are \(known.joined(separator: ", "))")
                        : hint), at: value)
                    return nil
                }
                return .map(table, unmatched: unmatched)
            }
            guard let table = TableReader.inline(value, name: "inline map", &reader) else { return nil }
            return .map(table, unmatched: unmatched)
        default:
            reader.error("\(name) takes no argument; write it as a plain name in the list", at: e.keyNode(name))
            return nil
        }
    }
}
