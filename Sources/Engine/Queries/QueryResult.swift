import Foundation
import GraphModel

/// The rows a query returned, ready to print in the format the user chose.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    /// More rows existed than `--max-rows` let through.
    public var truncated: Bool
    public var seconds: Double

    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json, jsonl, markdown
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .table: table()
        case .csv: csv()
        case .json: JSONText.array(rows.map(object)) + "\n"
        case .jsonl: rows.map { object($0) + "\n" }.joined()
        case .markdown: markdown()
        }
    }

    /// The summary line a person sees after a table: row count, cut-off, time.
    public var summary: String {
        let count = "\(rows.count) row\(rows.count == 1 ? "" : "s")"
        let cut = truncated ? " (more rows exist: raise --max-rows)" : ""
        return "\(count)\(cut), \(String(format: "%.3f", seconds)) s"
    }

    private func table() -> String {
        var table = TextTable(columns, numeric: Set(columns.indices.filter { column in
            rows.contains { !$0[column].isNull } && rows.allSatisfy { Self.isNumber($0[column]) || $0[column].isNull }
        }))
        for row in rows { table.add(row.map(Self.text)) }
        return table.render() + summary + "\n"
    }

    private func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var out = columns.map(field).joined(separator: ",") + "\n"
        for row in rows { out += row.map { $0.isNull ? "" : field(Self.text($0)) }.joined(separator: ",") + "\n" }
        return out
    }

    private func markdown() -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = "| " + columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + columns.indices.map { _ in "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.map { cell(Self.text($0)) }.joined(separator: " | ") + " |\n" }
        return out
    }

    private func object(_ row: [Value]) -> String {
        JSONText.object(zip(columns, row).map { ($0, Self.json($1)) })
    }

    static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .integer, .float, .decimal: true
        default: false
        }
    }

    /// A value as a cell of a table or CSV: `null` shown as empty text in CSV, as `null` in tables.
    static func text(_ value: Value) -> String { value.description }

    /// A value as JSON: numbers as numbers (decimals keep their digits), dates as strings,
    /// and text that already is a JSON list or object (collect(), whole nodes) embedded as JSON.
    static func json(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .integer(let i): return String(i)
        case .float(let d): return d.isFinite ? String(d) : "null"
        case .decimal(let d): return d.description
        case .boolean(let b): return b ? "true" : "false"
        case .date, .datetime: return JSONText.string(value.description)
        case .string(let s):
            if let first = s.first, first == "[" || first == "{",
               (try? JSONSerialization.jsonObject(with: Data(s.utf8), options: [.fragmentsAllowed])) != nil {
                return s
            }
            return JSONText.string(s)
        }
    }
}
