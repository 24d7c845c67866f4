/// One thing the user entered: a Cypher statement (without its `;`) or a meta-command line
/// (`:schema Part`, without a trailing `;`).
enum ReplInput: Equatable, Sendable {
    case statement(String)
    case metaCommand(String)
}

/// Collects the lines a user types until they form complete statements.
///
/// A statement is complete at a `;` that stands outside strings (`'…'`, `"…"`), back-quoted
/// names and comments (`// …`, `/* … */`) and outside brackets (`()`, `[]`, `{}`); until then
/// the REPL shows the continuation prompt, which names what is still open (`  (.> ` for a
/// bracket, `  '.> ` for a string), so a forgotten `)` is easy to spot. One line may hold several statements
/// (`RETURN 1; RETURN 2;`). A line starting with `:` on an empty buffer is a meta-command and
/// complete at the end of its line; so are the bare words `quit`, `exit` and `help`.
struct StatementBuffer: Sendable {
    /// A place in the input: 1-based line (counting every line appended) and column.
    struct Position: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    /// The text typed since the last complete statement (lines joined with newlines).
    private(set) var pending = ""
    /// Where `pending` starts in the input.
    private var pendingStart = Position(line: 1, column: 1)
    /// How many lines were appended so far.
    private var linesRead = 0
    /// Where each statement returned by the last `append` or `finish` starts in the input, in
    /// order (for error positions in a script: `setup.cypher:12:8`).
    private(set) var statementOrigins: [Position] = []

    init() {}

    /// True when nothing but blanks and comments is pending (the main prompt is shown).
    var isEmpty: Bool { !StatementScanner(pending).hasContent }

    /// Adds one line (without its newline) and returns the inputs it completed.
    mutating func append(_ line: String) -> [ReplInput] {
        linesRead += 1
        statementOrigins = []
        if isEmpty {
            let trimmed = line.trimmingWhitespace
            if trimmed.hasPrefix(":") {
                pending = ""
                var command = trimmed
                while command.hasSuffix(";") { command.removeLast() }
                return [.metaCommand(command.trimmingWhitespace)]
            }
            if ["quit", "exit", "help"].contains(trimmed.lowercased()) {
                pending = ""
                return [.metaCommand(":" + trimmed.lowercased())]
            }
        }
        if pending.isEmpty { pendingStart = Position(line: linesRead, column: 1) }
        pending = pending.isEmpty ? line : pending + "\n" + line
        let scan = StatementScanner(pending)
        statementOrigins = scan.statementStarts.map { position(of: $0) }
        pendingStart = position(of: scan.remainderStart)
        pending = String(pending[scan.remainderStart...])
        if !StatementScanner(pending).hasContent { pending = "" }
        return scan.statements.map(ReplInput.statement)
    }

    /// The input position of an index into `pending`.
    private func position(of index: String.Index) -> Position {
        let before = pending.unicodeScalars[..<index]
        let newlines = before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        guard newlines > 0, let lastBreak = before.lastIndex(of: "\n") else {
            return Position(line: pendingStart.line, column: pendingStart.column + before.count)
        }
        let column = pending.unicodeScalars[pending.unicodeScalars.index(after: lastBreak)..<index].count + 1
        return Position(line: pendingStart.line + newlines, column: column)
    }

    /// What is left at the end of input, if it holds more than blanks and comments: a script's
    /// last statement may omit its `;`.
    mutating func finish() -> ReplInput? {
        defer { pending = "" }
        let text = pending.trimmingWhitespace
        guard StatementScanner(text).hasContent else { return nil }
        let start = pending.unicodeScalars.firstIndex { !$0.properties.isWhitespace } ?? pending.startIndex
        statementOrigins = [position(of: start)]
        return .statement(text)
    }

    /// The prompt for the next line: `  ..> ` while a statement goes on, `  (.> ` (or `[`, `{`)
    /// while a bracket is open, `  '.> ` (or `"`, a back-quote, `*` for a block comment) inside
    /// a string, name or comment.
    var continuationPrompt: String {
        let scan = StatementScanner(pending)
        if let open = scan.openLiteral { return "  \(open).> " }
        if let bracket = scan.openBrackets.last { return "  \(bracket).> " }
        return "  ..> "
    }

    /// Forgets the pending lines (Ctrl-C at the prompt).
    mutating func clear() { pending = "" }

