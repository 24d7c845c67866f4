import GraphModel

/// Dates and datetimes: `date(...)`, `datetime(...)`, their components (`d.year`), and
/// arithmetic with durations (see `DurationBinder`).
///
/// Dates are ISO TEXT (`2025-03-01`), datetimes `2025-03-01T08:00:00`; both compare as text.
/// | Cypher | SQL |
/// |---|---|
/// | `date('2025-03-01')` | a date checked when compiled, bound as `?n` |
/// | `date({year: y, month: m, day: d})` | `printf('%04d-%02d-%02d', …)`, checked with `date()` when run |
/// | `date()`, `datetime()` | today, now (local time) |
/// | `date(x)` | `date(x)`; `datetime(x)` is `strftime('%Y-%m-%dT%H:%M:%S', x)` |
/// | `d.year`, `d.month`, `d.day`, `d.dayOfWeek` (Monday 1), `d.dayOfYear`, `d.quarter`, `d.hour` … | `strftime` |
extension CompilationContext {
    static let temporalFunctions: Set<String> = ["date", "datetime"]

    /// `date(...)` and `datetime(...)`; nil for other functions.
    func bindTemporalFunction(_ name: String, _ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression? {
        guard Self.temporalFunctions.contains(name) else { return nil }
        try arity(call, name, 0...1, span: span)
        let isDate = name == "date"
        let resultType: ValueType = .known(isDate ? .date : .datetime)
        let format = "%Y-%m-%dT%H:%M:%S"
        guard let argument = call.arguments.first else {
            return BoundExpression(sql: isDate ? "date('now', 'localtime')" : "strftime('\(format)', 'now', 'localtime')", type: resultType)
        }
        switch argument.kind {
        case .literal(.string(let text)):
            if isDate {
                guard let date = LocalDate(iso: text) else {
                    throw error("'\(text)' is not a date; write date('YYYY-MM-DD')", at: argument.span)
                }
                return BoundExpression(sql: placeholder(.date(date)), type: resultType)
            }
            guard let datetime = LocalDateTime(iso: text) else {
                throw error("'\(text)' is not a datetime; write datetime('YYYY-MM-DDTHH:MM:SS')", at: argument.span)
            }
            return BoundExpression(sql: placeholder(.datetime(datetime)), type: resultType)
        case .map(let entries):
            return try temporalFromMap(entries, isDate: isDate, span: argument.span)
        default:
            let x = try bind(argument)
            if x.type.propertyType == .date {
                return BoundExpression(sql: isDate ? x.sql : "(\(x.sql) || 'T00:00:00')", type: resultType, hasAggregate: x.hasAggregate)
            }
            if x.type.isEntity || [.list, .map, .duration, .path].contains(x.type)
                || (x.type.family.map { !["string", "datetime"].contains($0) } ?? false) {
                throw error("\(name)() needs a string, a map or a \(name), found \(x.type.name)", at: argument.span)
            }
            if x.type.propertyType == .datetime {
                return BoundExpression(sql: isDate ? "date(\(x.sql))" : x.sql, type: resultType, hasAggregate: x.hasAggregate)
            }
            // SQLite's date() passes '2025-02-30' through; a modifier normalises it, so a text
            // that changes is not a real date.
            let value = isDate ? "date(x)" : "strftime('\(format)', x)"
            let normalised = isDate ? "date(v, '+0 days')" : "strftime('\(format)', v, '+0 days')"
            let sql = "(SELECT CASE WHEN x IS NULL THEN NULL WHEN v IS NOT NULL AND \(normalised) IS v THEN v "
                + "ELSE \(runtimeError("not a \(name): write \(isDate ? "YYYY-MM-DD" : "YYYY-MM-DDTHH:MM:SS")")) END "
                + "FROM (SELECT x, \(value) AS v FROM (SELECT \(x.sql) AS x)))"
            return BoundExpression(sql: sql, type: resultType, hasAggregate: x.hasAggregate)
        }
    }

    /// `date({year: 2025, month: 3, day: 1})`, `datetime({year: …, hour: …, minute: …, second: …})`.
    private func temporalFromMap(_ entries: [MapEntry], isDate: Bool, span: SourceSpan) throws(QueryError) -> BoundExpression {
        let keys = isDate ? ["year", "month", "day"] : ["year", "month", "day", "hour", "minute", "second"]
        var values: [String: BoundExpression] = [:]
        for entry in entries {
            guard keys.contains(entry.key) else {
                throw error("unknown \(isDate ? "date" : "datetime") field '\(entry.key)'" + Suggestions.hint(for: entry.key, in: keys),
                            at: entry.keySpan)
            }
            let bound = try bind(entry.value)
            try require(bound, "number", isDate ? "date" : "datetime", entry.value, integer: true)
            values[entry.key] = bound
        }
        try refuseAggregate(values.values.contains { $0.hasAggregate }, "\(isDate ? "date" : "datetime")({...})", at: span)
        guard let year = values["year"] else { throw error("\(isDate ? "date" : "datetime")({...}) needs a year", at: span) }
        var parts = [year.sql]
        for key in keys.dropFirst() {
            parts.append(values[key]?.sql ?? placeholder(.integer(["month", "day"].contains(key) ? 1 : 0)))
        }
        let pattern = isDate ? "'%04d-%02d-%02d'" : "'%04d-%02d-%02dT%02d:%02d:%02d'"
        let check = isDate ? "date(t, '+0 days')" : "strftime('%Y-%m-%dT%H:%M:%S', t, '+0 days')"
        let sql = "(SELECT CASE WHEN \(check) IS t THEN t ELSE \(runtimeError("not a valid \(isDate ? "date" : "datetime"): the fields do not make one")) END "
            + "FROM (SELECT printf(\(pattern), \(parts.joined(separator: ", "))) AS t))"
        let present = values.values.map(\.sql)
        return BoundExpression(sql: Self.nullIfAnyNull(present, sql), type: .known(isDate ? .date : .datetime),
                               hasAggregate: values.values.contains { $0.hasAggregate })
    }

    /// `d.year` and the other components of a date or datetime.
    func temporalComponent(_ bound: BoundExpression, key: String, keySpan: SourceSpan) throws(QueryError) -> BoundExpression {
        let x = bound.sql
        func part(_ format: String) -> String { "CAST(strftime('\(format)', \(x)) AS INTEGER)" }
        let dateFields = ["year", "quarter", "month", "day", "dayOfWeek", "dayOfYear"]
        let timeFields = ["hour", "minute", "second"]
        let sql: String
        switch key {
        case "year": sql = part("%Y")
        case "quarter": sql = "((\(part("%m")) + 2) / 3)"
        case "month": sql = part("%m")
        case "day": sql = part("%d")
        case "dayOfWeek": sql = "((\(part("%w")) + 6) % 7 + 1)"
        case "dayOfYear": sql = part("%j")
        case "hour" where bound.type.propertyType == .datetime: sql = part("%H")
        case "minute" where bound.type.propertyType == .datetime: sql = part("%M")
        case "second" where bound.type.propertyType == .datetime: sql = part("%S")
        default:
            let fields = bound.type.propertyType == .datetime ? dateFields + timeFields : dateFields
            if timeFields.contains(key) { throw error("a date has no \(key); use a datetime", at: keySpan) }
            throw error("unknown \(bound.type.name) component '\(key)'" + Suggestions.hint(for: key, in: fields), at: keySpan)
        }
        return BoundExpression(sql: sql, type: .known(.integer), hasAggregate: bound.hasAggregate)
    }
}
