import Engine
import GraphModel

/// A REPL command that is not Cypher: `:schema Part`, `:param part 100103`, `:run where-used`.
/// Parsed from one line; an unknown name gets a did-you-mean.
enum MetaCommand: Equatable {
    case help
    case schema(label: String?)
    case explain(String)
    case profile(String)
    /// `nil`: show the current format.
    case format(QueryResult.Format?)
    case setParameter(name: String, value: String)
    case parameters
    case clearParameters
    case run(name: String, arguments: [(name: String, value: String)])
    /// `nil`: show the current setting.
    case timing(Bool?)
    /// `.some(nil)`: no limit; `nil`: show the current setting.
    case maxRows(Int??)
    /// `nil`: stop writing to a file.
    case output(path: String?)
    case history(last: Int?)
    case queries
    case quit

    static func == (lhs: MetaCommand, rhs: MetaCommand) -> Bool {
        switch (lhs, rhs) {
        case let (.run(a, x), .run(b, y)):
            a == b && x.map(\.name) == y.map(\.name) && x.map(\.value) == y.map(\.value)
        default:
            lhs.description == rhs.description
        }
    }

    /// One entry of `:help`: how to write the command and what it does.
    struct Usage {
        var name: String
        var syntax: String
        var summary: String
    }

    /// Every command, in the order `:help` lists them (also what Tab completes).
    static let usages: [Usage] = [
        Usage(name: ":help", syntax: ":help", summary: "this list"),
        Usage(name: ":schema", syntax: ":schema [LABEL|TYPE]", summary: "labels and edge types with counts; one label's or type's typed properties"),
        Usage(name: ":explain", syntax: ":explain QUERY", summary: "the plan and the SQL, without running"),
        Usage(name: ":profile", syntax: ":profile QUERY", summary: "run and show the time per step"),
        Usage(name: ":format", syntax: ":format table|csv|json|jsonl|markdown", summary: "how results are printed"),
        Usage(name: ":param", syntax: ":param NAME VALUE", summary: "set $NAME for the next queries (42, 1.5, 2025-03-01, true, '0042', ['a', 'b'], {depth: 2})"),
        Usage(name: ":params", syntax: ":params [clear]", summary: "the parameters set so far (or forget them all)"),
        Usage(name: ":run", syntax: ":run NAME [name=value ...]", summary: "a named query from queries/ (`:queries` lists them)"),
        Usage(name: ":queries", syntax: ":queries", summary: "the named queries and the question each answers"),
        Usage(name: ":timing", syntax: ":timing on|off", summary: "show the time after each result"),
        Usage(name: ":max-rows", syntax: ":max-rows N|off", summary: "return at most N rows"),
        Usage(name: ":output", syntax: ":output [FILE]", summary: "also append results to FILE; without FILE, stop"),
        Usage(name: ":history", syntax: ":history [N]", summary: "the last N statements (all of them without N)"),
        Usage(name: ":quit", syntax: ":quit", summary: "leave (Ctrl-D does too)"),
    ]

    static var names: [String] { usages.map(\.name) + [":exit"] }

