/// Finds record and field boundaries in the UTF-8 bytes of a delimited file. It owns the file,
/// the decoded byte window and the line/column of the window's start; `CSVReader` turns what
/// it finds into strings. Everything is bytes: no `Character` work happens here.
///
/// A scan that reaches the end of the window before the record is complete reports
/// `.needMore`; the window is then refilled and the record scanned again from its start
/// (once per chunk, so the cost is negligible), which keeps the scan free of resumable state.
struct CSVScanner: ~Copyable {
    enum Outcome {
        case record
        /// A record that cannot be read; `position` is where the problem is (a window offset).
        case malformed(position: Int, reason: String)
        case endOfFile
        case needMore
    }

    // MARK: - Configuration

    let delimiter: [UInt8]
    /// nil: `\n`, `\r\n` or `\r`.
    let terminator: [UInt8]?
    let terminatorNewlines: Int
    let quote: UInt8?
    let trim: Bool
    // Scalars of the above for the hot loop (no array access or retain per record).
    let hasQuote: Bool
    let quoteByte: UInt8
    let delimiterFirst: UInt8
    let delimiterCount: Int
    let customTerminator: Bool
    let terminatorFirst: UInt8
    /// Bytes that stop the scan of an unquoted field: the delimiter's first byte, the quote,
    /// line-ending bytes and the terminator's first byte.
    let unquotedStops: UnsafeMutablePointer<Bool>
    /// Bytes that stop the scan of a quoted field: the quote and line-ending bytes.
    let quotedStops: UnsafeMutablePointer<Bool>

    // MARK: - Input

    let input: FileInput
    var buffer: ByteBuffer
    var transcoder: Transcoder?
    /// Raw bytes awaiting transcoding (allocated only for UTF-16 and Windows-1252).
    private var raw: UnsafeMutableRawBufferPointer?
    /// Undecodable input found by the transcoder, in stream order, not yet passed.
    var issues: [EncodingIssue] = []
    /// No more input: the window's end is the end of the file.
    var eof = false

    // MARK: - Position

    /// Line and column of `buffer.start`.
    var line = 1
    var column = 1

    // MARK: - The last scanned record

    /// Triples (start, end, flags) per field, as window offsets; flags: `quotedFlag`, `escapedFlag`.
    var spans = FieldSpans()
    static let quotedFlag = 1
    static let escapedFlag = 2
    var recordStart = 0
    /// End of the record's text (before its terminator).
    var recordEnd = 0
    /// Where the next record starts (after the terminator).
    var nextStart = 0
    var recordLine = 1
    var recordColumn = 1
    /// Line breaks from the record start to `nextStart`.
    var recordNewlines = 0
    /// A scanned record is waiting to be consumed by `advance()`.
    private var pending = false

    var fieldCount: Int { spans.fieldCount }

    init(input: FileInput, delimiter: [UInt8], terminator: [UInt8]?, quote: UInt8?, trim: Bool) {
        self.input = input
        self.delimiter = delimiter
        self.terminator = terminator
        self.quote = quote
        self.trim = trim
        hasQuote = quote != nil
        quoteByte = quote ?? 0
        delimiterFirst = delimiter[0]
        delimiterCount = delimiter.count
        customTerminator = terminator != nil
        terminatorFirst = terminator?.first ?? ASCII.lf
        terminatorNewlines = terminator.map(CSVScanner.lineBreaks) ?? 1
        buffer = ByteBuffer(capacity: 2 * FileInput.chunkSize)
        unquotedStops = .allocate(capacity: 256)
        unquotedStops.initialize(repeating: false, count: 256)
        quotedStops = .allocate(capacity: 256)
        quotedStops.initialize(repeating: false, count: 256)
        for byte: UInt8 in [ASCII.lf, ASCII.cr] {
            unquotedStops[Int(byte)] = true
            quotedStops[Int(byte)] = true
        }
        unquotedStops[Int(delimiter[0])] = true
        if let first = terminator?.first { unquotedStops[Int(first)] = true }
        if let quote {
            unquotedStops[Int(quote)] = true
            quotedStops[Int(quote)] = true
        }
    }

    deinit {
        unquotedStops.deallocate()
        quotedStops.deallocate()
        raw?.deallocate()
    }

    /// Line breaks in a terminator: each `\n`, and each `\r` not followed by `\n`.
    static func lineBreaks(_ bytes: [UInt8]) -> Int {
        var count = 0
        for (i, byte) in bytes.enumerated() {
            if byte == ASCII.lf || (byte == ASCII.cr && (i + 1 == bytes.count || bytes[i + 1] != ASCII.lf)) { count += 1 }
        }
        return count
    }

    // MARK: - Reading

