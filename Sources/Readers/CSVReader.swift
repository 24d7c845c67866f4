import GraphModel

/// Streams the records of a delimited text file (CSV, semicolon or tab separated, SAP and SQL
/// Server style exports) with the line and column of everything it reports.
///
/// The file is read in 256 KiB chunks and scanned as UTF-8 bytes (UTF-16 and Windows-1252
/// chunks are transcoded first); strings are built only for finished fields. Memory stays
/// constant in the file size: it follows the largest record.
///
/// ```swift
/// let reader = try CSVReader(path: "mara.csv", dialect: dialect)
/// while let row = try reader.next() {
///     switch row {
///     case .record(let record): use(record.fields)
///     case .malformed(let bad): reject(bad.location, bad.reason)
///     }
/// }
/// ```
public final class CSVReader {
    /// Column names, from the header or from `dialect.columns`.
    public let columns: [String]
    /// The name used in locations (`displayPath`, or the path as given).
    public let file: String

    var scanner: CSVScanner
    let header: Bool
    let locator: FieldLocator
    let nullTokens: [[UInt8]]
    let emptyIsNull: Bool
    let trim: Bool
    /// A trailing delimiter ended the header, so records may carry one extra empty field.
    let trailingDelimiter: Bool
    var number = 0
    /// Reused for unescaping doubled quotes.
    var scratch: [UInt8] = []

    /// Opens the file and reads the header. Throws `ReaderError` for a missing or unreadable
    /// file, a dialect that makes no sense, a file without the expected header, duplicate or
    /// empty header names, and undecodable bytes in the header, with `file:line:column`.
    public init(path: String, dialect: CSVDialect, displayPath: String? = nil) throws(ReaderError) {
        let file = displayPath ?? path
        self.file = file
        let settings = try CSVReader.validate(dialect, file: file)
        let input = try FileInput(path: path, displayPath: file)
        scanner = CSVScanner(input: input, delimiter: settings.delimiter, terminator: settings.terminator,
                             quote: settings.quote, trim: dialect.trimFields)
        header = dialect.header
        locator = FieldLocator(delimiter: settings.delimiter, quote: settings.quote)
        nullTokens = dialect.nullValues.filter { !$0.isEmpty }.map { Array($0.utf8) }
        emptyIsNull = dialect.nullValues.contains("")
        trim = dialect.trimFields
        try scanner.start(declared: dialect.encoding)
        for skipped in 0..<dialect.skipLines {
            guard try scanner.skipLine() else {
                if dialect.header {
                    throw ReaderError("the file has \(skipped) line\(skipped == 1 ? "" : "s"), fewer than the \(dialect.skipLines) to skip before the header",
                                      at: SourceLocation(file: file, line: scanner.line))
                }
                break
            }
        }
        if dialect.header {
            (columns, trailingDelimiter) = try CSVReader.readHeader(&scanner, file: file, trim: dialect.trimFields,
                                                                    expected: dialect.columns)
        } else {
            columns = settings.columns
            trailingDelimiter = false
        }
    }

    /// The SHA-256 of the file's bytes (64 lower-case hex digits), computed while reading:
    /// call after the last record; any unread rest of the file is read first. Call once.
    public func contentHash() throws(ReaderError) -> String {
        try scanner.input.finishDigest()
    }

    /// Bytes read from the file so far (in chunks; for progress reporting).
    public var bytesRead: Int64 { scanner.input.bytesRead }

    /// The next record or malformed row; nil at end of file.
    public func next() throws(ReaderError) -> CSVRow? {
        let outcome = try scanner.nextRecord()
        switch outcome {
        case .endOfFile, .needMore:
            return nil
        case .malformed(let position, let reason):
            number += 1
            return .malformed(malformed(scanner, at: position, reason: reason, number: number))
        case .record:
            number += 1
            return record(scanner, number: number)
        }
    }

    // MARK: - Records

    private func record(_ s: borrowing CSVScanner, number: Int) -> CSVRow {
        let p = s.buffer.base
        if !UTF8Bytes.isASCII(p, from: s.recordStart, to: s.recordEnd),
           let bad = UTF8Bytes.firstInvalidByte(p, from: s.recordStart, to: s.recordEnd) {
            let reason = s.issue(at: bad) ?? "byte \(hex(p[bad])) is not valid UTF-8"
            return .malformed(malformed(s, at: bad, reason: reason, number: number))
        }
        var count = s.fieldCount
        if trailingDelimiter && count == columns.count + 1 {
            let k = 3 * columns.count
            if s.spans[k + 2] == 0 && s.spans[k] == s.spans[k + 1] { count -= 1 }
        }
        if count != columns.count {
            let position = count > columns.count ? s.spans[3 * columns.count] : s.recordEnd
            let fields = count == 1 ? "1 field" : "\(count) fields"
            let expected = header ? "the header has \(columns.count)" : "expected \(columns.count) columns"
            return .malformed(malformed(s, at: position, reason: "row has \(fields), \(expected)", number: number))
        }
        var fields = [String?]()
        fields.reserveCapacity(count)
        let quote = s.quote
        for k in 0..<count {
            fields.append(value(p, start: s.spans[3 * k], end: s.spans[3 * k + 1], flags: s.spans[3 * k + 2], quote: quote))
        }
        return .record(CSVRecord(fields: fields, line: s.recordLine, number: number,
                                 rawText: rawText(s), startColumn: s.recordColumn, locator: locator))
    }

    @inline(__always)
    private func value(_ p: UnsafeMutablePointer<UInt8>, start: Int, end: Int, flags: Int, quote: UInt8?) -> String? {
        if flags & CSVScanner.quotedFlag != 0 {
            if flags & CSVScanner.escapedFlag != 0 { return unescaped(p, start: start, end: end, quote: quote ?? 0) }
            return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        }
        var start = start, end = end
        if trim {
            while start < end && p[start] == ASCII.space { start += 1 }
            while end > start && p[end - 1] == ASCII.space { end -= 1 }
        }
        let length = end - start
        if length == 0 { return emptyIsNull ? nil : "" }
        for token in nullTokens where token.count == length {
            if token.withUnsafeBufferPointer({ memoryEqual($0.baseAddress, p + start, length) }) { return nil }
        }
        return String(decoding: UnsafeBufferPointer(start: p + start, count: length), as: UTF8.self)
    }

    /// A quoted field's text with each doubled quote made single.
    private func unescaped(_ p: UnsafeMutablePointer<UInt8>, start: Int, end: Int, quote: UInt8) -> String {
        scratch.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let byte = p[i]
            scratch.append(byte)
            i += byte == quote ? 2 : 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The record's text as read, capped at 4096 characters.
    func rawText(_ s: borrowing CSVScanner) -> String {
        let p = s.buffer.base
        var end = s.recordEnd
        if end - s.recordStart > 4096 {
            end = UTF8Bytes.offset(afterScalars: 4096, p, from: s.recordStart, to: end)
        }
        return String(decoding: UnsafeBufferPointer(start: p + s.recordStart, count: end - s.recordStart), as: UTF8.self)
    }

    private func malformed(_ s: borrowing CSVScanner, at position: Int, reason: String, number: Int) -> MalformedRow {
        let (line, column) = s.locate(position)
        return MalformedRow(location: SourceLocation(file: file, line: line, column: column, record: number),
                            reason: reason, rawText: rawText(s), number: number)
    }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    guard let a else { return count == 0 }
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
