/// Byte-level UTF-8 helpers for the scanner: an ASCII fast check, finding the first byte that
/// is not valid UTF-8, and counting characters (Unicode scalars) for column numbers.
enum UTF8Bytes {
    /// True when every byte in `[from, to)` is below 0x80 (checks eight bytes at a time).
    static func isASCII(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        var i = from
        var bits: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= to {
            bits |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < to {
            bits |= UInt64(base[i])
            i += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// The offset of the first byte in `[from, to)` that does not start or continue a valid
    /// UTF-8 sequence (overlong forms, surrogates and values above U+10FFFF are invalid), or nil.
    static func firstInvalidByte(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            let b0 = base[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= to else { return i }
            let b1 = base[i + 1]
            guard b1 >= lower && b1 <= upper else { return i }
            var k = 2
            while k < length {
                guard base[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return nil
    }

    /// Characters (Unicode scalars) in `[from, to)`: every byte that is not a continuation byte.
    static func scalarCount(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            if base[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The offset after at most `limit` scalars starting at `from` (not beyond `to`).
    static func offset(afterScalars limit: Int, _ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var seen = 0
        var i = from
        while i < to {
            if base[i] & 0xC0 != 0x80 {
                if seen == limit { return i }
                seen += 1
            }
            i += 1
        }
        return to
    }
}
