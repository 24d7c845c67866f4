import Foundation
import GraphModel
@testable import Mapping
import Testing
import TestSupport

@Suite struct TableFileTests {
    static let mappingText = """
        tables:
          units: { file: units.csv, key: FROM, value: TO }
        nodes:
          - label: Part
            key: [n]
            properties:
              n: A
              unit: { column: U, transforms: [{ map: units, unmatched: reject }] }
        """

    func folder(units: String, mapping: String = mappingText) throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        try Fixtures.write(units, to: dir.appendingPathComponent("units.csv"))
        try Fixtures.write(mapping, to: dir.appendingPathComponent("parts.yaml"))
        return dir
    }

    func errors(_ dir: URL) -> String {
        do {
            _ = try Mapping.load(path: dir.appendingPathComponent("parts.yaml").path, displayPath: "mappings/parts.yaml")
            return ""
        } catch {
            return error.description
        }
    }

    @Test func tableIsReadFromACSVFileNextToTheMapping() throws {
        let dir = try folder(units: "\u{FEFF}FROM,TO,NOTE\r\nST,EA,piece\r\n\"PC\",\"EA\",\"with, comma\"\r\nKGM,KG,\n\n")
        let m = try Mapping.load(path: dir.appendingPathComponent("parts.yaml").path, displayPath: "mappings/parts.yaml")
        #expect(m.path == "mappings/parts.yaml")
        let mapper = try m.bind(columns: ["A", "U"], sourceFile: "parts.csv")
        func unit(_ u: String) -> RowOutcome {
            mapper.map(["1", u], at: Harness.rowLocation, fieldLocation: Harness.fieldLocation)
        }
        #expect(unit("ST").nodes.first?.properties["unit"] == .string("EA"))
        #expect(unit("PC").nodes.first?.properties["unit"] == .string("EA"))
        #expect(unit("KGM").nodes.first?.properties["unit"] == .string("KG"))
        #expect(unit("LB").reject?.reason == "column U: 'LB' is not in table units")
        #expect(m.describe().contains("tables: units (3 entries)"))
    }

    @Test func keyAndValueDefaultToTheFirstTwoColumns() throws {
        let text = Self.mappingText.replacingOccurrences(of: "{ file: units.csv, key: FROM, value: TO }", with: "{ file: units.csv }")
        let dir = try folder(units: "A;B\nX;Y\n", mapping: text.replacingOccurrences(of: "file: units.csv", with: "file: units.csv, delimiter: \";\""))
        let m = try Mapping.load(path: dir.appendingPathComponent("parts.yaml").path)
        let out = try m.bind(columns: ["A", "U"], sourceFile: "p.csv").map(["1", "X"], at: Harness.rowLocation, fieldLocation: Harness.fieldLocation)
        #expect(out.nodes.first?.properties["unit"] == .string("Y"))
    }

    @Test func unknownColumnIsReportedAtTheMappingKey() throws {
        let dir = try folder(units: "FROM,TOO\nST,EA\n")
        #expect(errors(dir) == "mappings/parts.yaml:2:47: error: column 'TO' is not in mappings/units.csv (did you mean 'TOO'?)")
    }

    @Test func badRowsAreReportedAtTheirLineInTheTableFile() throws {
        let dir = try folder(units: "FROM,TO\nST,EA\nPC\nST,PC\n")
        #expect(errors(dir) == """
            mappings/units.csv:3:1: error: line has 1 field but the table reads field 2 (TO)
            mappings/units.csv:4:1: error: key 'ST' is listed again with another value ('EA' on line 2, 'PC' here)
            """)
    }

    @Test func unclosedQuoteAndMissingFile() throws {
        let dir = try folder(units: "FROM,TO\nST,\"EA\nPC,EA\n")
        #expect(errors(dir) == "mappings/units.csv:2:4: error: quote opened here is never closed")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("units.csv"))
        let missing = errors(dir)
        #expect(missing.hasPrefix("mappings/parts.yaml:2:18: error: cannot read table file 'units.csv' (looked for "))
    }
}

@Suite struct SuggestionsTests {
    @Test func closestNames() {
        #expect(Suggestions.closest(to: "trasnforms", in: ["transforms", "type", "format"]) == "transforms")
        #expect(Suggestions.closest(to: "MATNX", in: ["MANDT", "MATNR", "MAKTX"]) == "MATNR")
        #expect(Suggestions.closest(to: "matnr", in: ["MATNR"]) == "MATNR")
        #expect(Suggestions.closest(to: "descripton", in: ["description"]) == "description")
        #expect(Suggestions.closest(to: "to", in: ["from", "label"]) == nil)
        #expect(Suggestions.closest(to: "weight", in: ["height", "eight", "weigh"]) == "height")
        #expect(Suggestions.closest(to: "x", in: []) == nil)
        #expect(Suggestions.distance("ab", "ba") == 1)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
        #expect(Suggestions.hint(for: "uper", in: ["upper", "lower"]) == " (did you mean 'upper'?)")
    }
}
