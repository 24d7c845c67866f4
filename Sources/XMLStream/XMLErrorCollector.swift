import CLibXML2

/// Receives libxml2's structured errors for one reader (through an unretained pointer passed
/// as the handler's user data) and keeps the first fatal one and the first error of any kind.
final class XMLErrorCollector {
    let file: String
    private(set) var firstFatal: XMLStreamError?
    private(set) var firstError: XMLStreamError?
    /// Recoverable problems (libxml2 warnings and errors it read past), the first 100.
    private(set) var warnings: [XMLStreamError] = []

    init(file: String) { self.file = file }

    func record(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        let problem = XMLStreamError(file: file, line: error.line > 0 ? Int(error.line) : nil,
                                     column: error.int2 > 0 ? Int(error.int2) : nil,
                                     message: message, code: Int(error.code))
        switch error.level {
        case XML_ERR_FATAL:
            if firstFatal == nil { firstFatal = problem }
            if firstError == nil { firstError = problem }
        case XML_ERR_ERROR:
            if firstError == nil { firstError = problem }
            if warnings.count < 100 { warnings.append(problem) }
        default:
            if warnings.count < 100 { warnings.append(problem) }
        }
    }

    /// What to throw when libxml2 gives up: the first fatal error, else the first error.
    func failure(fallbackLine: Int?) -> XMLStreamError {
        firstFatal ?? firstError
            ?? XMLStreamError(file: file, line: fallbackLine, message: "libxml2 could not read the document")
    }
}

/// The C callback libxml2 calls; `context` is the collector.
let collectXMLError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}
