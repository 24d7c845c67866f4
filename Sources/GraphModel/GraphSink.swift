/// What an import writes into. GraphStore implements it over SQLite; tests implement it in
/// memory. Calls arrive in this order: `beginSource`, then any mix of `add` calls for that
/// source, then `endSource`; repeated per source; the store resolves edges when the run ends.
public protocol GraphSink: AnyObject {
    /// Registers a source file for provenance; the returned id tags everything added until `endSource`.
    /// `source.contentHash` may be empty: the reader fingerprints the file while parsing it and
    /// hands the hash to `endSource`.
    func beginSource(_ source: SourceFileInfo) throws -> Int64
    /// Creates the node, or merges it into the node with the same label and key
    /// (filling properties it lacked; a differing value is recorded as a conflict, never overwritten).
    func add(_ node: NodeRecord, source: Int64) throws
    func add(_ edge: EdgeRecord, source: Int64) throws
    func add(_ reject: RejectRecord, source: Int64) throws
    /// Closes a source: how many rows were read and the SHA-256 of its bytes.
    func endSource(_ source: Int64, rowsRead: Int, contentHash: String) throws
}
