import GraphModel

/// Expressions → SQL: literals, parameters, variables, property access, logic, CASE.
///
/// Literals and `$parameters` become placeholders; `null` is written as NULL. Three-valued
/// logic is SQLite's (AND, OR, NOT agree with openCypher); `a XOR b` is `a <> b` on 0/1
/// booleans, which is null when either side is null, as openCypher requires.
extension CompilationContext {
    func bind(_ expression: Expression) throws(QueryError) -> BoundExpression {
        let span = expression.span
        switch expression.kind {
        case .literal(let literal): return bindLiteral(literal)
        case .parameter(let name): return BoundExpression(sql: placeholder(named: name), type: .any)
        case .variable(let name): return try bindVariable(name, span: span)
        case .property(let subject, let key): return try bindProperty(subject, key: key, in: expression)
        case .binary(let op, let left, let right): return try bindBinary(op, left, right, span: span)
        case .unary(let op, let operand): return try bindUnary(op, operand)
        case .isNull(let operand, let negated):
            let bound = try bind(operand)
            return BoundExpression(sql: "\(bound.groupKey ?? bound.sql) IS \(negated ? "NOT " : "")NULL",
                                   type: .known(.boolean), hasAggregate: bound.hasAggregate)
        case .function(let call): return try bindFunction(call, span: span)
        case .countStar: return try bindCountStar(span: span)
        case .caseExpression(let caseExpression): return try bindCase(caseExpression)
        case .hasLabels(let subject, let labels): return try bindHasLabels(subject, labels: labels, span: span)
        case .list, .listComprehension, .slice: return try bindListLike(expression).typedBound
        case .map(let entries): return try bindMap(entries)
        case .index(let subject, let index): return try bindIndex(subject, index, span: span)
        case .patternComprehension(let comprehension): return try bindPatternComprehension(comprehension, span: span)
        case .quantifier(let quantifier, let body): return try bindQuantifier(quantifier, body, span: span)
        case .reduce(let reduce): return try bindReduce(reduce, span: span)
        case .pattern(let pattern): return try bindPatternPredicate(pattern, span: span)
        }
    }

    func bindLiteral(_ literal: Literal) -> BoundExpression {
        switch literal {
        case .integer(let value): return BoundExpression(sql: placeholder(.integer(value)), type: .known(.integer))
        case .float(let value): return BoundExpression(sql: placeholder(.float(value)), type: .known(.float))
        case .string(let value): return BoundExpression(sql: placeholder(.string(value)), type: .known(.string))
        case .boolean(let value): return BoundExpression(sql: placeholder(.boolean(value)), type: .known(.boolean))
        case .null: return BoundExpression(sql: "NULL", type: .null)
        }
    }

    /// A variable used as a value: a whole node or relationship as a JSON object (null when an
    /// OPTIONAL MATCH found nothing); it groups and compares by its `_id`.
    func bindVariable(_ name: String, span: SourceSpan) throws(QueryError) -> BoundExpression {
        switch try lookup(name, span: span) {
        case .node(let node):
            return BoundExpression(sql: EntityJSON.node(node), type: .node(node.type), groupKey: node.idColumn)
        case .relationship(let relationship):
            return BoundExpression(sql: EntityJSON.relationship(relationship, catalog: catalog),
                                   type: .relationship(relationship.types), groupKey: relationship.idColumn)
        case .value(let bound):
            return bound
        }
    }

    func lookup(_ name: String, span: SourceSpan) throws(QueryError) -> Binding {
        guard let binding = scope[name] else {
            if scope.hidden.contains(name) {
                throw error("'\(name)' is not returned; after RETURN DISTINCT or an aggregate, ORDER BY can only use returned columns",
                            at: span)
            }
            if scope.dropped.contains(name) {
                throw error("'\(name)' is not in scope: the WITH before it does not pass it on; add it to the WITH's items"
                    + Suggestions.hint(for: name, in: scope.names), at: span)
            }
            throw error("undefined variable '\(name)'" + Suggestions.hint(for: name, in: scope.names), at: span)
        }
        return binding
    }

    /// `n.key` on a node or relationship variable; the key must be a property in the catalog.
    func bindProperty(_ subject: Expression, key: String, in expression: Expression) throws(QueryError) -> BoundExpression {
        guard case .variable(let name) = subject.kind else {
            return try bindValueProperty(subject, try bind(subject), key: key, in: expression)
        }
        switch try lookup(name, span: subject.span) {
        case .node(let node):
            guard let property = node.type.property(key) else {
                throw error("unknown property '\(key)' on \(node.type.label)"
                    + Suggestions.hint(for: key, in: node.type.properties.map(\.name)),
                    at: keySpan(of: expression, key: key))
            }
            return BoundExpression(sql: SQLText.column(node.alias, property.name), type: .known(property.type))
        case .relationship(let relationship):
            let found = relationship.types.compactMap { $0.property(key) }
            guard let first = found.first else {
                let names = relationship.types.flatMap { $0.properties.map(\.name) }
                throw error("unknown property '\(key)' on \(relationship.types.map(\.name).joined(separator: "|"))"
                    + Suggestions.hint(for: key, in: names), at: keySpan(of: expression, key: key))
            }
            guard found.allSatisfy({ $0.type == first.type }) else {
                throw unsupported("property '\(key)' has different types on \(relationship.types.map(\.name).joined(separator: "|"))",
                                  at: keySpan(of: expression, key: key))
            }
            return BoundExpression(sql: SQLText.column(relationship.alias, first.name), type: .known(first.type))
        case .value(let bound):
            return try bindValueProperty(subject, bound, key: key, in: expression)
        }
    }

