import GraphModel
import Yams

/// Source positions and key checks for YAML read through Yams' node tree.
enum YAMLPositions {
    static func location(of node: Node?, file: String) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(.error, "YAML syntax: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .composer(_, let problem, let mark, _):
            return Diagnostic(.error, "YAML syntax: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        default:
            return Diagnostic(.error, "YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Reports keys not in `allowed`, with a did-you-mean.
    static func checkKeys(_ mapping: Node.Mapping, allowed: [String], file: String, into problems: inout [Diagnostic]) {
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            var message = "unknown key '\(name)'"
            if let suggestion = Suggestions.closest(to: name, in: allowed) {
                message += " (did you mean '\(suggestion)'?)"
            } else {
                message += " (expected one of: \(allowed.joined(separator: ", ")))"
            }
            problems.append(Diagnostic(.error, message, at: location(of: key, file: file)))
        }
    }
}
