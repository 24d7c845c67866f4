/// MATCH, UNWIND, WITH, RETURN, CALL and the projection they share.
extension Parser {
    mutating func matchClause(optional: Bool) throws(QuerySyntaxError) -> MatchClause {
        let start = current.span
        if optional {
            advance()
            guard current.is(.match) else { throw error("expected MATCH after OPTIONAL, found \(current.quoted)") }
        }
        advance()
        var patterns = [try patternPart()]
        while accept(.comma) { patterns.append(try patternPart()) }
        let predicate = try whereClause()
        return MatchClause(optional: optional, patterns: patterns, predicate: predicate, span: span(from: start))
    }

    mutating func whereClause() throws(QuerySyntaxError) -> Expression? {
        guard accept(.where) else { return nil }
        guard !startsClause else { throw error("expected a condition after WHERE, found \(current.quoted)") }
        let outer = inWhere
        inWhere = true
        defer { inWhere = outer }
        return try expression()
    }

    /// True when the current token begins a clause or ends the query (used for clearer errors).
    var startsClause: Bool {
        if current.kind == .end { return true }
        return [Keyword.match, .optional, .with, .return, .unwind, .call, .union].contains { current.is($0) }
    }

    mutating func unwindClause() throws(QuerySyntaxError) -> UnwindClause {
        let start = current.span
        advance()
        let list = try expression()
        try expect(.as, "after the UNWIND list (UNWIND list AS name)")
        let variable = try self.variable("a name after AS")
        return UnwindClause(list: list, variable: variable, span: span(from: start))
    }

    mutating func withClause() throws(QuerySyntaxError) -> WithClause {
        let start = current.span
        advance()
        let projection = try projection(clause: "WITH")
        let predicate = try whereClause()
        return WithClause(projection: projection, predicate: predicate, span: span(from: start))
    }

    mutating func returnClause() throws(QuerySyntaxError) -> ReturnClause {
        let start = current.span
        advance()
        return ReturnClause(projection: try projection(clause: "RETURN"), span: span(from: start))
    }

    /// `[DISTINCT] (* | item) {, item} [ORDER BY ...] [SKIP e] [LIMIT e]`
    mutating func projection(clause: String) throws(QuerySyntaxError) -> Projection {
        let distinct = accept(.distinct)
        var includesAll = false
        var items: [ProjectionItem] = []
        if accept(.star) {
            includesAll = true
        } else {
            items.append(try projectionItem(clause: clause))
        }
        while accept(.comma) { items.append(try projectionItem(clause: clause)) }
        var orderBy: [SortItem] = []
        if accept(.order) {
            try expect(.by, "after ORDER")
            repeat { orderBy.append(try sortItem()) } while accept(.comma)
        }
        let skip = accept(.skip) ? try expression() : nil
        let limit = accept(.limit) ? try expression() : nil
        if current.is(.skip) { throw error("SKIP must come before LIMIT") }
        if current.is(.order) { throw error("ORDER BY must come before SKIP and LIMIT") }
        return Projection(distinct: distinct, includesAll: includesAll, items: items, orderBy: orderBy,
                          skip: skip, limit: limit)
    }

    mutating func projectionItem(clause: String) throws(QuerySyntaxError) -> ProjectionItem {
        if startsClause || current.is(.order) || current.is(.skip) || current.is(.limit) {
            throw error("expected an expression to \(clause == "WITH" ? "pass on" : "return") after \(clause), found \(current.quoted)")
        }
        let expression = try expression()
        let alias = accept(.as) ? try variable("a column name after AS") : nil
        let span = alias.map { expression.span.through($0.span) } ?? expression.span
        return ProjectionItem(expression: expression, alias: alias, text: text(expression.span), span: span)
    }

    mutating func sortItem() throws(QuerySyntaxError) -> SortItem {
        let expression = try expression()
        var descending = false
        if accept(.desc) || accept(.descending) {
            descending = true
        } else {
            _ = accept(.asc) || accept(.ascending)
        }
        return SortItem(expression: expression, descending: descending, span: span(from: expression.span))
    }

    /// `CALL ns.name(args) [YIELD * | YIELD field [AS alias], ... [WHERE predicate]]`
    mutating func callClause() throws(QuerySyntaxError) -> CallClause {
        let start = current.span
        advance()
        if current.is(.leftBrace) {
            throw error("not supported yet: CALL { … } subqueries; only the BOM procedures can be called (CALL bom.explode(…))")
        }
        let first = try symbolicName("a procedure name after CALL, such as bom.explode")
        var name = first.name
        while accept(.dot) { name += "." + (try symbolicName("a procedure name after '.'")).name }
        let nameSpan = span(from: first.span)
        var arguments: [Expression]?
        if accept(.leftParen) {
            var list: [Expression] = []
            if !current.is(.rightParen) {
                repeat { list.append(try expression()) } while accept(.comma)
            }
            try expect(.rightParen, "after the procedure's arguments")
            arguments = list
        }
        var yieldsAll = false
        var yields: [YieldItem] = []
        var predicate: Expression?
        if accept(.yield) {
            if accept(.star) {
                yieldsAll = true
            } else {
                repeat {
                    let field = try variable("a result field name after YIELD")
                    let alias = accept(.as) ? try variable("a name after AS") : nil
                    yields.append(YieldItem(field: field, alias: alias))
                } while accept(.comma)
            }
            predicate = try whereClause()
        }
        return CallClause(procedure: name, procedureSpan: nameSpan, arguments: arguments, yieldsAll: yieldsAll,
                          yields: yields, predicate: predicate, span: span(from: start))
    }
}
