import Foundation
import GraphModel
import GraphStore
import Query

/// What `loom query` and the REPL hand the engine: the Cypher text and its parameters.
public struct QueryRequest: Sendable {
    public var text: String
    public var parameters: [String: Value]
    /// At most this many rows are returned (`nil`: all).
    public var maxRows: Int?

    public init(text: String, parameters: [String: Value] = [:], maxRows: Int? = nil) {
        self.text = text
        self.parameters = parameters
        self.maxRows = maxRows
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
            throw .query(error.description)
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
                let callRows = try NativeCallRunner(store: store, resolve: resolve).rows(call)
                native = (call, callRows.count, Date().timeIntervalSince(callStarted))
                try store.withTemporaryTable(named: NativeCall.table, columns: call.columns.map(\.name), rows: callRows) {
                    do { try read() } catch is EnoughRows {}
                }
            } else {
                try read()
            }
        } catch is EnoughRows {
            // --max-rows reached: the statement is reset, the rows so far are the answer.
        } catch let error as EngineError {
            throw error
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
                var message = "error: the query uses $\(name) but no value was given: add --param \(name)=VALUE"
                if let s = Suggestions.closest(to: name, in: known) { message += " (did you mean $\(s)?)" }
                throw .query(message)
            }
            return value
        }
    }

    static func explanation(_ compiled: CompiledQuery) -> String {
        "plan:\n" + compiled.plan.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            + "\nsql:\n" + compiled.sql.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}

/// Thrown from the row callback to stop reading once `--max-rows` rows are in.
private struct EnoughRows: Error {}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
