import Engine
import Foundation
import GraphModel

/// One REPL session on an open graph: the settings a user changes with meta-commands (format,
/// parameters, timing, row limit, output file) and the running of statements. Every problem is
/// printed and the session goes on; `execute` says whether the input succeeded.
final class ReplSession {
    let graph: GraphReport
    /// The project file, to find named queries next to it.
    let project: String?
    let output: ReplOutput
    var style: TerminalStyle
    var format: QueryResult.Format
    var parameters: [String: Value] = [:]
    var timing = true
    var maxRows: Int?
    /// A person is at a terminal: confirmations of commands are printed (a script stays quiet).
    var interactive = false
    /// The Ctrl-C count when the current line was read (see `QueryWorker.baseline`).
    var interruptBaseline: Int?
    /// The last query was cancelled by Ctrl-C: the rest of its line is skipped.
    private(set) var lastWasCancelled = false
    /// Set by `:quit`.
    var quitRequested = false
    /// The history the line editor keeps (`:history`).
    var history: () -> [String] = { [] }
    /// Re-reads the terminal width before each table (a resized window).
    var refreshWidth: (() -> Int?)?
    private var namedQueries: [NamedQueries.Entry]?
    let vocabulary: CompletionVocabulary

    init(graph: GraphReport, project: String?, output: ReplOutput, style: TerminalStyle,
         format: QueryResult.Format = .table, maxRows: Int? = nil) {
        self.graph = graph
        self.project = project
        self.output = output
        self.style = style
        self.format = format
        self.maxRows = maxRows
        vocabulary = CompletionVocabulary(catalog: graph.catalog)
    }

    /// The completer for the current parameters and named queries (the latter read on first use).
    var completer: Completer {
        var words = vocabulary
        words.parameters = parameters.keys.sorted()
        let entries = allNamedQueries()
        words.namedQueries = entries.map(\.name)
        for entry in entries { words.namedQueryParameters[entry.name] = Self.parameterNames(in: entry.text) }
        return Completer(vocabulary: words)
    }

    func allNamedQueries() -> [NamedQueries.Entry] {
        if let namedQueries { return namedQueries }
        let entries = NamedQueries.all(project: project)
        namedQueries = entries
        return entries
    }

    /// Runs one statement or meta-command; false when it failed (or was cancelled).
    @discardableResult
    func execute(_ input: ReplInput, origin: QueryOrigin? = nil) -> Bool {
        lastWasCancelled = false
        switch input {
        case .statement(let text):
            return runQuery(text, parameters: parameters, origin: origin)
        case .metaCommand(let line):
            do {
                return try perform(try MetaCommand.parse(line))
            } catch {
                output.error(style.error(error.description))
                return false
            }
        }
    }

    // MARK: - Queries

    /// Compiles and runs `text` on a worker thread (Ctrl-C cancels it) and prints the outcome.
    func runQuery(_ text: String, parameters: [String: Value], origin: QueryOrigin? = nil) -> Bool {
        let report = UncheckedSendable(graph)
        let limit = maxRows
        let worker = QueryWorker(interrupter: graph.interrupter, baseline: interruptBaseline ?? InterruptSignal.count)
        let (outcome, cancelled) = worker.run { flag -> Result<QueryOutcome, EngineError> in
            var request = QueryRequest(text: text, parameters: parameters, maxRows: limit,
                                       isCancelled: { flag.isCancelled }, origin: origin)
            request.parameterAdvice = { "set it with :param \($0) VALUE (or name=value after :run NAME)" }
            do throws(EngineError) {
                return .success(try report.value.run(request))
            } catch {
                return .failure(error)
            }
        }
        // A query that finished just as Ctrl-C came keeps its answer.
        lastWasCancelled = cancelled && { if case .failure = outcome { true } else { false } }()
        if lastWasCancelled {
            reportCancelled()
            return false
        }
        switch outcome {
        case .failure(let error):
            output.error(style.error(error.description))
            return false
        case .success(.rows(let result)):
            show(result)
        case .success(.explain(let plan)):
            output.result(plan, plain: plan)
        case .success(.profile(let result, let profile)):
            show(result)
            output.result(profile, plain: profile)
        }
        return true
    }

    /// Ctrl-C stopped the running query (or `:schema`): say so; the rest of the line is skipped.
    func reportCancelled() {
        lastWasCancelled = true
        output.error((interactive ? "\n" : "") + style.yellow("cancelled") + ": the query was stopped (Ctrl-C)")
    }

    /// `:schema` with counts, which scans every table: on the worker thread, so Ctrl-C stops it.
    func showSchemaWithCounts() -> Bool {
        let report = UncheckedSendable(graph)
        let worker = QueryWorker(interrupter: graph.interrupter, baseline: interruptBaseline ?? InterruptSignal.count)
        let (outcome, cancelled) = worker.run { _ -> Result<String, EngineError> in
            do throws(EngineError) {
                return .success(try report.value.schemaText())
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let text):
            output.result(text, plain: text)
            return true
        case .failure where cancelled:
            reportCancelled()
            return false
        case .failure(let error):
            output.error(style.error(error.description))
            return false
        }
    }

    /// A confirmation (`format: csv`), printed only in an interactive session.
    func confirm(_ text: String) {
        if interactive { output.message(text) }
    }

    /// Prints a result in the session's format; on a terminal, the summary line follows.
    func show(_ result: QueryResult) {
        if format == .table {
            var screen = style
            if let width = refreshWidth?() { screen.width = width }
            let shown = TablePrinter(style: screen).render(result)
            let plain = TablePrinter(style: .plain).render(result)
            output.result(shown, plain: plain)
            output.message(TablePrinter(style: screen).summary(result, timing: timing))
        } else {
            let text = result.render(format)
            output.result(text, plain: text)
            if style.width != nil { output.message(TablePrinter(style: style).summary(result, timing: timing)) }
        }
    }
}
