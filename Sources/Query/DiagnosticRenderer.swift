/// Renders a message with a position the way the whole query compiler reports errors, so parse,
/// bind and runtime errors look the same. `name` is what stands before `:LINE:COL` (`query`, or a
/// file name for `-f file.cypher`).
public enum DiagnosticRenderer {
    public static func render(message: String, span: SourceSpan, sourceLine: String,
                              severity: String = "error", name: String = "query",
                              shownAt shown: SourceSpan? = nil) -> String {
        let place = shown ?? span
        let number = String(place.line)
        let gutter = String(repeating: " ", count: number.count)
        let lineLength = sourceLine.unicodeScalars.count
        let caretStart = min(span.column - 1, lineLength)
        let caretCount = max(1, min(span.length, lineLength - caretStart))
        let trimmedLine = sourceLine.hasSuffix("\r") ? String(sourceLine.dropLast()) : sourceLine
        return """
        \(severity): \(message)
        \(gutter)--> \(name):\(place.line):\(place.column)
        \(gutter) |
        \(number) | \(trimmedLine)
        \(gutter) | \(String(repeating: " ", count: caretStart))\(String(repeating: "^", count: caretCount))
        """
    }

    /// Renders against the whole query text (binder and runtime errors use this).
    /// `shown` is the position to print (the gutter's line number and `name:LINE:COL`) when the
    /// query sits inside a larger file; the excerpt and caret still come from `span` in `query`.
    public static func render(message: String, span: SourceSpan, in query: String,
                              severity: String = "error", name: String = "query",
                              shownAt shown: SourceSpan? = nil) -> String {
        render(message: message, span: span, sourceLine: line(span.line, of: Array(query.unicodeScalars)),
               severity: severity, name: name, shownAt: shown)
    }

    /// The text of 1-based line `number` of `source`, without its line break.
    static func line(_ number: Int, of source: [Unicode.Scalar]) -> String {
        var current = 1
        var result = String.UnicodeScalarView()
        for c in source {
            if c == "\n" {
                if current == number { break }
                current += 1
                continue
            }
            if current == number { result.append(c) }
        }
        return String(result)
    }
}
