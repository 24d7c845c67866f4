/// "Did you mean …?" for names a person typed: mapping keys, column names, labels, properties.
///
/// Distance is the optimal string alignment distance (insertions, deletions, substitutions and
/// swaps of two neighbouring characters each cost 1), compared without regard to case, so
/// `trasnforms` → `transforms` and `matnr` → `MATNR` are both close. A candidate is offered only
/// when it is close relative to the length of the word: at most one edit for short words,
/// about one edit per three characters for longer ones.
public enum Suggestions {
    /// The candidate closest to `word`, or nil when none is close enough (or `word` itself is
    /// a candidate). Ties go to the candidate listed first.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            let limit = threshold(min(target.count, other.count))
            if abs(other.count - target.count) > limit { continue }
            let d = distance(target, other)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// The edit distance between two strings (see the type's documentation), case-sensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// `" (did you mean 'x'?)"` or the empty string, ready to append to a message.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func threshold(_ length: Int) -> Int {
        max(1, length / 3)
    }

    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows: the one before the previous (for swaps), the previous, the current.
        var older = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, older[j - 2] + 1)
                }
                current[j] = d
            }
            (older, previous, current) = (previous, current, older)
        }
        return previous[b.count]
    }
}
