import GraphModel

/// Reading numbers out of export text, byte by byte: surrounding spaces, a leading sign or an
/// SAP-style trailing minus (`12,50-`), and with `decimalComma` a `,` decimal separator and
/// `.` grouping (`1.234,5`). No exponent for integers and decimals; floats accept one.
enum NumberText {
    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09
    private static let plus: UInt8 = 0x2B, minus: UInt8 = 0x2D
    private static let dot: UInt8 = 0x2E, comma: UInt8 = 0x2C

    static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == space || $0 == tab }
    }

    static func trimmed(_ text: String) -> String {
        let u = text.utf8
        guard let first = u.firstIndex(where: { $0 != space && $0 != tab }),
              let last = u.lastIndex(where: { $0 != space && $0 != tab }) else { return "" }
        if first == u.startIndex && last == u.index(before: u.endIndex) { return text }
        return String(text[first...last])
    }

    static func equalsIgnoringASCIICase(_ text: String, _ lowercased: String) -> Bool {
        let a = text.utf8, b = lowercased.utf8
        guard a.count == b.count else { return false }
        var i = b.startIndex
        for x in a {
            let lower = (x >= 0x41 && x <= 0x5A) ? x | 0x20 : x
            if lower != b[i] { return false }
            i = b.index(after: i)
        }
        return true
    }

    static func integer(_ text: String, decimalComma: Bool) -> Int64? {
        var copy = text
        return copy.withUTF8 { bytes -> Int64? in
            guard let (start, end, negative) = bounds(bytes) else { return nil }
            var value: Int64 = 0
            var digits = 0
            var previousWasDigit = false
            var i = start
            while i < end {
                let b = bytes[i]
                let d = b &- 48
                if d < 10 {
                    let (m, o1) = value.multipliedReportingOverflow(by: 10)
                    let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
                    if o1 || o2 { return nil }
                    value = s
                    digits += 1
                    previousWasDigit = true
                } else if decimalComma, b == dot, previousWasDigit, i + 1 < end, bytes[i + 1] &- 48 < 10 {
                    previousWasDigit = false
                } else {
                    return nil
                }
                i += 1
            }
            return digits > 0 ? value : nil
        }
    }

    static func decimal(_ text: String, decimalComma: Bool) -> ExactDecimal? {
        guard let canonical = canonical(text, decimalComma: decimalComma, allowExponent: false) else { return nil }
        return ExactDecimal(canonical)
    }

    static func float(_ text: String, decimalComma: Bool) -> Double? {
        guard let canonical = canonical(text, decimalComma: decimalComma, allowExponent: true),
              let d = Double(canonical), d.isFinite else { return nil }
        return d
    }

    /// The digits between surrounding spaces, with the sign taken off: a leading `+`/`-` or a
    /// trailing `-` (not both).
    private static func bounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Bool)? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        guard start < end else { return nil }
        var negative = false
        if bytes[start] == minus || bytes[start] == plus {
            negative = bytes[start] == minus
            start += 1
        } else if bytes[end - 1] == minus {
            negative = true
            end -= 1
        }
        guard start < end else { return nil }
        return (start, end, negative)
    }

    /// `[-]digits[.digits][e[-]digits]` in plain ASCII, or nil when `text` is not a number.
    static func canonical(_ text: String, decimalComma: Bool, allowExponent: Bool) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard let (start, end, negative) = bounds(bytes) else { return nil }
            let separator = decimalComma ? comma : dot
            // Fast path: already `[-]digits[.digits]`, so the text itself is the canonical form.
            if end == bytes.count, start == 0 || (start == 1 && (bytes[0] == minus || bytes[0] == plus)) {
                var seenDot = false, digits = 0, plain = true
                for i in start..<end {
                    let b = bytes[i]
                    if b &- 48 < 10 { digits += 1 } else if b == dot && !decimalComma && !seenDot { seenDot = true } else { plain = false; break }
                }
                if plain && digits > 0 { return text }
            }
            var out: [UInt8] = []
            out.reserveCapacity(end - start + 2)
            if negative { out.append(minus) }
            var digits = 0
            var seenSeparator = false
            var previousWasDigit = false
            var i = start
            while i < end {
                let b = bytes[i]
                if b &- 48 < 10 {
                    out.append(b)
                    digits += 1
                    previousWasDigit = true
                } else if b == separator, !seenSeparator {
                    out.append(dot)
                    seenSeparator = true
                    previousWasDigit = false
                } else if decimalComma, b == dot, !seenSeparator, previousWasDigit, i + 1 < end, bytes[i + 1] &- 48 < 10 {
                    previousWasDigit = false
                } else if allowExponent, b == 0x65 || b == 0x45, digits > 0 {
                    // Exponent: e, optional sign, at least one digit, then the end.
                    out.append(0x65)
                    i += 1
                    if i < end, bytes[i] == minus || bytes[i] == plus {
                        out.append(bytes[i])
                        i += 1
                    }
                    guard i < end else { return nil }
                    while i < end {
                        guard bytes[i] &- 48 < 10 else { return nil }
                        out.append(bytes[i])
                        i += 1
                    }
                    break
                } else {
                    return nil
                }
                i += 1
            }
            guard digits > 0 else { return nil }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
