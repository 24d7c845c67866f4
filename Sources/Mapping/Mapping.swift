import Foundation
import GraphModel
import Yams

/// One mapping file: how the records of one kind of export become typed nodes and edges.
///
/// Loading reads and checks the whole file and reports every problem with its line and column;
/// `bind(columns:sourceFile:)` then resolves the column names against a file's header and
/// returns the `RowMapper` that turns each record into nodes, edges or a reject.
/// See docs/mapping.md for the language.
public struct Mapping: Sendable {
    static let topLevelKeys = ["description", "source", "where", "tables", "nodes", "edges"]

    /// The path used in diagnostics and rule names (`mappings/sap/mara.yaml`).
    public let path: String
    /// The `description:` key.
    public let summary: String?
    public let source: SourceSpec
    /// The node types and edge types this mapping declares. Edge endpoints may name labels that
    /// only another mapping declares.
    public let catalog: Catalog

    let filters: [FilterSpec]
    let tables: [String: LookupTable]
    let nodeRules: [NodeRuleSpec]
    let edgeRules: [EdgeRuleSpec]

    /// Reads and checks a mapping file. `displayPath` is how the file is named in messages and
    /// rule names (default: `path`); table files are found next to `path`.
    public static func load(path: String, displayPath: String? = nil) throws(MappingError) -> Mapping {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            let why = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw MappingError(Diagnostic(.error, "mapping file '\(path)' \(why)",
                                          at: SourceLocation(file: shown, line: 1, column: 1)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MappingError(Diagnostic(.error, "mapping file is not UTF-8 text",
                                          at: SourceLocation(file: shown, line: 1, column: 1)))
        }
        return try parse(yaml: text, path: shown, directory: (path as NSString).deletingLastPathComponent)
    }

    /// Reads and checks mapping text; `path` names it in messages, and relative table files
    /// are found next to it.
    public static func parse(yaml: String, path: String) throws(MappingError) -> Mapping {
        try parse(yaml: yaml, path: path, directory: (path as NSString).deletingLastPathComponent)
    }

    static func parse(yaml: String, path: String, directory: String) throws(MappingError) -> Mapping {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                throw MappingError(Diagnostic(.error, "mapping file is empty; it needs at least nodes: or edges:",
                                              at: SourceLocation(file: path, line: 1, column: 1)))
            }
            root = composed
        } catch let error as MappingError {
            throw error
        } catch {
            throw MappingError(syntaxDiagnostic(error, yaml: yaml, path: path))
        }

        var reader = YAMLReader(file: path)
        guard let top = reader.entries(root, "the mapping file", allowed: topLevelKeys) else {
            throw MappingError(diagnostics: reader.diagnostics)
        }
        let summary = top["description"].flatMap { reader.text($0, "description") }
        let source = SourceSpec.read(top["source"], &reader)
        let displayDirectory = (path as NSString).deletingLastPathComponent
        let tables = TableReader.read(top["tables"], directory: directory.isEmpty ? "." : directory,
                                      displayDirectory: displayDirectory, &reader)
        let rules = RuleReader(expressions: ExpressionReader(tables: tables, decimalComma: source.decimalComma))
        let filters = rules.filters(top["where"], "where", &reader)
        let nodeRules = rules.nodeRules(top["nodes"], &reader)

        // Labels: several rules may feed one label, but they must agree on key and types.
        var catalog = Catalog()
        for rule in nodeRules {
            for conflict in catalog.declare(rule.nodeType) {
                reader.error("nodes[\(rule.index)] declares \(conflict.subject) again differently: \(conflict.message)", at: rule.location)
            }
        }
        var labels: [String: NodeType] = [:]
        for n in catalog.nodeTypes { labels[n.label] = n }
        let edgeRules = rules.edgeRules(top["edges"], labels: labels, &reader)
        for rule in edgeRules {
            for conflict in catalog.declare(rule.edgeType) {
                reader.error("edges[\(rule.index)] declares \(conflict.subject) again differently: \(conflict.message)", at: rule.location)
            }
        }
        if !top.has("nodes") && !top.has("edges") && reader.diagnostics.isEmpty {
            reader.error("the mapping produces nothing: add nodes: or edges:", at: root)
        }
        guard reader.diagnostics.isEmpty else { throw MappingError(diagnostics: ordered(reader.diagnostics, path: path)) }
        return Mapping(path: path, summary: summary, source: source, catalog: catalog, filters: filters,
                       tables: tables, nodeRules: nodeRules, edgeRules: edgeRules)
    }

    /// The mapping file's problems in the order of the file (table files' problems after them).
    static func ordered(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            let ka = (la?.file == path ? 0 : 1, la?.line ?? 0, la?.column ?? 0, a.offset)
            let kb = (lb?.file == path ? 0 : 1, lb?.line ?? 0, lb?.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }

    private static func syntaxDiagnostic(_ error: Error, yaml: String, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.error, "YAML error: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let extra = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return Diagnostic(.error, "YAML syntax: \(problem)\(extra)", at: at(mark))
        case .reader(let problem, let offset, _, _):
            var line = 1, column = 1
            if let offset {
                for c in yaml.prefix(offset) {
                    if c == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return Diagnostic(.error, "YAML: \(problem)", at: SourceLocation(file: path, line: line, column: column))
        default:
            return Diagnostic(.error, "YAML error: \(yamlError)", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    /// Every column the mapping reads (filters, properties, endpoint keys), each once, in the
    /// order first written.
    public var referencedColumns: [String] {
        var seen: Set<String> = []
        return columnRefs.map(\.name).filter { seen.insert($0).inserted }
    }

    var columnRefs: [ColumnRef] {
        var refs = filters.map(\.column)
        for rule in nodeRules {
            refs += rule.filters.map(\.column)
            refs += rule.properties.flatMap(\.expression.columns)
        }
        for rule in edgeRules {
            refs += rule.filters.map(\.column)
            refs += rule.from.key.flatMap(\.columns) + rule.to.key.flatMap(\.columns)
            refs += rule.properties.flatMap(\.expression.columns)
        }
        return refs
    }

    /// `mappings/sap/mara.yaml nodes[0] Part`, as rejects and records name their rule.
    func ruleName(_ rule: NodeRuleSpec) -> String { "\(path) nodes[\(rule.index)] \(rule.label)" }
    func ruleName(_ rule: EdgeRuleSpec) -> String { "\(path) edges[\(rule.index)] \(rule.type)" }
}
