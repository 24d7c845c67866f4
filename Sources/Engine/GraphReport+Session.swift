import GraphModel

/// What an interactive session (the REPL) needs from an open graph besides running queries:
/// the catalog to complete names from, and a way to stop a running statement from another thread.
extension GraphReport {
    /// The graph's catalog: labels, edge types and their typed properties, read once on open.
    public var catalog: Catalog { store.catalog }

    /// Stops the statement running on this graph's connection; callable from any thread
    /// (the REPL's Ctrl-C). A statement started afterwards is not affected once none is running.
    public var interrupter: @Sendable () -> Void { store.interrupter }
}
