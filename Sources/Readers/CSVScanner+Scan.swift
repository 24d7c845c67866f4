/// The hot loop: one pass over the bytes of a record, recording field spans.
extension CSVScanner {
    /// Result of looking for the delimiter or the row terminator at an offset.
    enum Match {
        case none
        case needMore
        /// `length` bytes matched, containing `newlines` line breaks.
        case matched(length: Int, newlines: Int)
    }

    /// Scans one record from `buffer.start`, skipping empty lines first.
    mutating func scan() -> Outcome {
        let p = buffer.base
        let end = buffer.end
        // Lines with nothing between two terminators are not records.
        while true {
            let s = buffer.start
            if s >= end { return eof ? .endOfFile : .needMore }
            switch matchTerminator(p, at: s, end: end) {
            case .needMore: return .needMore
            case .none: break
            case .matched(let length, let newlines):
                buffer.start = s + length
                line += newlines
                if newlines > 0 { column = 1 } else { column += UTF8Bytes.scalarCount(p, from: s, to: s + length) }
                continue
            }
            break
        }
        recordStart = buffer.start
        recordLine = line
        recordColumn = column
        spans.removeAll()

        let unquotedStops = self.unquotedStops
        let quotedStops = self.quotedStops
        let hasQuote = self.hasQuote
        let q = quoteByte
        let d0 = delimiterFirst
        let customTerminator = self.customTerminator
        let t0 = terminatorFirst
        var newlines = 0
        var i = recordStart

        fields: while true {
            let fieldBegin = i
            var quoted = false
            if hasQuote {
                var j = i
                if trim { while j < end && p[j] == ASCII.space { j += 1 } }
                if j < end && p[j] == q { quoted = true; i = j }
                else if j == end && j > i && !eof { return .needMore }
            }
            if quoted {
                let open = i
                i += 1
                var escaped = false
                while true {
                    while i < end && !quotedStops[Int(p[i])] { i += 1 }
                    if i == end {
                        if !eof { return .needMore }
                        recordEnd = end; nextStart = end; recordNewlines = newlines
                        return .malformed(position: open, reason: "quoted field is not closed before the end of the file")
                    }
                    let c = p[i]
                    if c == q {
                        if i + 1 < end {
                            if p[i + 1] == q { escaped = true; i += 2; continue }
                        } else if !eof {
                            return .needMore
                        }
                        i += 1
                        break
                    }
                    if c == ASCII.lf {
                        newlines += 1
                    } else if c == ASCII.cr {
                        if i + 1 < end { if p[i + 1] != ASCII.lf { newlines += 1 } } else { newlines += 1 }
                    }
                    i += 1
                }
                let contentEnd = i - 1
                if trim { while i < end && p[i] == ASCII.space { i += 1 } }
                let flags = CSVScanner.quotedFlag | (escaped ? CSVScanner.escapedFlag : 0)
                if i == end {
                    if !eof { return .needMore }
                    spans.append(start: open + 1, end: contentEnd, flags: flags)
                    return endRecord(at: end, length: 0, newlines: newlines + 0)
                }
                switch matchTerminator(p, at: i, end: end) {
                case .needMore: return .needMore
                case .matched(let length, let breaks):
                    spans.append(start: open + 1, end: contentEnd, flags: flags)
                    return endRecord(at: i, length: length, newlines: newlines + breaks)
                case .none: break
                }
                switch p[i] == d0 ? matchDelimiter(p, at: i, end: end) : .none {
                case .needMore: return .needMore
                case .matched(let length, _):
                    spans.append(start: open + 1, end: contentEnd, flags: flags)
                    i += length
                    continue fields
                case .none: break
                }
                return recover(p, from: i, end: end, newlines: newlines, position: i,
                               reason: "unexpected character after the closing quote of field \(spans.fieldCount + 1)")
            }
            // Unquoted field.
            while true {
                while i < end && !unquotedStops[Int(p[i])] { i += 1 }
                if i == end {
                    if !eof { return .needMore }
                    spans.append(start: fieldBegin, end: end, flags: 0)
                    return endRecord(at: end, length: 0, newlines: newlines + 0)
                }
                let c = p[i]
                if c == t0 || c == ASCII.cr || (!customTerminator && c == ASCII.lf) {
                    switch matchTerminator(p, at: i, end: end) {
                    case .needMore: return .needMore
                    case .matched(let length, let breaks):
                        spans.append(start: fieldBegin, end: i, flags: 0)
                        return endRecord(at: i, length: length, newlines: newlines + breaks)
                    case .none: break
                    }
                }
                if c == d0 {
                    switch matchDelimiter(p, at: i, end: end) {
                    case .needMore: return .needMore
                    case .matched(let length, _):
                        spans.append(start: fieldBegin, end: i, flags: 0)
                        i += length
                        continue fields
                    case .none: break
                    }
                }
                if hasQuote && c == q {
                    return recover(p, from: i, end: end, newlines: newlines, position: i,
                                   reason: "stray quote in unquoted field \(spans.fieldCount + 1)")
                }
                if c == ASCII.lf {
                    newlines += 1
                } else if c == ASCII.cr {
                    if i + 1 < end { if p[i + 1] != ASCII.lf { newlines += 1 } }
                    else if eof { newlines += 1 } else { return .needMore }
                }
                i += 1
            }
        }
    }

