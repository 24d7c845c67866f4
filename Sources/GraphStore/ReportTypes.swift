import GraphModel

/// A property of a label or edge type with how many stored rows have a value for it.
public struct PropertySchema: Hashable, Sendable {
    public var name: String
    public var type: PropertyType
    public var nonNullCount: Int
}

/// A label as stored: key, properties and node count.
public struct LabelSchema: Hashable, Sendable {
    public var label: String
    public var key: [String]
    public var properties: [PropertySchema]
    public var nodeCount: Int
}

/// An edge type as stored: endpoints, properties and edge count.
public struct EdgeTypeSchema: Hashable, Sendable {
    public var name: String
    public var from: String
    public var to: String
    public var properties: [PropertySchema]
    public var edgeCount: Int
}

/// `loom schema`: every label and edge type with counts.
public struct GraphSchema: Hashable, Sendable {
    public var labels: [LabelSchema]
    public var edgeTypes: [EdgeTypeSchema]
}

/// A name with a row count (a label's nodes, an edge type's edges).
public struct NamedCount: Hashable, Sendable {
    public var name: String
    public var count: Int
}

/// `loom stats`: counts per label and edge type, and the problems of the run the graph came from.
public struct GraphStats: Hashable, Sendable {
    public var labels: [NamedCount]
    public var edgeTypes: [NamedCount]
    public var nodes: Int
    public var edges: Int
    /// Import runs recorded, of any status.
    public var runs: Int
    /// The last run with status ok (the one the graph's data came from), if any.
    public var currentRun: Int64?
    /// Rejects, dangling edges and conflicts of `currentRun`.
    public var rejects: Int
    public var dangling: Int
    public var conflicts: Int
    /// Size of the database file in bytes (without the WAL).
    public var fileSize: Int64
}

/// One import run as recorded in `_runs`, with its sources.
public struct RunInfo: Hashable, Sendable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var status: RunStatus
    public var project: String
    public var counts: ImportCounts
    public var message: String?
    public var sources: [SourceSummary]
}

/// A source position for provenance: which file (of which run) and line.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    public var sourceID: Int64
    public var path: String
    public var line: Int
    public var run: Int64
    public var mapping: String

    /// `path:line`.
    public var description: String { "\(path):\(line)" }
}

/// A rejected source row with the reason, as `loom rejects` shows it.
public struct RejectEntry: Hashable, Sendable {
    public var run: Int64
    public var source: String
    public var line: Int
    public var column: Int?
    public var record: Int?
    public var rule: String?
    public var reason: String
    public var rawText: String

    /// The row's location (`file:line:column`).
    public var location: SourceLocation { SourceLocation(file: source, line: line, column: column, record: record) }
}

/// Which end of a dangling edge names a node that does not exist.
public enum MissingEnd: String, Hashable, Sendable {
    case from, to, both
}

/// An edge kept out of the graph because an endpoint is missing, with its source row.
public struct DanglingEntry: Hashable, Sendable {
    public var run: Int64
    public var source: String
    public var line: Int
    public var rule: String?
    public var edgeType: String
    public var fromLabel: String
    /// Key text as shown to a person (composite parts joined by `/`).
    public var fromKey: String
    public var toLabel: String
    public var toKey: String
    public var missing: MissingEnd
}

/// Two sources disagreeing on a property of one node; the first value is kept.
public struct ConflictEntry: Hashable, Sendable {
    public var run: Int64
    public var label: String
    /// Key text as shown to a person (composite parts joined by `/`).
    public var key: String
    public var property: String
    public var keptValue: String
    public var kept: SourcePosition?
    public var otherValue: String
    public var other: SourcePosition?
}

/// Where a node came from: the record that created it and every record merged into it.
public struct NodeProvenance: Hashable, Sendable {
    public var label: String
    /// Key text as shown to a person.
    public var key: String
    public var nodeID: Int64
    /// The node's stored properties, typed, in catalog order.
    public var properties: PropertyList
    public var createdBy: SourcePosition?
    public var contributions: [SourcePosition]
}

/// Rows of an ad-hoc SQL query over the graph (what the query engine runs).
public struct ResultTable: Hashable, Sendable {
    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }
}
