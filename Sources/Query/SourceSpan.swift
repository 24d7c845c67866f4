/// Where a token or syntax node sits in the query text.
///
/// Offsets count Unicode scalars from the start of the text (half-open `start..<end`); `line`
/// and `column` are 1-based and describe `start`. Binder and planner errors carry the span of
/// the node they complain about so the renderer can put a caret under the right token.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    /// Offset of the first character (Unicode scalars from the start of the query).
    public var start: Int
    /// Offset just past the last character.
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 1-based column of `start`, in characters.
    public var column: Int

    public init(start: Int, end: Int, line: Int, column: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }

    /// The number of characters covered (at least 1, so a caret is always visible).
    public var length: Int { max(1, end - start) }

    /// The span from the start of `self` to the end of `other`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: start, end: max(end, other.end), line: line, column: column)
    }

    public var description: String { "\(line):\(column)" }
}
