import Testing
@testable import Shell

@Suite struct StatementBufferTests {
    @Test func aStatementIsCompleteAtItsSemicolon() {
        var buffer = StatementBuffer()
        #expect(buffer.append("MATCH (p:Part) RETURN count(*);") == [.statement("MATCH (p:Part) RETURN count(*)")])
        #expect(buffer.isEmpty)
    }

    @Test func linesAccumulateUntilTheSemicolon() {
        var buffer = StatementBuffer()
        #expect(buffer.append("MATCH (p:Part)").isEmpty)
        #expect(!buffer.isEmpty)
        #expect(buffer.append("WHERE p.kind = 'finished'").isEmpty)
        #expect(buffer.append("RETURN p.number;") == [.statement("MATCH (p:Part)\nWHERE p.kind = 'finished'\nRETURN p.number")])
        #expect(buffer.isEmpty)
    }

    @Test func aSemicolonInAStringOrACommentDoesNotEndTheStatement() {
        var buffer = StatementBuffer()
        #expect(buffer.append("RETURN 'a;b' AS x // not the end;").isEmpty)
        #expect(buffer.append("/* still; not */ , \"c;\\\"d\" AS y").isEmpty)
        #expect(buffer.append(";") == [.statement("RETURN 'a;b' AS x // not the end;\n/* still; not */ , \"c;\\\"d\" AS y")])
    }

    @Test func aSemicolonInsideOpenBracketsWaitsForThemToClose() {
        var buffer = StatementBuffer()
        #expect(buffer.append("RETURN [1, 2;").isEmpty)
        #expect(buffer.continuationPrompt == "  [.> ")
        #expect(buffer.append("] AS list;") == [.statement("RETURN [1, 2;\n] AS list")])
        #expect(buffer.append("MATCH (p:Part {number: '1'").isEmpty)
        #expect(buffer.continuationPrompt == "  {.> ")
        #expect(buffer.append("}) RETURN p;") == [.statement("MATCH (p:Part {number: '1'\n}) RETURN p")])
    }

    @Test func theContinuationPromptNamesWhatIsStillOpen() {
        var buffer = StatementBuffer()
        _ = buffer.append("MATCH (p:Part")
        #expect(buffer.continuationPrompt == "  (.> ")
        _ = buffer.append(") WHERE p.description = 'Kreisel")
        #expect(buffer.continuationPrompt == "  '.> ")
        _ = buffer.append("pumpe' /* a comment")
        #expect(buffer.continuationPrompt == "  *.> ")
        _ = buffer.append("*/ RETURN p")
        #expect(buffer.continuationPrompt == "  ..> ")
        #expect(buffer.append(";") == [.statement("MATCH (p:Part\n) WHERE p.description = 'Kreisel\npumpe' /* a comment\n*/ RETURN p")])
        #expect(buffer.isEmpty)
    }

    @Test func anExtraClosingBracketStillEndsAtTheSemicolon() {
        var buffer = StatementBuffer()
        #expect(buffer.append("RETURN 1);") == [.statement("RETURN 1)")])
    }

    @Test func aBackQuotedNameMayHoldASemicolon() {
        var buffer = StatementBuffer()
        #expect(buffer.append("MATCH (`a;b`:Part) RETURN `a;b`;") == [.statement("MATCH (`a;b`:Part) RETURN `a;b`")])
    }

    @Test func severalStatementsOnOneLine() {
        var buffer = StatementBuffer()
        #expect(buffer.append("RETURN 1 AS a; RETURN 2 AS b; RETURN") == [.statement("RETURN 1 AS a"), .statement("RETURN 2 AS b")])
        #expect(buffer.pending.trimmingWhitespace == "RETURN")
        #expect(buffer.append("3 AS c;") == [.statement("RETURN\n3 AS c")])
    }

    @Test func emptyStatementsAndCommentOnlyLinesAreSkipped() {
        var buffer = StatementBuffer()
        #expect(buffer.append(";;").isEmpty)
        #expect(buffer.append("// just a note").isEmpty)
        #expect(buffer.isEmpty)
        #expect(buffer.append("RETURN 1; // trailing note") == [.statement("RETURN 1")])
        #expect(buffer.isEmpty)
    }

    @Test func aColonLineOnAnEmptyBufferIsAMetaCommand() {
        var buffer = StatementBuffer()
        #expect(buffer.append("  :schema Part;") == [.metaCommand(":schema Part")])
        #expect(buffer.append("quit") == [.metaCommand(":quit")])
        // Inside a statement, a line starting with ':' is Cypher (a label on its own line).
        #expect(buffer.append("MATCH (p").isEmpty)
        #expect(buffer.append(":Part) RETURN p;") == [.statement("MATCH (p\n:Part) RETURN p")])
    }

    @Test func theEndOfInputCompletesTheLastStatement() {
        var buffer = StatementBuffer()
        _ = buffer.append("RETURN 1 AS x")
        #expect(buffer.finish() == .statement("RETURN 1 AS x"))
        _ = buffer.append("// only a comment")
        #expect(buffer.finish() == nil)
    }

    @Test func clearForgetsThePendingLines() {
        var buffer = StatementBuffer()
        _ = buffer.append("MATCH (p:Part)")
        buffer.clear()
        #expect(buffer.isEmpty)
        #expect(buffer.append("RETURN 1;") == [.statement("RETURN 1")])
    }

    @Test func theHistoryKeepsAStatementOnOneLineWithoutLineComments() {
        #expect(StatementBuffer.singleLine("MATCH (p:Part) // the parts\n  WHERE p.number = 'a//b'\nRETURN p") ==
                "MATCH (p:Part) WHERE p.number = 'a//b' RETURN p")
        #expect(StatementBuffer.singleLine("RETURN 4 / 2 AS half") == "RETURN 4 / 2 AS half")
    }

    @Test func everyStatementKnowsWhereItStartsInTheInput() {
        var buffer = StatementBuffer()
        #expect(buffer.append("RETURN 1;") == [.statement("RETURN 1")])
        #expect(buffer.statementOrigins == [.init(line: 1, column: 1)])
        #expect(buffer.append(":format csv") == [.metaCommand(":format csv")])
        #expect(buffer.append("").isEmpty)
        #expect(buffer.append("  MATCH (p:Part)").isEmpty)
        #expect(buffer.append("RETURN p; RETURN 2;  RETURN") == [.statement("MATCH (p:Part)\nRETURN p"), .statement("RETURN 2")])
        #expect(buffer.statementOrigins == [.init(line: 4, column: 3), .init(line: 5, column: 11)])
        #expect(buffer.append("  3;") == [.statement("RETURN\n  3")])
        #expect(buffer.statementOrigins == [.init(line: 5, column: 22)])
        #expect(buffer.append("RETURN 4").isEmpty)
        #expect(buffer.finish() == .statement("RETURN 4"))
        #expect(buffer.statementOrigins == [.init(line: 7, column: 1)])
    }
}
