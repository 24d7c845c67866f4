#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit
import Foundation

/// What reading one line gave.
enum LineRead: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: forget the line (and the statement typed so far).
    case interrupted
    /// Ctrl-D on an empty line, or the end of standard input.
    case endOfInput
}

/// Where the REPL's lines come from: the line editor on a terminal, plain standard input otherwise.
protocol LineSource: AnyObject {
    func readLine(prompt: String) -> LineRead
    /// Records a statement or command in the history (and its file).
    func remember(_ entry: String)
    /// The history, oldest first.
    var history: [String] { get }
    /// The statement lines typed before the current one (for completion).
    var pending: String { get set }
    /// The file the lines come from, for error positions (`setup.cypher:12:8`); nil at a
    /// terminal, where a statement's own lines are numbered.
    var sourceName: String? { get }
}

extension LineSource {
    var sourceName: String? { nil }
}

/// The line editor on a terminal, over libedit (the only user of `CLibEdit`): emacs key
/// bindings (Ctrl-A/E, arrows, Alt-B/F, ...), Ctrl-R reverse search, Tab completion, a history
/// file loaded on start and saved after every entry. Ctrl-C clears the line; the terminal's
/// interrupt character is turned off while editing, so it reaches the editor as a key.
final class LineEditor: LineSource {
    private let editLine: OpaquePointer
    private let historyHandle: OpaquePointer
    private var prompt: UnsafeMutablePointer<CChar>?
    private let historyPath: String?
    private var reportedHistoryProblem = false
    private var interruptPressed = false
    private let complete: (String, String) -> Completion
    /// Called once when the history file cannot be written.
    var warn: (String) -> Void = { _ in }
    var pending = ""

    /// Nil when libedit cannot set up the terminal.
    init?(historyPath: String?, historySize: Int32 = 1000, complete: @escaping (_ line: String, _ pending: String) -> Completion) {
        setlocale(LC_CTYPE, "")
        guard let editLine = loom_el_init("loom"), let historyHandle = history_init() else { return nil }
        self.editLine = editLine
        self.historyHandle = historyHandle
        self.historyPath = historyPath
        self.complete = complete
        loom_history_set_size(historyHandle, historySize)
        loom_history_set_unique(historyHandle, 1)
        if let historyPath { loom_history_load(historyHandle, historyPath) }

        loom_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        loom_el_set_editor(editLine, "emacs")
        loom_el_set_signal(editLine, 1)
        loom_el_set_history(editLine, historyHandle)
        loom_el_set_prompt(editLine) { editLine in
            LineEditor.owner(of: editLine)?.prompt
        }
        loom_el_set_tty(editLine, "-d", "-isig")
        loom_el_add_function(editLine, "loom-complete", "complete the word before the cursor") { editLine, _ in
            LineEditor.owner(of: editLine)?.completeWord() ?? UInt8(CC_ERROR)
        }
        loom_el_add_function(editLine, "loom-interrupt", "forget the line") { editLine, _ in
            LineEditor.owner(of: editLine)?.interruptLine() ?? UInt8(CC_ERROR)
        }
        loom_el_bind(editLine, "^I", "loom-complete")
        loom_el_bind(editLine, "^C", "loom-interrupt")
        loom_el_bind(editLine, "^R", "em-inc-search-prev")
        el_source(editLine, nil)  // the user's ~/.editrc may change bindings
    }

    /// Whether `path` may be used as the history file: missing, empty, or written by libedit
    /// (it starts with `_HiStOrY_V2_`). Another file (`--history notes.txt` by mistake) would be
    /// overwritten by the first save, so it is left alone.
    static func canKeepHistory(in path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        guard let start = try? handle.read(upToCount: historyCookie.utf8.count), !start.isEmpty else { return true }
        return start.elementsEqual(historyCookie.utf8)
    }

    private static let historyCookie = "_HiStOrY_V2_"

    deinit {
        el_end(editLine)
        history_end(historyHandle)
        free(prompt)
    }

    private static func owner(of editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = loom_el_client_data(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    func readLine(prompt text: String) -> LineRead {
        free(prompt)
        prompt = strdup(text)
        interruptPressed = false
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        if interruptPressed { return .interrupted }
        guard let line else { return count < 0 ? .interrupted : .endOfInput }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    func remember(_ entry: String) {
        loom_history_enter(historyHandle, entry)
        guard let historyPath else { return }
        if loom_history_save(historyHandle, historyPath) < 0, !reportedHistoryProblem {
            reportedHistoryProblem = true
            warn("warning: cannot write the history file \(historyPath); history is kept for this session only")
        }
    }

    var history: [String] {
        var entries: [String] = []
        var entry = loom_history_step(historyHandle, H_LAST)
        while let current = entry {
            entries.append(String(cString: current))
            entry = loom_history_step(historyHandle, H_PREV)
        }
        return entries
    }

    // MARK: - Key functions

    /// Tab: one candidate is inserted; several insert what they share, or are listed.
    private func completeWord() -> UInt8 {
        let info = el_line(editLine).pointee
        let before = Self.text(from: info.buffer, to: info.cursor)
        let completion = complete(before, pending)
        guard let first = completion.candidates.first else { return UInt8(CC_REFRESH_BEEP) }
        if completion.candidates.count == 1 {
            replace(completion.replacing, with: first + completion.suffix)
            return UInt8(CC_REFRESH)
        }
        let common = completion.commonPrefix
        if common.count > completion.replacing {
            replace(completion.replacing, with: common)
            return UInt8(CC_REFRESH)
        }
        let width = TerminalStyle.currentWidth(environment: [:])
        FileHandle.standardOutput.write(Data(("\n" + Self.columns(completion.candidates, width: width)).utf8))
        return UInt8(CC_REDISPLAY)
    }

    /// Ctrl-C: show `^C` after the line, end it, and let `readLine` report `.interrupted`.
    private func interruptLine() -> UInt8 {
        interruptPressed = true
        let info = el_line(editLine).pointee
        el_cursor(editLine, Int32(info.lastchar - info.cursor))
        el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    private func replace(_ count: Int, with text: String) {
        if count > 0 { el_deletestr(editLine, Int32(count)) }
        el_insertstr(editLine, text)
    }

    private static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
        let length = end - start
        guard length > 0 else { return "" }
        return start.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// Candidates laid out in columns across the terminal, as shells list completions.
    static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / max(cell, 1))
        var out = ""
        for (index, item) in items.enumerated() {
            let last = index % perLine == perLine - 1 || index == items.count - 1
            out += last ? item + "\n" : item + String(repeating: " ", count: cell - item.count)
        }
        return out
    }
}

/// Lines from standard input when it is not a terminal (a script piped in): no prompt, no editing.
final class PlainLineReader: LineSource {
    var pending = ""
    var sourceName: String? { "<stdin>" }
    var history: [String] { [] }

    func readLine(prompt: String) -> LineRead {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    func remember(_ entry: String) {}
}
