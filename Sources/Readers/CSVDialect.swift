/// How a delimited text export is written: encoding, delimiter, row terminator, quoting,
/// header, and which unquoted values mean "no value". Mirrors the `source:` section of a
/// mapping file (docs/mapping.md).
///
/// Choices worth knowing:
/// - A byte order mark always wins over the declared encoding (a UTF-16 file saved by Excel
///   or SQL Server is read correctly even when the mapping says `utf-8`); `.utf16` requires one.
/// - `header == true` with `columns` set: the header must name exactly these columns, in this
///   order, otherwise the reader refuses the file (catches a wrong file handed to a mapping).
/// - A trailing delimiter after the last header name (`MANDT;MATNR;`, common in SAP exports)
///   is ignored, and records may then carry one trailing empty field as well.
/// - Lines with no characters at all between two row terminators are skipped.
/// - In `rowTerminator`, a `\n` also matches `\r\n`, so `"&|\n"` reads files written on Windows,
///   and the last record may end with the terminator minus its line break (`x&|` at end of file).
public struct CSVDialect: Sendable, Hashable {
    /// The text encoding of the file.
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        /// UTF-16 with a byte order mark giving the byte order.
        case utf16 = "utf-16"
        case utf16LE = "utf-16le"
        case utf16BE = "utf-16be"
        case windows1252 = "windows-1252"
    }

    /// Declared encoding; a BOM (UTF-8, UTF-16 LE/BE) is detected, skipped, and wins.
    public var encoding: Encoding = .utf8
    /// Field separator: one or more characters, e.g. `,` `;` `\t` or `+|`.
    public var delimiter: String = ","
    /// nil: a line ending (`\n`, `\r\n` or `\r`) ends a record; else this exact sequence does
    /// (e.g. `"&|\n"`), and line endings inside fields are data.
    public var rowTerminator: String? = nil
    /// The quote character (ASCII); nil turns quoting off.
    public var quote: Character? = "\""
    /// The first line (after `skipLines`) names the columns.
    public var header: Bool = true
    /// Column names when `header == false` (required then). With a header: the names it must have.
    public var columns: [String]? = nil
    /// Physical lines skipped before the header or the first record.
    public var skipLines: Int = 0
    /// Unquoted field values read as nil. A quoted empty field (`""`) is an empty string.
    public var nullValues: Set<String> = [""]
    /// Strip leading and trailing spaces of unquoted fields (fixed-width padding `'EA  '`);
    /// spaces around a quoted field are allowed then too (`a, "b" ,c`).
    public var trimFields: Bool = false

    public init() {}

    public init(encoding: Encoding = .utf8, delimiter: String = ",", rowTerminator: String? = nil,
                quote: Character? = "\"", header: Bool = true, columns: [String]? = nil,
                skipLines: Int = 0, nullValues: Set<String> = [""], trimFields: Bool = false) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowTerminator = rowTerminator
        self.quote = quote
        self.header = header
        self.columns = columns
        self.skipLines = skipLines
        self.nullValues = nullValues
        self.trimFields = trimFields
    }
}
