import GraphModel

/// String functions beyond the core subset (`split` and `reverse` are in `ListFunctions`).
///
/// | Cypher | SQL |
/// |---|---|
/// | `substring(s, start[, length])` (0-based) | `substr(s, start + 1[, length])`; a negative start or length is an error |
/// | `replace(s, search, replacement)` | `replace` (case-sensitive) |
/// | `left(s, n)`, `right(s, n)` | `substr(s, 1, n)`, `substr(s, -n)` (`''` for 0) |
/// | `ltrim`, `rtrim` | with the whitespace set `trim` uses |
/// | `toBoolean(x)` | `'true'`/`'false'` in any case (trimmed) → boolean, other strings null; integers: 0 is false |
extension CompilationContext {
    static let stringFunctions: Set<String> = ["substring", "replace", "left", "right", "ltrim", "rtrim", "toBoolean"]

    func bindStringFunction(_ name: String, _ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression? {
        guard Self.stringFunctions.contains(name) else { return nil }
        let counts: ClosedRange<Int> = switch name {
        case "substring": 2...3
        case "replace": 3...3
        case "left", "right": 2...2
        default: 1...1
        }
        try arity(call, name, counts, span: span)
        var arguments: [BoundExpression] = []
        for argument in call.arguments { arguments.append(try bind(argument)) }
        let aggregate = arguments.contains { $0.hasAggregate }
        let sqls = arguments.map(\.sql)
        func string(_ sql: String, nullable: [String] = []) -> BoundExpression {
            BoundExpression(sql: Self.nullIfAnyNull(nullable, sql), type: .known(.string), hasAggregate: aggregate)
        }
        if name == "toBoolean" {
            let x = arguments[0]
            if x.type.isBoolean { return x }
            if x.type.propertyType == .integer {
                return BoundExpression(sql: "CASE WHEN \(x.sql) IS NULL THEN NULL ELSE \(x.sql) <> 0 END", type: .known(.boolean),
                                       hasAggregate: aggregate)
            }
            try require(x, "string", name, call.arguments[0])
            return BoundExpression(sql: "CASE lower(trim(\(x.sql))) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END", type: .known(.boolean),
                                   hasAggregate: aggregate)
        }
        try require(arguments[0], "string", name, call.arguments[0])
        switch name {
        case "substring":
            for index in 1..<arguments.count {
                try require(arguments[index], "number", name, call.arguments[index], integer: true)
                if case .literal(.integer(let n)) = call.arguments[index].kind, n < 0 {
                    throw error("substring() needs a \(index == 1 ? "start" : "length") of 0 or more, found \(n)", at: call.arguments[index].span)
                }
            }
            let bad = sqls.dropFirst().map { "\($0) < 0" }.joined(separator: " OR ")
            let sql = "CASE WHEN \(bad) THEN \(runtimeError("substring() needs a start and length of 0 or more")) "
                + "ELSE substr(\(sqls[0]), \(sqls[1]) + 1\(sqls.count == 3 ? ", " + sqls[2] : "")) END"
            return string(sql, nullable: sqls)
        case "replace":
            try require(arguments[1], "string", name, call.arguments[1])
            try require(arguments[2], "string", name, call.arguments[2])
            return string("replace(\(sqls[0]), \(sqls[1]), \(sqls[2]))")
        case "left", "right":
            try require(arguments[1], "number", name, call.arguments[1], integer: true)
            let n = sqls[1]
            let cut = name == "left" ? "substr(\(sqls[0]), 1, \(n))" : "CASE WHEN \(n) = 0 THEN '' ELSE substr(\(sqls[0]), -\(n)) END"
            return string("CASE WHEN \(n) < 0 THEN \(runtimeError("\(name)() needs a length of 0 or more")) ELSE \(cut) END",
                          nullable: sqls)
        default: // ltrim, rtrim
            return string("\(name)(\(sqls[0]), char(32, 9, 10, 13, 11, 12))")
        }
    }
}
