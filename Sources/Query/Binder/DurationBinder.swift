import GraphModel

/// The three components of a duration, as openCypher keeps them: months, days and seconds
/// (SQL integer expressions).
struct DurationParts {
    var months: String
    var days: String
    var seconds: String
    var hasAggregate = false
}

/// Durations: `duration({days: 30})`, `duration('P1M2D')`, `duration.between(a, b)`,
/// `duration.inDays/inMonths/inSeconds(a, b)`, components (`.days`), `date ± duration`.
///
/// A duration is ISO 8601 TEXT as openCypher prints it (`P1Y2M3DT4H5M6S`, `PT0S`; years are
/// whole twelves of months, hours and minutes come from the seconds). Where the binder built the
/// duration itself it uses the components' SQL directly; any other duration (passed through
/// WITH, say) is parsed back from its text. Adding months keeps the day of month, or the
/// month's last day when it is shorter (`2025-01-31 + P1M` is `2025-02-28`), then days and
/// seconds are added.
extension CompilationContext {
    static let durationFunctions: Set<String> = ["duration", "duration.between", "duration.indays", "duration.inmonths",
                                                 "duration.inseconds"]

    func bindDurationFunction(_ call: FunctionCall, span: SourceSpan) throws(QueryError) -> BoundExpression? {
        guard Self.durationFunctions.contains(call.name.lowercased()) else { return nil }
        let expression = Expression(.function(call), span: span)
        guard let parts = try durationParts(expression) else { return nil }
        try refuseAggregate(parts.hasAggregate, call.name + "()", at: span)
        return BoundExpression(sql: format(parts), type: .duration, hasAggregate: parts.hasAggregate)
    }

    /// The components of a duration expression: built directly for `duration(...)` and the
    /// `duration.*` functions, parsed from the text for anything else of type duration.
    func durationParts(_ expression: Expression) throws(QueryError) -> DurationParts? {
        guard case .function(let call) = expression.kind, Self.durationFunctions.contains(call.name.lowercased()) else {
            let bound = try bind(expression)
            guard bound.type == .duration else { return nil }
            return parse(bound)
        }
        let name = call.name.lowercased()
        let span = expression.span
        if name == "duration" {
            try arity(call, "duration", 1...1, span: span)
            let argument = call.arguments[0]
            switch argument.kind {
            case .map(let entries): return try durationFromMap(entries)
            case .literal(.string(let text)):
                guard let (m, d, s) = Self.parseISODuration(text) else {
                    throw error("'\(text)' is not a duration; write e.g. duration('P1M2D') or duration('PT1H30M')", at: argument.span)
                }
                return DurationParts(months: placeholder(.integer(m)), days: placeholder(.integer(d)), seconds: placeholder(.integer(s)))
            default:
                let bound = try bind(argument)
                guard bound.type == .duration else {
                    throw unsupported("duration() of anything but a map or a string literal", at: argument.span)
                }
                return parse(bound)
            }
        }
        try arity(call, call.name, 2...2, span: span)
        var ends: [BoundExpression] = []
        for argument in call.arguments {
            let bound = try bind(argument)
            guard [.date, .datetime].contains(bound.type.propertyType) || bound.type == .null || bound.type == .any else {
                throw error("\(call.name)() needs dates or datetimes, found \(bound.type.name)", at: argument.span)
            }
            ends.append(bound)
        }
        let a = ends[0].sql, b = ends[1].sql
        let aggregate = ends.contains { $0.hasAggregate }
        let zero = "0"
        let isDatetime = ends.contains { $0.type.propertyType == .datetime }
        func months() -> String {
            func packed(_ x: String) -> String {
                "((CAST(strftime('%Y', \(x)) AS INTEGER) * 12 + CAST(strftime('%m', \(x)) AS INTEGER)) * 32 + CAST(strftime('%d', \(x)) AS INTEGER))"
            }
            return "((\(packed(b)) - \(packed(a))) / 32)"
        }
        switch name {
        case "duration.indays":
            return DurationParts(months: zero, days: "CAST(julianday(\(b)) - julianday(\(a)) AS INTEGER)", seconds: zero, hasAggregate: aggregate)
        case "duration.inseconds":
            return DurationParts(months: zero, days: zero, seconds: "(unixepoch(\(b)) - unixepoch(\(a)))", hasAggregate: aggregate)
        case "duration.inmonths":
            if isDatetime { throw unsupported("\(call.name)() of datetimes", at: span) }
            return DurationParts(months: months(), days: zero, seconds: zero, hasAggregate: aggregate)
        default: // duration.between
            if isDatetime { throw unsupported("duration.between() of datetimes (use duration.inSeconds)", at: span) }
            let m = months()
            let shifted = addMonths(a, m)
            return DurationParts(months: m, days: "CAST(julianday(\(b)) - julianday(\(shifted)) AS INTEGER)", seconds: zero,
                                 hasAggregate: aggregate)
        }
    }

