import GraphModel

/// Function calls: aggregates and the scalar functions of the core subset.
///
/// | Cypher | SQL |
/// |---|---|
/// | `count(*)`, `count([DISTINCT] x)` | `count(*)`, `count([DISTINCT] x)` (a node counts by `_id`) |
/// | `sum(x)` | `coalesce(sum(x), 0)` (openCypher: the sum of no values is 0) |
/// | `sum`, `min`, `max` of a decimal | `loom_decimal_sum/min/max` (exact, registered by SQLiteDB) |
/// | `avg`, `min`, `max` | same name; other numbers as SQLite computes them; `avg` of decimals is a float |
/// | `collect(x)` | `json_group_array(x) FILTER (WHERE x IS NOT NULL)`: a JSON array text, nulls skipped |
/// | `toUpper`, `toLower` | `upper`, `lower` (SQLite changes ASCII letters only) |
/// | `trim` | `trim(x, <space, tab, CR, LF, VT, FF>)` |
/// | `toString` | `CAST(x AS TEXT)`; booleans give 'true'/'false', floats their shortest exact digits |
/// | `toInteger`, `toFloat` | numbers cast; strings that are not numbers (`12`, `-1.5`, `1.5e2`) give null |
/// | `floor`, `ceil`, `sqrt` | the SQLite math functions, as floats; `sign` a CASE |
///
/// List, string, entity, temporal and duration functions are compiled in `ListFunctions`,
/// `StringFunctions`, `MapBinder`, `TemporalBinder` and `DurationBinder`.
extension CompilationContext {
    static let aggregates: Set<String> = ["count", "sum", "avg", "min", "max", "collect"]
    static let scalars = ["toUpper", "toLower", "trim", "size", "coalesce", "abs", "round", "toString",
                          "toInteger", "toFloat", "date", "datetime", "floor", "ceil", "sign", "sqrt",
                          "substring", "replace", "left", "right", "ltrim", "rtrim", "toBoolean", "split", "reverse",
                          "head", "last", "tail", "range", "labels", "type", "keys", "properties", "elementId", "id",
                          "duration", "duration.between", "duration.inDays", "duration.inMonths", "duration.inSeconds"]
    /// openCypher functions Loom does not compile yet (a clear message instead of "unknown").
    static let laterFunctions = ["length", "nodes", "relationships", "exists", "stDev", "percentileCont",
                                 "percentileDisc", "startNode", "endNode", "localdatetime", "time", "timestamp", "rand"]

    func bindCountStar(span: SourceSpan) throws(QueryError) -> BoundExpression {
        try checkAggregateAllowed("count(*)", span: span)
        return BoundExpression(sql: "count(*)", type: .known(.integer), hasAggregate: true)
    }

    func checkAggregateAllowed(_ name: String, span: SourceSpan) throws(QueryError) {
        if insideAggregate {
            throw error("aggregation misuse: \(name) cannot be used inside another aggregate", at: span)
        }
        if !aggregatesAllowed {
            throw error("aggregation misuse: \(name) cannot be used \(aggregateContext)", at: span)
        }
    }

