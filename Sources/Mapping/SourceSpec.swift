import GraphModel
import Yams

/// The dialect of the export a mapping reads, as plain values: the importer hands these to
/// the CSV reader (the Mapping module does not know the reader).
///
/// `trim` and `nullValues` are applied by the reader, which knows whether a field was quoted:
/// the mapper receives an unquoted field that is one of `nullValues` as `nil`.
public struct SourceSpec: Sendable, Hashable {
    /// The encodings a mapping may name.
    public static let encodings = ["utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252"]
    public static let formats = ["csv"]

    /// `csv` (the only format for now).
    public var format: String
    /// One of `encodings`; a UTF-8 BOM is skipped, a UTF-16 BOM always wins over `utf-8`.
    public var encoding: String
    /// One or more characters separating fields: `,` `;` `\t` `+|`.
    public var delimiter: String
    /// Text ending a record; nil means a line ending (`\n`, `\r\n` or `\r`).
    public var rowTerminator: String?
    /// The quote character; nil when quoting is off (`quote: none`).
    public var quote: Character?
    /// Whether the first line (after `skipLines`) names the columns.
    public var header: Bool
    /// Column names given in the mapping. With `header: false` they name the fields; with
    /// `header: true` they replace the header's names (the header line is still skipped).
    public var columns: [String]?
    /// Physical lines to skip before the header or the data.
    public var skipLines: Int
    /// Unquoted field values read as null (the reader passes them as `nil`).
    public var nullValues: [String]
    /// Whether the reader strips padding spaces of unquoted fields.
    public var trim: Bool
    /// Whether numbers use `,` as the decimal separator and `.` for grouping. The mapper
    /// applies it to integer, float and decimal values; an expression may override it.
    public var decimalComma: Bool

    public init(format: String = "csv", encoding: String = "utf-8", delimiter: String = ",",
                rowTerminator: String? = nil, quote: Character? = "\"", header: Bool = true,
                columns: [String]? = nil, skipLines: Int = 0, nullValues: [String] = [""],
                trim: Bool = false, decimalComma: Bool = false) {
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowTerminator = rowTerminator
        self.quote = quote
        self.header = header
        self.columns = columns
        self.skipLines = skipLines
        self.nullValues = nullValues
        self.trim = trim
        self.decimalComma = decimalComma
    }

    static let keys = ["format", "encoding", "delimiter", "row-terminator", "quote", "header", "columns",
                       "skip-lines", "null-values", "trim", "decimal-comma"]
}

extension SourceSpec {
    /// Reads the `source:` map; every problem is recorded in `reader`.
    static func read(_ node: Node?, _ reader: inout YAMLReader) -> SourceSpec {
        var spec = SourceSpec()
        guard let node, !YAMLReader.isNull(node) else { return spec }
        guard let e = reader.entries(node, "source", allowed: keys) else { return spec }
        if let n = e["format"], let f = reader.name(n, "format") {
            if formats.contains(f.lowercased()) {
                spec.format = f.lowercased()
            } else {
                reader.error("unsupported format '\(f)' (only \(formats.joined(separator: ", ")) for now)", at: n)
            }
        }
        if let n = e["encoding"], let f = reader.name(n, "encoding") {
            let lower = f.lowercased()
            let aliases = ["utf8": "utf-8", "utf16": "utf-16", "utf16le": "utf-16le", "utf16be": "utf-16be",
                           "cp1252": "windows-1252"]
            if encodings.contains(lower) {
                spec.encoding = lower
            } else if let alias = aliases[lower] {
                spec.encoding = alias
            } else {
                let near = Suggestions.closest(to: lower, in: encodings + aliases.keys.sorted())
                let hint = near.map { " (did you mean '\(aliases[$0] ?? $0)'?)" } ?? ""
                reader.error("unknown encoding '\(f)'\(hint); "
                             + "use one of \(encodings.joined(separator: ", "))", at: n)
            }
        }
        if let n = e["delimiter"], let d = reader.text(n, "delimiter") {
            if d.isEmpty { reader.error("delimiter must not be empty", at: n) } else { spec.delimiter = d }
        }
        if let n = e["row-terminator"], let t = reader.text(n, "row-terminator") {
            if t.isEmpty { reader.error("row-terminator must not be empty", at: n) } else { spec.rowTerminator = t }
        }
        if let n = e["quote"], let q = reader.text(n, "quote") {
            if q == "none" || YAMLReader.isNull(n) {
                spec.quote = nil
            } else if q.count == 1, let c = q.first {
                spec.quote = c
            } else {
                reader.error("quote must be one character or none, found '\(q)'", at: n)
            }
        }
        if let n = e["header"], let b = reader.bool(n, "header") { spec.header = b }
        if let n = e["columns"], let c = reader.texts(n, "columns") {
            if c.isEmpty { reader.error("columns must name at least one column", at: n) } else { spec.columns = c }
            var seen: Set<String> = []
            for name in c where !seen.insert(name).inserted {
                reader.error("column '\(name)' is listed twice in columns", at: n)
            }
        }
        if let n = e["skip-lines"], let k = reader.integer(n, "skip-lines") { spec.skipLines = k }
        if let n = e["null-values"], let v = reader.texts(n, "null-values") { spec.nullValues = v }
        if let n = e["trim"], let b = reader.bool(n, "trim") { spec.trim = b }
        if let n = e["decimal-comma"], let b = reader.bool(n, "decimal-comma") { spec.decimalComma = b }
        if !spec.header && spec.columns == nil && !e.has("columns") {
            reader.error("source has header: false, so it needs columns: [NAME, ...] to name the fields",
                         at: e.keyNode("header"))
        }
        return spec
    }

    /// One line for `loom mapping check`: `csv, utf-8, delimiter ';', header, …`.
    var summaryLine: String {
        var parts = [format, encoding, "delimiter \(SourceSpec.show(delimiter))"]
        if let rowTerminator { parts.append("row terminator \(SourceSpec.show(rowTerminator))") }
        parts.append(quote.map { "quote \(SourceSpec.show(String($0)))" } ?? "no quoting")
        parts.append(header ? "header line" : "no header line")
        if let columns { parts.append("columns \(columns.joined(separator: ", "))") }
        if skipLines > 0 { parts.append("skip \(skipLines) line\(skipLines == 1 ? "" : "s")") }
        parts.append("null values " + (nullValues.isEmpty ? "none" : nullValues.map { SourceSpec.show($0) }.joined(separator: " ")))
        if trim { parts.append("trim") }
        if decimalComma { parts.append("decimal comma") }
        return parts.joined(separator: ", ")
    }

    static func show(_ text: String) -> String {
        var out = "'"
        for c in text.unicodeScalars {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "'"
    }
}
