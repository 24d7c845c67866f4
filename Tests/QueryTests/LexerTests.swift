import Testing
@testable import Query

@Suite struct LexerTests {
    func kinds(_ text: String) throws -> [TokenKind] {
        try Lexer.tokenize(text).map(\.kind)
    }

    @Test func namesKeywordsAndSymbols() throws {
        let tokens = try Lexer.tokenize("match (p:Part)-->(c) return p")
        #expect(tokens.map(\.text) == ["match", "(", "p", ":", "Part", ")", "-", "-", ">", "(", "c", ")", "return", "p", ""])
        #expect(tokens[0].is(.match))
        #expect(tokens[12].is(.return))
        #expect(tokens[1].is(.leftParen))
    }

    @Test func positionsAreOneBasedCharacters() throws {
        let tokens = try Lexer.tokenize("MATCH (é)\n  RETURN é")
        let ret = try #require(tokens.first { $0.is(.return) })
        #expect(ret.span.line == 2)
        #expect(ret.span.column == 3)
        #expect(ret.span.length == 6)
        let e = tokens[2]
        #expect(e.text == "é" && e.span.column == 8 && e.span.length == 1)
    }

    @Test func numbers() throws {
        #expect(try kinds("42 1.5 .5 1e3 2.5E-2 0x1F 0o17") == [
            .integer(42), .float(1.5), .float(0.5), .float(1000), .float(0.025), .integer(31), .integer(15), .end,
        ])
    }

    @Test func rangeDotsAreNotDecimalPoints() throws {
        #expect(try kinds("*1..6") == [.symbol(.star), .integer(1), .symbol(.dotDot), .integer(6), .end])
    }

    @Test func stringEscapes() throws {
        #expect(try kinds(#"'it\'s' "a\"b" 'tab\there' '\u00e9\n' 'back\\slash'"#) == [
            .string("it's"), .string("a\"b"), .string("tab\there"), .string("é\n"), .string("back\\slash"), .end,
        ])
    }

    @Test func quotedNamesAndParameters() throws {
        #expect(try kinds("`unit cost` `a``b` $part $0 $`my param`") == [
            .quotedName("unit cost"), .quotedName("a`b"), .parameter("part"), .parameter("0"),
            .parameter("my param"), .end,
        ])
    }

    @Test func commentsAreSkipped() throws {
        #expect(try kinds("a // line comment\n/* block\ncomment */ b") == [.name, .name, .end])
    }

    @Test func multiCharacterOperators() throws {
        #expect(try kinds("<> != <= >= =~ ..").dropLast() == [
            .symbol(.notEqual), .symbol(.notEqual), .symbol(.lessEqual), .symbol(.greaterEqual),
            .symbol(.regexMatch), .symbol(.dotDot),
        ])
    }

    @Test func lexicalErrorsCarryPositions() throws {
        #expect(throws: QuerySyntaxError.self) { try Lexer.tokenize("RETURN 'open") }
        do {
            _ = try Lexer.tokenize("RETURN 1 # 2")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "unexpected character '#'")
            #expect(error.column == 10 && error.length == 1)
        }
    }

    @Test func integerOverflowIsReported() {
        #expect(throws: QuerySyntaxError.self) { try Lexer.tokenize("99999999999999999999") }
    }
}
