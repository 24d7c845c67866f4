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

/// Streams sources through their mappings into a sink: records become nodes and edges,
/// malformed rows and rows a mapping cannot type become rejects with their location.
///
/// One thread reads and maps every source in turn and hands batches of records to the calling
/// thread, which writes them to the sink (the store is single-threaded). On two cores the
/// parse and the SQLite writes overlap, also across sources: the next file is parsed while the
/// last one's records are still being written. Order is kept: the sink sees each source's
/// records in file order, and sources in the order given.
public enum SourceImport {
    /// Rows per batch handed from the reading thread to the writing thread.
    static let batchRows = 1024

    /// Imports one source; see `run(_:into:budget:)` for several.
    public static func run(_ source: PreparedSource, into sink: GraphSink, budget: RejectBudget) throws(ImportError) -> SourceReadStats {
        try run([source], into: sink, budget: budget)[0]
    }

    /// Imports the sources in order; returns their counts in the same order.
    public static func run(_ sources: [PreparedSource], into sink: GraphSink, budget: RejectBudget) throws(ImportError) -> [SourceReadStats] {
        let queue = RowBatchQueue(capacity: 4)
        let done = DispatchSemaphore(value: 0)
        let reading = Thread {
            defer { done.signal() }
            do throws(ImportError) {
                for (index, source) in sources.enumerated() {
                    let hash = try readAndMap(source, index: index, into: queue)
                    var end = RowBatch(source: index)
                    end.endOfSource = hash
                    guard queue.put(end) else { return }
                }
                queue.close()
            } catch {
                queue.close(failure: error)
            }
        }
        reading.stackSize = 4 << 20
        reading.start()

        var stats = [SourceReadStats](repeating: SourceReadStats(), count: sources.count)
        var current: (index: Int, id: Int64, started: Date)?
        do throws(ImportError) {
            while let batch = try queue.take() {
                if current?.index != batch.source {
                    let source = sources[batch.source]
                    let size = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? NSNumber)?.int64Value ?? 0
                    let info = SourceFileInfo(path: source.displayPath, size: size, contentHash: "", mapping: source.mapping.path)
                    do { current = (batch.source, try sink.beginSource(info), Date()) } catch { throw .store("\(error)") }
                }
                guard let open = current else { continue }
                try write(batch, into: sink, source: open.id, budget: budget)
                stats[open.index].add(batch)
                if let hash = batch.endOfSource {
                    do {
                        try sink.endSource(open.id, rowsRead: stats[open.index].rowsRead, contentHash: hash)
                    } catch {
                        throw .store("\(error)")
                    }
                    stats[open.index].seconds = Date().timeIntervalSince(open.started)
                    current = nil
                }
                queue.recycle(batch)
            }
        } catch {
            queue.cancel()
            done.wait()
            throw error
        }
        done.wait()
        return stats
    }

    /// The reading thread: file → rows → mapped records, in batches. Returns the file's SHA-256.
    private static func readAndMap(_ source: PreparedSource, index: Int, into queue: RowBatchQueue) throws(ImportError) -> String {
        let reader: CSVReader
        let mapper: RowMapper
        do {
            reader = try CSVReader(path: source.path, dialect: source.dialect, displayPath: source.displayPath)
            mapper = try source.mapping.bind(columns: try columnNames(reader, spec: source.mapping.source, file: source.displayPath),
                                             sourceFile: source.displayPath)
        } catch let error as ReaderError {
            throw .reader(error)
        } catch let error as MappingError {
            throw .mapping(error)
        } catch {
            throw .unsupported("\(error)")
        }
        let file = source.displayPath
        var batch = RowBatch(source: index)
        batch.items.reserveCapacity(batchRows * 2)
        while let row = try nextRow(reader) {
            batch.rowsRead += 1
            switch row {
            case .malformed(let bad):
                batch.rowsRejected += 1
                batch.items.append(.reject(RejectRecord(location: bad.location, rule: nil, reason: bad.reason, rawText: bad.rawText)))
            case .record(let record):
                switch mapper.map(record.fields, at: record.location(file: file),
                                  fieldLocation: { record.location(ofField: $0, file: file) }) {
                case .filteredOut:
                    batch.rowsFiltered += 1
                case .mapped(let nodes, let edges):
                    for node in nodes { batch.items.append(.node(node)) }
                    for edge in edges { batch.items.append(.edge(edge)) }
                    batch.nodeRecords += nodes.count
                    batch.edgeRecords += edges.count
                case .rejected(var reject):
                    reject.rawText = record.rawText
                    batch.rowsRejected += 1
                    batch.items.append(.reject(reject))
                }
            }
            if batch.rowsRead >= batchRows {
                guard queue.put(batch) else { return "" }
                batch = RowBatch(source: index)
                batch.items.reserveCapacity(batchRows * 2)
            }
        }
        if batch.rowsRead > 0, !queue.put(batch) { return "" }
        do { return try reader.contentHash() } catch { throw .reader(error) }
    }

    /// The writing thread (the caller's): records into the sink, rejects against the budget.
    private static func write(_ batch: RowBatch, into sink: GraphSink, source: Int64, budget: RejectBudget) throws(ImportError) {
        do {
            for item in batch.items {
                switch item {
                case .node(let node): try sink.add(node, source: source)
                case .edge(let edge): try sink.add(edge, source: source)
                case .reject(let reject):
                    try sink.add(reject, source: source)
                    try budget.spend(reject)
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw .store("\(error)")
        }
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

extension SourceReadStats {
    mutating func add(_ batch: RowBatch) {
        rowsRead += batch.rowsRead
        rowsFiltered += batch.rowsFiltered
        rowsRejected += batch.rowsRejected
        nodeRecords += batch.nodeRecords
        edgeRecords += batch.edgeRecords
    }
}
