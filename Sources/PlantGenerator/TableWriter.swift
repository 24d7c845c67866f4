import Foundation

/// Writes one SAP-style table export row by row through a byte buffer, in the encoding,
/// delimiter and decimal separator of that export, and knows the physical line number of
/// every row it writes (line 1 is the header), so injected anomalies can be pinned to lines.
///
/// Memory is the buffer only (flushed every 1 MiB), whatever the scale.
final class TableWriter {
    /// How the bytes of the file are encoded.
    enum Encoding: Sendable {
        case utf8
        /// UTF-16 little-endian with a byte-order mark, as SAP GUI's "Unicode text" download.
        case utf16LittleEndian
    }

    let fileName: String
    let columns: [String]
    private let delimiter: UInt8
    private let decimalSeparator: UInt8
    private let encoding: Encoding
    private let lineEnding: [UInt8]
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var fieldCount = 0
    /// Physical line number of the last line written (the header is line 1).
    private(set) var lastLine = 0
    /// Data rows written.
    var rowCount: Int { lastLine - 1 }
    /// The line number the next row will get.
    var nextLine: Int { lastLine + 1 }

    private static let flushSize = 1 << 20

    init(directory: URL, fileName: String, columns: [String], delimiter: Character = ",",
         decimalComma: Bool = false, encoding: Encoding = .utf8, crlf: Bool = false) throws {
        self.fileName = fileName
        self.columns = columns
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.decimalSeparator = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        self.encoding = encoding
        self.lineEnding = crlf ? [13, 10] : [10]
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw GeneratorError.cannotWrite(url.path)
        }
        self.handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(TableWriter.flushSize + 4096)
        if encoding == .utf16LittleEndian { buffer.append(contentsOf: [0xFF, 0xFE]) }
        for column in columns { text(column) }
        endRow()
    }

    // MARK: - Fields

    /// A text field, quoted (RFC 4180) when it holds the delimiter, a quote or a line break.
    func text(_ value: String) {
        separate()
        var needsQuotes = false
        for byte in value.utf8 where byte == delimiter || byte == 34 || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            put(value)
            return
        }
        putASCII(34)
        put(value.replacingOccurrences(of: "\"", with: "\"\""))
        putASCII(34)
    }

    /// A text field written as is, never quoted: how a broken exporter writes a row.
    func unquoted(_ value: String) {
        separate()
        put(value)
    }

    /// An empty field.
    func empty() {
        separate()
    }

    /// A whole number, left-padded with zeros to `width` (SAP's NUMC and ALPHA fields).
    func number(_ value: Int, width: Int = 0) {
        separate()
        putDigits(value, width: width)
    }

    /// A fixed-point number `scaled / 10^scale` with the file's decimal separator: `2,500`.
    func decimal(_ scaled: Int, scale: Int) {
        separate()
        putDecimal(scaled, scale: scale)
    }

    /// A decimal followed by junk, a value that is not a number: `2,500x`.
    func brokenDecimal(_ scaled: Int, scale: Int, junk: String) {
        separate()
        putDecimal(scaled, scale: scale)
        put(junk)
    }

    /// A date as `yyyyMMdd`.
    func date(_ day: CalendarDay) {
        separate()
        let c = day.components
        putDigits(c.year, width: 4)
        putDigits(c.month, width: 2)
        putDigits(c.day, width: 2)
    }

    /// Ends the row; returns its physical line number.
    @discardableResult
    func endRow() -> Int {
        for byte in lineEnding { putASCII(byte) }
        fieldCount = 0
        lastLine += 1
        if buffer.count >= TableWriter.flushSize { flush() }
        return lastLine
    }

    func close() throws {
        flush()
        try handle.close()
    }

    // MARK: - Bytes

    private func separate() {
        if fieldCount > 0 { putASCII(delimiter) }
        fieldCount += 1
    }

    private func putDecimal(_ scaled: Int, scale: Int) {
        var magnitude = scaled
        if scaled < 0 {
            putASCII(45)
            magnitude = -scaled
        }
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        putDigits(magnitude / divisor, width: 1)
        if scale > 0 {
            putASCII(decimalSeparator)
            putDigits(magnitude % divisor, width: scale)
        }
    }

    private func putDigits(_ value: Int, width: Int) {
        var rest = value
        if value < 0 {
            putASCII(45)
            rest = -value
        }
        var divisor = 1
        var count = 1
        while divisor <= rest / 10 {
            divisor *= 10
            count += 1
        }
        if width > count { for _ in 0..<(width - count) { putASCII(48) } }
        while divisor > 0 {
            putASCII(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    @inline(__always)
    private func putASCII(_ byte: UInt8) {
        buffer.append(byte)
        if encoding == .utf16LittleEndian { buffer.append(0) }
    }

    private func put(_ value: String) {
        switch encoding {
        case .utf8:
            buffer.append(contentsOf: value.utf8)
        case .utf16LittleEndian:
            for unit in value.utf16 {
                buffer.append(UInt8(truncatingIfNeeded: unit))
                buffer.append(UInt8(truncatingIfNeeded: unit >> 8))
            }
        }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What can stop the generator.
enum GeneratorError: Error, CustomStringConvertible {
    case cannotWrite(String)
    case invalidScale(Double)

    var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path)"
        case .invalidScale(let scale): "scale must be greater than 0 (got \(scale))"
        }
    }
}
