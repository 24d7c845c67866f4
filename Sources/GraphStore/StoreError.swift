import GraphModel
import SQLiteDB

/// An error from the graph store, with what the user can do about it where there is something.
///
/// Database failures underneath (disk full, a locked file, an interrupted statement) are wrapped
/// with `code == .database` (or `.interrupted`) and keep SQLite's text in `message`.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// The mapping's catalog contradicts the stored one (a property's type changed, a key changed).
        case schemaConflict
        /// A label, edge type or property name that cannot be used as a table or column name.
        case invalidName
        /// A value that does not fit its declared property type (or an enum value not declared).
        case invalidValue
        /// A label, edge type or property the catalog does not declare.
        case unknownName
        /// The file is not a Loom graph, or was written by a newer Loom.
        case notAGraph
        case newerFormat
        /// A write on a graph opened read-only.
        case readOnly
        /// A second import while one is running, or a call on a finished session.
        case sessionState
        /// A file operation failed (replacing a graph file).
        case fileSystem
        /// SQLite reported an error.
        case database
        /// The running statement was interrupted (Ctrl-C).
        case interrupted
    }

    public var code: Code
    public var message: String
    /// The source record that caused it, when one did.
    public var location: SourceLocation?
    /// For `.database`: SQLite's own message alone (no error code, no statement text), e.g.
    /// `invalid regular expression '[a'`, for messages where the SQL would only be noise.
    public var databaseMessage: String?

    public init(_ code: Code, _ message: String, at location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}

extension StoreError {
    /// Wraps a SQLite error; other errors pass through unchanged.
    static func wrapping(_ error: any Error) -> any Error {
        guard let sqlite = error as? SQLiteError else { return error }
        if sqlite.isInterrupted { return StoreError(.interrupted, "interrupted") }
        if sqlite.resultCode == .readOnly {
            return StoreError(.readOnly, "the graph is open read-only (\(sqlite.message))")
        }
        var wrapped = StoreError(.database, sqlite.description)
        wrapped.databaseMessage = sqlite.message
        return wrapped
    }

    /// Runs `body`, turning SQLite errors into `StoreError`s.
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw wrapping(error) }
    }
}
