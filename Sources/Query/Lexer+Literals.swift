/// Numbers, strings, back-quoted names and parameters.
extension Lexer {
    mutating func number(from start: Position) throws(QuerySyntaxError) -> Token {
        if peek() == "0", let radixMark = peek(1), radixMark == "x" || radixMark == "o" {
            advance(); advance()
            let radix = radixMark == "x" ? 16 : 8
            let digitsStart = offset
            while let d = peek(), isNamePart(d) { advance() }
            let digits = String(String.UnicodeScalarView(scalars[digitsStart..<offset]))
            guard !digits.isEmpty, let value = UInt64(digits, radix: radix) else {
                throw error("invalid \(radix == 16 ? "hexadecimal" : "octal") integer '\(text(from: start))'", from: start)
            }
            return make(.integer(value), from: start)
        }
        var isFloat = false
        while isDigit(peek()) { advance() }
        if peek() == ".", isDigit(peek(1)) {
            isFloat = true
            advance()
            while isDigit(peek()) { advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            if isDigit(sign) || ((sign == "-" || sign == "+") && isDigit(peek(2))) {
                isFloat = true
                advance()
                if sign == "-" || sign == "+" { advance() }
                while isDigit(peek()) { advance() }
            }
        }
        if let c = peek(), isNameStart(c) {
            while let d = peek(), isNamePart(d) { advance() }
            throw error("invalid number '\(text(from: start))'", from: start)
        }
        let literal = text(from: start)
        if isFloat {
            guard let value = Double(literal), value.isFinite else {
                throw error("float literal '\(literal)' is out of range", from: start)
            }
            return make(.float(value), from: start)
        }
        guard let value = UInt64(literal) else {
            throw error("integer literal '\(literal)' is too large (the largest integer is 9223372036854775807)", from: start)
        }
        return make(.integer(value), from: start)
    }

    mutating func string(from start: Position) throws(QuerySyntaxError) -> Token {
        guard let quote = peek() else { return make(.end, from: start) }
        advance()
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                throw error("unterminated string: add a closing \(quote)", from: start)
            }
            advance()
            if c == quote { break }
            if c != "\\" { value.append(c); continue }
            let escapeStart = Position(offset: offset - 1, line: line, column: column - 1)
            guard let e = peek() else { throw error("unterminated string: add a closing \(quote)", from: start) }
            advance()
            switch e {
            case "\\", "'", "\"": value.append(e)
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "b": value.append("\u{8}")
            case "f": value.append("\u{C}")
            case "u", "U":
                let count = e == "u" ? 4 : 8
                var code: UInt32 = 0
                for _ in 0..<count {
                    guard let h = peek(), h.isASCII, let digit = UInt32(String(h), radix: 16) else {
                        throw error("invalid escape: '\\\(e)' needs \(count) hexadecimal digits", from: escapeStart)
                    }
                    code = code * 16 + digit
                    advance()
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw error("invalid escape: U+\(String(code, radix: 16, uppercase: true)) is not a character", from: escapeStart)
                }
                value.append(scalar)
            default:
                throw error("unknown escape '\\\(e)' in string (use \\\\ for a backslash)", from: escapeStart)
            }
        }
        return make(.string(String(value)), from: start)
    }

    mutating func quotedName(from start: Position) throws(QuerySyntaxError) -> Token {
        advance()
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw error("unterminated name: add a closing '`'", from: start) }
            advance()
            if c == "`" {
                if peek() == "`" { advance(); value.append("`"); continue }
                break
            }
            value.append(c)
        }
        guard !value.isEmpty else { throw error("a back-quoted name cannot be empty", from: start) }
        return make(.quotedName(String(value)), from: start)
    }

    mutating func parameter(from start: Position) throws(QuerySyntaxError) -> Token {
        advance()
        if peek() == "`" {
            let nameToken = try quotedName(from: position)
            guard let name = nameToken.name else { throw error("expected a parameter name after '$'", from: start) }
            return make(.parameter(name), from: start)
        }
        let nameStart = offset
        while let d = peek(), isNamePart(d) { advance() }
        guard offset > nameStart else { throw error("expected a parameter name after '$'", from: start) }
        return make(.parameter(String(String.UnicodeScalarView(scalars[nameStart..<offset]))), from: start)
    }
}
