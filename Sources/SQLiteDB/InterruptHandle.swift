import CSQLite
import Foundation

/// Interrupts a connection from any thread (a signal handler's dispatch source, a timer).
/// After the connection closes, `interrupt()` does nothing.
public final class InterruptHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var connection: OpaquePointer?

    init(connection: OpaquePointer) { self.connection = connection }

    /// Makes the statement currently running on the connection fail with `SQLITE_INTERRUPT`.
    public func interrupt() {
        lock.lock()
        defer { lock.unlock() }
        if let connection { sqlite3_interrupt(connection) }
    }

    func detach() {
        lock.lock()
        connection = nil
        lock.unlock()
    }
}
