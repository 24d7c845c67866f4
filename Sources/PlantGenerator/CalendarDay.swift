import GraphModel

/// A calendar date as a day count since 1970-01-01, for cheap date arithmetic and for
/// writing SAP's `yyyyMMdd` without Foundation's calendar on the hot path.
struct CalendarDay: Hashable, Comparable, Sendable {
    var daysSinceEpoch: Int

    init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day of a calendar date (GraphModel's `LocalDate` does the arithmetic).
    init(year: Int, month: Int, day: Int) {
        guard let date = LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("the generator asked for a date that does not exist: \(year)-\(month)-\(day)")
        }
        daysSinceEpoch = date.daysSinceEpoch
    }

    /// (year, month, day) of this date.
    var components: (year: Int, month: Int, day: Int) {
        guard let date = LocalDate(daysSinceEpoch: daysSinceEpoch) else {
            preconditionFailure("day \(daysSinceEpoch) is outside the calendar LocalDate covers")
        }
        return (date.year, date.month, date.day)
    }

    /// `yyyyMMdd`, as SAP tables store dates.
    var sapText: String {
        let c = components
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2)
    }

    static func + (lhs: CalendarDay, days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: lhs.daysSinceEpoch + days)
    }

    static func - (lhs: CalendarDay, days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: lhs.daysSinceEpoch - days)
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
