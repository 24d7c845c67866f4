import GraphModel

/// Statements: EXPLAIN/PROFILE, UNION, and which clause may follow which.
extension Parser {
    mutating func statement() throws(QuerySyntaxError) -> Statement {
        try rejectUpdatingClauses()
        let start = current.span
        var mode = Statement.Mode.run
        if accept(.explain) { mode = .explain } else if accept(.profile) { mode = .profile }
        var parts = [try singleQuery()]
        var unionAll: [Bool] = []
        while accept(.union) {
            unionAll.append(accept(.all))
            parts.append(try singleQuery())
        }
        if accept(.semicolon), current.kind != .end {
            throw error("Loom runs one statement at a time; remove the text after ';'")
        }
        guard current.kind == .end else {
            throw error("expected a clause or the end of the query, found \(current.quoted)\(clauseHint())")
        }
        return Statement(mode: mode, query: UnionQuery(parts: parts, unionAll: unionAll), span: span(from: start))
    }

    /// Clauses up to UNION or the end. The query must end with RETURN, unless it is a
    /// standalone CALL; RETURN must be last.
    mutating func singleQuery() throws(QuerySyntaxError) -> SingleQuery {
        let start = current.span
        var clauses: [Clause] = []
        while true {
            let keyword = current.span
            guard let clause = try clause() else { break }
            if case .return = clauses.last {
                throw error("RETURN must be the last clause; use WITH to pass values on", at: keyword)
            }
            clauses.append(clause)
        }
        guard let last = clauses.last else {
            throw error("expected a clause such as MATCH or RETURN, found \(current.quoted)\(clauseHint())")
        }
        switch last {
        case .return: break
        case .call where clauses.count == 1: break
        default:
            let name = clauseName(last)
            if current.kind == .end || current.is(.union) || current.is(.semicolon) {
                throw error("a query cannot end with \(name); finish it with RETURN")
            }
            throw error("expected a clause or the end of the query, found \(current.quoted)\(clauseHint())")
        }
        return SingleQuery(clauses: clauses, span: span(from: start))
    }

    /// The next clause, or nil at UNION, ';', the end, or a token that starts no clause.
    mutating func clause() throws(QuerySyntaxError) -> Clause? {
        if current.is(.match) { return .match(try matchClause(optional: false)) }
        if current.is(.optional) { return .match(try matchClause(optional: true)) }
        if current.is(.unwind) { return .unwind(try unwindClause()) }
        if current.is(.with) { return .with(try withClause()) }
        if current.is(.return) { return .return(try returnClause()) }
        if current.is(.call) { return .call(try callClause()) }
        if case .name = current.kind, Keyword.updatingClauses.contains(current.text.uppercased()) {
            let word = current.text.uppercased() == "DETACH" ? "DETACH DELETE" : current.text.uppercased()
            throw error("Loom's query language is read-only: \(word) is not supported")
        }
        if current.is(.load) { throw error("Loom's query language is read-only: LOAD CSV is not supported; import files with 'loom import'") }
        return nil
    }

    /// Reports the first clause that would change the graph before any other error, so a
    /// planner pasting a write query learns the real reason first. A word counts as a clause
    /// unless it is a property key (`n.set`), a label (`:Set`), a parameter or a map key (`{set: 1}`).
    func rejectUpdatingClauses() throws(QuerySyntaxError) {
        for (i, token) in tokens.enumerated() {
            guard case .name = token.kind, Keyword.updatingClauses.contains(token.text.uppercased()) else { continue }
            if i > 0, tokens[i - 1].is(.dot) || tokens[i - 1].is(.colon) { continue }
            if i + 1 < tokens.count, tokens[i + 1].is(.colon) { continue }
            let word = token.text.uppercased() == "DETACH" ? "DETACH DELETE" : token.text.uppercased()
            throw error("Loom's query language is read-only: \(word) is not supported", at: token.span)
        }
    }

    /// " (did you mean 'MATCH'?)" when the current token looks like a misspelled clause keyword.
    func clauseHint() -> String {
        guard case .name = current.kind else { return "" }
        guard let suggestion = Suggestions.closest(to: current.text.uppercased(), in: Keyword.readingClauses + Keyword.continuations) else { return "" }
        return " (did you mean '\(suggestion)'?)"
    }

    func clauseName(_ clause: Clause) -> String {
        switch clause {
        case .match(let m): return m.optional ? "OPTIONAL MATCH" : "MATCH"
        case .unwind: return "UNWIND"
        case .with: return "WITH"
        case .return: return "RETURN"
        case .call: return "CALL"
        }
    }
}
