/// A calendar date without time zone, as ERP exports carry them. Stored as `YYYY-MM-DD` text,
/// which sorts and compares correctly as a string.
public struct LocalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the date does not exist (`2025-13-40`, `2023-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeap(year) ? 29 : 28
        default: 0
        }
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init?(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public var description: String {
        LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) + "-" + LocalDate.pad(day, 2)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A date and time of day without time zone, to the microsecond. Stored as
/// `YYYY-MM-DDTHH:MM:SS` with `.ffffff` only when the fraction is not zero.
public struct LocalDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let date: LocalDate
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let microsecond: Int

    public init?(date: LocalDate, hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999_999).contains(microsecond) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// Parses ISO `YYYY-MM-DDTHH:MM[:SS[.f…]]` (a space instead of `T` is accepted).
    public init?(iso text: String) {
        let sep = text.firstIndex(where: { $0 == "T" || $0 == " " })
        guard let sep, let date = LocalDate(iso: String(text[..<sep])) else { return nil }
        let time = text[text.index(after: sep)...]
        let hms = time.split(separator: ":", omittingEmptySubsequences: false)
        guard hms.count == 2 || hms.count == 3, hms[0].count == 2, hms[1].count == 2,
              let h = Int(hms[0]), let m = Int(hms[1]) else { return nil }
        var s = 0, micro = 0
        if hms.count == 3 {
            let secParts = hms[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard secParts[0].count == 2, let sec = Int(secParts[0]) else { return nil }
            s = sec
            if secParts.count == 2 {
                let frac = secParts[1]
                guard !frac.isEmpty, frac.count <= 9, frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                let six = String(frac.prefix(6)).padding(toLength: 6, withPad: "0")
                micro = Int(six) ?? 0
            }
        }
        self.init(date: date, hour: h, minute: m, second: s, microsecond: micro)
    }

    public var description: String {
        var s = date.description + "T" + LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2) + ":" + LocalDate.pad(second, 2)
        if microsecond != 0 { s += "." + LocalDate.pad(microsecond, 6) }
        return s
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.hour, a.minute, a.second, a.microsecond) < (b.date, b.hour, b.minute, b.second, b.microsecond)
    }
}

private extension String {
    func padding(toLength width: Int, withPad pad: Character) -> String {
        count >= width ? self : self + String(repeating: pad, count: width - count)
    }
}
