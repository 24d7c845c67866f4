import GraphModel

/// What `CSVReader.next()` yields: a record, or a row that could not be read (the reader goes on).
public enum CSVRow: Sendable {
    case record(CSVRecord)
    case malformed(MalformedRow)
}

/// One data record: a value per column, where it came from, and its text as read.
public struct CSVRecord: Sendable {
    /// One value per column (`fields.count == columns.count`); nil for a null value.
    public var fields: [String?]
    /// The physical 1-based line the record starts on.
    public var line: Int
    /// The 1-based data record number (header, skipped and empty lines not counted).
    public var number: Int
    /// The record's decoded text without its terminator, capped at 4096 characters.
    public var rawText: String
    /// Column (in characters) the record starts at: 1 unless a row terminator without a line
    /// break puts several records on one line.
    var startColumn: Int
    let locator: FieldLocator

    /// A record built by hand (tests, other readers); field positions assume the given dialect.
    public init(fields: [String?], line: Int, number: Int, rawText: String, dialect: CSVDialect = CSVDialect()) {
        self.init(fields: fields, line: line, number: number, rawText: rawText, startColumn: 1,
                  locator: FieldLocator(dialect: dialect))
    }

    init(fields: [String?], line: Int, number: Int, rawText: String, startColumn: Int, locator: FieldLocator) {
        self.fields = fields
        self.line = line
        self.number = number
        self.rawText = rawText
        self.startColumn = startColumn
        self.locator = locator
    }

    /// `file:line` of the record, with its record number.
    public func location(file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, record: number)
    }

    /// Line and column (1-based, in characters) where field `index` starts: at its opening
    /// quote when quoted. Fields can start on a later line than the record when an earlier
    /// quoted field spans lines. Without a column when the field lies beyond the 4096
    /// characters kept in `rawText`.
    public func location(ofField index: Int, file: String) -> SourceLocation {
        guard let (line, column) = locator.position(ofField: index, in: rawText, line: line, column: startColumn) else {
            return location(file: file)
        }
        return SourceLocation(file: file, line: line, column: column, record: number)
    }
}

/// A row the reader could not split into fields, with the reason and where the problem is.
public struct MalformedRow: Sendable {
    /// Line and column of the problem (e.g. the stray quote, the undecodable byte).
    public var location: SourceLocation
    /// `row has 5 fields, the header has 6`, `byte 0xFF is not valid UTF-8`, …
    public var reason: String
    /// The row's text as read, capped at 4096 characters (undecodable bytes shown as U+FFFD).
    public var rawText: String
    /// The 1-based data record number this row would have had.
    public var number: Int

    public init(location: SourceLocation, reason: String, rawText: String, number: Int) {
        self.location = location
        self.reason = reason
        self.rawText = rawText
        self.number = number
    }
}

/// Finds where a field starts by rescanning a record's raw text; used only when a location
/// is asked for (rejects), so records do not carry per-field positions.
final class FieldLocator: Sendable {
    let delimiter: [UInt8]
    let quote: UInt8?

    init(delimiter: [UInt8], quote: UInt8?) {
        self.delimiter = delimiter
        self.quote = quote
    }

    convenience init(dialect: CSVDialect) {
        let quote = dialect.quote.flatMap { $0.isASCII ? $0.asciiValue : nil }
        self.init(delimiter: Array(dialect.delimiter.utf8), quote: quote)
    }

    func position(ofField index: Int, in text: String, line: Int, column: Int) -> (Int, Int)? {
        if index == 0 { return (line, column) }
        guard index > 0, !delimiter.isEmpty else { return nil }
        let bytes = Array(text.utf8)
        var line = line, column = column
        var field = 0
        var inQuotes = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if let quote, byte == quote {
                inQuotes.toggle()
            } else if !inQuotes && byte == delimiter[0] && bytes[i...].starts(with: delimiter) {
                field += 1
                for b in delimiter where b & 0xC0 != 0x80 { column += 1 }
                i += delimiter.count
                if field == index { return (line, column) }
                continue
            }
            if byte == ASCII.lf || (byte == ASCII.cr && (i + 1 == bytes.count || bytes[i + 1] != ASCII.lf)) {
                line += 1
                column = 1
            } else if byte != ASCII.cr && byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return nil
    }
}
