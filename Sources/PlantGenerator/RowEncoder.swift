/// The bytes of a table file under construction: fields, delimiters and line endings in
/// UTF-8 or UTF-16LE. A value type, so `TableWriter` touches it with one exclusive access
/// per field rather than one per byte.
struct RowEncoder {
    private(set) var bytes: [UInt8] = []
    private let utf16: Bool
    private let delimiter: UInt8
    private let decimalSeparator: UInt8
    private let lineEnding: [UInt8]
    private var fieldCount = 0

    init(utf16: Bool, delimiter: UInt8, decimalSeparator: UInt8, lineEnding: [UInt8], capacity: Int) {
        self.utf16 = utf16
        self.delimiter = delimiter
        self.decimalSeparator = decimalSeparator
        self.lineEnding = lineEnding
        bytes.reserveCapacity(capacity)
        if utf16 { bytes.append(contentsOf: [0xFF, 0xFE]) }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: - Fields

    mutating func textField(_ value: String) {
        separate()
        var needsQuotes = false
        for byte in value.utf8 where byte == delimiter || byte == 34 || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        if needsQuotes {
            ascii(34)
            string(value.replacingOccurrences(of: "\"", with: "\"\""))
            ascii(34)
        } else {
            string(value)
        }
    }

    mutating func rawField(_ value: String) {
        separate()
        string(value)
    }

    mutating func emptyField() {
        separate()
    }

    mutating func numberField(_ value: Int, width: Int) {
        separate()
        digits(value, width: width)
    }

    mutating func decimalField(_ scaled: Int, scale: Int, junk: String = "") {
        separate()
        var magnitude = scaled
        if scaled < 0 {
            ascii(45)
            magnitude = -scaled
        }
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        digits(magnitude / divisor, width: 1)
        if scale > 0 {
            ascii(decimalSeparator)
            digits(magnitude % divisor, width: scale)
        }
        if !junk.isEmpty { string(junk) }
    }

    mutating func dateField(year: Int, month: Int, day: Int) {
        separate()
        digits(year, width: 4)
        digits(month, width: 2)
        digits(day, width: 2)
    }

    mutating func endRow() {
        for byte in lineEnding { ascii(byte) }
        fieldCount = 0
    }

    // MARK: - Bytes

    private mutating func separate() {
        if fieldCount > 0 { ascii(delimiter) }
        fieldCount += 1
    }

    private mutating func digits(_ value: Int, width: Int) {
        var rest = value
        if value < 0 {
            ascii(45)
            rest = -value
        }
        var divisor = 1
        var count = 1
        while divisor <= rest / 10 {
            divisor *= 10
            count += 1
        }
        if width > count { for _ in 0..<(width - count) { ascii(48) } }
        while divisor > 0 {
            ascii(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    @inline(__always)
    private mutating func ascii(_ byte: UInt8) {
        bytes.append(byte)
        if utf16 { bytes.append(0) }
    }

    private mutating func string(_ value: String) {
        if utf16 {
            for unit in value.utf16 {
                bytes.append(UInt8(truncatingIfNeeded: unit))
                bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
            }
        } else {
            bytes.append(contentsOf: value.utf8)
        }
    }
}
