/// Operators by precedence, loosest first (openCypher, as pinned by the TCK precedence features):
///
/// | level | operators |
/// |---|---|
/// | 1 | `OR` |
/// | 2 | `XOR` |
/// | 3 | `AND` |
/// | 4 | `NOT` (prefix) |
/// | 5 | `=  <>  <  >  <=  >=`, chained: `a < b < c` is `a < b AND b < c` |
/// | 6 | `IN`, `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `=~`, `IS [NOT] NULL` (left to right) |
/// | 7 | `+  -` |
/// | 8 | `*  /  %` |
/// | 9 | `^` (left-associative, as in openCypher) |
/// | 10 | unary `-` and `+` (so `-2 ^ 2` is `(-2) ^ 2`) |
/// | 11 | postfix: `.key`, `[index]`, `[from..to]`, `:Label` |
extension Parser {
    mutating func expression() throws(QuerySyntaxError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw error("the expression is nested too deeply (more than \(Self.maximumDepth) levels)")
        }
        return try orExpression()
    }

    mutating func orExpression() throws(QuerySyntaxError) -> Expression {
        var left = try xorExpression()
        while accept(.or) { left = binary(.or, left, try xorExpression()) }
        return left
    }

    mutating func xorExpression() throws(QuerySyntaxError) -> Expression {
        var left = try andExpression()
        while accept(.xor) { left = binary(.xor, left, try andExpression()) }
        return left
    }

    mutating func andExpression() throws(QuerySyntaxError) -> Expression {
        var left = try notExpression()
        while accept(.and) { left = binary(.and, left, try notExpression()) }
        return left
    }

    mutating func notExpression() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        guard accept(.not) else { return try comparison() }
        let operand = try notExpression()
        return Expression(.unary(.not, operand), span: start.through(operand.span))
    }

    /// A comparison chain; `a = b < c` becomes `(and (= a b) (< b c))`.
    mutating func comparison() throws(QuerySyntaxError) -> Expression {
        let first = try predicate()
        var operands = [first]
        var operators: [BinaryOperator] = []
        while let op = comparisonOperator() {
            advance()
            operators.append(op)
            operands.append(try predicate())
        }
        guard !operators.isEmpty else { return first }
        var result = binary(operators[0], operands[0], operands[1])
        for i in 1..<operators.count {
            result = binary(.and, result, binary(operators[i], operands[i], operands[i + 1]))
        }
        return result
    }

    func comparisonOperator() -> BinaryOperator? {
        guard case .symbol(let symbol) = current.kind else { return nil }
        switch symbol {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .greater: return .greater
        case .lessEqual: return .lessEqual
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    /// List, string and null predicates, applied left to right.
    mutating func predicate() throws(QuerySyntaxError) -> Expression {
        var left = try additive()
        while true {
            if accept(.in) {
                left = binary(.in, left, try additive())
            } else if accept(.starts) {
                try expect(.with, "after STARTS (STARTS WITH)")
                left = binary(.startsWith, left, try additive())
            } else if accept(.ends) {
                try expect(.with, "after ENDS (ENDS WITH)")
                left = binary(.endsWith, left, try additive())
            } else if accept(.contains) {
                left = binary(.contains, left, try additive())
            } else if accept(.regexMatch) {
                left = binary(.regexMatch, left, try additive())
            } else if accept(.is) {
                let negated = accept(.not)
                try expect(.null, negated ? "after IS NOT" : "after IS (IS NULL or IS NOT NULL)")
                left = Expression(.isNull(left, negated: negated), span: left.span.through(previous.span))
            } else {
                return left
            }
        }
    }

    mutating func additive() throws(QuerySyntaxError) -> Expression {
        var left = try multiplicative()
        while true {
            if accept(.plus) {
                left = binary(.add, left, try multiplicative())
            } else if accept(.minus) {
                left = binary(.subtract, left, try multiplicative())
            } else {
                return left
            }
        }
    }

    mutating func multiplicative() throws(QuerySyntaxError) -> Expression {
        var left = try power()
        while true {
            if accept(.star) {
                left = binary(.multiply, left, try power())
            } else if accept(.slash) {
                left = binary(.divide, left, try power())
            } else if accept(.percent) {
                left = binary(.modulo, left, try power())
            } else {
                return left
            }
        }
    }

    mutating func power() throws(QuerySyntaxError) -> Expression {
        var left = try unary()
        while accept(.caret) { left = binary(.power, left, try unary()) }
        return left
    }

    /// Unary minus folds into an integer literal so `-9223372036854775808` is representable.
    mutating func unary() throws(QuerySyntaxError) -> Expression {
        let start = current.span
        if current.is(.minus) {
            advance()
            if case .integer(let magnitude) = current.kind {
                guard magnitude <= UInt64(Int64.max) + 1 else { throw integerTooLarge() }
                advance()
                let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
                return try postfix(Expression(.literal(.integer(value)), span: span(from: start)))
            }
            let operand = try unary()
            return Expression(.unary(.negate, operand), span: start.through(operand.span))
        }
        if accept(.plus) {
            let operand = try unary()
            return Expression(.unary(.plus, operand), span: start.through(operand.span))
        }
        return try postfix(try atom())
    }

    func integerTooLarge() -> QuerySyntaxError {
        error("integer literal \(current.text) is too large (integers are 64-bit)")
    }

    /// `.key`, `[index]`, `[from..to]` repeated, then an optional `:Label:Label` test.
    mutating func postfix(_ base: Expression) throws(QuerySyntaxError) -> Expression {
        var result = base
        while true {
            if accept(.dot) {
                let key = try symbolicName("a property name after '.'")
                result = Expression(.property(result, key: key.name), span: result.span.through(key.span))
            } else if accept(.leftBracket) {
                var from: Expression?
                if !current.is(.dotDot) { from = try expression() }
                if accept(.dotDot) {
                    let to = current.is(.rightBracket) ? nil : try expression()
                    try expect(.rightBracket, "to close the slice")
                    result = Expression(.slice(result, from: from, to: to), span: span(from: result.span))
                } else {
                    try expect(.rightBracket, "to close the index")
                    guard let index = from else { throw error("expected an index", at: previous.span) }
                    result = Expression(.index(result, index), span: span(from: result.span))
                }
            } else {
                break
            }
        }
        if current.is(.colon), peek().name != nil {
            var labels: [String] = []
            while accept(.colon) { labels.append(try symbolicName("a label name after ':'").name) }
            result = Expression(.hasLabels(result, labels: labels), span: span(from: result.span))
        }
        return result
    }

    func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Expression {
        Expression(.binary(op, left, right), span: left.span.through(right.span))
    }
}
