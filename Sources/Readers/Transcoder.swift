/// A byte sequence that does not decode in the file's encoding, found while transcoding to
/// UTF-8. The transcoder writes `Transcoder.invalidMarker` in its place, which is never valid
/// UTF-8, so the record scanner's validation stops there and reports this message.
struct EncodingIssue: Sendable {
    /// Offset in the decoded UTF-8 stream.
    var offset: Int64
    var message: String
}

/// Turns UTF-16 and Windows-1252 chunks into UTF-8 bytes so one byte scanner serves every
/// encoding. Keeps the bytes of a character split across two chunks for the next call.
struct Transcoder {
    enum Kind: Sendable { case utf16LE, utf16BE, windows1252 }

    /// 0xFF never occurs in UTF-8.
    static let invalidMarker: UInt8 = 0xFF

    let kind: Kind
    private var oddByte: UInt8? = nil
    private var pendingHigh: UInt16? = nil

    init(kind: Kind) { self.kind = kind }

    /// The most UTF-8 bytes `count` input bytes can produce.
    func worstCaseOutput(_ count: Int) -> Int {
        switch kind {
        case .windows1252: return count * 3
        case .utf16LE, .utf16BE: return (count / 2 + 2) * 3 + 4
        }
    }

    /// Appends the UTF-8 form of `raw` to `buffer` (which has room for `worstCaseOutput`).
    /// `final` flushes what is left over at end of file.
    mutating func transcode(_ raw: UnsafeRawBufferPointer, into buffer: inout ByteBuffer,
                            issues: inout [EncodingIssue], final: Bool) {
        switch kind {
        case .windows1252: windows1252(raw, into: &buffer, issues: &issues)
        case .utf16LE, .utf16BE: utf16(raw, into: &buffer, issues: &issues, final: final)
        }
    }

    // MARK: - Windows-1252

    /// Unicode scalars for 0x80–0x9F; 0 marks the five bytes Windows-1252 leaves undefined.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    private func windows1252(_ raw: UnsafeRawBufferPointer, into buffer: inout ByteBuffer,
                             issues: inout [EncodingIssue]) {
        for byte in raw {
            if byte < 0x80 {
                buffer.append(byte)
            } else if byte >= 0xA0 {
                buffer.append(0xC0 | (byte >> 6))
                buffer.append(0x80 | (byte & 0x3F))
            } else {
                let scalar = Transcoder.windows1252High[Int(byte - 0x80)]
                if scalar == 0 {
                    issues.append(EncodingIssue(offset: buffer.origin + Int64(buffer.end),
                                                message: "byte \(hex(byte)) is not defined in Windows-1252"))
                    buffer.append(Transcoder.invalidMarker)
                } else {
                    appendScalar(UInt32(scalar), to: &buffer)
                }
            }
        }
    }

    // MARK: - UTF-16

    private mutating func utf16(_ raw: UnsafeRawBufferPointer, into buffer: inout ByteBuffer,
                                issues: inout [EncodingIssue], final: Bool) {
        let little = kind == .utf16LE
        var i = 0
        let n = raw.count
        if let first = oddByte, n > 0 {
            oddByte = nil
            let unit = little ? UInt16(first) | UInt16(raw[0]) << 8 : UInt16(first) << 8 | UInt16(raw[0])
            unit16(unit, into: &buffer, issues: &issues)
            i = 1
        }
        while i + 1 < n {
            let a = raw[i], b = raw[i + 1]
            let unit = little ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b)
            if unit < 0x80 && pendingHigh == nil {
                buffer.append(UInt8(unit))
            } else {
                unit16(unit, into: &buffer, issues: &issues)
            }
            i += 2
        }
        if i < n { oddByte = raw[i] }
        if final {
            if let high = pendingHigh {
                pendingHigh = nil
                invalid("unpaired UTF-16 surrogate \(hex(high))", into: &buffer, issues: &issues)
            }
            if oddByte != nil {
                oddByte = nil
                invalid("the file ends in the middle of a UTF-16 code unit", into: &buffer, issues: &issues)
            }
        }
    }

    private mutating func unit16(_ unit: UInt16, into buffer: inout ByteBuffer, issues: inout [EncodingIssue]) {
        if let high = pendingHigh {
            pendingHigh = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                appendScalar(scalar, to: &buffer)
                return
            }
            invalid("unpaired UTF-16 surrogate \(hex(high))", into: &buffer, issues: &issues)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHigh = unit
        case 0xDC00...0xDFFF: invalid("unpaired UTF-16 surrogate \(hex(unit))", into: &buffer, issues: &issues)
        default: appendScalar(UInt32(unit), to: &buffer)
        }
    }

    private func invalid(_ message: String, into buffer: inout ByteBuffer, issues: inout [EncodingIssue]) {
        issues.append(EncodingIssue(offset: buffer.origin + Int64(buffer.end), message: message))
        buffer.append(Transcoder.invalidMarker)
    }

    // MARK: - UTF-8 output

    private func appendScalar(_ scalar: UInt32, to buffer: inout ByteBuffer) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}

/// `0x81`, `0xD83D`: upper-case hex digits with a `0x` prefix, two or four digits.
func hex<T: FixedWidthInteger>(_ value: T) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    let width = T.bitWidth / 4
    return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
}
