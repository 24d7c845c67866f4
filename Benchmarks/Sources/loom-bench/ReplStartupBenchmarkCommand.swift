#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation

/// `loom-bench repl-startup`: how long `loom repl` takes from being started to showing its first
/// prompt on a terminal, on the SF=10 graph (issue 4's target: under 100 ms). Each run starts the
/// release binary on a fresh pseudo-terminal with an empty history file and stops the clock when
/// `loom> ` appears; then it sends Ctrl-D.
struct ReplStartupBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl-startup",
        abstract: "Time `loom repl` from start to its first prompt on the SF=10 graph.",
        discussion: """
        The graph defaults to work/sf10/bench/graph.sqlite, which `loom-bench query --scale 10` \
        imports; pass --db for another. The loom binary is built in release unless --loom is given.
        """)

    @Option(help: ArgumentHelp("The graph to open (default: work/sf10/bench/graph.sqlite).", valueName: "PATH"))
    var db: String?

    @Option(help: ArgumentHelp("A built loom binary (default: build it in release).", valueName: "PATH"))
    var loom: String?

    @Option(name: .customLong("repeat"), help: "Timed runs; the median is reported.")
    var repetitions: Int = 15

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let benchmarks = BenchmarkPaths.benchmarksFolder
        let root = benchmarks.deletingLastPathComponent()
        let database = db ?? benchmarks.appendingPathComponent("work/sf10/bench/graph.sqlite").path
        guard FileManager.default.fileExists(atPath: database) else {
            throw ValidationError("no graph at \(database): run `loom-bench query --scale 10` once (it imports SF=10), or pass --db")
        }
        let executable: String
        if let loom {
            executable = loom
        } else {
            print("building loom in release ...")
            try ChildProcess.runVisible("/usr/bin/env", ["swift", "build", "-c", "release", "--product", "loom", "--package-path", root.path])
            executable = root.appendingPathComponent(".build/release/loom").path
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("loom-bench-repl-\(getpid())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        _ = try ReplStartupRun.measure(executable, database: database, home: home.path)  // warm the page cache
        var seconds: [Double] = []
        for index in 1...repetitions {
            let run = try ReplStartupRun.measure(executable, database: database, home: home.path)
            seconds.append(run)
            print(String(format: "run %d/%d: %.1f ms", index, repetitions, run * 1000))
        }
        seconds.sort()
        let median = seconds[seconds.count / 2]
        let size = ((try? FileManager.default.attributesOfItem(atPath: database))?[.size] as? Int ?? 0) / 1_048_576
        print(String(format: "loom repl start-up to the first prompt on %@ (%d MB): median %.1f ms (min %.1f, max %.1f) over %d runs; target < 100 ms: %@",
                     database, size, median * 1000, seconds[0] * 1000, seconds[seconds.count - 1] * 1000, repetitions,
                     median < 0.1 ? "met" : "NOT met"))
    }
}

/// One start of `loom repl` on a pseudo-terminal, timed from spawn to the first prompt.
enum ReplStartupRun {
    static func measure(_ executable: String, database: String, home: String, timeout: Double = 30) throws -> Double {
        let pty = try PseudoTerminalFunctions()
        let master = pty.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.slaveName(master) else {
            throw ChildProcessError(description: "cannot open a pseudo-terminal")
        }
        defer { close(master) }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID: the terminal becomes the child's
        var variables = ProcessInfo.processInfo.environment
        variables["TERM"] = "xterm"
        variables["HOME"] = home
        variables["LOOM_HISTORY"] = nil
        let argv: [UnsafeMutablePointer<CChar>?] = [executable, "repl", "--db", database].map { (text: String) in strdup(text) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var pid = pid_t()
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var screen: [UInt8] = []
        var elapsed: Double?
        let prompt = Array("loom> ".utf8)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while elapsed == nil, (ContinuousClock.now - started).seconds < timeout {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            screen += buffer[..<count]
            if contains(screen, prompt) {
                elapsed = (ContinuousClock.now - started).seconds
            }
        }
        // Ctrl-D once the editor reads keys (canonical input off), then reap.
        var modes = termios()
        while tcgetattr(master, &modes) == 0, modes.c_lflag & tcflag_t(ICANON) != 0, (ContinuousClock.now - started).seconds < timeout {
            usleep(1000)
        }
        var end: UInt8 = 4
        _ = write(master, &end, 1)
        var status: Int32 = 0
        let deadline = ContinuousClock.now
        while waitpid(pid, &status, WNOHANG) == 0 {
            if (ContinuousClock.now - deadline).seconds > 5 { kill(pid, SIGKILL) }
            _ = read(master, &buffer, buffer.count)
            usleep(1000)
        }
        guard let elapsed else {
            throw ChildProcessError(description: "no prompt within \(timeout) s; the screen:\n" + String(decoding: screen, as: UTF8.self))
        }
        return elapsed
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}

/// posix_openpt, grantpt, unlockpt and ptsname, looked up at run time (Swift's Glibc module does
/// not declare them).
struct PseudoTerminalFunctions {
    typealias OnMaster = @convention(c) (Int32) -> Int32
    typealias SlaveName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    let openMaster: OnMaster
    let grant: OnMaster
    let unlock: OnMaster
    let slaveName: SlaveName

    init() throws {
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
                throw ChildProcessError(description: "\(name) is not available")
            }
            return unsafeBitCast(address, to: type)
        }
        openMaster = try symbol("posix_openpt", as: OnMaster.self)
        grant = try symbol("grantpt", as: OnMaster.self)
        unlock = try symbol("unlockpt", as: OnMaster.self)
        slaveName = try symbol("ptsname", as: SlaveName.self)
    }
}
