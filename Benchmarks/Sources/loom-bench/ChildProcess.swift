#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A finished child process: how it ended, its wall-clock time measured by the parent from
/// spawn to reap, and its own resource usage as `wait4` reports it.
struct ChildRun: Sendable {
    /// Exit code, or 128 + signal number when the child was killed by a signal.
    var exitCode: Int32
    var wallSeconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    /// Peak resident set size in bytes (`ru_maxrss`, which Linux reports in KiB).
    var peakRSSBytes: Int

    var succeeded: Bool { exitCode == 0 }
    var peakRSSMiB: Double { Double(peakRSSBytes) / 1_048_576 }
}

/// Why a child process could not be run.
struct ChildProcessError: Error, CustomStringConvertible {
    var description: String
}

/// Runs one program as a child with `posix_spawn` and reaps it with `wait4`, so the figures
/// (wall time, CPU time, peak RSS) are the child's own and not the benchmark driver's.
enum ChildProcess {
    /// Runs `executable` with `arguments` (without argv[0]); stdin/stdout/stderr go to the
    /// given files (`/dev/null` when nil). The working directory is inherited.
    static func run(_ executable: String, _ arguments: [String],
                    stdin: String? = nil, stdout: String? = nil, stderr: String? = nil) throws -> ChildRun {
        let started = ContinuousClock.now
        let pid = try spawn(executable, arguments, stdin: stdin, stdout: stdout, stderr: stderr)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else {
                throw ChildProcessError(description: "wait4 failed for \(executable): \(String(cString: strerror(errno)))")
            }
        }
        let elapsed = ContinuousClock.now - started
        return ChildRun(
            exitCode: exitCode(status),
            wallSeconds: elapsed.seconds,
            userSeconds: usage.ru_utime.seconds,
            systemSeconds: usage.ru_stime.seconds,
            peakRSSBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// Starts `executable` with `arguments` (without argv[0]), standard input from `stdin` and
    /// output to `stdout` / `stderr` (`/dev/null` when nil); returns its pid. The working
    /// directory is inherited.
    static func spawn(_ executable: String, _ arguments: [String],
                      stdin: String?, stdout: String?, stderr: String?) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        fflush(nil)
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// A wait status as an exit code: the code, or 128 + signal number when killed by a signal.
    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs a short helper command (a build, the generator) with its output shown to the user;
    /// throws when it fails.
    static func runVisible(_ executable: String, _ arguments: [String]) throws {
        fflush(nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ChildProcessError(description: "`\(([executable] + arguments).joined(separator: " "))` failed with exit code \(process.terminationStatus)")
        }
    }

    /// The path of this very executable, to re-run it as a child.
    static var currentExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// Finds a program on `PATH`.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

extension timeval {
    var seconds: Double { Double(tv_sec) + Double(tv_usec) / 1e6 }
}
