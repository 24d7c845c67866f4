import Foundation
import GraphModel
import GraphStore
import Query

/// Where a query's text was read from, so a compile error names the file's line and column:
/// `loom query -f question.cypher`, or one statement of a REPL script (`--init`, standard input).
public struct QueryOrigin: Sendable, Hashable {
    /// The file name shown before `:LINE:COL` (`setup.cypher`, `<stdin>`).
    public var name: String
    /// Where the query text starts in that file, 1-based.
    public var line: Int
    public var column: Int

    public init(name: String, line: Int = 1, column: Int = 1) {
        self.name = name
        self.line = line
        self.column = column
    }
}

/// What `loom query` and the REPL hand the engine: the Cypher text and its parameters.
public struct QueryRequest: Sendable {
    public var text: String
    public var parameters: [String: Value]
    /// At most this many rows are returned (`nil`: all).
    public var maxRows: Int?
    /// Polled by the native BOM operators while they load and walk (the REPL's Ctrl-C):
    /// returning true stops the query with "the BOM walk was cancelled".
    public var isCancelled: (@Sendable () -> Bool)?
    /// The file the text came from, for error positions (nil: shown as `query:LINE:COL`).
    public var origin: QueryOrigin?
    /// How the user gives a missing `$name`, for the error: the command line's
    /// `add --param name=VALUE` unless the caller (the REPL) says otherwise.
    public var parameterAdvice: @Sendable (String) -> String = { "add --param \($0)=VALUE" }

    public init(text: String, parameters: [String: Value] = [:], maxRows: Int? = nil,
                isCancelled: (@Sendable () -> Bool)? = nil, origin: QueryOrigin? = nil) {
        self.text = text
        self.parameters = parameters
        self.maxRows = maxRows
        self.isCancelled = isCancelled
        self.origin = origin
    }
}

/// What a query produced: rows, or (for EXPLAIN) the plan and SQL, or (for PROFILE) rows and timings.
public enum QueryOutcome: Sendable {
    case rows(QueryResult)
    case explain(String)
    case profile(QueryResult, String)
}

extension GraphReport {
    /// Compiles the query against this graph's catalog and runs it on the read-only connection.
    public func run(_ request: QueryRequest) throws(EngineError) -> QueryOutcome {
        let started = Date()
        let compiled: CompiledQuery
        do {
            compiled = try QueryCompiler.compile(request.text, catalog: store.catalog)
        } catch {
            throw .query(request.origin.map { error.rendered(name: $0.name, line: $0.line, column: $0.column) } ?? error.description)
        }
        let compiledAt = Date()
        if compiled.isExplain {
            return .explain(Self.explanation(compiled))
        }
        let resolve = { (parameter: QueryParameter) throws(EngineError) -> Value in
            try Self.value(of: parameter, in: request)
        }
        var arguments: [Value] = []
        for parameter in compiled.parameters {
            arguments.append(try resolve(parameter))
        }
        var rows: [[Value]] = []
        var truncated = false
        let read = {
            _ = try self.store.forEachRow(compiled.sql, arguments: arguments, columnTypes: compiled.columnTypes) { row in
                if let max = request.maxRows, rows.count >= max {
                    truncated = true
                    throw EnoughRows()
                }
                rows.append(row)
            }
        }
        var native: (call: NativeCall, rows: Int, seconds: Double)?
        do {
            if let call = compiled.nativeCall {
                let callStarted = Date()
                var inputs: [Value]?
                if let input = call.input {
                    // A correlated call: the distinct argument values of the rows before it.
                    var values: [Value] = []
                    try store.forEachRow(input.sql, arguments: Array(arguments.prefix(input.parameterCount))) { row in
                        if let value = row.first, !value.isNull { values.append(value) }
                    }
                    inputs = values
                }
                let runner = NativeCallRunner(store: store, resolve: resolve, isCancelled: request.isCancelled)
                let callRows = try runner.rows(call, inputs: inputs)
                native = (call, callRows.count, Date().timeIntervalSince(callStarted))
                if let columns = compiled.passthrough {
                    // RETURN of yielded names only: the procedure's rows are the answer.
                    for row in callRows {
                        if let max = request.maxRows, rows.count >= max { truncated = true; break }
                        rows.append(columns.map { row[$0] })
                    }
                    throw EnoughRows()
                }
                try store.withTemporaryTable(named: NativeCall.table, columns: call.tableColumns, rows: callRows) {
                    do { try read() } catch is EnoughRows {}
                }
            } else {
                try read()
            }
        } catch is EnoughRows {
            // --max-rows reached: the statement is reset, the rows so far are the answer.
        } catch let error as EngineError {
            throw error
        } catch let error as StoreError where error.code == .interrupted {
            throw .query("error: the query was cancelled")
        } catch let error as StoreError where error.databaseMessage != nil {
            // SQLite's message alone (a bad regular expression, an invalid date): EXPLAIN shows the SQL.
            throw .query("error: the query failed while running: \(error.databaseMessage ?? error.message)")
        } catch {
            throw .query("error: the query failed while running: \(error)")
        }
        let finished = Date()
        let result = QueryResult(columns: compiled.columns, rows: rows, truncated: truncated,
                                 seconds: finished.timeIntervalSince(started))
        guard compiled.isProfile else { return .rows(result) }
        var steps = [
            "step      rows  time",
            "compile      -  \(String(format: "%.3f s", compiledAt.timeIntervalSince(started)))",
        ]
        var executeSeconds = finished.timeIntervalSince(compiledAt)
        if let native {
            steps.append("call     \(String(native.rows).leftPadded(5))  \(String(format: "%.3f s", native.seconds))  \(native.call.text)")
            executeSeconds -= native.seconds
        }
        steps.append("execute  \(String(rows.count).leftPadded(5))  \(String(format: "%.3f s", max(0, executeSeconds)))")
        let profile = (steps + ["plan:", compiled.plan]).joined(separator: "\n")
        return .profile(result, profile + "\n")
    }

    /// The value bound to a placeholder: a literal from the query, or the `--param` of that name.
    static func value(of parameter: QueryParameter, in request: QueryRequest) throws(EngineError) -> Value {
        switch parameter {
        case .literal(let value):
            return value
        case .named(let name):
            guard let value = request.parameters[name] else {
                let known = request.parameters.keys.sorted()
                var message = "error: the query uses $\(name) but no value was given: " + request.parameterAdvice(name)
                if let s = Suggestions.closest(to: name, in: known) { message += " (did you mean $\(s)?)" }
                throw .query(message)
            }
            return value
        }
    }

    static func explanation(_ compiled: CompiledQuery) -> String {
        func indented(_ text: String) -> String { text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
        var text = "plan:\n" + indented(compiled.plan)
        if let input = compiled.nativeCall?.input {
            text += "\nsql for the arguments of the call (one run per distinct value):\n" + indented(input.sql)
        }
        return text + "\nsql:\n" + indented(compiled.sql) + "\n"
    }
}

/// Thrown from the row callback to stop reading once `--max-rows` rows are in.
private struct EnoughRows: Error {}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