    /// Parses `:name arguments…` (the leading `:` included).
    static func parse(_ line: String) throws(ReplError) -> MetaCommand {
        let text = line.trimmingWhitespace
        let nameEnd = text.firstIndex(where: \.isWhitespace) ?? text.endIndex
        let name = text[..<nameEnd].lowercased()
        let rest = text[nameEnd...].trimmingWhitespace
        let words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        func usage() -> ReplError {
            let syntax = usages.first { $0.name == name }?.syntax ?? name
            return ReplError("usage: \(syntax)")
        }
        switch name {
        case ":help", ":h", ":?":
            return .help
        case ":schema":
            guard words.count <= 1 else { throw usage() }
            return .schema(label: words.first)
        case ":explain", ":profile":
            guard !rest.isEmpty else { throw usage() }
            var query = rest
            while query.hasSuffix(";") { query.removeLast() }
            return name == ":explain" ? .explain(query) : .profile(query)
        case ":format":
            guard let word = words.first else { return .format(nil) }
            guard words.count == 1, let format = QueryResult.Format(rawValue: word.lowercased()) else {
                throw ReplError("unknown format '\(word)'" + Suggestions.hint(for: word, in: QueryResult.Format.allCases.map(\.rawValue))
                                + "; use table, csv, json, jsonl or markdown")
            }
            return .format(format)
        case ":param":
            let (parameter, value) = try parameterAssignment(rest)
            return .setParameter(name: parameter, value: value)
        case ":params":
            if words == ["clear"] { return .clearParameters }
            guard words.isEmpty else { throw usage() }
            return .parameters
        case ":run":
            guard let query = words.first else { throw usage() }
            var arguments: [(name: String, value: String)] = []
            for word in ArgumentWords.split(String(rest.dropFirst(query.count))) {
                guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                    throw ReplError("':run \(query)' takes parameters as name=value, e.g. part=100103 (not '\(word)')")
                }
                var parameter = String(word[..<equals])
                if parameter.hasPrefix("$") { parameter.removeFirst() }
                arguments.append((parameter, String(word[word.index(after: equals)...])))
            }
            return .run(name: query, arguments: arguments)
        case ":queries":
            return .queries
        case ":timing":
            guard let word = words.first else { return .timing(nil) }
            guard words.count == 1, let flag = switchValue(word) else { throw usage() }
            return .timing(flag)
        case ":max-rows":
            guard let word = words.first else { return .maxRows(nil) }
            if words.count == 1, ["off", "all", "none"].contains(word.lowercased()) { return .maxRows(.some(nil)) }
            guard words.count == 1, let count = Int(word), count >= 1 else {
                throw ReplError(":max-rows takes a number of rows (1 or more) or off")
            }
            return .maxRows(.some(count))
        case ":output":
            return .output(path: rest.isEmpty ? nil : rest)
        case ":history":
            guard let word = words.first else { return .history(last: nil) }
            guard words.count == 1, let count = Int(word), count >= 1 else { throw usage() }
            return .history(last: count)
        case ":quit", ":exit", ":q":
            return .quit
        default:
            var message = "unknown command '\(name)'"
            if let suggestion = Suggestions.closest(to: name, in: names) {
                message += " (did you mean '\(suggestion)'?)"
            }
            throw ReplError(message + "; :help lists the commands")
        }
    }

    /// `name value`, `name=value` or `name => value` (cypher-shell's spelling).
    private static func parameterAssignment(_ text: String) throws(ReplError) -> (String, String) {
        guard let end = text.firstIndex(where: { $0.isWhitespace || $0 == "=" || $0 == ":" }) else {
            throw ReplError(text.isEmpty ? "usage: :param NAME VALUE" : "give :param \(text) a value, e.g. :param \(text) 100103")
        }
        var name = String(text[..<end])
        if name.hasPrefix("$") { name.removeFirst() }
        var value = Substring(text[end...].trimmingWhitespace)
        for separator in ["=>", "=", ":"] where value.hasPrefix(separator) {
            value = value.dropFirst(separator.count)
            break
        }
        let trimmed = value.trimmingWhitespace
        guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw ReplError("'\(name)' is not a parameter name (letters, digits, _)")
        }
        guard !trimmed.isEmpty else { throw ReplError("give :param \(name) a value, e.g. :param \(name) 100103") }
        return (name, trimmed)
    }

    private static func switchValue(_ word: String) -> Bool? {
        switch word.lowercased() {
        case "on", "true", "yes": true
        case "off", "false", "no": false
        default: nil
        }
    }
}

extension MetaCommand: CustomStringConvertible {
    var description: String {
        switch self {
        case .help: ":help"
        case .schema(let label): ":schema" + (label.map { " " + $0 } ?? "")
        case .explain(let query): ":explain " + query
        case .profile(let query): ":profile " + query
        case .format(let format): ":format" + (format.map { " " + $0.rawValue } ?? "")
        case .setParameter(let name, let value): ":param \(name) \(value)"
        case .parameters: ":params"
        case .clearParameters: ":params clear"
        case .run(let name, let arguments): ":run \(name)" + arguments.map { " \($0.name)=\($0.value)" }.joined()
        case .timing(let flag): ":timing" + (flag.map { $0 ? " on" : " off" } ?? "")
        case .maxRows(let limit): ":max-rows" + (limit.map { $0.map { " \($0)" } ?? " off" } ?? "")
        case .output(let path): ":output" + (path.map { " " + $0 } ?? "")
        case .history(let last): ":history" + (last.map { " \($0)" } ?? "")
        case .queries: ":queries"
        case .quit: ":quit"
        }
    }
}

/// Splits `:run` arguments at blanks, keeping quoted values and lists together
/// (`name='Kreiselpumpe KP-50'`, `parts=['100428', '100429']`).
enum ArgumentWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        for character in text {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
                current.append(character)
            } else if character.isWhitespace && depth == 0 {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                if "[{".contains(character) { depth += 1 }
                if "]}".contains(character) { depth = max(0, depth - 1) }
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

/// A REPL problem that is not the engine's (a bad meta-command, an unwritable output file);
/// printed like the engine's errors and never ends the session.
struct ReplError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { "error: " + message }
}
