import GraphModel

/// Why a row cannot be mapped: the field (by index) and a reason a planner can act on.
struct RowFailure: Error {
    var columnIndex: Int?
    var reason: String
}

/// An expression bound to a file's columns, ready to evaluate per row: column indices
/// resolved, transforms and types compiled, messages prepared. A class, so evaluating a row
/// shares one instance instead of copying (and reference counting) all of its fields.
final class BoundExpression: Sendable {
    enum Source: Sendable {
        case column(Int)
        case constant(Value)
        case concat([Part])
    }

    enum Part: Sendable {
        case literal(String)
        case expression(BoundExpression)
    }

    let source: Source
    let transforms: [Transform]
    let conversion: Conversion
    let nullValues: [String]
    let defaultValue: Value?
    let required: Bool
    /// `column MENGE`, or `columns MATNR, MTART` for a concat.
    let subject: String
    /// The field a problem is reported at.
    let columnIndex: Int?
    /// The reason given when the value is null but required.
    let missingReason: String
    /// A column read as a string with nothing else to do: the field is the value.
    let isPlain: Bool

    init(_ spec: ExpressionSpec, columns: [String: Int], missingReason: String) {
        switch spec.source {
        case .column(let c):
            source = .column(columns[c.name] ?? -1)
        case .constant(let v):
            source = .constant(v)
        case .concat(let parts):
            source = .concat(parts.map { part in
                switch part {
                case .literal(let t): .literal(t)
                case .expression(let e): .expression(BoundExpression(e, columns: columns, missingReason: missingReason))
                }
            })
        }
        transforms = spec.transforms
        conversion = spec.conversion
        nullValues = spec.nullValues
        defaultValue = spec.defaultValue
        required = spec.required
        let names = spec.columns.map(\.name)
        subject = names.count == 1 ? "column \(names[0])" : "columns \(names.joined(separator: ", "))"
        columnIndex = names.first.flatMap { columns[$0] }
        self.missingReason = "\(subject): \(missingReason)"
        if case .column = spec.source, spec.transforms.isEmpty, spec.nullValues.isEmpty, case .string = spec.conversion {
            isPlain = true
        } else {
            isPlain = false
        }
    }

    func evaluate(_ fields: [String?]) throws(RowFailure) -> Value {
        switch source {
        case .constant(let v):
            return v
        case .column(let i):
            let field = i < fields.count && i >= 0 ? fields[i] : nil
            if isPlain {
                if let field { return .string(field) }
                return try finish(nil)
            }
            return try finish(field)
        case .concat(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .literal(let t):
                    text += t
                case .expression(let e):
                    let v = try e.evaluate(fields)
                    if v.isNull { return try finish(nil) }
                    text += v.description
                }
            }
            return try finish(text)
        }
    }

    private func finish(_ raw: String?) throws(RowFailure) -> Value {
        var value = Value.null
        if let raw, !isNullValue(raw) {
            var text: String? = raw
            for i in transforms.indices {
                guard let current = text else { break }
                do {
                    text = try transforms[i].apply(current)
                } catch {
                    throw RowFailure(columnIndex: columnIndex,
                                     reason: "\(subject): '\(current)' is not in table \(error.table)")
                }
            }
            if let text, !isNullValue(text) {
                guard let v = conversion.convert(text) else {
                    let after = text == raw ? "" : " (after transforms: '\(text)')"
                    throw RowFailure(columnIndex: columnIndex,
                                     reason: "\(subject): '\(raw)'\(after) is not \(conversion.expectation)")
                }
                value = v
            }
        }
        if value.isNull {
            if let defaultValue { return defaultValue }
            if required { throw RowFailure(columnIndex: columnIndex, reason: missingReason) }
        }
        return value
    }

    private func isNullValue(_ text: String) -> Bool {
        for n in nullValues where n == text { return true }
        return false
    }
}
