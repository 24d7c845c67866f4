import GraphModel

/// Compiles a query in Loom's Cypher dialect into one SQLite SELECT over the graph file's
/// tables (`node_<Label>`, `edge_<TYPE>`), without touching SQLite.
///
/// Pipeline: `Parser` (text → AST) → `Binder` (names resolved against the catalog, variables
/// scoped, expressions typed and translated) → `Planner` (joins, grouping, ordering, paging) →
/// `SQLText` (the statement). Identifiers in the SQL come only from the catalog and are always
/// double-quoted; every value written in the query and every `$parameter` is a `?NNN` placeholder.
/// See `docs/query-language.md` for the supported subset and how each construct compiles.
public enum QueryCompiler {
    public static func compile(_ text: String, catalog: Catalog) throws(QueryError) -> CompiledQuery {
        let statement: Statement
        do {
            statement = try Parser.parse(text)
        } catch {
            throw QueryError(error, source: text)
        }
        let context = CompilationContext(catalog: catalog, source: text)
        var compiled = try QueryPlanner(context: context).plan(statement)
        compiled.isExplain = statement.mode == .explain
        compiled.isProfile = statement.mode == .profile
        return compiled
    }
}

/// A compiled query: SQL text, what to bind to its placeholders, and how to read its columns.
public struct CompiledQuery: Sendable, Hashable {
    /// One SELECT statement. Values are `?1`, `?2`, ... placeholders; a placeholder may occur
    /// more than once (the same `$name` or literal used twice).
    public internal(set) var sql: String
    /// `parameters[i]` binds placeholder `?(i + 1)`: `.named("part")` for `$part`, `.literal(v)`
    /// for a value written in the query text. List parameters (`x IN $list`) are bound as a JSON
    /// array text.
    public internal(set) var parameters: [QueryParameter]
    /// Result column names: the alias, or the expression as written.
    public internal(set) var columns: [String]
    /// How to decode each column: `.decimal` comes back as exact TEXT, `.boolean` as 0/1,
    /// `.date`/`.datetime` as ISO TEXT, `.enumeration` as TEXT. Nil means use what SQLite returns
    /// (whole nodes and relationships and `collect(...)` come back as JSON text).
    public internal(set) var columnTypes: [PropertyType?]
    /// A human-readable plan, one step per line, for EXPLAIN.
    public internal(set) var plan: String
    public internal(set) var isExplain: Bool
    public internal(set) var isProfile: Bool
    /// A `CALL` the engine runs natively first: it fills `temp."loom_call"` with the
    /// procedure's rows (`NativeCall.columns`), then runs `sql`, which reads that table.
    public internal(set) var nativeCall: NativeCall? = nil
    /// Set when the query only returns some of the native call's columns as they are
    /// (`CALL … YIELD a, b RETURN a, b`, or a standalone CALL): the answer is the procedure's rows
    /// with these column indexes, in this order, and the engine may skip the temporary table and
    /// `sql` (which gives the same rows).
    public internal(set) var passthrough: [Int]? = nil
}

/// What a placeholder is bound to.
public enum QueryParameter: Sendable, Hashable {
    /// `$name`, supplied by the caller.
    case named(String)
    /// A literal written in the query text.
    case literal(Value)
}
