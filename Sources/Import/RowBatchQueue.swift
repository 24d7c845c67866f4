import Foundation
import GraphModel

/// What reading and mapping one stretch of rows produced, in source order.
struct RowBatch: Sendable {
    enum Item: Sendable {
        case node(NodeRecord)
        case edge(EdgeRecord)
        case reject(RejectRecord)
    }

    init(source: Int) { self.source = source }

    /// Index of the source (in the order given to `SourceImport.run`) the records come from.
    var source: Int
    var items: [Item] = []
    /// Set on the last batch of a source: the file's SHA-256.
    var endOfSource: String?
    var rowsRead = 0
    var rowsFiltered = 0
    var rowsRejected = 0
    var nodeRecords = 0
    var edgeRecords = 0
}

/// A bounded hand-over between the thread that reads and maps rows and the thread that writes
/// them to the store, so the two run on both cores while memory stays bounded
/// (at most `capacity` batches wait).
final class RowBatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [RowBatch] = []
    /// Batches the writer is done with, handed back so their records are freed on the reading
    /// thread, off the writer's critical path.
    private var spent: [RowBatch] = []
    private var closed = false
    private var cancelled = false
    private var failure: ImportError?
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    /// Hands a batch over; false when the writer has given up (stop reading).
    func put(_ batch: RowBatch) -> Bool {
        condition.lock()
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            return false
        }
        batches.append(batch)
        var freed: [RowBatch] = []
        swap(&freed, &spent)
        condition.broadcast()
        condition.unlock()
        freed.removeAll()   // the spent batches' records are released here, on the reading thread
        return true
    }

    /// The writer is done with a batch; the reading thread frees it on its next `put`.
    func recycle(_ batch: RowBatch) {
        condition.lock()
        spent.append(batch)
        condition.unlock()
    }

    /// The reader is done, cleanly or with an error the writer will rethrow.
    func close(failure: ImportError? = nil) {
        condition.lock()
        self.failure = failure
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The writer gives up; a reader blocked in `put` returns.
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil once the reader closed and every batch was taken.
    func take() throws(ImportError) -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }
}
