import GraphModel

/// The names Tab can offer: the graph's labels, relationship types and properties (from the
/// catalog), the session's parameters and the named queries.
struct CompletionVocabulary: Sendable {
    var labels: [String] = []
    var relationshipTypes: [String] = []
    var labelProperties: [String: [String]] = [:]
    var relationshipProperties: [String: [String]] = [:]
    /// Each relationship type's start and end labels, to infer a node's label from it.
    var relationshipEnds: [String: RelationshipEnds] = [:]
    var parameters: [String] = []
    var namedQueries: [String] = []
    /// The `$parameters` each named query uses, offered after `:run NAME `.
    var namedQueryParameters: [String: [String]] = [:]

    init(catalog: Catalog) {
        labels = catalog.nodeTypes.map(\.label).sorted()
        relationshipTypes = catalog.edgeTypes.map(\.name).sorted()
        for node in catalog.nodeTypes { labelProperties[node.label] = node.properties.map(\.name) }
        for edge in catalog.edgeTypes {
            relationshipProperties[edge.name] = edge.properties.map(\.name)
            relationshipEnds[edge.name] = RelationshipEnds(from: edge.from, to: edge.to)
        }
    }

    /// Every property name of every label and type, for a variable whose label is not known.
    var allProperties: [String] {
        Array(Set(labelProperties.values.joined()).union(relationshipProperties.values.joined())).sorted()
    }
}

/// What Tab does: replace the `replacing` characters before the cursor by one of `candidates`.
/// With one candidate, `suffix` follows it (a space after a keyword or a command).
struct Completion: Equatable {
    var replacing: Int
    var candidates: [String]
    var suffix = ""

    static let none = Completion(replacing: 0, candidates: [])

    /// The longest text every candidate starts with (what Tab inserts when there are several).
    var commonPrefix: String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

/// Computes completions from the text before the cursor and the statement lines typed before it.
///
/// - after `:` inside `( )` (or in `WHERE n:`): labels; after `:` or `|` inside `[ ]`: relationship types
/// - after `var.`: the properties of `var`'s label when the statement binds it (`(p:Part)`) or
///   a typed relationship implies it (`(s:Supplier)-[:SUPPLIES]->(p)`), else every property name; after `bom.`: the BOM procedures
/// - after `$`: the parameters set with `:param`
/// - at the start of an empty buffer after `:`: meta-commands; after `:run `: named queries and
///   then their `name=` parameters; after `:format `, `:timing `, `:schema `: their arguments
/// - elsewhere: keywords (in the case the word is typed in), functions and bound variables
struct Completer: Sendable {
    var vocabulary: CompletionVocabulary

    static let keywords = [
        "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "BY", "SKIP", "LIMIT", "UNION", "ALL",
        "CALL", "YIELD", "AS", "DISTINCT", "AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS", "CONTAINS", "IS",
        "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "DESC", "EXPLAIN", "PROFILE",
    ]
    static let functions = [
        "abs", "avg", "ceil", "coalesce", "collect", "count", "date", "datetime", "duration", "floor", "head",
        "keys", "labels", "last", "length", "max", "min", "nodes", "properties", "range", "reduce",
        "relationships", "replace", "round", "size", "split", "substring", "sum", "toFloat", "toInteger",
        "toLower", "toString", "toUpper", "trim", "type",
    ]
    static let procedures = ["cycles", "explode", "rollup", "whereUsed"]

