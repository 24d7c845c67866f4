import Foundation
import GraphModel
import Mapping
import Readers

/// Counts for one source file, as the import summary prints them.
public struct SourceReadStats: Sendable, Hashable {
    public var rowsRead = 0
    public var rowsFiltered = 0
    public var rowsRejected = 0
    public var nodeRecords = 0
    public var edgeRecords = 0
    public var seconds = 0.0
    public init() {}
}

/// Counts rejects across all sources of one run and stops the run past the limit.
public final class RejectBudget {
    public let limit: Int
    public private(set) var used = 0

    public init(limit: Int) { self.limit = limit }

    func spend(_ reject: RejectRecord) throws(ImportError) {
        used += 1
        if used > limit { throw .tooManyRejects(limit: limit, lastReject: reject) }
    }
}

/// A source file paired with its mapping, checked before anything is written:
/// the file opens, its header reads, and every column the mapping names is there.
public struct PreparedSource: Sendable {
    public let path: String
    public let displayPath: String
    public let mapping: Mapping
    public let dialect: CSVDialect
    public let columns: [String]

    public init(path: String, displayPath: String, mapping: Mapping) throws(ImportError) {
        self.path = path
        self.displayPath = displayPath
        self.mapping = mapping
        let dialect = try CSVDialect(mapping.source)
        self.dialect = dialect
        do {
            let reader = try CSVReader(path: path, dialect: dialect, displayPath: displayPath)
            columns = try SourceImport.columnNames(reader, spec: mapping.source, file: displayPath)
        } catch {
            throw .reader(error)
        }
        do {
            _ = try mapping.bind(columns: columns, sourceFile: displayPath)
        } catch {
            throw .mapping(error)
        }
    }
}

/// Streams one source through its mapping into a sink: records become nodes and edges,
/// malformed rows and rows a mapping cannot type become rejects with their location.
public enum SourceImport {
    public static func run(_ source: PreparedSource, into sink: GraphSink, budget: RejectBudget) throws(ImportError) -> SourceReadStats {
        let started = Date()
        var stats = SourceReadStats()
        let reader: CSVReader
        let mapper: RowMapper
        let info: SourceFileInfo
        do {
            reader = try CSVReader(path: source.path, dialect: source.dialect, displayPath: source.displayPath)
            mapper = try source.mapping.bind(columns: try columnNames(reader, spec: source.mapping.source, file: source.displayPath),
                                             sourceFile: source.displayPath)
            let size = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? NSNumber)?.int64Value ?? 0
            info = SourceFileInfo(path: source.displayPath, size: size,
                                  contentHash: try FileDigest.sha256(path: source.path), mapping: source.mapping.path)
        } catch let error as ReaderError {
            throw .reader(error)
        } catch let error as MappingError {
            throw .mapping(error)
        } catch {
            throw .store("\(error)")
        }
        let file = source.displayPath
        do {
            let sourceID = try sink.beginSource(info)
            while let row = try nextRow(reader) {
                stats.rowsRead += 1
                switch row {
                case .malformed(let bad):
                    let reject = RejectRecord(location: bad.location, rule: nil, reason: bad.reason, rawText: bad.rawText)
                    stats.rowsRejected += 1
                    try sink.add(reject, source: sourceID)
                    try budget.spend(reject)
                case .record(let record):
                    let outcome = mapper.map(record.fields, at: record.location(file: file),
                                             fieldLocation: { record.location(ofField: $0, file: file) })
                    switch outcome {
                    case .filteredOut:
                        stats.rowsFiltered += 1
                    case .mapped(let nodes, let edges):
                        for node in nodes { try sink.add(node, source: sourceID) }
                        for edge in edges { try sink.add(edge, source: sourceID) }
                        stats.nodeRecords += nodes.count
                        stats.edgeRecords += edges.count
                    case .rejected(var reject):
                        reject.rawText = record.rawText
                        stats.rowsRejected += 1
                        try sink.add(reject, source: sourceID)
                        try budget.spend(reject)
                    }
                }
            }
            try sink.endSource(sourceID, rowsRead: stats.rowsRead)
        } catch let error as ImportError {
            throw error
        } catch {
            throw .store("\(error)")
        }
        stats.seconds = Date().timeIntervalSince(started)
        return stats
    }

    /// The column names a mapping binds to: the file's header, or the mapping's `columns:`
    /// renaming them one for one (then the counts must agree).
    static func columnNames(_ reader: CSVReader, spec: SourceSpec, file: String) throws(ReaderError) -> [String] {
        guard spec.header, let renamed = spec.columns else { return reader.columns }
        guard renamed.count == reader.columns.count else {
            throw ReaderError("the header has \(reader.columns.count) columns but the mapping's `columns:` names \(renamed.count)",
                              at: SourceLocation(file: file, line: spec.skipLines + 1, column: 1), file: file)
        }
        return renamed
    }

    private static func nextRow(_ reader: CSVReader) throws(ImportError) -> CSVRow? {
        do { return try reader.next() } catch { throw .reader(error) }
    }
}
