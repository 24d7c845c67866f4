import Engine
import Foundation
import GraphModel

/// What `:param NAME VALUE` and `:run NAME name=value` make of the value a planner types.
///
/// The rules of `--param` (`42` integer, `1.5` float, `2025-03-01` date, `true`, `null`, anything
/// else a string), and in the REPL also what a Cypher user types:
/// - a quoted string keeps what is between its quotes, with `\'`, `\"`, `\\`, `\n`, `\t` read
///   as escapes: `'it\'s'`, `"Kreiselpumpe KP-50"`;
/// - a list or map written as in Cypher (`['100428', '100429']`, `{asOf: '2025-03-01', depth: 2}`)
///   or as JSON becomes the JSON text the engine takes for list and map parameters.
enum ParameterValue {
    static func value(_ text: String) throws(ReplError) -> Value {
        let trimmed = text.trimmingWhitespace
        if let first = trimmed.first, first == "[" || first == "{" {
            var reader = LiteralReader(Array(trimmed))
            do throws(LiteralReader.Problem) {
                let json = try reader.readValue()
                reader.skipBlanks()
                guard reader.atEnd else { throw LiteralReader.Problem("unexpected '\(reader.rest)' after the \(first == "[" ? "list" : "map")") }
                return .string(json)
            } catch {
                throw ReplError("cannot read \(trimmed) as a \(first == "[" ? "list" : "map"): \(error.message); "
                                + "write it as in Cypher, e.g. ['100428', '100429'] or {depth: 2}")
            }
        }
        if let first = trimmed.first, first == "'" || first == "\"" {
            var reader = LiteralReader(Array(trimmed))
            if let string = try? reader.readString(), reader.atEnd { return .string(string) }
        }
        return QueryParameters.value(trimmed)
    }

    /// A value with its type, as `:params` shows it; JSON lists and maps show as such.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .string(let text):
            if let kind = jsonKind(text) { "\(text) (\(kind))" } else { "'\(text)' (string)" }
        case .integer: "\(value) (integer)"
        case .float: "\(value) (float)"
        case .decimal: "\(value) (decimal)"
        case .boolean: "\(value) (boolean)"
        case .date: "\(value) (date)"
        case .datetime: "\(value) (datetime)"
        }
    }

    /// "list" or "map" when `text` is a JSON array or object (what the engine reads it as).
    static func jsonKind(_ text: String) -> String? {
        guard let first = text.first, first == "[" || first == "{",
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            return nil
        }
        if object is [Any] { return "list" }
        if object is [String: Any] { return "map" }
        return nil
    }
}

/// Reads a Cypher (or JSON) literal and writes it as JSON: lists, maps with bare, quoted or
/// back-quoted keys, strings in either quote, numbers, `true`, `false` and `null`.
struct LiteralReader {
    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private let characters: [Character]
    private var index = 0

    init(_ characters: [Character]) { self.characters = characters }

    var atEnd: Bool { index >= characters.count }
    var rest: String { String(characters[index...]) }

    mutating func skipBlanks() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    /// One value as JSON text.
    mutating func readValue() throws(Problem) -> String {
        skipBlanks()
        guard index < characters.count else { throw Problem("a value is missing at the end") }
        switch characters[index] {
        case "[":
            return try readSequence(close: "]") { (reader: inout LiteralReader) throws(Problem) in try reader.readValue() }
        case "{":
            return try readSequence(close: "}") { (reader: inout LiteralReader) throws(Problem) in
                let key = try reader.readKey()
                reader.skipBlanks()
                guard reader.index < reader.characters.count, reader.characters[reader.index] == ":" else {
                    throw Problem("expected ':' after the key '\(key)'")
                }
                reader.index += 1
                return Self.json(key) + ":" + (try reader.readValue())
            }
        case "'", "\"":
            return Self.json(try readString())
        default:
            return try readScalar()
        }
    }

    /// A quoted string (the reader is at its opening quote), escapes resolved.
    mutating func readString() throws(Problem) -> String {
        let quote = characters[index]
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote { return text }
            if character == "\\", index < characters.count {
                let escaped = characters[index]
                index += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
            } else {
                text.append(character)
            }
        }
        throw Problem("the string \(quote)\(text) has no closing \(quote)")
    }

    private mutating func readSequence(close: Character,
                                       element: (inout LiteralReader) throws(Problem) -> String) throws(Problem) -> String {
        let open = characters[index]
        index += 1
        var parts: [String] = []
        skipBlanks()
        if index < characters.count, characters[index] == close {
            index += 1
            return "\(open)\(close)"
        }
        while true {
            parts.append(try element(&self))
            skipBlanks()
            guard index < characters.count else { throw Problem("'\(open)' is not closed by '\(close)'") }
            let separator = characters[index]
            index += 1
            if separator == close { return "\(open)" + parts.joined(separator: ",") + "\(close)" }
            guard separator == "," else { throw Problem("expected ',' or '\(close)', found '\(separator)'") }
        }
    }

    private mutating func readKey() throws(Problem) -> String {
        skipBlanks()
        guard index < characters.count else { throw Problem("a key is missing at the end") }
        let first = characters[index]
        if first == "'" || first == "\"" { return try readString() }
        if first == "`" {
            index += 1
            guard let end = characters[index...].firstIndex(of: "`") else { throw Problem("the name `\(rest) has no closing `") }
            defer { index = end + 1 }
            return String(characters[index..<end])
        }
        let start = index
        while index < characters.count, Completer.isWordCharacter(characters[index]) { index += 1 }
        guard index > start else { throw Problem("expected a key, found '\(first)'") }
        return String(characters[start..<index])
    }

    private mutating func readScalar() throws(Problem) -> String {
        let start = index
        while index < characters.count, !",]}:".contains(characters[index]), !characters[index].isWhitespace { index += 1 }
        let word = String(characters[start..<index])
        switch word.lowercased() {
        case "true", "false", "null": return word.lowercased()
        default: break
        }
        if let integer = Int64(word) { return String(integer) }
        if let number = Double(word), number.isFinite, word.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
            return String(number)
        }
        throw Problem(word.isEmpty ? "expected a value, found '\(characters[index])'"
                                   : "'\(word)' is not a value (quote text: '\(word)')")
    }

    /// `text` as a JSON string literal.
    static func json(_ text: String) -> String { JSONText.string(text) }
}
