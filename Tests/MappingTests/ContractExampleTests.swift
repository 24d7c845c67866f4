import GraphModel
@testable import Mapping
import Testing

/// The example of docs/mapping.md, loaded and run end to end.
@Suite struct ContractExampleTests {
    static let yaml = """
        # mappings/sap/mara.yaml — SAP material master (MARA)
        description: SAP MARA general material data
        source:
          format: csv
          encoding: utf-8
          delimiter: ";"
          row-terminator: "&|\\n"
          quote: '"'
          header: true
          skip-lines: 2
          null-values: ["", "NULL"]
          trim: true
          decimal-comma: true
        where:
          - { column: LVORM, is-null: true }
          - { column: MTART, in: [FERT, HALB, ROH] }
        tables:
          units: { ST: EA, PC: EA }
        nodes:
          - label: Part
            key: [number]
            properties:
              number:
                column: MATNR
                transforms: [strip-leading-zeros]
              description: MAKTX
              kind: { column: MTART, type: { enum: [FERT, HALB, ROH, HAWA] } }
              baseUnit: { column: MEINS, transforms: [upper, { map: units }] }
              grossWeight: { column: BRGEW, type: decimal }
              createdOn: { column: ERSDA, type: date, format: yyyyMMdd, null-values: ["00000000"] }
              source: { value: SAP }
              label: { concat: [{ column: MATNR }, " / ", { column: MTART }] }
              plant: { column: WERKS, required: true }
              status: { column: MSTAE, default: "active" }
        edges:
          - type: HAS_COMPONENT
            from: { label: Part, key: { column: MATNR, transforms: [strip-leading-zeros] } }
            to:   { label: Part, key: { column: IDNRK, transforms: [strip-leading-zeros] } }
            properties:
              quantity: { column: MENGE, type: decimal }
              unit: { column: MEINS, transforms: [{ map: units }] }
              position: { column: POSNR, type: integer }
              validFrom: { column: DATUV, type: date, format: yyyyMMdd }
              validTo: { column: DATUB, type: date, format: yyyyMMdd, null-values: ["99991231"] }
        """

    @Test func loadsWithSourceDialect() throws {
        let m = try Harness.mapping(Self.yaml, path: "mappings/sap/mara.yaml")
        #expect(m.summary == "SAP MARA general material data")
        #expect(m.source == SourceSpec(format: "csv", encoding: "utf-8", delimiter: ";", rowTerminator: "&|\n",
                                       quote: "\"", header: true, columns: nil, skipLines: 2,
                                       nullValues: ["", "NULL"], trim: true, decimalComma: true))
        #expect(m.referencedColumns == ["LVORM", "MTART", "MATNR", "MAKTX", "MEINS", "BRGEW", "ERSDA", "WERKS",
                                        "MSTAE", "IDNRK", "MENGE", "POSNR", "DATUV", "DATUB"])
    }

    @Test func catalogHasTypedProperties() throws {
        let m = try Harness.mapping(Self.yaml)
        let part = try #require(m.catalog.nodeType("Part"))
        #expect(part.key == ["number"])
        #expect(part.properties.map(\.name) == ["number", "description", "kind", "baseUnit", "grossWeight",
                                                "createdOn", "source", "label", "plant", "status"])
        #expect(part.property("kind")?.type == .enumeration(["FERT", "HALB", "ROH", "HAWA"]))
        #expect(part.property("grossWeight")?.type == .decimal)
        #expect(part.property("createdOn")?.type == .date)
        let edge = try #require(m.catalog.edgeType("HAS_COMPONENT"))
        #expect(edge.from == "Part" && edge.to == "Part")
        #expect(edge.properties.map { "\($0.name):\($0.type)" } == ["quantity:decimal", "unit:string", "position:integer",
                                                                  "validFrom:date", "validTo:date"])
    }

    @Test func mapsOneRow() throws {
        let m = try Harness.mapping(Self.yaml, path: "mappings/sap/mara.yaml")
        let outcome = try Harness.map(m, [
            "LVORM": nil, "MTART": "HALB", "MATNR": "000000000000004711", "MAKTX": "Pump housing",
            "MEINS": "st", "BRGEW": "1.234,50", "ERSDA": "00000000", "WERKS": "1000", "MSTAE": nil,
            "IDNRK": "0815", "MENGE": "2,5", "POSNR": "0010", "DATUV": "20240131", "DATUB": "99991231",
        ])
        let node = try #require(outcome.nodes.first)
        #expect(node.label == "Part")
        #expect(node.key == [.string("4711")])
        #expect(node.rule == "mappings/sap/mara.yaml nodes[0] Part")
        #expect(node.location == Harness.rowLocation)
        let p = node.properties
        #expect(p["description"] == .string("Pump housing"))
        #expect(p["kind"] == .string("HALB"))
        #expect(p["baseUnit"] == .string("EA"))
        #expect(p["grossWeight"] == .decimal(try #require(ExactDecimal("1234.50"))))
        #expect(p["createdOn"] == .null)
        #expect(p["source"] == .string("SAP"))
        #expect(p["label"] == .string("000000000000004711 / HALB"))
        #expect(p["plant"] == .string("1000"))
        #expect(p["status"] == .string("active"))

        let edge = try #require(outcome.edges.first)
        #expect(edge.type == "HAS_COMPONENT")
        #expect(edge.from == NodeRef(label: "Part", key: [.string("4711")]))
        #expect(edge.to == NodeRef(label: "Part", key: [.string("815")]))
        #expect(edge.rule == "mappings/sap/mara.yaml edges[0] HAS_COMPONENT")
        #expect(edge.properties["quantity"] == .decimal(try #require(ExactDecimal("2.5"))))
        #expect(edge.properties["unit"] == .string("st"))
        #expect(edge.properties["position"] == .integer(10))
        #expect(edge.properties["validFrom"] == .date(try #require(LocalDate(year: 2024, month: 1, day: 31))))
        #expect(edge.properties["validTo"] == .null)
    }

    @Test func rowFilterDropsDeletedAndOtherTypes() throws {
        let m = try Harness.mapping(Self.yaml)
        let base: [String: String?] = ["MATNR": "1", "WERKS": "1000"]
        func outcome(_ lvorm: String?, _ mtart: String?) throws -> RowOutcome {
            var row = base
            row["LVORM"] = lvorm
            row["MTART"] = mtart
            let columns = m.referencedColumns
            let mapper = try m.bind(columns: columns, sourceFile: "MARA.csv")
            return mapper.map(columns.map { row[$0] ?? nil }, at: Harness.rowLocation, fieldLocation: Harness.fieldLocation)
        }
        #expect(try outcome("X", "HALB").isFilteredOut)
        #expect(try outcome(nil, "HAWA").isFilteredOut)
        #expect(try outcome(nil, nil).isFilteredOut)
        #expect(try outcome(nil, "FERT").reject?.reason == "column IDNRK: no value for the to key of HAS_COMPONENT (Part)")
    }
}
