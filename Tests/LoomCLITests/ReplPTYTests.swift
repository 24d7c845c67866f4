#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import TestSupport

/// `loom repl` on a real terminal (a pseudo-terminal driven by the test, see `PseudoTerminal`
/// below): line editing, Tab completion, Ctrl-C, history across sessions, colour. Every wait is
/// for text on the screen with a generous timeout; nothing asserts timing.
@Suite struct ReplPTYTests {
    typealias Keys = PseudoTerminal

    /// The sample plant imported once for the suite; its database path.
    static let sampleGraph: Result<String, any Error> = Result {
        let db = try Fixtures.temporaryDirectory("repl-pty").appendingPathComponent("plant.sqlite").path
        let project = Fixtures.packageRoot.appendingPathComponent("datasets/sample-plant/loom.yaml").path
        let result = try LoomProcess.run(["import", project, "--db", db])
        guard result.status == 0 else { throw PseudoTerminal.Failure.system("import failed: \(result.stderr)") }
        return db
    }

    /// A REPL on the sample plant with a private home folder (history file) unless one is given.
    func repl(home: URL? = nil, environment: [String: String] = [:]) throws -> (PseudoTerminal, URL) {
        let db = try Self.sampleGraph.get()
        let home = try home ?? Fixtures.temporaryDirectory("repl-home")
        var variables = environment
        variables["HOME"] = home.path
        let terminal = try PseudoTerminal(["repl", "--db", db], environment: variables)
        try terminal.waitForPrompt()
        return (terminal, home)
    }

