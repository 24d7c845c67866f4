import Foundation

/// Runs a query on a worker thread while the REPL's thread watches for Ctrl-C. On Ctrl-C it
/// raises the query's cancellation flag (polled by the native BOM operators) and interrupts the
/// store (`sqlite3_interrupt`), again every poll until the query returns: an interrupt that
/// lands between two SQL statements would otherwise be lost.
struct QueryWorker {
    /// How often the waiting thread looks at the signal count.
    static let pollInterval = DispatchTimeInterval.milliseconds(25)

    let interrupter: @Sendable () -> Void
    /// The signal count before the statement was read: a Ctrl-C that lands after the editor gave
    /// the terminal back but before the worker started still cancels.
    let baseline: Int

    /// Runs `work` (passed the cancellation flag) and returns its value and whether it was cancelled.
    func run<T>(_ work: @escaping (CancellationFlag) -> T) -> (value: T, cancelled: Bool) {
        let flag = CancellationFlag()
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let job = UncheckedSendable(work)
        let thread = Thread {
            box.value = job.value(flag)
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        while done.wait(timeout: .now() + Self.pollInterval) == .timedOut {
            if InterruptSignal.count != baseline {
                flag.cancel()
                interrupter()
            }
        }
        guard let value = box.value else { preconditionFailure("the query thread ended without a result") }
        return (value, flag.isCancelled)
    }
}

/// The worker's result, written by the worker before it signals and read after the wait.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Hands a non-Sendable value to the worker thread; the REPL's thread does not touch it meanwhile.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