    private mutating func endRecord(at i: Int, length: Int, newlines: Int) -> Outcome {
        recordEnd = i
        nextStart = i + length
        recordNewlines = newlines
        return .record
    }

    /// After a malformed field: skips to the end of the record (the next terminator, quotes
    /// ignored) so reading resumes with the next record.
    private mutating func recover(_ p: UnsafeMutablePointer<UInt8>, from start: Int, end: Int, newlines: Int,
                         position: Int, reason: String) -> Outcome {
        var newlines = newlines
        var i = start
        while i < end {
            let c = p[i]
            if c == ASCII.lf || c == ASCII.cr || c == terminator?.first {
                switch matchTerminator(p, at: i, end: end) {
                case .needMore: return .needMore
                case .matched(let length, let breaks):
                    recordEnd = i; nextStart = i + length; recordNewlines = newlines + breaks
                    return .malformed(position: position, reason: reason)
                case .none: break
                }
                if c == ASCII.lf {
                    newlines += 1
                } else if c == ASCII.cr {
                    if i + 1 < end { if p[i + 1] != ASCII.lf { newlines += 1 } }
                    else if eof { newlines += 1 } else { return .needMore }
                }
            }
            i += 1
        }
        if !eof { return .needMore }
        recordEnd = end; nextStart = end; recordNewlines = newlines
        return .malformed(position: position, reason: reason)
    }

    /// The row terminator at `i`: a line ending by default, else the exact sequence (where a
    /// `\n` also matches `\r\n`).
    @inline(__always)
    func matchTerminator(_ p: UnsafeMutablePointer<UInt8>, at i: Int, end: Int) -> Match {
        guard let terminator else {
            let c = p[i]
            if c == ASCII.lf { return .matched(length: 1, newlines: 1) }
            if c != ASCII.cr { return .none }
            if i + 1 < end { return .matched(length: p[i + 1] == ASCII.lf ? 2 : 1, newlines: 1) }
            return eof ? .matched(length: 1, newlines: 1) : .needMore
        }
        var j = i
        for (k, t) in terminator.enumerated() {
            if j >= end {
                if !eof { return .needMore }
                // The last line of a file often lacks its line break: "x&|" ends like "x&|\n".
                let rest = terminator[k...]
                return rest.allSatisfy({ $0 == ASCII.lf || $0 == ASCII.cr }) && k > 0
                    ? .matched(length: j - i, newlines: 0) : .none
            }
            let c = p[j]
            if c == t { j += 1; continue }
            if t == ASCII.lf && c == ASCII.cr {
                if j + 1 >= end { return eof ? .none : .needMore }
                if p[j + 1] == ASCII.lf { j += 2; continue }
            }
            return .none
        }
        return .matched(length: j - i, newlines: terminatorNewlines)
    }

    @inline(__always)
    func matchDelimiter(_ p: UnsafeMutablePointer<UInt8>, at i: Int, end: Int) -> Match {
        let count = delimiterCount
        if count == 1 { return .matched(length: 1, newlines: 0) }
        var k = 1
        while k < count {
            if i + k >= end { return eof ? .none : .needMore }
            if p[i + k] != delimiter[k] { return .none }
            k += 1
        }
        return .matched(length: count, newlines: 0)
    }
}