    func bindFunction(_ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression {
        if let bound = try bindPathFunction(call, span: span) { return bound }
        let lower = call.name.lowercased()
        if lower == "collect", let typed = try bindListFunction(call, span: span) { return typed.typedBound }
        if Self.aggregates.contains(lower) { return try bindAggregate(lower, call, span: span) }
        guard let name = Self.scalars.first(where: { $0.lowercased() == lower }) else {
            if let later = Self.laterFunctions.first(where: { $0.lowercased() == lower }) {
                throw unsupported("the function \(later)()", at: call.nameSpan)
            }
            let all = Array(Self.aggregates) + Self.scalars + Self.laterFunctions
            throw error("unknown function '\(call.name)'" + Suggestions.hint(for: call.name, in: all), at: call.nameSpan)
        }
        if call.distinct { throw error("DISTINCT is only allowed in aggregates such as count(DISTINCT x)", at: span) }
        if let typed = try bindListFunction(call, span: span) { return typed.typedBound }
        if let bound = try bindListScalar(name, call, span: span) { return bound }
        if let bound = try bindStringFunction(name, call, span: span) { return bound }
        if let bound = try bindEntityFunction(name, call, span: span) { return bound }
        if let bound = try bindTemporalFunction(name, call, span: span) { return bound }
        if let bound = try bindDurationFunction(call, span: span) { return bound }
        var arguments: [BoundExpression] = []
        for argument in call.arguments { arguments.append(try bind(argument)) }
        let aggregate = arguments.contains { $0.hasAggregate }
        func result(_ sql: String, _ type: ValueType) -> BoundExpression {
            BoundExpression(sql: sql, type: type, hasAggregate: aggregate)
        }
        func arity(_ counts: ClosedRange<Int>) throws(QueryError) {
            guard counts.contains(arguments.count) else {
                let expected = counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)"
                throw error("\(name)() takes \(expected) argument\(counts.upperBound == 1 ? "" : "s"), found \(arguments.count)", at: span)
            }
        }
        func require(_ family: String, _ index: Int = 0) throws(QueryError) {
            let bound = arguments[index]
            if bound.type.isEntity || bound.type == .list || (bound.type.family.map { $0 != family } ?? false) {
                throw error("\(name)() needs a \(family), found \(bound.type.name)", at: call.arguments[index].span)
            }
        }
        switch name {
        case "toUpper", "toLower":
            try arity(1...1); try require("string")
            return result("\(name == "toUpper" ? "upper" : "lower")(\(arguments[0].sql))", .known(.string))
        case "trim":
            try arity(1...1); try require("string")
            return result("trim(\(arguments[0].sql), char(32, 9, 10, 13, 11, 12))", .known(.string))
        case "coalesce":
            guard !arguments.isEmpty else { throw error("coalesce() needs at least one argument", at: span) }
            if arguments.contains(where: { $0.type.isEntity }) { throw unsupported("coalesce() of nodes or relationships", at: span) }
            let types = Set(arguments.map(\.type).filter { $0 != .null })
            let type = types.count == 1 ? types.first ?? .any : .any
            if arguments.count == 1 { return result(arguments[0].sql, type) }
            let numeric = types.count > 1 && arguments.contains { $0.type.isDecimal }
            return result("coalesce(\(arguments.map { numeric ? $0.numeric : $0.sql }.joined(separator: ", ")))",
                          numeric ? .any : type)
        case "abs":
            try arity(1...1); try require("number")
            let t = arguments[0].type
            return result("abs(\(arguments[0].numeric))", t.isDecimal ? .known(.float) : t)
        case "floor", "ceil", "sqrt":
            try arity(1...1); try require("number")
            return result("CAST(\(name)(\(arguments[0].numeric)) AS REAL)", .known(.float))
        case "sign":
            try arity(1...1); try require("number")
            let x = arguments[0].numeric
            return result("CASE WHEN \(x) > 0 THEN 1 WHEN \(x) < 0 THEN -1 WHEN \(x) = 0 THEN 0 END", .known(.integer))
        case "round":
            try arity(1...2); try require("number")
            if arguments.count == 2 { try require("number", 1) }
            return result("round(\(arguments.map(\.numeric).joined(separator: ", ")))", .known(.float))
        case "toString":
            try arity(1...1)
            let a = arguments[0]
            if a.type.isEntity || a.type == .list || a.type == .map || a.type == .path {
                throw unsupported("toString() of \(a.type.name)s", at: span)
            }
            if a.type.isBoolean {
                return result("CASE WHEN \(a.sql) IS NULL THEN NULL WHEN \(a.sql) THEN 'true' ELSE 'false' END", .known(.string))
            }
            if a.type.propertyType == .float { return result(Self.floatText(a.sql), .known(.string)) }
            if a.type == .any {
                return result("CASE WHEN typeof(\(a.sql)) = 'real' THEN \(Self.floatText(a.sql)) ELSE CAST(\(a.sql) AS TEXT) END",
                              .known(.string))
            }
            return result("CAST(\(a.sql) AS TEXT)", .known(.string))
        case "toInteger", "toFloat":
            try arity(1...1)
            let a = arguments[0]
            if a.type.isEntity || [.list, .map, .path, .duration].contains(a.type) || [.date, .datetime].contains(a.type.propertyType) {
                throw error("\(name)() cannot convert a \(a.type.name)", at: span)
            }
            let target = name == "toInteger" ? "INTEGER" : "REAL"
            let type: PropertyType = name == "toInteger" ? .integer : .float
            if a.type.isNumeric || a.type.isBoolean { return result("CAST(\(a.sql) AS \(target))", .known(type)) }
            return result("CASE typeof(\(a.sql)) WHEN 'integer' THEN CAST(\(a.sql) AS \(target)) "
                + "WHEN 'real' THEN CAST(\(a.sql) AS \(target)) "
                + "WHEN 'text' THEN CASE WHEN \(Self.isNumberText(a.sql)) THEN CAST(\(a.sql) AS \(target)) "
                + "WHEN \(Self.isExponentText(a.sql)) THEN CAST(CAST(\(a.sql) AS REAL) AS \(target)) END END",
                .known(type))
        default:
            preconditionFailure("scalar function \(name) listed but not compiled")
        }
    }

