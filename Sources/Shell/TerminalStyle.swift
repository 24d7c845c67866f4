#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Colours and the width of the terminal the REPL writes to. Colour only when standard output
/// is a terminal and `NO_COLOR` is not set (https://no-color.org); a width only on a terminal.
struct TerminalStyle: Sendable {
    var colour: Bool
    /// Columns to fit tables into; nil: do not cut (a pipe, a file).
    var width: Int?

    static let plain = TerminalStyle(colour: false, width: nil)

    /// The style for standard output of this process.
    static func standardOutput(environment: [String: String]) -> TerminalStyle {
        let terminal = isatty(STDOUT_FILENO) == 1
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(colour: terminal && !noColour && environment["TERM"] != "dumb",
                             width: terminal ? currentWidth(environment: environment) : nil)
    }

    /// The terminal's width now (it may have been resized since the last query).
    static func currentWidth(environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// An error message with its `error:` in red (the rest as the engine rendered it).
    func error(_ message: String) -> String {
        guard colour, message.hasPrefix("error:") else { return message }
        return red("error:") + message.dropFirst("error:".count)
    }
}