    /// A statement on one line, for the history: `//` comments dropped, lines joined by a space.
    static func singleLine(_ statement: String) -> String {
        var out = ""
        var scanner = StatementScanner.Cursor()
        var skippingComment = false
        for scalar in statement.unicodeScalars {
            let startsComment = scanner.step(scalar) == .lineCommentStart
            if startsComment {
                skippingComment = true
                if out.unicodeScalars.last == "/" { out.unicodeScalars.removeLast() }
            }
            if scalar == "\n" {
                skippingComment = false
                if !scanner.isInString { out += " "; continue }
            }
            if !skippingComment { out.unicodeScalars.append(scalar) }
        }
        var collapsed = ""
        for character in out.trimmingWhitespace {
            if character == " ", collapsed.last == " " { continue }
            collapsed.append(character)
        }
        return collapsed
    }
}

/// The lexical scan behind `StatementBuffer`: where statements end, what is left open.
struct StatementScanner {
    /// Complete statements, trimmed, without their `;` (empty ones dropped).
    private(set) var statements: [String] = []
    /// Where each of `statements` starts in the text (its first non-blank character).
    private(set) var statementStarts: [String.Index] = []
    /// Where the text after the last complete statement starts.
    private(set) var remainderStart: String.Index
    /// Whether the remainder holds anything but blanks and comments.
    private(set) var hasContent = false
    /// The brackets still open at the end, innermost last (`(`, `[`, `{`).
    private(set) var openBrackets: [Character] = []
    /// The scan ended inside a string, a back-quoted name or a block comment.
    private(set) var endsInsideLiteral = false
    /// What the scan ended inside: the quote (`'`, `"`, a back-quote) or `*` for a block comment.
    private(set) var openLiteral: Character?

    init(_ text: String) {
        remainderStart = text.startIndex
        var cursor = Cursor()
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            let scalar = text.unicodeScalars[index]
            let event = cursor.step(scalar)
            let next = text.unicodeScalars.index(after: index)
            switch event {
            case .statementEnd:
                let statement = String(text.unicodeScalars[remainderStart..<index]).trimmingWhitespace
                if StatementScanner(statement).hasContent {
                    statements.append(statement)
                    statementStarts.append(text.unicodeScalars[remainderStart..<index].firstIndex { !$0.properties.isWhitespace } ?? remainderStart)
                }
                remainderStart = next
                hasContent = false
                cursor.brackets.removeAll()
            case .content:
                hasContent = true
            case .lineCommentStart, .other:
                break
            }
            index = next
        }
        openBrackets = cursor.brackets
        endsInsideLiteral = cursor.isInString || cursor.isInBlockComment
        openLiteral = cursor.openQuote.map(Character.init) ?? (cursor.isInBlockComment ? "*" : nil)
    }

    /// The state machine over Unicode scalars.
    struct Cursor {
        enum Event: Equatable { case statementEnd, content, lineCommentStart, other }
        private enum Mode: Equatable { case code, string(Unicode.Scalar), lineComment, blockComment }
        private var mode = Mode.code
        private var escaped = false
        private var previous: Unicode.Scalar = " "
        var brackets: [Character] = []

        var isInString: Bool { if case .string = mode { true } else { false } }
        var openQuote: Unicode.Scalar? { if case .string(let quote) = mode { quote } else { nil } }
        var isInBlockComment: Bool { mode == .blockComment }

        mutating func step(_ scalar: Unicode.Scalar) -> Event {
            let last = previous
            previous = scalar
            switch mode {
            case .string(let quote):
                if escaped { escaped = false } else if scalar == "\\" && quote != "`" { escaped = true } else if scalar == quote { mode = .code }
                return .content
            case .lineComment:
                if scalar == "\n" { mode = .code }
                return .other
            case .blockComment:
                if last == "*" && scalar == "/" { mode = .code; previous = " " }
                return .other
            case .code:
                break
            }
            switch scalar {
            case "'", "\"", "`":
                mode = .string(scalar)
                return .content
            case "/" where last == "/":
                mode = .lineComment
                return .lineCommentStart
            case "*" where last == "/":
                mode = .blockComment
                previous = " "
                return .other
            case "/":
                return .other
            case "(", "[", "{":
                brackets.append(Character(scalar))
                return .content
            case ")", "]", "}":
                if !brackets.isEmpty { brackets.removeLast() }
                return .content
            case ";" where brackets.isEmpty:
                return .statementEnd
            case " ", "\t", "\n", "\r":
                return .other
            default:
                return .content
            }
        }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