    /// `duration({years:, months:, weeks:, days:, hours:, minutes:, seconds:})`, whole numbers.
    private func durationFromMap(_ entries: [MapEntry]) throws(QueryError) -> DurationParts {
        let factors: [String: (part: Int, factor: Int)] = [
            "years": (0, 12), "months": (0, 1), "weeks": (1, 7), "days": (1, 1),
            "hours": (2, 3600), "minutes": (2, 60), "seconds": (2, 1),
        ]
        var terms: [[String]] = [[], [], []]
        var aggregate = false
        for entry in entries {
            guard let (part, factor) = factors[entry.key] else {
                throw error("unknown duration field '\(entry.key)'" + Suggestions.hint(for: entry.key, in: Array(factors.keys).sorted()),
                            at: entry.keySpan)
            }
            let bound = try bind(entry.value)
            if bound.type.propertyType == .float || bound.type.isDecimal {
                throw unsupported("fractional durations (\(entry.key) must be a whole number)", at: entry.value.span)
            }
            try require(bound, "number", "duration", entry.value, integer: true)
            aggregate = aggregate || bound.hasAggregate
            terms[part].append(factor == 1 ? bound.sql : "\(bound.sql) * \(factor)")
        }
        let sums = terms.map { $0.isEmpty ? "0" : "(" + $0.joined(separator: " + ") + ")" }
        return DurationParts(months: sums[0], days: sums[1], seconds: sums[2], hasAggregate: aggregate)
    }

    /// Months, days and seconds of an ISO 8601 duration text (`P1Y2M3W4DT5H6M7S`, signs allowed
    /// on each number); nil when it is not one.
    static func parseISODuration(_ text: String) -> (Int64, Int64, Int64)? {
        var chars = Substring(text.uppercased())
        guard chars.first == "P", chars.count > 1 else { return nil }
        chars = chars.dropFirst()
        var months: Int64 = 0, days: Int64 = 0, seconds: Int64 = 0
        var inTime = false
        var number = ""
        var seen = false
        for c in chars {
            if c == "T", !inTime, number.isEmpty { inTime = true; continue }
            if c.isNumber || (c == "-" && number.isEmpty) { number.append(c); continue }
            guard let n = Int64(number) else { return nil }
            number = ""
            seen = true
            switch (inTime, c) {
            case (false, "Y"): months += n * 12
            case (false, "M"): months += n
            case (false, "W"): days += n * 7
            case (false, "D"): days += n
            case (true, "H"): seconds += n * 3600
            case (true, "M"): seconds += n * 60
            case (true, "S"): seconds += n
            default: return nil
            }
        }
        guard number.isEmpty, seen else { return nil }
        return (months, days, seconds)
    }

    /// Components parsed back from a duration's ISO text: each designated number is turned into
    /// a JSON pair (`1Y2M` → `[["1","Y"],["2","M"],[""]]`) and summed with its factor.
    private func parse(_ bound: BoundExpression) -> DurationParts {
        let t = bound.sql
        let datePart = "CASE WHEN instr(\(t), 'T') > 0 THEN substr(\(t), 2, instr(\(t), 'T') - 2) ELSE substr(\(t), 2) END"
        let timePart = "CASE WHEN instr(\(t), 'T') > 0 THEN substr(\(t), instr(\(t), 'T') + 1) ELSE '' END"
        func sum(_ part: String, _ designators: [(String, Int)]) -> String {
            var json = part
            for (letter, _) in designators { json = "replace(\(json), '\(letter)', '\",\"\(letter)\"],[\"')" }
            let alias = nextUnwindAlias()
            let cases = designators.map { "WHEN '\($0.0)' THEN CAST(\(alias).value ->> 0 AS INTEGER) * \($0.1)" }.joined(separator: " ")
            return "(SELECT coalesce(sum(CASE \(alias).value ->> 1 \(cases) END), 0) FROM json_each('[[\"' || \(json) || '\"]]') AS \(alias))"
        }
        func orNull(_ sql: String) -> String { Self.nullIfAnyNull([t], sql) }
        return DurationParts(months: orNull(sum(datePart, [("Y", 12), ("M", 1)])),
                             days: orNull(sum(datePart, [("W", 7), ("D", 1)])),
                             seconds: orNull(sum(timePart, [("H", 3600), ("M", 60), ("S", 1)])),
                             hasAggregate: bound.hasAggregate)
    }

