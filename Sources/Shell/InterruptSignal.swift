#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C while a query runs. The handler only counts the signal (all it may safely do); the
/// thread waiting for the query sees the count change and cancels it. At the prompt Ctrl-C is
/// a key the line editor handles, not a signal (the editor turns the terminal's ISIG off).
enum InterruptSignal {
    /// Signals received since the process started.
    static var count: Int { SignalCounter.shared.value.load(ordering: .acquiring) }

    /// Installs the handler and unblocks SIGINT.
    static func install() {
        _ = SignalCounter.shared
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            SignalCounter.shared.value.add(1, ordering: .releasing)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            SignalCounter.shared.value.add(1, ordering: .releasing)
        }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART  // no stray EINTR in the I/O a query or the output does
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked; threads started later inherit this mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}

/// The counter the handler increments; created before the handler is installed.
final class SignalCounter: Sendable {
    static let shared = SignalCounter()
    let value = Atomic<Int>(0)
}

/// A cancellation flag a running query polls (the BOM operators' `isCancelled`).
final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }
    func cancel() { cancelled.store(true, ordering: .releasing) }
}
