/// The variables a statement typed so far binds, and the label or relationship type of each
/// where the pattern names one: `MATCH (p:Part)-[l:HAS_COMPONENT]->(c)` binds `p` to `Part`,
/// `l` to `HAS_COMPONENT` and `c` to nothing. `AS name` and `YIELD a, b` bind names too.
/// A node without a label gets one from a typed relationship next to it:
/// `(s:Supplier)-[:SUPPLIES]->(p)` binds `p` to `Part` when SUPPLIES goes from Supplier to Part.
/// A light token scan for completion, not a parser: strings and comments are skipped.
struct VariableBindings {
    /// Each variable's label or relationship type, where known.
    var labels: [String: String] = [:]
    private(set) var variables: [String] = []

    /// `relationshipEnds`: each relationship type's start and end labels (from the catalog).
    init(_ text: String, relationshipEnds: [String: RelationshipEnds] = [:]) {
        let tokens = Self.tokens(text)
        defer { inferLabels(tokens, relationshipEnds: relationshipEnds) }
        var seen = Set<String>()
        func bind(_ name: String) {
            if seen.insert(name).inserted { variables.append(name) }
        }
        var index = 0
        var inYield = false
        while index < tokens.count {
            let token = tokens[index]
            if token == "(" || token == "[", index + 1 < tokens.count, Self.isIdentifier(tokens[index + 1]) {
                let name = tokens[index + 1]
                bind(name)
                if index + 3 < tokens.count, tokens[index + 2] == ":", Self.isIdentifier(tokens[index + 3]) {
                    labels[name] = tokens[index + 3]
                }
            } else if token.uppercased() == "AS", index + 1 < tokens.count, Self.isIdentifier(tokens[index + 1]) {
                bind(tokens[index + 1])
            } else if token.uppercased() == "YIELD" {
                inYield = true
            } else if inYield {
                if Self.isIdentifier(token), Completer.keywords.contains(token.uppercased()) {
                    inYield = token.uppercased() == "AS"
                } else if Self.isIdentifier(token) {
                    // `YIELD quantity AS q` binds q, not the procedure's column name.
                    let renamed = index + 1 < tokens.count && tokens[index + 1].uppercased() == "AS"
                    if !renamed { bind(token) }
                } else if token != "," {
                    inYield = false
                }
            }
            index += 1
        }
    }

    static func isIdentifier(_ token: String) -> Bool {
        guard let first = token.first, first.isLetter || first == "_" else { return false }
        return token.allSatisfy(Completer.isWordCharacter)
    }

    /// Identifiers and single punctuation characters, without strings, comments and blanks.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var cursor = StatementScanner.Cursor()
        var wasInString = false
        for scalar in text.unicodeScalars {
            let event = cursor.step(scalar)
            let character = Character(scalar)
            let inString = cursor.isInString
            defer { wasInString = inString }
            if inString || wasInString || event == .other || event == .lineCommentStart {
                if !current.isEmpty { tokens.append(current); current = "" }
                continue
            }
            if Completer.isWordCharacter(character) {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(character))
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
