import Engine
import GraphModel

/// Prints query results as an aligned table fitted to the terminal's width: when the natural
/// widths do not fit, the widest text columns are narrowed first and their long cells end in `…`
/// (csv and json output always carry the full values). Numbers are right-aligned and never cut
/// (a cut number reads as another number); `null` is dim. When even narrowed columns cannot fit,
/// each row is printed as a record, one `column  value` line per column (`RecordPrinter`).
struct TablePrinter {
    var style: TerminalStyle
    /// The least width a narrowed column keeps (narrower cells say too little: records instead).
    static let minimumColumnWidth = 8
    static let separator = "  "

    func render(_ result: QueryResult) -> String {
        let cells = result.rows.map { $0.map(Self.cellText) }
        let numeric = result.columns.indices.map { column in
            result.rows.contains { !$0[column].isNull } && result.rows.allSatisfy { Self.isNumber($0[column]) || $0[column].isNull }
        }
        var widths = result.columns.map(\.count)
        for row in cells {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) }
        }
        if let width = style.width {
            guard let fitted = Self.fit(widths, into: width, keep: numeric) else {
                return RecordPrinter(style: style, width: width).render(result, cells: cells)
            }
            widths = fitted
        }

        func line(_ row: [String], isHeader: Bool, nulls: [Bool]) -> String {
            var parts: [String] = []
            for (column, cell) in row.enumerated() {
                let text = Self.cut(cell, to: widths[column])
                let pad = String(repeating: " ", count: max(0, widths[column] - text.count))
                var shown = text
                if isHeader { shown = style.bold(text) } else if nulls[column] { shown = style.dim(text) }
                let last = column == row.count - 1
                parts.append(numeric[column] && !isHeader ? pad + shown : (last ? shown : shown + pad))
            }
            return parts.joined(separator: Self.separator)
        }
        var out = line(result.columns, isHeader: true, nulls: []) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: Self.separator) + "\n"
        for (index, row) in cells.enumerated() {
            out += line(row, isHeader: false, nulls: result.rows[index].map(\.isNull)) + "\n"
        }
        return out
    }

    /// The line after a result: row count, a note when `:max-rows` cut it, the time.
    func summary(_ result: QueryResult, timing: Bool) -> String {
        var text = "\(result.rows.count) row\(result.rows.count == 1 ? "" : "s")"
        if result.truncated { text += " (more exist: raise :max-rows)" }
        if timing { text += ", " + Self.seconds(result.seconds) }
        return style.dim(text)
    }

    static func seconds(_ seconds: Double) -> String {
        let milliseconds = (seconds * 1000).rounded()
        return seconds < 1 ? "\(Int(milliseconds)) ms" : "\(Double(Int(seconds * 100)) / 100) s"
    }

    /// Column widths that fit `total` columns: the `keep` columns (numbers) keep their width, every
    /// other column wider than a common cap is cut to it, the cap chosen as large as fits. Nil when
    /// even the minimum width does not fit (the rows are then printed as records).
    static func fit(_ natural: [Int], into total: Int, keep: [Bool] = []) -> [Int]? {
        guard !natural.isEmpty else { return natural }
        let available = total - separator.count * (natural.count - 1)
        func kept(_ index: Int) -> Bool { index < keep.count && keep[index] }
        func width(cap: Int) -> Int {
            natural.indices.reduce(0) { $0 + (kept($1) ? natural[$1] : min(natural[$1], cap)) }
        }
        guard width(cap: Int.max) > available else { return natural }
        var low = minimumColumnWidth, high = natural.max() ?? minimumColumnWidth
        guard width(cap: low) <= available else { return nil }
        while low < high {
            let middle = (low + high + 1) / 2
            if width(cap: middle) <= available { low = middle } else { high = middle - 1 }
        }
        var widths = natural.indices.map { kept($0) ? natural[$0] : min(natural[$0], low) }
        // Give the columns that were cut what is left, left to right.
        var spare = available - widths.reduce(0, +)
        for index in widths.indices where spare > 0 && natural[index] > widths[index] {
            let extra = min(spare, natural[index] - widths[index])
            widths[index] += extra
            spare -= extra
        }
        return widths
    }

    /// `text` in at most `width` characters, ending in `…` when cut.
    static func cut(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// A value as one table cell: control characters that would break the layout become visible.
    static func cellText(_ value: Value) -> String {
        let text = value.description
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "↵").replacingOccurrences(of: "\n", with: "↵")
            .replacingOccurrences(of: "\r", with: "↵").replacingOccurrences(of: "\t", with: " ")
    }

    static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .integer, .float, .decimal: true
        default: false
        }
    }
}
