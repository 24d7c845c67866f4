/// Patterns: `p = (a:Part {number: $n})-[:HAS_COMPONENT*1..6]->(c)`.
extension Parser {
    /// One comma-separated pattern of MATCH, possibly named.
    mutating func patternPart() throws(QuerySyntaxError) -> PatternPart {
        let start = current.span
        var pathVariable: Identifier?
        if isVariableName, peek().is(.equal) {
            pathVariable = try variable("a path name")
            advance()
        }
        if case .name = current.kind, peek().is(.leftParen),
           ["SHORTESTPATH", "ALLSHORTESTPATHS"].contains(current.text.uppercased()) {
            throw error("\(current.text) is not supported; use a variable-length pattern with ORDER BY length(p) LIMIT 1")
        }
        guard current.is(.leftParen) else {
            throw error("expected '(' to start a node pattern, found \(current.quoted)")
        }
        return try patternElement(pathVariable: pathVariable, start: start)
    }

    /// `(node) (relationship (node))*`
    mutating func patternElement(pathVariable: Identifier?, start: SourceSpan) throws(QuerySyntaxError) -> PatternPart {
        let first = try nodePattern()
        var steps: [PatternStep] = []
        while current.is(.minus) || (current.is(.less) && peek().is(.minus)) {
            let relationship = try relationshipPattern()
            guard current.is(.leftParen) else {
                throw error("expected '(' after the relationship: a pattern ends with a node, found \(current.quoted)")
            }
            steps.append(PatternStep(relationship: relationship, node: try nodePattern()))
        }
        return PatternPart(pathVariable: pathVariable, start: first, steps: steps, span: span(from: start))
    }

    /// `(variable :Label :Label {properties})`, each part optional.
    mutating func nodePattern() throws(QuerySyntaxError) -> NodePattern {
        let start = current.span
        try expect(.leftParen, "to start a node pattern")
        if case .name = current.kind, !isVariableName {
            throw error("expected a node name, found the keyword \(current.quoted) (back-quote it to use it as a name)")
        }
        let variable = isVariableName ? try self.variable("a node name") : nil
        var labels: [Identifier] = []
        while accept(.colon) {
            labels.append(try symbolicName("a label name after ':'"))
        }
        let properties = try patternProperties()
        guard accept(.rightParen) else {
            if case .name = current.kind, labels.isEmpty, variable != nil {
                throw error("expected ':' before the label or ')' after the pattern, found \(current.quoted)")
            }
            throw error("expected ')' after the pattern, found \(current.quoted)")
        }
        return NodePattern(variable: variable, labels: labels, properties: properties, span: span(from: start))
    }

    /// `{key: value, ...}` or `$parameter` in a node or relationship pattern.
    mutating func patternProperties() throws(QuerySyntaxError) -> Expression? {
        if current.is(.leftBrace) { return try mapLiteral() }
        if case .parameter(let name) = current.kind {
            advance()
            return Expression(.parameter(name), span: previous.span)
        }
        return nil
    }

    /// `-[detail]->`, `<-[detail]-`, `-[detail]-`, `-->`, `<--`, `--`.
    mutating func relationshipPattern() throws(QuerySyntaxError) -> RelationshipPattern {
        let start = current.span
        let pointsLeft = accept(.less)
        try expect(.minus, "in the relationship arrow")
        var variable: Identifier?
        var types: [Identifier] = []
        var length: LengthRange?
        var properties: Expression?
        if accept(.leftBracket) {
            variable = isVariableName ? try self.variable("a relationship name") : nil
            if accept(.colon) {
                types.append(try symbolicName("a relationship type after ':'"))
                while accept(.pipe) {
                    _ = accept(.colon)
                    types.append(try symbolicName("a relationship type after '|'"))
                }
            }
            if accept(.star) { length = try lengthRange() }
            properties = try patternProperties()
            try expect(.rightBracket, "to close the relationship")
        }
        guard accept(.minus) else {
            throw error("expected '-' to continue the relationship arrow, found \(current.quoted)")
        }
        let pointsRight = accept(.greater)
        let direction: RelationshipPattern.Direction = pointsLeft == pointsRight ? .either : (pointsRight ? .outgoing : .incoming)
        return RelationshipPattern(variable: variable, types: types, direction: direction, length: length,
                                   properties: properties, span: span(from: start))
    }

    /// After `*`: nothing, `n`, `m..n`, `..n` or `m..`.
    mutating func lengthRange() throws(QuerySyntaxError) -> LengthRange {
        let minimum = try hopCount()
        if accept(.dotDot) {
            return LengthRange(minimum: minimum, maximum: try hopCount())
        }
        return LengthRange(minimum: minimum, maximum: minimum)
    }

    mutating func hopCount() throws(QuerySyntaxError) -> Int? {
        guard case .integer(let value) = current.kind else {
            if case .float = current.kind { throw error("a path length must be a whole number, found \(current.quoted)") }
            return nil
        }
        guard value <= UInt64(Int32.max) else { throw error("path length \(current.text) is too large") }
        advance()
        return Int(value)
    }
}
