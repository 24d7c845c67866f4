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
    private let handle: FileHandle
    private var encoder: RowEncoder
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
        encoder = RowEncoder(utf16: encoding == .utf16LittleEndian, delimiter: delimiter.asciiValue ?? UInt8(ascii: ","),
                             decimalSeparator: decimalComma ? UInt8(ascii: ",") : UInt8(ascii: "."),
                             lineEnding: crlf ? [13, 10] : [10], capacity: TableWriter.flushSize + 4096)
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw GeneratorError.cannotWrite(url.path)
        }
        self.handle = try FileHandle(forWritingTo: url)
        for column in columns { text(column) }
        endRow()
    }

    // MARK: - Fields

    /// A text field, quoted (RFC 4180) when it holds the delimiter, a quote or a line break.
    func text(_ value: String) { encoder.textField(value) }

    /// A text field written as is, never quoted: how a broken exporter writes a row.
    func unquoted(_ value: String) { encoder.rawField(value) }

    /// An empty field.
    func empty() { encoder.emptyField() }

    /// A whole number, left-padded with zeros to `width` (SAP's NUMC and ALPHA fields).
    func number(_ value: Int, width: Int = 0) { encoder.numberField(value, width: width) }

    /// A fixed-point number `scaled / 10^scale` with the file's decimal separator: `2,500`.
    func decimal(_ scaled: Int, scale: Int) { encoder.decimalField(scaled, scale: scale) }

    /// A decimal followed by junk, a value that is not a number: `2,500x`.
    func brokenDecimal(_ scaled: Int, scale: Int, junk: String) { encoder.decimalField(scaled, scale: scale, junk: junk) }

    /// A date as `yyyyMMdd`.
    func date(_ day: CalendarDay) {
        let c = day.components
        encoder.dateField(year: c.year, month: c.month, day: c.day)
    }

    /// Ends the row; returns its physical line number.
    @discardableResult
    func endRow() -> Int {
        encoder.endRow()
        lastLine += 1
        if encoder.bytes.count >= TableWriter.flushSize { flush() }
        return lastLine
    }

    func close() throws {
        flush()
        try handle.close()
    }

    private func flush() {
        guard !encoder.bytes.isEmpty else { return }
        handle.write(Data(encoder.bytes))
        encoder.removeAll()
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
