/// Atoms: literals, parameters, variables, lists, maps, CASE, comprehensions, function calls,
/// `count(*)`, `reduce(...)`, quantifiers, parenthesised expressions and pattern predicates.
extension Parser {
    mutating func atom() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        switch current.kind {
        case .integer(let magnitude):
            guard magnitude <= UInt64(Int64.max) else { throw integerTooLarge() }
            advance()
            return Expression(.literal(.integer(Int64(magnitude))), span: start)
        case .float(let value):
            advance()
            return Expression(.literal(.float(value)), span: start)
        case .string(let value):
            advance()
            return Expression(.literal(.string(value)), span: start)
        case .parameter(let name):
            advance()
            return Expression(.parameter(name), span: start)
        case .symbol(.leftBracket):
            return try bracketExpression()
        case .symbol(.leftBrace):
            return try mapLiteral()
        case .symbol(.leftParen):
            return try parenthesised()
        case .name, .quotedName:
            return try nameExpression()
        default:
            throw error("expected an expression, found \(current.quoted)")
        }
    }

    mutating func nameExpression() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        if case .name = current.kind {
            if accept(.true) { return Expression(.literal(.boolean(true)), span: start) }
            if accept(.false) { return Expression(.literal(.boolean(false)), span: start) }
            if accept(.null) { return Expression(.literal(.null), span: start) }
            if current.is(.case) { return try caseExpression() }
            let word = current.text.uppercased()
            if peek().is(.leftParen) {
                if word == "COUNT", peek(2).is(.star) {
                    advance(); advance(); advance()
                    try expect(.rightParen, "after count(*")
                    return Expression(.countStar, span: span(from: start))
                }
                if word == "REDUCE" { return try reduce() }
                if let quantifier = Quantifier(rawValue: word.lowercased()), isComprehensionAhead(at: 2) {
                    advance(); advance()
                    let body = try comprehensionBody(requireClose: .rightParen)
                    return Expression(.quantifier(quantifier, body), span: span(from: start))
                }
            }
            if word == "EXISTS", peek().is(.leftBrace) {
                throw error("EXISTS { ... } subqueries are not supported; use a pattern predicate such as WHERE (a)-[:R]->(b)")
            }
            if word == "COUNT", peek().is(.leftBrace) {
                throw error("not supported yet: COUNT { … } subqueries; use size() of a pattern comprehension, "
                    + "such as size([(a)-[:R]->(b) | b])")
            }
        }
        if let call = try functionCall() { return call }
        guard isVariableName, let name = current.name else {
            throw error("expected an expression, found the keyword \(current.quoted)")
        }
        advance()
        if current.is(.leftBrace) {
            throw error("not supported yet: map projections such as \(name) {.key, …}; "
                + "build the map with a literal, {key: \(name).key}, or return the properties as columns")
        }
        return Expression(.variable(name), span: start)
    }

    /// `name(args)` or `namespace.name(args)`; nil (nothing consumed) when no call follows.
    mutating func functionCall() throws(QuerySyntaxError) -> Expression? {
        var ahead = 1
        while peek(ahead).is(.dot), peek(ahead + 1).name != nil { ahead += 2 }
        guard peek(ahead).is(.leftParen) else { return nil }
        let start = current.span
        var name = current.name ?? ""
        advance()
        while accept(.dot) { name += "." + (current.name ?? ""); advance() }
        let nameSpan = span(from: start)
        advance()
        let distinct = accept(.distinct)
        var arguments: [Expression] = []
        if !current.is(.rightParen) {
            repeat { arguments.append(try expression()) } while accept(.comma)
        }
        try expect(.rightParen, "after the arguments of \(name)()")
        let call = FunctionCall(name: name, nameSpan: nameSpan, distinct: distinct, arguments: arguments)
        return Expression(.function(call), span: span(from: start))
    }

    /// `CASE [subject] WHEN … THEN … [ELSE …] END`
    mutating func caseExpression() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        advance()
        let subject = current.is(.when) ? nil : try expression()
        var alternatives: [CaseAlternative] = []
        while accept(.when) {
            let when = try expression()
            try expect(.then, "after the WHEN condition")
            alternatives.append(CaseAlternative(when: when, then: try expression()))
        }
        guard !alternatives.isEmpty else { throw error("expected WHEN in CASE, found \(current.quoted)") }
        let elseValue = accept(.else) ? try expression() : nil
        try expect(.end, "to close CASE")
        return Expression(.caseExpression(CaseExpression(subject: subject, alternatives: alternatives, elseValue: elseValue)),
                          span: span(from: start))
    }

    /// `reduce(accumulator = initial, x IN list | expression)`
    mutating func reduce() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        advance(); advance()
        let accumulator = try variable("an accumulator name in reduce(acc = initial, x IN list | expression)")
        try expect(.equal, "after the accumulator name in reduce()")
        let initial = try expression()
        try expect(.comma, "after the initial value in reduce()")
        let variable = try self.variable("a variable name in reduce(acc = initial, x IN list | expression)")
        try expect(.in, "after the variable in reduce()")
        let list = try expression()
        try expect(.pipe, "before the expression in reduce()")
        let body = try expression()
        try expect(.rightParen, "to close reduce()")
        let value = Reduce(accumulator: accumulator, initial: initial, variable: variable, list: list, expression: body)
        return Expression(.reduce(value), span: span(from: start))
    }

    func isComprehensionAhead(at ahead: Int) -> Bool {
        let token = peek(ahead)
        let isName: Bool
        switch token.kind {
        case .quotedName: isName = true
        case .name: isName = !Keyword.reserved.contains(token.text.uppercased())
        default: isName = false
        }
        return isName && peek(ahead + 1).is(.in)
    }

    /// `x IN list [WHERE predicate] [| projection]` then the closing symbol.
    mutating func comprehensionBody(requireClose close: Symbol) throws(QuerySyntaxError) -> ListComprehension {
        let variable = try self.variable("a variable name")
        try expect(.in, "after the variable")
        let list = try expression()
        let predicate = accept(.where) ? try expression() : nil
        let projection = close == .rightBracket && accept(.pipe) ? try expression() : nil
        try expect(close, close == .rightBracket ? "to close the list comprehension" : "to close the list predicate")
        return ListComprehension(variable: variable, list: list, predicate: predicate, projection: projection)
    }

    /// `[x IN list …]`, `[(a)-->(b) | b.x]` or a list literal.
    mutating func bracketExpression() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        if isComprehensionAhead(at: 1) {
            advance()
            let body = try comprehensionBody(requireClose: .rightBracket)
            return Expression(.listComprehension(body), span: span(from: start))
        }
        if peek().is(.leftParen) || (peek().name != nil && peek(2).is(.equal) && peek(3).is(.leftParen)),
           let comprehension = try patternComprehension() {
            return comprehension
        }
        advance()
        var items: [Expression] = []
        if !current.is(.rightBracket) {
            repeat { items.append(try expression()) } while accept(.comma)
        }
        try expect(.rightBracket, "to close the list")
        return Expression(.list(items), span: span(from: start))
    }

    /// Tries `[pattern [WHERE p] | e]`; restores the position and returns nil when the text is
    /// not a pattern comprehension (it is then a list literal).
    mutating func patternComprehension() throws(QuerySyntaxError) -> Expression? {
        let saved = index
        let start = current.span
        advance()
        guard let pattern = try? patternPart(), !pattern.steps.isEmpty,
              current.is(.where) || current.is(.pipe) else {
            index = saved
            return nil
        }
        let predicate = accept(.where) ? try expression() : nil
        try expect(.pipe, "before the projection of the pattern comprehension")
        let projection = try expression()
        try expect(.rightBracket, "to close the pattern comprehension")
        let value = PatternComprehension(pattern: pattern, predicate: predicate, projection: projection)
        return Expression(.patternComprehension(value), span: span(from: start))
    }

    /// `{key: value, ...}`
    mutating func mapLiteral() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        try expect(.leftBrace, "to start a map")
        var entries: [MapEntry] = []
        if !current.is(.rightBrace) {
            repeat {
                let key = try symbolicName("a property name in the map")
                try expect(.colon, "after the property name '\(key.name)'")
                entries.append(MapEntry(key: key.name, value: try expression(), keySpan: key.span))
            } while accept(.comma)
        }
        try expect(.rightBrace, "to close the map")
        return Expression(.map(entries), span: span(from: start))
    }

    /// A pattern predicate `(a)-[:R]->(b)` when the text is one, else `( expression )`.
    mutating func parenthesised() throws(QuerySyntaxError) -> Expression {
        let saved = index
        let start = current.span
        if let pattern = try? patternElement(pathVariable: nil, start: start), !pattern.steps.isEmpty {
            guard inWhere else {
                throw error("a pattern can only be used as a condition in WHERE; to use its matches here, "
                            + "write a pattern comprehension such as [(a)-->(b) | b]", at: pattern.span)
            }
            return Expression(.pattern(pattern), span: pattern.span)
        }
        index = saved
        advance()
        let inner = try expression()
        try expect(.rightParen, "to close the parenthesis")
        return Expression(inner.kind, span: span(from: start))
    }
}