    /// True when the text is a plain decimal number: optional sign, digits, at most one point.
    static func isNumberText(_ x: String) -> String {
        let body = "ltrim(trim(\(x)), '+-')"
        return "(length(trim(\(x))) - length(\(body)) <= 1 AND \(body) GLOB '*[0-9]*' "
            + "AND \(body) NOT GLOB '*[^0-9.]*' AND \(body) NOT GLOB '*.*.*')"
    }

    /// A float as the shortest text that reads back as the same float (`0.30000000000000004`,
    /// `0.1`, `100.0`): SQLite's own `CAST(x AS TEXT)` keeps only 15 significant digits.
    static func floatText(_ x: String) -> String {
        let digits = [15, 16].map { "WHEN CAST(printf('%!.\($0)g', \(x)) AS REAL) = \(x) THEN printf('%!.\($0)g', \(x))" }
        return "(CASE WHEN \(x) IS NULL THEN NULL " + digits.joined(separator: " ") + " ELSE printf('%!.17g', \(x)) END)"
    }

    /// True when the text is a number in scientific notation (`1.5e2`, `-2E-3`): JSON's number
    /// grammar, checked with `json_valid` first (`json_type` fails on text that is not JSON).
    static func isExponentText(_ x: String) -> String {
        "(CASE WHEN instr(lower(\(x)), 'e') > 0 AND json_valid(trim(\(x))) "
            + "THEN json_type(trim(\(x))) IN ('integer', 'real') ELSE 0 END)"
    }

    func bindAggregate(_ name: String, _ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression {
        var argumentType = ValueType.any
        return try bindAggregate(name, call, span: span, argumentType: &argumentType)
    }

    /// An aggregate, also telling the type of its argument (the elements of `collect`).
    func bindAggregate(_ name: String, _ call: FunctionCall, span: SourceSpan,
                       argumentType: inout ValueType) throws(QueryError) -> BoundExpression {
        try checkAggregateAllowed("\(name)()", span: span)
        guard call.arguments.count == 1 else {
            throw error("\(name)() takes 1 argument, found \(call.arguments.count)", at: span)
        }
        insideAggregate = true
        defer { insideAggregate = false }
        let argument = try bind(call.arguments[0])
        argumentType = argument.type
        let distinct = call.distinct ? "DISTINCT " : ""
        let value = argument.groupKey ?? argument.numeric
        func numberOnly() throws(QueryError) {
            if argument.type.isEntity || argument.type == .list || (argument.type.family.map { $0 != "number" } ?? false) {
                throw error("\(name)() needs numbers, found \(argument.type.name)", at: call.arguments[0].span)
            }
        }
        let sql: String
        var type: ValueType
        switch name {
        case "count":
            sql = "count(\(distinct)\(value))"
            type = .known(.integer)
        case "sum" where argument.type.isDecimal && !call.distinct:
            // Exact: `loom_decimal_sum` adds the decimals' digits (0.1 + 0.2 is 0.3).
            sql = "coalesce(loom_decimal_sum(\(argument.sql)), '0')"
            type = .known(.decimal)
        case "min" where argument.type.isDecimal, "max" where argument.type.isDecimal:
            // The smallest / largest by number, returned with its digits as written (DISTINCT changes nothing).
            sql = "loom_decimal_\(name)(\(argument.sql))"
            type = .known(.decimal)
        case "sum":
            try numberOnly()
            sql = "coalesce(sum(\(distinct)\(argument.numeric)), 0)"
            type = argument.type.propertyType == .integer ? .known(.integer) : (argument.type == .any ? .any : .known(.float))
        case "avg":
            try numberOnly()
            sql = "avg(\(distinct)\(argument.numeric))"
            type = .known(.float)
        case "min", "max":
            if argument.type.isEntity || argument.type == .list { throw unsupported("\(name)() of \(argument.type.name)s", at: span) }
            sql = "\(name)(\(distinct)\(argument.numeric))"
            type = argument.type.isDecimal ? .known(.float) : argument.type
        default: // collect
            let element = jsonValue(argument)
            let present = argument.groupKey ?? argument.sql
            sql = "json_group_array(\(distinct)\(element)) FILTER (WHERE \(present) IS NOT NULL)"
            type = .list
        }
        return BoundExpression(sql: sql, type: type, hasAggregate: true)
    }
}
