import GraphModel

/// Binary operators: AND/OR/XOR, comparisons, IN, string predicates, arithmetic.
///
/// - Decimals (exact TEXT) compare and compute as REAL: `CAST(x AS REAL)`.
/// - Values of different kinds (a date and a string, a number and a string) are rejected:
///   openCypher never finds them equal, while SQLite's column affinity would convert them.
/// - `STARTS WITH`/`ENDS WITH`/`CONTAINS` use `substr`/`instr` (case-sensitive, no wildcards).
/// - `x IN [a, b]` is `x IN (?1, ?2)`; `x IN $list` reads the parameter as a JSON array.
/// - `+` concatenates when either side is a string; with a parameter of unknown type it
///   decides at run time on `typeof`.
/// - `%` on non-integers is `a - b * CAST(a / b AS INTEGER)` (SQLite's `%` truncates to integers).
/// - `x IN list` for any other list expression reads it with `json_each` (`ListBinder`); `list + x`
///   concatenates or appends; `date ± duration` and `duration ± duration` are `DurationBinder`'s.
/// - `s =~ pattern` is `regexp(pattern, s)`, a whole-string match registered on Loom's
///   connections (see `RegexMatch.swift`).
extension CompilationContext {
    func bindBinary(_ op: BinaryOperator, _ left: Expression, _ right: Expression,
                    span: SourceSpan) throws(QueryError) -> BoundExpression {
        if op == .in { return try bindIn(left, right, span: span) }
        let l = try bind(left)
        let r = try bind(right)
        let aggregate = l.hasAggregate || r.hasAggregate
        if op == .regexMatch { return try bindRegexMatch(l, r, left: left, right: right) }
        func boolean(_ sql: String) -> BoundExpression {
            BoundExpression(sql: sql, type: .known(.boolean), hasAggregate: aggregate)
        }
        if op == .and || op == .or {
            try requireCondition(l, left.span, op.rawValue.uppercased())
            try requireCondition(r, right.span, op.rawValue.uppercased())
        }
        switch op {
        case .and: return boolean("(\(l.sql)) AND (\(r.sql))")
        case .or: return boolean("(\(l.sql)) OR (\(r.sql))")
        case .xor:
            for (bound, expression) in [(l, left), (r, right)] where bound.type.family.map({ $0 != "boolean" }) ?? false {
                throw error("XOR needs booleans, found \(bound.type.name)", at: expression.span)
            }
            return boolean("(\(l.sql)) <> (\(r.sql))")
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual:
            return try compare(op, l, r, span: span)
        case .startsWith, .endsWith, .contains:
            for (bound, expression) in [(l, left), (r, right)] where bound.type.family.map({ $0 != "string" }) ?? false {
                throw error("\(Self.operatorName(op)) needs strings, found \(bound.type.name)", at: expression.span)
            }
            switch op {
            case .startsWith: return boolean("substr(\(l.sql), 1, length(\(r.sql))) = \(r.sql)")
            case .endsWith: return boolean("substr(\(l.sql), length(\(l.sql)) - length(\(r.sql)) + 1) = \(r.sql)")
            default: return boolean("instr(\(l.sql), \(r.sql)) > 0")
            }
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            if let bound = try temporalArithmetic(op, l, r, left: left, right: right) { return bound }
            if op == .add, l.type == .list || r.type == .list { return concatenate(l, r) }
            return try arithmetic(op, l, r, left: left, right: right)
        case .in, .regexMatch:
            preconditionFailure("handled above")
        }
    }

    static func operatorName(_ op: BinaryOperator) -> String {
        switch op {
        case .startsWith: return "STARTS WITH"
        case .endsWith: return "ENDS WITH"
        case .contains: return "CONTAINS"
        default: return op.rawValue.uppercased()
        }
    }

    /// A comparison with openCypher's rules for kinds and nulls.
    func compare(_ op: BinaryOperator, _ l: BoundExpression, _ r: BoundExpression,
                 span: SourceSpan) throws(QueryError) -> BoundExpression {
        let aggregate = l.hasAggregate || r.hasAggregate
        if let a = l.type.family, let b = r.type.family, a != b {
            let hint = Set([a, b]) == ["date", "string"] ? " (write date('2025-01-31') for a date)" : ""
            throw error("cannot compare \(l.type.name) with \(r.type.name)\(hint)", at: span)
        }
        if case .relationship = l.type { throw unsupported("comparing relationships", at: span) }
        if case .relationship = r.type { throw unsupported("comparing relationships", at: span) }
        if case .node(let a) = l.type, case .node(let b) = r.type {
            guard op == .equal || op == .notEqual, let x = l.groupKey, let y = r.groupKey else {
                throw error("nodes can only be compared with = and <>", at: span)
            }
            if a.label != b.label {
                // Ids are per label; nodes of different labels are never equal.
                return BoundExpression(sql: "CASE WHEN \(x) IS NULL OR \(y) IS NULL THEN NULL ELSE \(op == .equal ? 0 : 1) END",
                                       type: .known(.boolean))
            }
            return BoundExpression(sql: "\(x) \(op.rawValue) \(y)", type: .known(.boolean))
        }
        if l.type.isEntity || r.type.isEntity {
            throw unsupported("comparing a node with a value", at: span)
        }
        if Self.isStructured(l, r) { return try compareStructured(op, l, r, span: span) }
        let numeric = l.type.isDecimal || r.type.isDecimal
        let a = numeric ? l.numeric : l.sql
        let b = numeric ? r.numeric : r.sql
        return BoundExpression(sql: "\(a) \(op.rawValue) \(b)", type: .known(.boolean), hasAggregate: aggregate)
    }

