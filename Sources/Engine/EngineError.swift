import GraphModel

/// An error the engine reports to the CLI or REPL: one or several diagnostics with positions,
/// or a failed import. The CLI maps it to text and an exit code.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// Bad input (project file, mapping, missing source file): nothing was written.
    case input(Diagnostic)
    case inputs([Diagnostic])
    /// The import ran and was rolled back: too many rejects. The graph is as it was.
    case rejectLimit(String)
    /// The graph store failed (I/O, SQLite, incompatible schema).
    case store(String)
    /// A query could not be compiled or run; the text is already rendered like a compiler's.
    case query(String)

    public var description: String {
        switch self {
        case .input(let d): d.description
        case .inputs(let ds): ds.map(\.description).joined(separator: "\n")
        case .rejectLimit(let message): message
        case .store(let message): message.hasPrefix("error:") ? message : "error: \(message)"
        case .query(let message): message
        }
    }
}
