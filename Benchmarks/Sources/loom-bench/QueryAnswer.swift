import Foundation

/// The five questions of the query benchmark.
enum QueryName: String, CaseIterable, Sendable {
    case q1 = "Q1", q2 = "Q2", q3 = "Q3", q4 = "Q4", q5 = "Q5"

    var title: String {
        switch self {
        case .q1: "explosion of one finished good, with quantities"
        case .q2: "where-used of one raw part"
        case .q3: "cost roll-up of every finished good"
        case .q4: "single-source parts used in any finished good"
        case .q5: "BOM cycle detection"
        }
    }
}

/// One system's answer to one question, reduced to what every system can be compared on:
/// the number of rows it returned, and the keys it names with an optional number each
/// (the quantity for Q1/Q2, the cost for Q3; none for Q4/Q5).
struct QueryAnswer: Sendable {
    var rows: Int
    var values: [String: Double?]

    /// Compares with `other`: the same row count, the same keys, and numbers equal to six
    /// significant digits (relative difference below 5e-7). Returns the first disagreements.
    func differences(from other: QueryAnswer, ignoring: Set<String> = []) -> [String] {
        var found: [String] = []
        if rows != other.rows { found.append("rows \(rows) vs \(other.rows)") }
        let mine = Set(values.keys).subtracting(ignoring), theirs = Set(other.values.keys).subtracting(ignoring)
        let onlyMine = mine.subtracting(theirs).sorted(), onlyTheirs = theirs.subtracting(mine).sorted()
        if !onlyMine.isEmpty { found.append("\(onlyMine.count) keys only here, e.g. \(onlyMine.prefix(3).joined(separator: ", "))") }
        if !onlyTheirs.isEmpty { found.append("\(onlyTheirs.count) keys missing, e.g. \(onlyTheirs.prefix(3).joined(separator: ", "))") }
        var numbers = 0
        for key in mine.intersection(theirs).sorted() {
            let a = values[key] ?? nil, b = other.values[key] ?? nil
            guard let a, let b else {
                if (a == nil) != (b == nil) { numbers += 1; if numbers <= 3 { found.append("\(key): \(Self.text(a)) vs \(Self.text(b))") } }
                continue
            }
            if abs(a - b) > 5e-7 * max(abs(a), abs(b), 1e-12) {
                numbers += 1
                if numbers <= 3 { found.append("\(key): \(Self.text(a)) vs \(Self.text(b))") }
            }
        }
        if numbers > 3 { found.append("… \(numbers) numbers differ in all") }
        return found
    }

    static func text(_ value: Double?) -> String { value.map { String(format: "%.6g", $0) } ?? "null" }
}

/// What a system did on one question: its timings (seconds), its last answer, or why it has none.
struct QueryTiming: Sendable {
    var seconds: [Double] = []
    var answer: QueryAnswer?
    /// "timeout", "not run: …", "failed: …".
    var failure: String?

    var median: Double? {
        guard !seconds.isEmpty else { return nil }
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
