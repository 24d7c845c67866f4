import GraphModel

/// How an expression's text becomes a typed value: the `type:` of a property with its
/// `format`, `decimal-comma` and boolean words, resolved once when the mapping loads.
enum Conversion: Sendable {
    case string
    case integer(decimalComma: Bool)
    case float(decimalComma: Bool)
    case decimal(decimalComma: Bool)
    case boolean(BooleanWords)
    /// Patterns tried in order; `iso` is `yyyy-MM-dd`.
    case date([DatePattern])
    /// Patterns tried in order; `iso` (an empty list) is ISO 8601 with `T` or a space.
    case datetime([DatePattern])
    case enumeration([String])

    var propertyType: PropertyType {
        switch self {
        case .string: .string
        case .integer: .integer
        case .float: .float
        case .decimal: .decimal
        case .boolean: .boolean
        case .date: .date
        case .datetime: .datetime
        case .enumeration(let values): .enumeration(values)
        }
    }

    /// What a failed value is not: `a decimal`, `a date in format yyyyMMdd`, `one of A, B`.
    var expectation: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .decimal: "a decimal"
        case .boolean(let words): "a boolean (\(words.summary))"
        case .date(let patterns): "a date in format " + Conversion.formats(patterns, iso: "yyyy-MM-dd")
        case .datetime(let patterns): "a datetime in format " + Conversion.formats(patterns, iso: "yyyy-MM-ddTHH:mm:ss")
        case .enumeration(let values): "one of " + values.joined(separator: ", ")
        }
    }

    static func formats(_ patterns: [DatePattern], iso: String) -> String {
        patterns.isEmpty ? iso : patterns.map(\.text).joined(separator: " or ")
    }

    /// The typed value of `text`, `.null` for an empty text of a non-string type (a boolean
    /// reads it by its words), or nil when the text is not of this type.
    func convert(_ text: String) -> Value? {
        // Parse first; only a text that does not parse is checked for being blank (null).
        switch self {
        case .string:
            return .string(text)
        case .integer(let comma):
            if let i = NumberText.integer(text, decimalComma: comma) { return .integer(i) }
        case .float(let comma):
            if let d = NumberText.float(text, decimalComma: comma) { return .float(d) }
        case .decimal(let comma):
            if let d = NumberText.decimal(text, decimalComma: comma) { return .decimal(d) }
        case .boolean(let words):
            return words.value(of: text).map(Value.boolean)
        case .date(let patterns):
            if patterns.isEmpty {
                if let d = DatePattern.isoDate.date(text) { return .date(d) }
            } else {
                for p in patterns {
                    if let d = p.date(text) { return .date(d) }
                }
            }
        case .datetime(let patterns):
            if patterns.isEmpty {
                if let d = DatePattern.isoDateTime.dateTime(text) ?? DatePattern.isoDateTimeSpace.dateTime(text)
                    ?? LocalDateTime(iso: text) {
                    return .datetime(d)
                }
            } else {
                for p in patterns {
                    if let d = p.dateTime(text) { return .datetime(d) }
                }
            }
        case .enumeration(let values):
            for v in values where v == text { return .string(v) }
        }
        return NumberText.isBlank(text) ? .null : nil
    }

    /// The conversion used for constants and defaults written in the mapping itself: numbers
    /// with a `.` decimal point whatever the source says, dates in ISO form or the given formats.
    var canonical: Conversion {
        switch self {
        case .integer: .integer(decimalComma: false)
        case .float: .float(decimalComma: false)
        case .decimal: .decimal(decimalComma: false)
        case .date(let patterns): patterns.isEmpty ? self : .date(patterns + [DatePattern.isoDate])
        case .datetime(let patterns): patterns.isEmpty ? self : .datetime(patterns + [DatePattern.isoDateTime])
        default: self
        }
    }
}

/// The words a boolean property reads, compared without regard to case.
struct BooleanWords: Sendable, Hashable {
    static let standard = BooleanWords(trueWords: ["true", "1", "yes", "y", "x"], falseWords: ["false", "0", "no", "n", ""])

    /// Lower-cased.
    let trueWords: [String]
    let falseWords: [String]

    init(trueWords: [String], falseWords: [String]) {
        self.trueWords = trueWords.map { $0.lowercased() }
        self.falseWords = falseWords.map { $0.lowercased() }
    }

    func value(of text: String) -> Bool? {
        for w in trueWords where NumberText.equalsIgnoringASCIICase(text, w) { return true }
        for w in falseWords where NumberText.equalsIgnoringASCIICase(text, w) { return false }
        let trimmed = NumberText.trimmed(text)
        if trimmed.utf8.count != text.utf8.count { return value(of: trimmed) }
        return nil
    }

    var summary: String {
        func show(_ w: [String]) -> String { w.map { $0.isEmpty ? "''" : $0 }.joined(separator: "/") }
        return "true: \(show(trueWords)); false: \(show(falseWords))"
    }
}