    @Test func editsTheLineWithCtrlAAndTheArrowKeys() throws {
        let (terminal, _) = try repl()
        // Forgot the R: Ctrl-A jumps to the start of the line.
        terminal.type("ETURN 42 AS answer;" + Keys.ctrlA + "R" + Keys.enter)
        let first = try terminal.waitForPrompt()
        #expect(first.contains("answer"))
        #expect(first.contains("42"))
        #expect(first.contains("1 row"))
        // Seven times left puts the cursor between 1 and 2: typing 3 makes it 132.
        terminal.type("RETURN 12 AS n;" + String(repeating: Keys.left, count: 7) + "3" + Keys.enter)
        let second = try terminal.waitForPrompt()
        #expect(second.contains("132"))
        #expect(!second.contains("error"))
        // Ctrl-C at the prompt forgets the line; the next statement runs alone.
        terminal.type("RETURN garbage here" + Keys.ctrlC)
        try terminal.waitForPrompt()
        terminal.type("RETURN 'still here' AS s;" + Keys.enter)
        let third = try terminal.waitForPrompt()
        #expect(third.contains("still here"))
        #expect(!third.contains("error"))
        terminal.type(Keys.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aStatementMaySpanLinesWithAContinuationPrompt() throws {
        let (terminal, _) = try repl()
        terminal.type("MATCH (p:Part)" + Keys.enter)
        try terminal.waitForPrompt("..> ")
        terminal.type("RETURN count(*) AS parts;" + Keys.enter)
        let answer = try terminal.waitForPrompt()
        #expect(answer.contains("253"))
        terminal.type(":quit" + Keys.enter)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesLabelsPropertiesAndCommands() throws {
        let (terminal, _) = try repl()
        // `Pa` + Tab becomes `Part`; `p.desc` + Tab becomes `p.description`.
        terminal.type("MATCH (p:Pa" + Keys.tab)
        try terminal.waitFor("rt")
        terminal.type(") WHERE p.number = '100103' RETURN p.desc" + Keys.tab)
        try terminal.waitFor("ription")
        terminal.type(" AS d;" + Keys.enter)
        let answer = try terminal.waitForPrompt()
        #expect(answer.contains("Kreiselpumpe KP-50"))
        // Commands complete too.
        terminal.type(":sch" + Keys.tab + "Supplier" + Keys.enter)
        let schema = try terminal.waitForPrompt()
        #expect(schema.contains("(:Supplier)  key"))
        terminal.type(Keys.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCCancelsALongQueryAndTheSessionGoesOn() throws {
        let (terminal, _) = try repl()
        // 253^5 rows: hours of work for SQLite.
        terminal.type("MATCH (a:Part), (b:Part), (c:Part), (d:Part), (e:Part) RETURN count(*) AS n;" + Keys.enter)
        try terminal.waitFor("AS n;")
        // Once the editor has handed the terminal back, Ctrl-C is a signal to the running query.
        try terminal.waitForEditing(false)
        // A second or third press only if a loaded machine somehow lost the first.
        var presses = 0
        var cancelled = false
        while !cancelled && presses < 3 {
            terminal.type(Keys.ctrlC)
            presses += 1
            cancelled = (try? terminal.waitFor("cancelled", timeout: 20)) != nil
        }
        #expect(cancelled, "no 'cancelled' after \(presses) Ctrl-C; \(terminal.state)")
        try terminal.waitForPrompt()
        terminal.type("RETURN 'alive' AS after;" + Keys.enter)
        let answer = try terminal.waitForPrompt()
        #expect(answer.contains("alive"))
        terminal.type(Keys.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let (first, home) = try repl()
        first.type("RETURN 'from the first session' AS note;" + Keys.enter)
        try first.waitForPrompt()
        first.type("RETURN 'another one' AS other;" + Keys.enter)
        try first.waitForPrompt()
        first.type(Keys.ctrlD)
        #expect(try first.waitForExit() == 0)
        let file = try String(contentsOf: home.appendingPathComponent(".loom_history"), encoding: .utf8)
        #expect(file.contains("first"))

        let (second, _) = try repl(home: home)
        // Up arrow: the last statement of the first session.
        second.type(Keys.up + Keys.enter)
        let last = try second.waitForPrompt()
        #expect(last.contains("another one"))
        // Ctrl-R: search backwards for an earlier one.
        second.type(Keys.ctrlR + "first")
        try second.waitFor("first")
        second.type(Keys.enter)
        let found = try second.waitFor("row")
        #expect(found.contains("from the first session"))
        try second.waitForPrompt()
        second.type(":history" + Keys.enter)
        let history = try second.waitForPrompt()
        #expect(history.contains("RETURN 'from the first session' AS note;"))
        second.type(Keys.ctrlD)
        #expect(try second.waitForExit() == 0)
    }

    @Test func colourOnATerminalButNotWithNOCOLOR() throws {
        let bold = "\u{1B}[1m"
        let (coloured, _) = try repl()
        coloured.type("RETURN 1 AS x;" + Keys.enter)
        #expect(try coloured.waitForPrompt().contains(bold + "x"))
        coloured.type(Keys.ctrlD)
        _ = try coloured.waitForExit()

        let (plain, _) = try repl(environment: ["NO_COLOR": "1"])
        plain.type("RETURN 1 AS x;" + Keys.enter)
        let screen = try plain.waitForPrompt()
        #expect(screen.contains("x\r\n-"))
        #expect(!screen.contains(bold))
        plain.type(Keys.ctrlD)
        _ = try plain.waitForExit()
    }

    @Test func anErrorNeverEndsTheSession() throws {
        let (terminal, _) = try repl()
        terminal.type("MATCH (p:Part) RETURN p.numbr;" + Keys.enter)
        let error = try terminal.waitForPrompt()
        #expect(error.contains("did you mean 'number'?"))
        terminal.type(":shema" + Keys.enter)
        #expect(try terminal.waitForPrompt().contains("did you mean ':schema'?"))
        terminal.type(Keys.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aNarrowTerminalGetsRecordsThatFitAndCSVKeepsTheFullValues() throws {
        let (terminal, _) = try repl(environment: ["NO_COLOR": "1"])
        terminal.resize(columns: 40)
        terminal.type("MATCH (s:Supplier)-[:SUPPLIES]->(p:Part) WHERE p.number = '100428' RETURN p.number, p.description, "
                      + "s.name, s.street, s.postalCode, s.city, s.country ORDER BY s.name;" + Keys.enter)
        try terminal.waitFor("-[ row 1 ]")
        let records = try terminal.waitFor("2 rows")
        let lines = records.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count >= 8)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(records.contains("p.number      100428"))
        try terminal.waitForPrompt()
        terminal.type(":format csv" + Keys.enter)
        try terminal.waitForPrompt()
        terminal.type("MATCH (p:Part) WHERE p.number = '100428' RETURN p.number, p.description, 'a long text that is wider than the window' AS t;" + Keys.enter)
        let csv = try terminal.waitForPrompt()
        #expect(csv.contains("100428,Rillenkugellager 6204-2RS C3,a long text that is wider than the window\r\n"))
        terminal.type(Keys.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlDHalfwayThroughAStatementQuitsButKeepsItInTheHistory() throws {
        let (terminal, home) = try repl()
        terminal.type("MATCH (p:Part)" + Keys.enter)
        try terminal.waitForPrompt("..> ")
        terminal.type("WHERE p.kind = 'raw'" + Keys.enter)
        try terminal.waitForPrompt("..> ")
        terminal.type(Keys.ctrlD)
        try terminal.waitFor("the unfinished statement is kept in the history")
        #expect(try terminal.waitForExit() == 0)
        let file = try String(contentsOf: home.appendingPathComponent(".loom_history"), encoding: .utf8)
        #expect(file.contains("WHERE\\040p.kind"), "\(file)")
    }

    @Test func aHistoryPathThatIsNotAHistoryFileIsLeftAlone() throws {
        let notes = try Fixtures.temporaryDirectory("repl-notes").appendingPathComponent("notes.txt")
        try Fixtures.write("my notes\n", to: notes)
        let (terminal, _) = try repl(environment: ["LOOM_HISTORY": notes.path])
        #expect(terminal.screen.contains("is not a loom history file"))
        terminal.type("RETURN 1 AS x;" + Keys.enter)
        try terminal.waitForPrompt()
        terminal.type(Keys.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes\n")
    }
}

// MARK: - The pseudo-terminal driver

/// Runs the real `loom` binary on a pseudo-terminal, as a person at a terminal would: the test
/// types bytes (keys, Ctrl-C, arrows) and waits for text to appear on the screen. Waits are
/// generous (a loaded CI machine); nothing here measures time.
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    private var exitStatus: Int32?
    /// Everything the program wrote so far.
    private var bytes: [UInt8] = []
    /// Where the next `waitFor` starts looking (an offset into `bytes`).
    private var mark = 0

    var screen: String { String(decoding: bytes, as: UTF8.self) }

    static let ctrlA = "\u{01}", ctrlC = "\u{03}", ctrlD = "\u{04}", ctrlR = "\u{12}", ctrlU = "\u{15}"
    static let tab = "\t", enter = "\r"
    static let up = "\u{1B}[A", left = "\u{1B}[D"

    enum Failure: Error, CustomStringConvertible {
        case system(String)
        case timeout(String, screen: String)
        var description: String {
            switch self {
            case .system(let message): message
            case .timeout(let text, let screen): "timed out waiting for \(text.debugDescription); the screen so far:\n\(screen)"
            }
        }
    }

    /// Starts `loom arguments…` on a new terminal of 120 × 40 with `TERM=xterm` and `environment`.
    init(_ arguments: [String], environment: [String: String]) throws {
        let pty = try PTYFunctions()
        master = pty.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.slaveName(master) else {
            throw Failure.system("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(cString: name)
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child starts a new session (below), so opening the terminal makes it its controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session, default signal handling and no blocked signals, whatever the test runner has.
        var noSignals = sigset_t(), interrupt = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var variables = ProcessInfo.processInfo.environment
        variables["TERM"] = "xterm"
        variables["NO_COLOR"] = nil
        variables["LOOM_HISTORY"] = nil
        for (key, value) in environment { variables[key] = value }
        let executable = LoomProcess.executable("loom").path
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw Failure.system("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    /// glibc's POSIX_SPAWN_SETSID: the child calls setsid() before the file actions.
    private static let spawnSetSession: Int32 = 0x80

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Resizes the window (the program gets SIGWINCH and reads the new width before its next table).
    func resize(columns: UInt16, rows: UInt16 = 40) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types `keys` (all at once, as a fast typist or a paste would).
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue } else { return } }
            bytes.removeFirst(written)
        }
    }

    /// Waits until `text` appears after what earlier waits matched; returns the screen in between.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = Self.find(Array(text.utf8), in: bytes, from: mark) {
                let seen = String(decoding: bytes[mark..<end], as: UTF8.self)
                mark = end
                return seen
            }
            guard Date() < deadline, readSome(waitMilliseconds: 100) else {
                throw Failure.timeout(text, screen: screen)
            }
        }
    }

    /// Waits until the line editor has the terminal (`true`: canonical input off, keys reach the
    /// editor one by one) or has given it back (`false`: canonical input and signals on, Ctrl-C
    /// interrupts). Keys typed in between would be echoed twice or, for Ctrl-D, lost.
    func waitForEditing(_ editing: Bool, timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var modes = termios()
            if tcgetattr(master, &modes) == 0 {
                let canonical = modes.c_lflag & tcflag_t(ICANON) != 0
                let signals = modes.c_lflag & tcflag_t(ISIG) != 0
                if editing ? !canonical : (canonical && signals) { return }
            }
            guard Date() < deadline else {
                throw Failure.timeout(editing ? "the line editor" : "the terminal's cooked mode", screen: screen)
            }
            _ = readSome(waitMilliseconds: 10)
        }
    }

    /// Waits for `prompt` and for the editor to take the terminal: ready for keys.
    @discardableResult
    func waitForPrompt(_ prompt: String = "loom> ", timeout: Double = 60) throws -> String {
        let seen = try waitFor(prompt, timeout: timeout)
        try waitForEditing(true, timeout: timeout)
        return seen
    }

    /// Whether the program still runs, for failure messages.
    var state: String {
        if let exitStatus { return "the program exited with status \(exitStatus)" }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return "the program is still running" }
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return "the program exited with status \(exitStatus ?? -1)"
    }

    /// Waits for the program to end; returns its exit status.
    func waitForExit(timeout: Double = 60) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readSome(waitMilliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                while readSome(waitMilliseconds: 0) {}
                return exitStatus ?? -1
            }
        }
        throw Failure.timeout("the program to exit", screen: screen)
    }

    /// Reads what is available within the wait; false when the terminal closed.
    private func readSome(waitMilliseconds: Int32) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, waitMilliseconds)
        guard ready > 0 else { return ready == 0 || errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        bytes += buffer[..<count]
        return true
    }

    /// The end of the first occurrence of `needle` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
        }
        return nil
    }
}

/// posix_openpt, grantpt, unlockpt and ptsname, looked up at run time: Swift's Glibc module does
/// not declare them (they sit behind _XOPEN_SOURCE in the headers).
private struct PTYFunctions {
    typealias OpenMaster = @convention(c) (Int32) -> Int32
    typealias OnMaster = @convention(c) (Int32) -> Int32
    typealias SlaveName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    let openMaster: OpenMaster
    let grant: OnMaster
    let unlock: OnMaster
    let slaveName: SlaveName

    init() throws {
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
                throw PseudoTerminal.Failure.system("\(name) is not available")
            }
            return unsafeBitCast(address, to: type)
        }
        openMaster = try symbol("posix_openpt", as: OpenMaster.self)
        grant = try symbol("grantpt", as: OnMaster.self)
        unlock = try symbol("unlockpt", as: OnMaster.self)
        slaveName = try symbol("ptsname", as: SlaveName.self)
    }
}
