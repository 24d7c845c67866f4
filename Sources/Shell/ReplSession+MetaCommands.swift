import Engine
import Foundation
import GraphModel

/// What each meta-command does (see `MetaCommand.usages` and docs/repl.md).
extension ReplSession {
    func perform(_ command: MetaCommand) throws(ReplError) -> Bool {
        switch command {
        case .help:
            output.message(Self.helpText)
        case .schema(let name):
            return showSchema(name)
        case .explain(let query):
            return runQuery("EXPLAIN " + query, parameters: parameters)
        case .profile(let query):
            return runQuery("PROFILE " + query, parameters: parameters)
        case .format(let chosen):
            if let chosen { format = chosen }
            report("format: \(format.rawValue)", asked: chosen == nil)
        case .setParameter(let name, let text):
            let value = try ParameterValue.value(text)
            parameters[name] = value
            confirm("$\(name) = \(Self.describe(value))")
        case .parameters:
            if parameters.isEmpty { output.message("no parameters set: :param NAME VALUE sets one") }
            for name in parameters.keys.sorted() {
                if let value = parameters[name] { output.message("$\(name) = \(Self.describe(value))") }
            }
        case .clearParameters:
            parameters.removeAll()
            confirm("parameters cleared")
        case .run(let name, let arguments):
            return try runNamedQuery(name, arguments: arguments)
        case .queries:
            let entries = allNamedQueries()
            if entries.isEmpty { throw ReplError("no named queries found (looked in LOOM_QUERY_PATH, ./queries and next to the project)") }
            let width = entries.map(\.name.count).max() ?? 0
            for entry in entries {
                output.message(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.question)
            }
        case .timing(let flag):
            if let flag { timing = flag }
            report("timing: \(timing ? "on" : "off")", asked: flag == nil)
        case .maxRows(let limit):
            if let limit { maxRows = limit }
            report("max-rows: \(maxRows.map(String.init) ?? "off")", asked: limit == nil)
        case .output(let path):
            if let path {
                try output.startCopy(to: path)
                confirm("appending results to \(path)")
            } else {
                let previous = output.teePath
                output.stopCopy()
                confirm(previous.map { "stopped writing to \($0)" } ?? "results go to the screen only")
            }
        case .history(let last):
            let entries = history()
            let shown = last.map { Array(entries.suffix($0)) } ?? entries
            let first = entries.count - shown.count + 1
            for (offset, entry) in shown.enumerated() {
                output.message(String(first + offset).leftPadded(5) + "  " + entry)
            }
            if entries.isEmpty { output.message("the history is empty (it is kept in interactive sessions)") }
        case .quit:
            quitRequested = true
        }
        return true
    }

    /// A setting: always shown when asked for, else only as a confirmation at a terminal.
    private func report(_ text: String, asked: Bool) {
        if asked { output.message(text) } else { confirm(text) }
    }

    /// `:schema`: the whole schema with counts; `:schema NAME`: one label's or edge type's properties
    /// (the name's case does not matter when only one label or type fits).
    private func showSchema(_ name: String?) -> Bool {
        guard var name else { return showSchemaWithCounts() }
        let catalog = graph.catalog
        let names = catalog.nodeTypes.map(\.label) + catalog.edgeTypes.map(\.name)
        if !names.contains(name) {
            let sameWord = names.filter { $0.lowercased() == name.lowercased() }
            if sameWord.count == 1 { name = sameWord[0] }
        }
        if let node = catalog.nodeType(name) {
            var text = "(:\(node.label))  key (\(node.key.joined(separator: ", ")))\n"
            text += Self.propertyLines(node.properties)
            for edge in catalog.edgeTypes where edge.from == node.label || edge.to == node.label {
                text += "(:\(edge.from))-[:\(edge.name)]->(:\(edge.to))\n"
            }
            output.result(text, plain: text)
            return true
        }
        if let edge = catalog.edgeType(name) {
            let text = "(:\(edge.from))-[:\(edge.name)]->(:\(edge.to))\n" + Self.propertyLines(edge.properties)
            output.result(text, plain: text)
            return true
        }
        output.error(style.error("error: no label or edge type '\(name)'" + Suggestions.hint(for: name, in: names)))
        return false
    }

    private static func propertyLines(_ properties: [PropertyDefinition]) -> String {
        let width = properties.map(\.name.count).max() ?? 0
        return properties.map { "    " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \($0.type)\n" }.joined()
    }

    /// A parameter's value with its type, as `:params` shows it.
    static func describe(_ value: Value) -> String { ParameterValue.describe(value) }

    static var helpText: String {
        let width = MetaCommand.usages.map(\.syntax.count).max() ?? 0
        var text = "Statements are Cypher and end with `;` (they may span lines). Commands:\n"
        for usage in MetaCommand.usages {
            text += "  " + usage.syntax.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + usage.summary + "\n"
        }
        text += """
        Keys: Tab completes (keywords, :labels, [:types], var.properties, $params, commands, named queries);
        Ctrl-R searches the history; Ctrl-C cancels a running query or clears the line; Ctrl-D quits.
        See docs/repl.md and docs/query-language.md.
        """
        return text
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
