import GraphModel

/// A date or date-time layout such as `yyyyMMdd` or `dd.MM.yyyy HH:mm`, matched by hand over
/// the UTF-8 bytes of a field (no DateFormatter, no allocation).
///
/// Tokens: `yyyy` year, `MM` month, `dd` day, `HH` hour (00–23), `mm` minute, `ss` second,
/// each a fixed number of digits; every other character must appear literally. A pattern
/// without time tokens read as a datetime gives midnight.
struct DatePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case year, month, day, hour, minute, second
        case literal(UInt8)

        var width: Int {
            switch self {
            case .year: 4
            case .literal: 1
            default: 2
            }
        }
    }

    let text: String
    let tokens: [Token]
    /// Total length in bytes of a matching field.
    let length: Int

    var hasTime: Bool { tokens.contains { $0 == .hour || $0 == .minute || $0 == .second } }
    var hasDate: Bool { tokens.contains(.year) && tokens.contains(.month) && tokens.contains(.day) }

    static let isoDate = DatePattern(validated: "yyyy-MM-dd")
    static let isoDateTime = DatePattern(validated: "yyyy-MM-ddTHH:mm:ss")
    static let isoDateTimeSpace = DatePattern(validated: "yyyy-MM-dd HH:mm:ss")

    private init(validated text: String) {
        // Only for the built-in patterns above, which are known to compile.
        self.text = text
        self.tokens = (try? DatePattern.compile(text)) ?? []
        self.length = tokens.reduce(0) { $0 + $1.width }
    }

    /// Compiles a pattern; the error message says what is wrong with it.
    init(_ text: String) throws(PatternError) {
        self.text = text
        self.tokens = try DatePattern.compile(text)
        self.length = tokens.reduce(0) { $0 + $1.width }
        if !hasDate {
            throw PatternError(message: "date format '\(text)' needs yyyy, MM and dd")
        }
    }

    struct PatternError: Error {
        var message: String
    }

    var description: String { text }

    private static func compile(_ text: String) throws(PatternError) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var run = 1
            while i + run < bytes.count, bytes[i + run] == b { run += 1 }
            let letter = Character(Unicode.Scalar(b))
            switch (letter, run) {
            case ("y", 4): tokens.append(.year)
            case ("M", 2): tokens.append(.month)
            case ("d", 2): tokens.append(.day)
            case ("H", 2): tokens.append(.hour)
            case ("m", 2): tokens.append(.minute)
            case ("s", 2): tokens.append(.second)
            case ("y", _), ("M", _), ("d", _), ("H", _), ("m", _), ("s", _):
                let found = String(repeating: letter, count: run)
                throw PatternError(message: "'\(found)' in date format '\(text)' is not a token; "
                                   + "use yyyy, MM, dd, HH, mm, ss (other characters are literal)")
            default:
                for _ in 0..<run { tokens.append(.literal(b)) }
            }
            i += run
        }
        return tokens
    }

    /// Date and time fields read from `bytes`, or nil when the bytes do not fit the pattern.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)? {
        guard bytes.count == length else { return nil }
        var y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0
        var p = 0
        for token in tokens {
            if case .literal(let expected) = token {
                guard bytes[p] == expected else { return nil }
                p += 1
                continue
            }
            var n = 0
            for _ in 0..<token.width {
                let digit = bytes[p] &- 48
                guard digit < 10 else { return nil }
                n = n * 10 + Int(digit)
                p += 1
            }
            switch token {
            case .year: y = n
            case .month: mo = n
            case .day: d = n
            case .hour: h = n
            case .minute: mi = n
            case .second: s = n
            case .literal: break
            }
        }
        return (y, mo, d, h, mi, s)
    }

    func date(_ text: String) -> LocalDate? {
        var text = text
        return text.withUTF8 { buffer in
            guard let m = match(buffer) else { return nil }
            return LocalDate(year: m.year, month: m.month, day: m.day)
        }
    }

    func dateTime(_ text: String) -> LocalDateTime? {
        var text = text
        return text.withUTF8 { buffer in
            guard let m = match(buffer), let date = LocalDate(year: m.year, month: m.month, day: m.day) else { return nil }
            return LocalDateTime(date: date, hour: m.hour, minute: m.minute, second: m.second)
        }
    }
}
