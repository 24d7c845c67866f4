/// Where a record or a problem came from, so a person can find it in the system of record.
/// `line` is 1-based and is the physical line the record starts on; `column` is 1-based and
/// counts characters (not bytes) on that line. `record` is the 1-based data record number
/// (header and skipped lines not counted). `xmlPath` is set for XML sources.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?
    public var record: Int?
    public var xmlPath: String?

    public init(file: String, line: Int, column: Int? = nil, record: Int? = nil, xmlPath: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.record = record
        self.xmlPath = xmlPath
    }

    /// `file:line:column` (or `file:line`), the form compilers and editors understand.
    public var description: String {
        var s = "\(file):\(line)"
        if let column { s += ":\(column)" }
        if let xmlPath { s += " (\(xmlPath))" }
        return s
    }

    public func with(column: Int?) -> SourceLocation {
        var copy = self
        copy.column = column
        return copy
    }
}

/// A problem found while reading a file, validating a mapping or importing a record.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable { case error, warning, note }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The mapping rule (e.g. `mara.yaml nodes[0] Part`) or reader stage that raised it.
    public var rule: String?

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil, rule: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
    }

    /// `file:line:col: error: message`, as compilers print it.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}