    /// `line`: the current line up to the cursor; `pending`: the statement's earlier lines.
    func complete(_ line: String, pending: String = "") -> Completion {
        let before = Array(line)
        var start = before.endIndex
        while start > 0, Self.isWordCharacter(before[start - 1]) { start -= 1 }
        let word = String(before[start...])
        let previous = start > 0 ? before[start - 1] : nil

        if pending.trimmingWhitespace.isEmpty, line.drop(while: \.isWhitespace).hasPrefix(":") {
            return completeMetaCommand(line)
        }
        let scan = StatementScanner(pending.isEmpty ? line : pending + "\n" + line)
        if scan.endsInsideLiteral { return .none }
        let statement = pending + "\n" + String(before[..<start])
        switch previous {
        case "$":
            return Self.matching(word, vocabulary.parameters)
        case ".":
            let variable = Self.wordBefore(before, at: start - 1)
            if variable.lowercased() == "bom" { return Self.matching(word, Self.procedures) }
            let bindings = VariableBindings(statement, relationshipEnds: vocabulary.relationshipEnds)
            if let label = bindings.labels[variable] {
                return Self.matching(word, vocabulary.labelProperties[label] ?? vocabulary.relationshipProperties[label] ?? [])
            }
            return Self.matching(word, vocabulary.allProperties)
        default:
            break
        }
        var index = start
        while index > 0, before[index - 1] == " " { index -= 1 }
        let mark = index > 0 ? before[index - 1] : nil
        let innermost = scan.openBrackets.last
        if mark == ":" || (mark == "|" && innermost == "[") {
            switch innermost {
            case "[": return Self.matching(word, vocabulary.relationshipTypes)
            case "{": break
            default: return Self.matching(word, vocabulary.labels)
            }
        }
        guard !word.isEmpty else { return .none }
        let lowercase = word == word.lowercased()
        let keywords = Self.keywords.map { lowercase ? $0.lowercased() : $0 }
        let variables = VariableBindings(statement).variables
        var result = Self.matching(word, keywords + Self.functions + variables)
        if result.candidates.count == 1, keywords.contains(result.candidates[0]) { result.suffix = " " }
        return result
    }

    // MARK: - Meta-commands

    private func completeMetaCommand(_ line: String) -> Completion {
        let text = String(line.drop(while: \.isWhitespace))
        guard let space = text.firstIndex(where: \.isWhitespace) else {
            var result = Self.matching(text, MetaCommand.names, caseSensitive: true)
            if result.candidates.count == 1 { result.suffix = " " }
            return result
        }
        let command = text[..<space].lowercased()
        let arguments = text[space...].drop(while: \.isWhitespace)
        let words = arguments.split(separator: " ", omittingEmptySubsequences: true)
        let current = arguments.last.map(\.isWhitespace) == false ? String(words.last ?? "") : ""
        let argumentIndex = current.isEmpty ? words.count : words.count - 1
        switch command {
        case ":explain", ":profile":
            return complete(String(arguments))
        case ":run":
            if argumentIndex == 0 {
                var result = Self.matching(current, vocabulary.namedQueries, caseSensitive: true)
                if result.candidates.count == 1 { result.suffix = " " }
                return result
            }
            guard !current.contains("="), let query = words.first.map(String.init) else { return .none }
            let names = (vocabulary.namedQueryParameters[query] ?? []).map { $0 + "=" }
            return Self.matching(current, names, caseSensitive: true)
        case ":format" where argumentIndex == 0:
            return Self.matching(current, ["table", "csv", "json", "jsonl", "markdown"], caseSensitive: true)
        case ":timing" where argumentIndex == 0:
            return Self.matching(current, ["on", "off"], caseSensitive: true)
        case ":schema" where argumentIndex == 0:
            return Self.matching(current, vocabulary.labels + vocabulary.relationshipTypes)
        case ":param" where argumentIndex == 0:
            return Self.matching(current, vocabulary.parameters, caseSensitive: true)
        default:
            return .none
        }
    }

    // MARK: - Helpers

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The identifier that ends just before `index` (the variable in `p.`).
    private static func wordBefore(_ characters: [Character], at index: Int) -> String {
        var start = index
        while start > 0, isWordCharacter(characters[start - 1]) { start -= 1 }
        return String(characters[start..<index])
    }

    /// The candidates starting with `word` (without regard to case unless asked), sorted, unique.
    static func matching(_ word: String, _ candidates: [String], caseSensitive: Bool = false) -> Completion {
        let key = caseSensitive ? word : word.lowercased()
        var seen = Set<String>()
        let found = candidates.filter { candidate in
            (caseSensitive ? candidate : candidate.lowercased()).hasPrefix(key) && seen.insert(candidate).inserted
        }
        return Completion(replacing: word.count, candidates: found.sorted())
    }
}
