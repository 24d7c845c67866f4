import Foundation
import GraphModel
import Testing
import TestSupport
import XMLStream

@Suite("XML pull reader")
struct XMLPullReaderTests {
    static func write(_ text: String, name: String = "doc.xml") throws -> String {
        let url = try Fixtures.temporaryDirectory("loom-xml").appendingPathComponent(name)
        try Fixtures.write(text, to: url)
        return url.path
    }

    static func events(_ path: String, displayPath: String? = nil) throws -> [XMLEvent] {
        let reader = try XMLPullReader(path: path, displayPath: displayPath)
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    @Test func elementsAttributesTextAndLines() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <IDOC BEGIN="1">
          <E1MARAM SEGMENT="1">
            <MATNR>X-RAY &amp; 80003</MATNR>
            <MEINS/>
          </E1MARAM>
          <!-- comment -->
          <E1MARAM SEGMENT="2"><MAKTX><![CDATA[a <b> c]]></MAKTX></E1MARAM>
        </IDOC>
        """
        let path = try Self.write(xml)
        let events = try Self.events(path, displayPath: "doc.xml")
        func at(_ line: Int, _ path: String) -> GraphModel.SourceLocation { SourceLocation(file: "doc.xml", line: line, xmlPath: path) }
        #expect(events == [
            .startElement(name: "IDOC", attributes: ["BEGIN": "1"], location: at(2, "/IDOC"), isEmpty: false),
            .startElement(name: "E1MARAM", attributes: ["SEGMENT": "1"], location: at(3, "/IDOC/E1MARAM"), isEmpty: false),
            .startElement(name: "MATNR", attributes: [:], location: at(4, "/IDOC/E1MARAM/MATNR"), isEmpty: false),
            .text("X-RAY & 80003"),
            .endElement(name: "MATNR"),
            .startElement(name: "MEINS", attributes: [:], location: at(5, "/IDOC/E1MARAM/MEINS"), isEmpty: true),
            .endElement(name: "MEINS"),
            .endElement(name: "E1MARAM"),
            .startElement(name: "E1MARAM", attributes: ["SEGMENT": "2"], location: at(8, "/IDOC/E1MARAM[2]"), isEmpty: false),
            .startElement(name: "MAKTX", attributes: [:], location: at(8, "/IDOC/E1MARAM[2]/MAKTX"), isEmpty: false),
            .text("a <b> c"),
            .endElement(name: "MAKTX"),
            .endElement(name: "E1MARAM"),
            .endElement(name: "IDOC"),
        ])
    }

    @Test func readerTracksDepthAndLocation() throws {
        let reader = try XMLPullReader(path: try Self.write("<a>\n<b>\n<c>text</c></b></a>"), displayPath: "d.xml")
        var depths: [Int] = []
        var textLocation: GraphModel.SourceLocation?
        while let event = try reader.next() {
            depths.append(reader.depth)
            if case .text = event { textLocation = reader.location }
        }
        #expect(depths == [1, 2, 3, 3, 2, 1, 0])
        #expect(textLocation == SourceLocation(file: "d.xml", line: 3, xmlPath: "/a/b/c"))
    }

    @Test func malformedFileReportsFirstErrorWithLineAndColumn() throws {
        let path = try Self.write("<a>\n  <b>x</b>\n  <c>y</d>\n  <e>&</e>\n</a>\n")
        let reader = try XMLPullReader(path: path, displayPath: "bad.xml")
        let error = #expect(throws: XMLStreamError.self) {
            while try reader.next() != nil {}
        }
        #expect(error?.description == "bad.xml:3:11: error: Opening and ending tag mismatch: c line 3 and d")
        #expect(error?.line == 3)
        #expect(error?.column == 11)
        // The reader stays finished after an error.
        #expect(try reader.next() == nil)
    }

    /// libxml2 parses ahead in chunks, so a small file fails before its first event; in a large
    /// file the events before the broken chunk arrive first. Either way the error is the first one.
    @Test func errorFarIntoALargeFile() throws {
        let lines = (1...20_000).map { "  <item n=\"\($0)\">v\($0)</item>" }.joined(separator: "\n")
        let path = try Self.write("<list>\n\(lines)\n  <item>a & b</item>\n</list>\n")
        let reader = try XMLPullReader(path: path, displayPath: "big.xml")
        var items = 0
        let error = #expect(throws: XMLStreamError.self) {
            while let event = try reader.next() {
                if case .startElement("item", _, let location, _) = event {
                    items += 1
                    if location.line != items + 1 { Issue.record("item \(items) on line \(location.line)"); return }
                }
            }
        }
        #expect(items > 1_000)
        #expect(error?.description == "big.xml:20002:12: error: xmlParseEntityRef: no name")
    }

    @Test func missingFile() {
        let error = #expect(throws: XMLStreamError.self) {
            try XMLPullReader(path: "/nonexistent/loom/idoc.xml", displayPath: "idoc.xml")
        }
        #expect(error?.description == "idoc.xml: error: cannot open file: No such file or directory")
    }

    @Test func externalEntitiesAreNotLoaded() throws {
        let secret = try Self.write("TOP-SECRET", name: "secret.txt")
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE r [ <!ENTITY ext SYSTEM "file://\(secret)"> ]>
        <r><v>before &ext; after</v></r>
        """
        let events = try Self.events(try Self.write(xml))
        let text = events.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
        #expect(!text.contains("TOP-SECRET"))
        #expect(text.contains("before"))
    }

    // MARK: - Real files from ../shared/data

    @Test func odooBillsOfMaterials() throws {
        guard let data = Fixtures.sharedData else {
            print("skipped: ../shared/data is absent")
            return
        }
        let reader = try XMLPullReader(path: data.appendingPathComponent("erp/odoo/mrp_demo.xml").path, displayPath: "mrp_demo.xml")
        var models: [String: Int] = [:]
        var firstBOM: GraphModel.SourceLocation?
        while let event = try reader.next() {
            if case .startElement("record", let attributes, let location, _) = event, let model = attributes["model"] {
                models[model, default: 0] += 1
                if model == "mrp.bom" && firstBOM == nil { firstBOM = location }
            }
        }
        #expect(models["mrp.bom"] == 8)
        #expect(models["mrp.bom.line"] == 18)
        #expect(firstBOM?.xmlPath?.hasPrefix("/odoo/data/record[") == true)
    }

    @Test func sapIDocAsShippedIsMalformed() throws {
        guard let data = Fixtures.sharedData else {
            print("skipped: ../shared/data is absent")
            return
        }
        let url = data.appendingPathComponent("erp/sap-idoc/ZMATMAS05-as-shipped.xml")
        let error = #expect(throws: XMLStreamError.self) { try Self.events(url.path, displayPath: "ZMATMAS05-as-shipped.xml") }
        // The empty line 1 puts the XML declaration on line 2, which libxml2 rejects first.
        #expect(error?.description == "ZMATMAS05-as-shipped.xml:2:6: error: XML declaration allowed only at the start of the document")

        // Without the misplaced declaration (line numbers kept), the bare '&' is the first error.
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = ""
        let copy = try Self.write(lines.joined(separator: "\n"), name: "ZMATMAS05.xml")
        let second = #expect(throws: XMLStreamError.self) { try Self.events(copy, displayPath: "ZMATMAS05.xml") }
        #expect(second?.description == "ZMATMAS05.xml:233:26: error: xmlParseEntityRef: no name")
    }
}
