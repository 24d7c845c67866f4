import Foundation
import GraphModel

/// Query parameters as a user gives them on the command line (`--param part=100103`):
/// whole numbers become integers, numbers with a point floats, `YYYY-MM-DD` dates,
/// `YYYY-MM-DDTHH:MM[:SS]` datetimes, `true`/`false` booleans, `null` null, a JSON list or map
/// (`[1,2]`, `{"a":1}`) stays JSON text for the query's list functions, and `'quoted'` or anything
/// else a string. `--param part='100103'` forces a string even when it looks like a number.
public enum QueryParameters {
    public static func parse(_ assignments: [String]) throws(EngineError) -> [String: Value] {
        var result: [String: Value] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw .input(Diagnostic(.error, "--param '\(assignment)': expected NAME=VALUE, e.g. --param part=100103"))
            }
            var name = String(assignment[..<equals])
            if name.hasPrefix("$") { name.removeFirst() }
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw .input(Diagnostic(.error, "--param '\(assignment)': '\(name)' is not a parameter name (letters, digits, _)"))
            }
            result[name] = value(String(assignment[assignment.index(after: equals)...]))
        }
        return result
    }

    /// The typed value of one parameter text (see the type doc for the rules).
    public static func value(_ text: String) -> Value {
        if text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\"" {
            return .string(String(text.dropFirst().dropLast()))
        }
        switch text {
        case "null": return .null
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: break
        }
        if let i = Int64(text) { return .integer(i) }
        if text.contains("."), let d = Double(text), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) {
            return .float(d)
        }
        if let date = LocalDate(iso: text) { return .date(date) }
        if let dateTime = LocalDateTime(iso: text) { return .datetime(dateTime) }
        return .string(text)
    }
}