    /// `x IN [a, b, c]` or `x IN $list`.
    func bindIn(_ left: Expression, _ right: Expression, span: SourceSpan) throws(QueryError) -> BoundExpression {
        let l = try bind(left)
        if l.type.isEntity { throw unsupported("IN on nodes or relationships", at: left.span) }
        switch right.kind {
        case .list(let items):
            var elements: [BoundExpression] = []
            for item in items {
                let bound = try bind(item)
                if let a = l.type.family, let b = bound.type.family, a != b {
                    throw error("cannot compare \(l.type.name) with \(bound.type.name)", at: item.span)
                }
                elements.append(bound)
            }
            if elements.contains(where: { Self.isStructured(l, $0) }) { return try structuredIn(l, literal: elements, span: span) }
            let numeric = l.type.isDecimal || elements.contains { $0.type.isDecimal }
            let list = elements.map { numeric ? $0.numeric : $0.sql }.joined(separator: ", ")
            return BoundExpression(sql: "\(numeric ? l.numeric : l.sql) IN (\(list))", type: .known(.boolean),
                                   hasAggregate: l.hasAggregate || elements.contains { $0.hasAggregate })
        case .parameter(let name) where Self.isStructured(l, l):
            return try structuredIn(l, list: BoundExpression(sql: placeholder(named: name), type: .list), span: span)
        case .parameter(let name):
            return BoundExpression(sql: "\(l.numeric) IN (SELECT value FROM json_each(\(placeholder(named: name))))",
                                   type: .known(.boolean), hasAggregate: l.hasAggregate)
        default:
            return try bindInList(l, right)
        }
    }

    /// `date ± duration`, `datetime ± duration`, `duration ± duration`; nil for other operands.
    func temporalArithmetic(_ op: BinaryOperator, _ l: BoundExpression, _ r: BoundExpression,
                            left: Expression, right: Expression) throws(QueryError) -> BoundExpression? {
        let temporal: (BoundExpression) -> Bool = { [.date, .datetime].contains($0.type.propertyType) }
        guard l.type == .duration || r.type == .duration || (temporal(l) && temporal(r)) else { return nil }
        let span = left.span.through(right.span)
        switch (op, l.type, r.type) {
        case (.add, _, .duration) where temporal(l), (.subtract, _, .duration) where temporal(l):
            return try addDuration(l, right, subtract: op == .subtract)
        case (.add, .duration, _) where temporal(r):
            return try addDuration(r, left, subtract: false)
        case (.add, .any, .duration), (.subtract, .any, .duration), (.add, .null, .duration), (.subtract, .null, .duration):
            // A parameter: taken as a date (`--param asOf=2025-03-01`).
            return try addDuration(BoundExpression(sql: l.sql, type: .known(.date), hasAggregate: l.hasAggregate), right,
                                   subtract: op == .subtract)
        case (.add, .duration, .duration), (.subtract, .duration, .duration):
            return try combineDurations(left, right, subtract: op == .subtract)
        case (.subtract, _, _) where temporal(l) && temporal(r):
            throw error("dates cannot be subtracted; use duration.between(a, b) or duration.inDays(a, b)", at: span)
        default:
            throw error("'\(op.rawValue)' cannot combine \(l.type.name) with \(r.type.name)", at: span)
        }
    }

    func arithmetic(_ op: BinaryOperator, _ l: BoundExpression, _ r: BoundExpression,
                    left: Expression, right: Expression) throws(QueryError) -> BoundExpression {
        let aggregate = l.hasAggregate || r.hasAggregate
        if op == .add, l.type.isString || r.type.isString {
            var pieces: [String] = []
            for (bound, expression) in [(l, left), (r, right)] {
                if bound.type.isEntity || [.map, .path].contains(bound.type) {
                    throw error("'+' cannot add a \(bound.type.name) to a string", at: expression.span)
                }
                // A boolean is 0/1 in SQL: spell it as openCypher prints it.
                pieces.append(bound.type.isBoolean
                    ? "CASE WHEN \(bound.sql) IS NULL THEN NULL WHEN \(bound.sql) THEN 'true' ELSE 'false' END" : bound.sql)
            }
            return BoundExpression(sql: "(\(pieces[0]) || \(pieces[1]))", type: .known(.string), hasAggregate: aggregate)
        }
        for (bound, expression) in [(l, left), (r, right)] {
            if bound.type.isEntity || bound.type == .list {
                throw unsupported("arithmetic on \(bound.type.name)s", at: expression.span)
            }
            if let family = bound.type.family, family != "number" {
                throw error("'\(op.rawValue)' needs numbers, found \(bound.type.name)", at: expression.span)
            }
        }
        let a = l.numeric, b = r.numeric
        let type: ValueType
        if l.type == .null || r.type == .null {
            type = .null
        } else if l.type == .any || r.type == .any {
            type = .any
        } else if l.type.propertyType == .integer && r.type.propertyType == .integer && op != .power {
            type = .known(.integer)
        } else {
            type = .known(.float)
        }
        let sql: String
        switch op {
        case .power: sql = "pow(\(a), \(b))"
        case .modulo where type == .known(.integer): sql = "(\(a) % \(b))"
        case .modulo: sql = "(\(a) - \(b) * CAST(\(a) / \(b) AS INTEGER))"
        case .add where l.type == .any || r.type == .any:
            // A parameter may be a string: concatenate then, add otherwise.
            sql = "(CASE WHEN typeof(\(a)) = 'text' OR typeof(\(b)) = 'text' THEN \(a) || \(b) ELSE \(a) + \(b) END)"
        default: sql = "(\(a) \(op.rawValue) \(b))"
        }
        return BoundExpression(sql: sql, type: type, hasAggregate: aggregate)
    }
}
