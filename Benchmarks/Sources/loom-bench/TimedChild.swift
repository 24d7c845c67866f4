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
        let started = ContinuousClock.now
        let pid = try ChildProcess.spawn(executable, arguments, stdin: stdin, stdout: stdout, stderr: stderr)
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
        return (killed ? nil : elapsed, ChildProcess.exitCode(status))
    }
}
