#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a child process with a deadline: the wall time from spawn to reap, or nil when the
/// deadline passed and the child was killed (SIGKILL). Standard output goes to `stdout`.
enum TimedChild {
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, stdout: String,
                    stderr: String, timeout: Double) throws -> (seconds: Double?, exitCode: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        fflush(nil)
        var pid = pid_t()
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var killed = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR {
                throw ChildProcessError(description: "waitpid failed for \(executable): \(String(cString: strerror(errno)))")
            }
            if !killed, (ContinuousClock.now - started).seconds > timeout {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(500)
        }
        let elapsed = (ContinuousClock.now - started).seconds
        let signal = status & 0x7f
        let exitCode = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return (killed ? nil : elapsed, exitCode)
    }
}