    func bindUnary(_ op: UnaryOperator, _ operand: Expression) throws(QueryError) -> BoundExpression {
        let bound = try bind(operand)
        switch op {
        case .not:
            try requireCondition(bound, operand.span, "NOT")
            return BoundExpression(sql: "NOT (\(bound.sql))", type: .known(.boolean), hasAggregate: bound.hasAggregate)
        case .negate:
            try requireNumber(bound, operand.span, "'-'")
            let type: ValueType = bound.type.isDecimal ? .known(.float) : bound.type
            return BoundExpression(sql: "-(\(bound.numeric))", type: type, hasAggregate: bound.hasAggregate)
        case .plus:
            try requireNumber(bound, operand.span, "'+'")
            return bound
        }
    }

    /// A condition (WHERE, the operands of AND/OR/NOT): openCypher needs a boolean (or null),
    /// where SQL would take any value as true or false (`WHERE p.unitCost` would keep every part).
    func bindCondition(_ expression: Expression, _ what: String) throws(QueryError) -> BoundExpression {
        let bound = try bind(expression)
        try requireCondition(bound, expression.span, what)
        return bound
    }

    func requireCondition(_ bound: BoundExpression, _ span: SourceSpan, _ what: String) throws(QueryError) {
        if bound.type.isEntity || (bound.type.family.map { $0 != "boolean" } ?? false) {
            throw error("\(what) needs a boolean (a comparison or a test such as IS NULL), found \(bound.type.name)", at: span)
        }
    }

    func requireNumber(_ bound: BoundExpression, _ span: SourceSpan, _ what: String) throws(QueryError) {
        if let family = bound.type.family, family != "number" {
            throw error("\(what) needs a number, found \(bound.type.name)", at: span)
        }
    }

    /// `CASE [subject] WHEN ... THEN ... [ELSE ...] END`; a decimal subject or WHEN value is
    /// compared as a number.
    func bindCase(_ expression: CaseExpression) throws(QueryError) -> BoundExpression {
        var parts = ["CASE"]
        var aggregate = false
        var numericSubject = false
        var subject: BoundExpression?
        if let s = expression.subject {
            let bound = try bind(s)
            subject = bound
            aggregate = bound.hasAggregate
        }
        var whens: [BoundExpression] = []
        for alternative in expression.alternatives {
            let when = try bind(alternative.when)
            if expression.subject == nil { try requireCondition(when, alternative.when.span, "CASE WHEN") }
            whens.append(when)
        }
        numericSubject = subject.map { s in s.type.isDecimal || whens.contains { $0.type.isDecimal } } ?? false
        if let subject { parts.append(numericSubject ? subject.numeric : subject.sql) }
        var results: [BoundExpression] = []
        for alternative in expression.alternatives { results.append(try bind(alternative.then)) }
        if let elseValue = expression.elseValue { results.append(try bind(elseValue)) }
        let types = Set(results.map(\.type).filter { $0 != .null })
        // A decimal (exact TEXT) next to other numbers is read as REAL, so the result sorts,
        // compares and aggregates as a number (TEXT would sort after every number in SQLite).
        let numericResults = types.count > 1 && results.contains { $0.type.isDecimal }
        for (when, then) in zip(whens, results) {
            aggregate = aggregate || when.hasAggregate || then.hasAggregate
            parts.append("WHEN \(numericSubject ? when.numeric : when.sql) THEN \(numericResults ? then.numeric : then.sql)")
        }
        if expression.elseValue != nil, let bound = results.last {
            aggregate = aggregate || bound.hasAggregate
            parts.append("ELSE \(numericResults ? bound.numeric : bound.sql)")
        }
        parts.append("END")
        return BoundExpression(sql: parts.joined(separator: " "), type: types.count == 1 ? types.first ?? .any : .any,
                               hasAggregate: aggregate)
    }

    /// `n:Label` as a predicate: every node has exactly one label, known at compile time.
    func bindHasLabels(_ subject: Expression, labels: [String], span: SourceSpan) throws(QueryError) -> BoundExpression {
        guard case .variable(let name) = subject.kind, case .node(let node) = try lookup(name, span: subject.span) else {
            throw unsupported("label predicates on anything but a node variable", at: span)
        }
        for label in labels where catalog.nodeType(label) == nil {
            throw error("unknown label '\(label)'" + Suggestions.hint(for: label, in: catalog.nodeTypes.map(\.label)), at: span)
        }
        let matches = labels.allSatisfy { $0 == node.type.label } ? "1" : "0"
        let sql = node.optional ? "CASE WHEN \(node.idColumn) IS NULL THEN NULL ELSE \(matches) END" : matches
        return BoundExpression(sql: sql, type: .known(.boolean))
    }
}