    /// Reads the first bytes, settles the encoding from a byte order mark or the declaration,
    /// and loads the first chunk. Throws when `.utf16` is declared and there is no BOM.
    mutating func start(declared: CSVDialect.Encoding) throws(ReaderError) {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
        defer { scratch.deallocate() }
        var count = 0
        while count < 4 {
            let n = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[count...]))
            if n == 0 { break }
            count += n
        }
        let bytes = UnsafeRawBufferPointer(rebasing: scratch[..<count])
        var skip = 0
        var kind: Transcoder.Kind?
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            skip = 3
        } else if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            skip = 2; kind = .utf16LE
        } else if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            skip = 2; kind = .utf16BE
        } else {
            switch declared {
            case .utf8: kind = nil
            case .utf16LE: kind = .utf16LE
            case .utf16BE: kind = .utf16BE
            case .windows1252: kind = .windows1252
            case .utf16:
                if count > 0 {
                    throw ReaderError("encoding utf-16 needs a byte order mark and the file has none; declare utf-16le or utf-16be",
                                      file: input.displayPath)
                }
            }
        }
        let rest = UnsafeRawBufferPointer(rebasing: bytes[skip...])
        if let kind {
            var transcoder = Transcoder(kind: kind)
            buffer.reserveTail(transcoder.worstCaseOutput(rest.count))
            transcoder.transcode(rest, into: &buffer, issues: &issues, final: false)
            self.transcoder = transcoder
            raw = .allocate(byteCount: FileInput.chunkSize, alignment: 8)
        } else {
            buffer.reserveTail(rest.count)
            if let base = rest.baseAddress, rest.count > 0 {
                buffer.tail.copyMemory(from: UnsafeRawBufferPointer(start: base, count: rest.count))
                buffer.end += rest.count
            }
        }
        if input.atEnd { try fill() }
    }

    /// Appends the next chunk to the window; at end of file sets `eof` (and flushes the transcoder).
    /// When one record is already larger than a chunk, it reads as much again as the window
    /// holds, so a huge record is rescanned O(log n) times rather than once per chunk.
    mutating func fill() throws(ReaderError) {
        let wanted = max(FileInput.chunkSize, buffer.count)
        var added = 0
        if transcoder != nil, let raw {
            while added < wanted && !eof {
                let n = try input.read(into: raw)
                buffer.reserveTail(transcoder?.worstCaseOutput(n) ?? 0)
                let before = buffer.end
                transcoder?.transcode(UnsafeRawBufferPointer(rebasing: raw[..<n]), into: &buffer, issues: &issues, final: n == 0)
                added += buffer.end - before
                if n == 0 { eof = true }
            }
        } else {
            buffer.reserveTail(wanted)
            while added < wanted && !eof {
                let n = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.tail[..<(wanted - added)]))
                buffer.end += n
                added += n
                if n == 0 { eof = true }
            }
        }
    }

    /// Scans the next record, refilling the window as needed. Never returns `.needMore`.
    mutating func nextRecord() throws(ReaderError) -> Outcome {
        advance()
        while true {
            let outcome = scan()
            if case .needMore = outcome {
                try fill()
                continue
            }
            if case .endOfFile = outcome { return outcome }
            pending = true
            return outcome
        }
    }

    /// Consumes the last scanned record: moves the window start and the line/column past it.
    mutating func advance() {
        guard pending else { return }
        pending = false
        let base = buffer.base
        line = recordLine + recordNewlines
        if nextStart > recordStart && base[nextStart - 1] == ASCII.lf {
            column = 1
        } else {
            var lineStart = nextStart
            while lineStart > recordStart && base[lineStart - 1] != ASCII.lf && base[lineStart - 1] != ASCII.cr { lineStart -= 1 }
            let chars = UTF8Bytes.scalarCount(base, from: lineStart, to: nextStart)
            column = lineStart == recordStart ? recordColumn + chars : 1 + chars
        }
        buffer.start = nextStart
        if !issues.isEmpty {
            let passed = buffer.origin + Int64(nextStart)
            issues.removeAll { $0.offset < passed }
        }
    }

    /// Skips one physical line (up to and including `\n`, `\r\n` or `\r`). False at end of file.
    mutating func skipLine() throws(ReaderError) -> Bool {
        advance()
        while true {
            let base = buffer.base
            var i = buffer.start
            while i < buffer.end && base[i] != ASCII.lf && base[i] != ASCII.cr { i += 1 }
            if i == buffer.end {
                if !eof { try fill(); continue }
                if i == buffer.start { return false }
                column += UTF8Bytes.scalarCount(base, from: buffer.start, to: i)
                buffer.start = i
                return true
            }
            if base[i] == ASCII.cr {
                if i + 1 == buffer.end && !eof { try fill(); continue }
                if i + 1 < buffer.end && base[i + 1] == ASCII.lf { i += 1 }
            }
            buffer.start = i + 1
            line += 1
            column = 1
            return true
        }
    }

    /// Line and column of a window offset inside the last scanned record.
    func locate(_ position: Int) -> (line: Int, column: Int) {
        let base = buffer.base
        var line = recordLine
        var column = recordColumn
        var i = recordStart
        while i < position {
            let byte = base[i]
            if byte == ASCII.lf || (byte == ASCII.cr && (i + 1 >= buffer.end || base[i + 1] != ASCII.lf)) {
                line += 1
                column = 1
            } else if byte != ASCII.cr && byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// The message for undecodable input at a window offset, when the transcoder recorded one.
    func issue(at position: Int) -> String? {
        let offset = buffer.origin + Int64(position)
        return issues.first { $0.offset == offset }?.message
    }
}

/// The ASCII bytes the scanners look for.
enum ASCII {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
}
