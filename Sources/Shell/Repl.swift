#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Engine
import Foundation

/// How `loom repl` was asked to run.
public struct ReplOptions: Sendable {
    public var project: String?
    public var database: String?
    /// The history file; nil: `LOOM_HISTORY`, else `~/.loom_history` (see `historyFile`).
    public var history: String?
    /// A script whose statements run before the first prompt.
    public var initFile: String?
    /// Stop at the first failing statement (when reading a script or the init file).
    public var failFast: Bool
    public var format: QueryResult.Format
    /// Row limit; nil: 1000 on a terminal, none for a script.
    public var maxRows: Int?

    public init(project: String?, database: String?, history: String? = nil, initFile: String? = nil,
                failFast: Bool = false, format: QueryResult.Format = .table, maxRows: Int? = nil) {
        self.project = project
        self.database = database
        self.history = history
        self.initFile = initFile
        self.failFast = failFast
        self.format = format
        self.maxRows = maxRows
    }

    /// The history file: the option, else `LOOM_HISTORY` (empty: no file), else `$HOME/.loom_history`.
    public static func historyFile(option: String?, environment: [String: String]) -> String? {
        if let option { return option.isEmpty ? nil : option }
        if let variable = environment["LOOM_HISTORY"] { return variable.isEmpty ? nil : variable }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".loom_history")
    }

    /// The default row limit in an interactive session.
    public static let interactiveMaxRows = 1000
}

/// `loom repl`: an interactive shell on a graph, or a script runner when standard input is not
/// a terminal. Errors are printed and never end the session; the exit status is 1 when a
/// statement of a script failed.
public enum Repl {
    /// Opens the graph and runs the session to its end; returns the process's exit status.
    public static func run(_ options: ReplOptions) throws(EngineError) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let interactive = isatty(STDIN_FILENO) == 1
        let graph = try Engine.openGraph(project: options.project, database: options.database)
        let output = ReplOutput.process()
        let style = TerminalStyle.standardOutput(environment: environment)
        let session = ReplSession(graph: graph, project: options.project, output: output, style: style,
                                  format: options.format,
                                  maxRows: options.maxRows ?? (interactive ? ReplOptions.interactiveMaxRows : nil))
        session.interactive = interactive
        if style.width != nil { session.refreshWidth = { TerminalStyle.currentWidth(environment: environment) } }

        var failed = false
        if let initFile = options.initFile {
            guard let data = FileManager.default.contents(atPath: initFile) else {
                throw .input(.init(.error, "init file not found: \(initFile)"))
            }
            let script = PlainScript(String(decoding: data, as: UTF8.self), name: initFile)
            failed = !runLoop(session, source: script, failFast: options.failFast, prompts: false)
            if failed && options.failFast { return 1 }
            if session.quitRequested { return failed ? 1 : 0 }
        }
        guard interactive else {
            let ok = runLoop(session, source: PlainLineReader(), failFast: options.failFast, prompts: false)
            return ok && !failed ? 0 : 1
        }
        var historyPath = ReplOptions.historyFile(option: options.history, environment: environment)
        if let path = historyPath, !LineEditor.canKeepHistory(in: path) {
            output.error("warning: \(path) is not a loom history file; it is left alone and the history is kept for this session only")
            historyPath = nil
        }
        guard let editor = LineEditor(historyPath: historyPath, complete: { line, pending in
            session.completer.complete(line, pending: pending)
        }) else {
            let ok = runLoop(session, source: PlainLineReader(), failFast: options.failFast, prompts: false)
            return ok && !failed ? 0 : 1
        }
        editor.warn = { output.error($0) }
        session.history = { editor.history }
        InterruptSignal.install()
        output.message(style.dim("Loom \(LoomVersion.current) on \(graph.path): end statements with ;  :help for commands, Ctrl-D to quit"))
        _ = runLoop(session, source: editor, failFast: false, prompts: true)
        return 0
    }

    static let prompt = "loom> "

    /// Reads lines into statements and runs them until the end of input or `:quit`.
    /// Returns false when a statement failed.
    @discardableResult
    static func runLoop(_ session: ReplSession, source: LineSource, failFast: Bool, prompts: Bool) -> Bool {
        var buffer = StatementBuffer()
        var allSucceeded = true
        func handle(_ input: ReplInput, at position: StatementBuffer.Position?) -> Bool {
            if prompts { source.remember(entry(for: input)) }
            let origin = source.sourceName.flatMap { name in
                position.map { QueryOrigin(name: name, line: $0.line, column: $0.column) }
            }
            let ok = session.execute(input, origin: origin)
            if !ok { allSucceeded = false }
            return ok || !failFast
        }
        reading: while !session.quitRequested {
            source.pending = buffer.pending
            session.interruptBaseline = InterruptSignal.count
            switch source.readLine(prompt: buffer.isEmpty ? prompt : buffer.continuationPrompt) {
            case .endOfInput:
                if prompts {
                    session.output.message("")
                    // Ctrl-D halfway through a statement: quit, but keep what was typed.
                    if !buffer.isEmpty {
                        source.remember(StatementBuffer.singleLine(buffer.pending))
                        session.output.message("the unfinished statement is kept in the history (Up-arrow brings it back)")
                    }
                } else if let last = buffer.finish() {
                    _ = handle(last, at: buffer.statementOrigins.first)
                }
                break reading
            case .interrupted:
                buffer.clear()
            case .line(let line):
                let inputs = buffer.append(line)
                var origins = buffer.statementOrigins[...]
                for input in inputs {
                    var position: StatementBuffer.Position?
                    if case .statement = input { position = origins.popFirst() }
                    guard handle(input, at: position) else { break reading }
                    if session.quitRequested { break reading }
                    // Ctrl-C stops the rest of the line too.
                    if session.lastWasCancelled { buffer.clear(); break }
                }
            }
        }
        return allSucceeded
    }

    /// What the history keeps for an input: a statement on one line with its `;`, a command as typed.
    static func entry(for input: ReplInput) -> String {
        switch input {
        case .statement(let text): StatementBuffer.singleLine(text) + ";"
        case .metaCommand(let line): line
        }
    }
}

/// The lines of an init file, read like standard input.
final class PlainScript: LineSource {
    private var lines: [Substring]
    private var next = 0
    var pending = ""
    var history: [String] { [] }
    let sourceName: String?

    init(_ text: String, name: String? = nil) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        sourceName = name
    }

    func readLine(prompt: String) -> LineRead {
        guard next < lines.count else { return .endOfInput }
        defer { next += 1 }
        var line = String(lines[next])
        if line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    func remember(_ entry: String) {}
}
