import Engine
import GraphModel

/// A result too wide for the terminal even with its columns narrowed: each row as a record,
/// one line per column with the column's name and the value, cut with `…` to the width.
///
///     -[ row 1 ]-----------------------
///     p.number       100428
///     p.description  Rillenkugellager 6…
struct RecordPrinter {
    var style: TerminalStyle
    var width: Int

    /// `cells`: the rows' values as table cells (`TablePrinter.cellText`).
    func render(_ result: QueryResult, cells: [[String]]) -> String {
        let longestName = result.columns.map(\.count).max() ?? 0
        let nameWidth = min(longestName, max(TablePrinter.minimumColumnWidth, (width - TablePrinter.separator.count) / 3))
        let valueWidth = max(1, width - nameWidth - TablePrinter.separator.count)
        guard !cells.isEmpty else {
            return TablePrinter.cut(result.columns.joined(separator: TablePrinter.separator), to: width) + "\n"
        }
        var out = ""
        for (index, row) in cells.enumerated() {
            let title = "-[ row \(index + 1) ]"
            out += title + String(repeating: "-", count: max(0, min(width, 40) - title.count)) + "\n"
            for (column, cell) in row.enumerated() where column < result.columns.count {
                let name = TablePrinter.cut(result.columns[column], to: nameWidth)
                let pad = String(repeating: " ", count: nameWidth - name.count)
                let value = TablePrinter.cut(cell, to: valueWidth)
                let shown = result.rows[index][column].isNull ? style.dim(value) : value
                out += style.bold(name) + pad + TablePrinter.separator + shown + "\n"
            }
        }
        return out
    }
}