    /// The ISO text of a duration, as openCypher prints it.
    func format(_ parts: DurationParts) -> String {
        let body = "CASE WHEN m = 0 AND d = 0 AND s = 0 THEN 'PT0S' ELSE 'P'"
            + " || CASE WHEN m / 12 <> 0 THEN (m / 12) || 'Y' ELSE '' END"
            + " || CASE WHEN m % 12 <> 0 THEN (m % 12) || 'M' ELSE '' END"
            + " || CASE WHEN d <> 0 THEN d || 'D' ELSE '' END"
            + " || CASE WHEN s <> 0 THEN 'T'"
            + " || CASE WHEN s / 3600 <> 0 THEN (s / 3600) || 'H' ELSE '' END"
            + " || CASE WHEN s % 3600 / 60 <> 0 THEN (s % 3600 / 60) || 'M' ELSE '' END"
            + " || CASE WHEN s % 60 <> 0 THEN (s % 60) || 'S' ELSE '' END ELSE '' END END"
        return "(SELECT CASE WHEN m IS NULL OR d IS NULL OR s IS NULL THEN NULL ELSE \(body) END "
            + "FROM (SELECT \(parts.months) AS m, \(parts.days) AS d, \(parts.seconds) AS s))"
    }

    /// `date` moved by `months` months, keeping the day or taking the month's last day.
    private func addMonths(_ date: String, _ months: String) -> String {
        let first = "date(\(date), 'start of month', (\(months)) || ' months')"
        let last = "CAST(strftime('%d', \(first), '+1 month', '-1 day') AS INTEGER)"
        return "date(\(first), (min(CAST(strftime('%d', \(date)) AS INTEGER), \(last)) - 1) || ' days')"
    }

    /// `date ± duration`, `datetime ± duration`.
    func addDuration(_ temporal: BoundExpression, _ durationExpression: Expression, subtract: Bool) throws(QueryError) -> BoundExpression {
        guard let parts = try durationParts(durationExpression) else {
            preconditionFailure("called with a duration")
        }
        try refuseAggregate(temporal.hasAggregate || parts.hasAggregate, "date arithmetic",
                            at: durationExpression.span)
        let sign = subtract ? "-" : ""
        let x = "x"
        let moved = addMonths(x, "\(sign)m")
        let sql: String
        if temporal.type.propertyType == .datetime {
            sql = "strftime('%Y-%m-%dT%H:%M:%S', date(\(moved), (\(sign)d) || ' days') || ' ' || time(x), (\(sign)s) || ' seconds')"
        } else {
            sql = "date(\(moved), (\(sign)(d + s / 86400)) || ' days')"
        }
        let full = "(SELECT \(sql) FROM (SELECT \(temporal.sql) AS x, \(parts.months) AS m, \(parts.days) AS d, \(parts.seconds) AS s))"
        return BoundExpression(sql: full, type: temporal.type, hasAggregate: temporal.hasAggregate || parts.hasAggregate)
    }

    /// `duration + duration`, `duration - duration`.
    func combineDurations(_ left: Expression, _ right: Expression, subtract: Bool) throws(QueryError) -> BoundExpression? {
        guard let a = try durationParts(left), let b = try durationParts(right) else { return nil }
        try refuseAggregate(a.hasAggregate || b.hasAggregate, "duration arithmetic", at: left.span.through(right.span))
        let op = subtract ? "-" : "+"
        return BoundExpression(sql: format(DurationParts(months: "(\(a.months) \(op) \(b.months))", days: "(\(a.days) \(op) \(b.days))",
                                                         seconds: "(\(a.seconds) \(op) \(b.seconds))")),
                               type: .duration, hasAggregate: a.hasAggregate || b.hasAggregate)
    }

    /// `d.days` and the other components of a duration (openCypher's: `months` counts the
    /// years too, `hours` and `minutes` the whole seconds part).
    func durationComponent(_ subject: Expression, _ bound: BoundExpression, key: String,
                           keySpan: SourceSpan) throws(QueryError) -> BoundExpression {
        let parts = try durationParts(subject) ?? parse(bound)
        try refuseAggregate(parts.hasAggregate, "a duration component", at: keySpan)
        // Read through a subquery naming all three, so every placeholder in them is used.
        let m = "m", d = "d", s = "s"
        let fields: [String: String] = [
            "years": "(\(m) / 12)", "quarters": "(\(m) / 3)", "months": m, "weeks": "(\(d) / 7)", "days": d,
            "hours": "(\(s) / 3600)", "minutes": "(\(s) / 60)", "seconds": s,
            "monthsOfYear": "(\(m) % 12)", "monthsOfQuarter": "(\(m) % 3)", "quartersOfYear": "((\(m) / 3) % 4)",
            "daysOfWeek": "(\(d) % 7)", "minutesOfHour": "((\(s) / 60) % 60)", "secondsOfMinute": "(\(s) % 60)",
        ]
        guard let sql = fields[key] else {
            throw error("unknown duration component '\(key)'" + Suggestions.hint(for: key, in: Array(fields.keys).sorted()), at: keySpan)
        }
        return BoundExpression(sql: "(SELECT \(sql) FROM (SELECT \(parts.months) AS m, \(parts.days) AS d, \(parts.seconds) AS s))",
                               type: .known(.integer))
    }
}
