import GraphModel

/// `s =~ pattern`: true when the regular expression matches the whole string (openCypher's
/// rule), null when either side is null.
///
/// Compiles to `regexp(pattern, s)`, a function SQLiteDB registers on every connection Loom
/// opens (`Database.registerLoomFunctions`, ICU syntax through Foundation's
/// `NSRegularExpression`); a pattern that does not compile stops the query with
/// `invalid regular expression '…'`. A pattern written in the query is checked when compiled.
extension CompilationContext {
    func bindRegexMatch(_ l: BoundExpression, _ r: BoundExpression, left: Expression,
                        right: Expression) throws(QueryError) -> BoundExpression {
        for (bound, expression) in [(l, left), (r, right)] {
            if bound.type.isEntity || [.list, .map, .path, .duration].contains(bound.type)
                || (bound.type.family.map { $0 != "string" } ?? false) {
                throw error("=~ needs strings, found \(bound.type.name)", at: expression.span)
            }
        }
        if case .literal(.string(let pattern)) = right.kind, let problem = Self.regexProblem(pattern) {
            throw error("invalid regular expression '\(pattern)': \(problem)", at: right.span)
        }
        return BoundExpression(sql: "regexp(\(r.sql), \(l.sql))", type: .known(.boolean),
                               hasAggregate: l.hasAggregate || r.hasAggregate)
    }

    /// What is wrong with a pattern that cannot compile, found without a regex engine (the
    /// Query module stays free of Foundation): unbalanced brackets and parentheses, a dangling
    /// escape. Anything subtler is caught when the query runs.
    static func regexProblem(_ pattern: String) -> String? {
        var depth = 0
        var inClass = false
        var escaped = false
        for c in pattern {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass:
                depth -= 1
                if depth < 0 { return "unmatched ')'" }
            default: break
            }
        }
        if escaped { return "it ends with a lone backslash" }
        if inClass { return "unclosed '['" }
        if depth > 0 { return "unclosed '('" }
        return nil
    }
}
