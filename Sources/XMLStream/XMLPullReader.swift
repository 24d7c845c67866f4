import CLibXML2
import GraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an XML file one event at a time with libxml2's `xmlTextReader`, so a large export
/// (an IDoc, an MS Project file, a PLM XML) is never held as a whole DOM.
///
/// Safe by default: no network access (`XML_PARSE_NONET`), no external DTD loading and no
/// entity substitution (an XML file cannot make Loom read other files). Errors carry the line
/// and column of the first fatal error libxml2 reports.
///
/// ```swift
/// let reader = try XMLPullReader(path: "mrp_demo.xml")
/// while let event = try reader.next() {
///     if case .startElement(let name, let attributes, let location, _) = event { … }
/// }
/// ```
public final class XMLPullReader {
    /// The name used in locations and errors.
    public let file: String
    /// Where the last event came from: its line and element path.
    public private(set) var location: SourceLocation
    /// Elements open around the current position (1 inside the root element).
    public var depth: Int { stack.count }
    /// Recoverable problems libxml2 reported and read past (namespace errors, warnings).
    public var warnings: [XMLStreamError] { collector.warnings }

    private let reader: xmlTextReaderPtr
    private let fd: Int32
    private let collector: XMLErrorCollector
    private var pendingEnd: String?
    private var finished = false

    /// One open element: its path and how many children of each name it has had so far.
    private struct Open {
        var path: String
        var childCounts: [String: Int] = [:]
    }
    private var stack: [Open] = []
    private var rootCounts: [String: Int] = [:]

    public init(path: String, displayPath: String? = nil) throws(XMLStreamError) {
        let file = displayPath ?? path
        self.file = file
        location = SourceLocation(file: file, line: 1)
        _ = libxml2Initialized
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            let reason = strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
            throw XMLStreamError(file: file, message: "cannot open file: \(reason)")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        guard let reader = xmlReaderForFd(opened, path, nil, options) else {
            close(opened)
            throw XMLStreamError(file: file, message: "libxml2 could not create a reader for the file")
        }
        self.reader = reader
        fd = opened
        collector = XMLErrorCollector(file: file)
        xmlTextReaderSetStructuredErrorHandler(reader, collectXMLError,
                                               Unmanaged.passUnretained(collector).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        close(fd)
    }

    /// The next event, or nil at the end of the document. Throws at the first fatal error.
    public func next() throws(XMLStreamError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return closeElement(name)
        }
        while !finished {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                finished = true
                if let error = collector.firstFatal { throw error }
                return nil
            }
            if status < 0 || collector.firstFatal != nil {
                finished = true
                throw collector.failure(fallbackLine: Int(xmlTextReaderGetParserLineNumber(reader)))
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return startElement()
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return closeElement(constName())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                let text = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                location.line = currentLine()
                return .text(text)
            default:
                continue
            }
        }
        return nil
    }

    // MARK: - Elements

    private func startElement() -> XMLEvent {
        let name = constName()
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        let line = currentLine()
        var attributes: [String: String] = [:]
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                attributes[constName()] = value
            }
            xmlTextReaderMoveToElement(reader)
        }
        let index: Int
        let parentPath: String
        if stack.isEmpty {
            index = rootCounts[name, default: 0] + 1
            rootCounts[name] = index
            parentPath = ""
        } else {
            index = stack[stack.count - 1].childCounts[name, default: 0] + 1
            stack[stack.count - 1].childCounts[name] = index
            parentPath = stack[stack.count - 1].path
        }
        let path = index > 1 ? "\(parentPath)/\(name)[\(index)]" : "\(parentPath)/\(name)"
        stack.append(Open(path: path))
        location = SourceLocation(file: file, line: line, xmlPath: path)
        if isEmpty { pendingEnd = name }
        return .startElement(name: name, attributes: attributes, location: location, isEmpty: isEmpty)
    }

    private func closeElement(_ name: String) -> XMLEvent {
        if let closed = stack.popLast() {
            location.xmlPath = closed.path
        }
        return .endElement(name: name)
    }

    private func constName() -> String {
        xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
    }

    /// The line of the current node (start tag for elements), else the parser's line.
    private func currentLine() -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = xmlGetLineNo(node)
            if line > 0 { return Int(line) }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }
}

/// libxml2 wants `xmlInitParser` once before readers are used from several threads.
private let libxml2Initialized: Void = { xmlInitParser() }()
