import Foundation
import Testing
import GraphModel
import Mapping
import Readers
import TestSupport
@testable import Import

/// A sink that keeps everything in memory, to see exactly what an import hands the store.
final class RecordingSink: GraphSink {
    var sources: [SourceFileInfo] = []
    var nodes: [NodeRecord] = []
    var edges: [EdgeRecord] = []
    var rejects: [RejectRecord] = []
    var ended: [(Int64, Int)] = []

    func beginSource(_ source: SourceFileInfo) throws -> Int64 {
        sources.append(source)
        return Int64(sources.count)
    }
    func add(_ node: NodeRecord, source: Int64) throws { nodes.append(node) }
    func add(_ edge: EdgeRecord, source: Int64) throws { edges.append(edge) }
    func add(_ reject: RejectRecord, source: Int64) throws { rejects.append(reject) }
    func endSource(_ source: Int64, rowsRead: Int, contentHash: String) throws {
        ended.append((source, rowsRead))
        sources[Int(source) - 1].contentHash = contentHash
    }
}

@Suite struct SourceImportTests {
    let mappingYAML = """
        source: { delimiter: ";", decimal-comma: true }
        where:
          - { column: KIND, not-equals: TEXT }
        nodes:
          - label: Part
            key: [number]
            properties:
              number: { column: MATNR, transforms: [strip-leading-zeros] }
              weight: { column: WEIGHT, type: decimal }
        edges:
          - type: MADE_OF
            from: { label: Part, key: { column: MATNR, transforms: [strip-leading-zeros] } }
            to: { label: Material, key: MATERIAL }
        """

    func prepare(_ csv: String, yaml: String? = nil) throws -> PreparedSource {
        let dir = try Fixtures.temporaryDirectory("import")
        let file = dir.appendingPathComponent("parts.csv")
        try Fixtures.write(csv, to: file)
        let mapping = try Mapping.parse(yaml: yaml ?? mappingYAML, path: "parts.yaml")
        return try PreparedSource(path: file.path, displayPath: "parts.csv", mapping: mapping)
    }

    @Test func streamsRowsIntoNodesEdgesAndRejects() throws {
        let source = try prepare("""
            MATNR;KIND;WEIGHT;MATERIAL
            000123;PART;1,5;STEEL
            000124;TEXT;;
            000125;PART;2,5x;STEEL
            000126;PART;3;BRASS;extra
            """)
        let sink = RecordingSink()
        let stats = try SourceImport.run(source, into: sink, budget: RejectBudget(limit: 10))
        #expect(stats.rowsRead == 4)
        #expect(stats.rowsFiltered == 1)
        #expect(stats.rowsRejected == 2)
        #expect(sink.nodes.map { NodeKey.text($0.key) } == ["123"])
        #expect(sink.nodes.first?.properties["weight"] == .decimal(ExactDecimal("1.5")!))
        #expect(sink.edges.map(\.to.keyText) == ["STEEL"])
        #expect(sink.rejects.map(\.location.line) == [4, 5])
        #expect(sink.rejects[0].reason == "column WEIGHT: '2,5x' is not a decimal")
        #expect(sink.rejects[0].rawText == "000125;PART;2,5x;STEEL")
        #expect(sink.rejects[0].location.column == 13)
        #expect(sink.rejects[1].reason == "row has 5 fields, the header has 4")
        #expect(sink.sources.first?.path == "parts.csv")
        #expect(sink.sources.first?.contentHash == (try FileDigest.sha256(path: source.path)))
        #expect(sink.sources.first?.contentHash.count == 64)
        #expect(sink.ended.first?.1 == 4)
    }

    @Test func theBudgetStopsTheRunPastItsLimit() throws {
        let source = try prepare("MATNR;KIND;WEIGHT;MATERIAL\n1;P;x;S\n2;P;y;S\n3;P;z;S\n")
        let sink = RecordingSink()
        #expect {
            try SourceImport.run(source, into: sink, budget: RejectBudget(limit: 1))
        } throws: { error in
            guard case ImportError.tooManyRejects(let limit, let last) = error else { return false }
            return limit == 1 && last.location.line == 3
        }
    }

    @Test func aMappingColumnMissingFromTheHeaderIsReportedBeforeReading() throws {
        #expect {
            try prepare("MATNR;KIND;WEIGHT;MATERIL\n1;P;1;S\n")
        } throws: { error in
            "\(error)".contains("'MATERIAL'") && "\(error)".contains("did you mean 'MATERIL'?")
        }
    }

    @Test func columnsInTheMappingRenameTheHeader() throws {
        let yaml = """
            source: { delimiter: ";", columns: [A, B] }
            nodes:
              - label: Thing
                key: [id]
                properties:
                  id: A
                  name: B
            """
        let source = try prepare("Nummer;Bezeichnung\n7;Pumpe\n", yaml: yaml)
        let sink = RecordingSink()
        _ = try SourceImport.run(source, into: sink, budget: RejectBudget(limit: 0))
        #expect(sink.nodes.first?.properties["name"] == .string("Pumpe"))
        #expect {
            try prepare("Nummer;Bezeichnung;Extra\n7;Pumpe;x\n", yaml: yaml)
        } throws: { error in
            "\(error)".contains("the header has 3 columns but the mapping's `columns:` names 2")
        }
    }

    @Test func dialectFollowsTheMappingSource() throws {
        let mapping = try Mapping.parse(yaml: """
            source: { encoding: windows-1252, delimiter: "+|", row-terminator: "&|\\n", quote: none, header: false, columns: [A], skip-lines: 2, null-values: [NULL], trim: true }
            nodes:
              - label: T
                key: [a]
                properties: { a: A }
            """, path: "m.yaml")
        let dialect = try CSVDialect(mapping.source)
        #expect(dialect.encoding == .windows1252)
        #expect(dialect.delimiter == "+|")
        #expect(dialect.rowTerminator == "&|\n")
        #expect(dialect.quote == nil)
        #expect(dialect.header == false)
        #expect(dialect.columns == ["A"])
        #expect(dialect.skipLines == 2)
        #expect(dialect.nullValues == ["NULL"])
        #expect(dialect.trimFields)
    }
}
