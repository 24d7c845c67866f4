import GraphModel

/// Checking the dialect and reading the header line.
extension CSVReader {
    struct Settings {
        var delimiter: [UInt8]
        var terminator: [UInt8]?
        var quote: UInt8?
        var columns: [String]
    }

    /// Turns the dialect into bytes, refusing settings the scanner cannot honour.
    static func validate(_ dialect: CSVDialect, file: String) throws(ReaderError) -> Settings {
        func fail(_ message: String) -> ReaderError { ReaderError(message, file: file) }
        let delimiter = Array(dialect.delimiter.utf8)
        guard !delimiter.isEmpty else { throw fail("the delimiter is empty") }
        var quote: UInt8?
        if let q = dialect.quote {
            guard let ascii = q.asciiValue, q.isASCII, ascii != ASCII.lf, ascii != ASCII.cr else {
                throw fail("the quote character must be a single ASCII character other than a line break, not '\(q)'")
            }
            guard !delimiter.contains(ascii) else { throw fail("the delimiter contains the quote character '\(q)'") }
            quote = ascii
        }
        if delimiter.contains(ASCII.lf) || delimiter.contains(ASCII.cr) {
            throw fail("the delimiter must not contain a line break")
        }
        var terminator: [UInt8]?
        if let text = dialect.rowTerminator {
            let bytes = Array(text.utf8)
            guard !bytes.isEmpty else { throw fail("the row terminator is empty") }
            if let quote, bytes.contains(quote) { throw fail("the row terminator contains the quote character") }
            if bytes.starts(with: delimiter) { throw fail("the row terminator starts with the delimiter") }
            terminator = bytes
        }
        guard dialect.skipLines >= 0 else { throw fail("skip-lines must not be negative") }
        var columns: [String] = []
        if !dialect.header {
            guard let names = dialect.columns, !names.isEmpty else {
                throw fail("header is false, so the column names must be given (columns)")
            }
            var seen = Set<String>()
            for name in names {
                guard !name.isEmpty else { throw fail("a column name is empty") }
                guard seen.insert(name).inserted else { throw fail("duplicate column name '\(name)'") }
            }
            columns = names
        }
        return Settings(delimiter: delimiter, terminator: terminator, quote: quote, columns: columns)
    }

    /// Reads the header record; returns the names and whether a trailing delimiter ended it.
    static func readHeader(_ scanner: inout CSVScanner, file: String, trim: Bool,
                           expected: [String]?) throws(ReaderError) -> ([String], Bool) {
        func at(_ position: Int) -> SourceLocation {
            let (line, column) = scanner.locate(position)
            return SourceLocation(file: file, line: line, column: column)
        }
        switch try scanner.nextRecord() {
        case .endOfFile, .needMore:
            throw ReaderError("the file is empty; expected a header line naming the columns",
                              at: SourceLocation(file: file, line: scanner.line, column: scanner.column))
        case .malformed(let position, let reason):
            throw ReaderError("header: \(reason)", at: at(position))
        case .record:
            break
        }
        let p = scanner.buffer.base
        if let bad = UTF8Bytes.firstInvalidByte(p, from: scanner.recordStart, to: scanner.recordEnd) {
            let reason = scanner.issue(at: bad) ?? "byte \(hex(p[bad])) is not valid UTF-8"
            throw ReaderError("header: \(reason)", at: at(bad))
        }
        var names: [String] = []
        var starts: [Int] = []
        for k in 0..<scanner.fieldCount {
            var start = scanner.spans[3 * k], end = scanner.spans[3 * k + 1]
            let flags = scanner.spans[3 * k + 2]
            if flags & CSVScanner.quotedFlag == 0 && trim {
                while start < end && p[start] == ASCII.space { start += 1 }
                while end > start && p[end - 1] == ASCII.space { end -= 1 }
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(end - start)
            var i = start
            while i < end {
                bytes.append(p[i])
                i += (flags & CSVScanner.escapedFlag != 0 && p[i] == scanner.quote) ? 2 : 1
            }
            let name = String(decoding: bytes, as: UTF8.self)
            names.append(name)
            starts.append(flags & CSVScanner.quotedFlag != 0 ? start - 1 : scanner.spans[3 * k])
        }
        var trailing = false
        if names.count > 1, names.last == "", scanner.spans[3 * names.count - 1] == 0 {
            names.removeLast()
            trailing = true
        }
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            if name.isEmpty { throw ReaderError("header: column \(k + 1) has an empty name", at: at(starts[k])) }
            if let first = seen[name] {
                throw ReaderError("header: duplicate column name '\(name)' (also column \(first + 1))", at: at(starts[k]))
            }
            seen[name] = k
        }
        if let expected, expected != names {
            let location = SourceLocation(file: file, line: scanner.recordLine, column: scanner.recordColumn)
            if let k = zip(expected, names).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                throw ReaderError("header: column \(k + 1) is '\(names[k])', the mapping expects '\(expected[k])'", at: at(starts[k]))
            }
            throw ReaderError("header: the file has \(names.count) columns, the mapping expects \(expected.count)", at: location)
        }
        return (names, trailing)
    }
}
