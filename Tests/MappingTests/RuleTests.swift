import GraphModel
@testable import Mapping
import Testing

@Suite struct RuleTests {
    static let purchasing = """
        nodes:
          - label: PurchaseOrderLine
            key: [order, line]
            properties:
              order: EBELN
              line: { column: EBELP, type: integer }
              material: { column: MATNR, transforms: [strip-leading-zeros] }
        edges:
          - type: ORDERS
            from: { label: PurchaseOrderLine, key: [EBELN, EBELP] }
            to: { label: Part, key: { column: MATNR, transforms: [strip-leading-zeros] } }
            properties:
              quantity: { column: MENGE, type: decimal }
          - type: PART_OF
            from: { label: PurchaseOrderLine, key: [{ column: EBELN }, { column: EBELP, type: integer }] }
            to: { label: PurchaseOrder, key: EBELN }
        """

    @Test func compositeKeyInKeyOrder() throws {
        let m = try Harness.mapping(Self.purchasing, path: "po.yaml")
        let out = try Harness.map(m, ["EBELN": "4500000001", "EBELP": "00010", "MATNR": "0004711", "MENGE": "3"])
        let node = try #require(out.nodes.first)
        #expect(node.key == [.string("4500000001"), .integer(10)])
        #expect(NodeRef(label: node.label, key: node.key).description == "PurchaseOrderLine 4500000001/10")
    }

    @Test func edgeEndpointKeysTakeTheLabelsKeyTypes() throws {
        let m = try Harness.mapping(Self.purchasing, path: "po.yaml")
        let out = try Harness.map(m, ["EBELN": "4500000001", "EBELP": "00010", "MATNR": "0004711", "MENGE": "3"])
        #expect(out.edges.count == 2)
        let orders = out.edges[0]
        #expect(orders.type == "ORDERS")
        // EBELP has no type in this endpoint, but PurchaseOrderLine.line is an integer.
        #expect(orders.from == NodeRef(label: "PurchaseOrderLine", key: [.string("4500000001"), .integer(10)]))
        #expect(orders.to == NodeRef(label: "Part", key: [.string("4711")]))
        #expect(orders.rule == "po.yaml edges[0] ORDERS")
        #expect(out.edges[1].from == orders.from)
        #expect(out.edges[1].to == NodeRef(label: "PurchaseOrder", key: [.string("4500000001")]))
        #expect(out.edges[1].properties.names.isEmpty)
    }

    @Test func missingKeysRejectTheRow() throws {
        let m = try Harness.mapping(Self.purchasing, path: "po.yaml")
        let noLine = try #require(try Harness.map(m, ["EBELN": "45", "EBELP": nil, "MATNR": "1", "MENGE": "3"]).reject)
        #expect(noLine.reason == "column EBELP: no value for PurchaseOrderLine.line, which is part of the key")
        #expect(noLine.rule == "po.yaml nodes[0] PurchaseOrderLine")
        #expect(noLine.location == Harness.fieldLocation(1))
        let noPart = try #require(try Harness.map(m, ["EBELN": "45", "EBELP": "1", "MATNR": nil, "MENGE": "3"]).reject)
        #expect(noPart.reason == "column MATNR: no value for the to key of ORDERS (Part)")
        #expect(noPart.rule == "po.yaml edges[0] ORDERS")
    }

    @Test func catalogHoldsDeclaredLabelsOnly() throws {
        let m = try Harness.mapping(Self.purchasing)
        #expect(m.catalog.nodeTypes.map(\.label) == ["PurchaseOrderLine"])
        #expect(m.catalog.nodeType("PurchaseOrderLine")?.key == ["order", "line"])
        #expect(m.catalog.edgeTypes.map { "\($0.name):\($0.from)->\($0.to)" }
                == ["ORDERS:PurchaseOrderLine->Part", "PART_OF:PurchaseOrderLine->PurchaseOrder"])
    }

    @Test func propertyNamesAreSharedAcrossRows() throws {
        let m = try Harness.mapping(Self.purchasing)
        let mapper = try m.bind(columns: ["EBELN", "EBELP", "MATNR", "MENGE"], sourceFile: "EKPO.csv")
        let a = mapper.map(["1", "10", "5", "1"], at: Harness.rowLocation, fieldLocation: Harness.fieldLocation)
        let b = mapper.map(["2", "20", "6", "2"], at: Harness.rowLocation, fieldLocation: Harness.fieldLocation)
        let na = try #require(a.nodes.first).properties.names
        let nb = try #require(b.nodes.first).properties.names
        #expect(na == ["order", "line", "material"])
        na.withUnsafeBufferPointer { pa in
            nb.withUnsafeBufferPointer { pb in #expect(pa.baseAddress == pb.baseAddress) }
        }
    }

    @Test func twoRulesFeedingOneLabelMerge() throws {
        let m = try Harness.mapping("""
            nodes:
              - label: Part
                key: [number]
                properties: { number: MATNR, description: MAKTX }
              - label: Part
                key: [number]
                properties: { number: IDNRK, unit: MEINS }
            """)
        #expect(m.catalog.nodeType("Part")?.properties.map(\.name) == ["number", "description", "unit"])
        let out = try Harness.map(m, ["MATNR": "1", "MAKTX": "Pump", "IDNRK": "2", "MEINS": "EA"])
        #expect(out.nodes.map(\.key) == [[.string("1")], [.string("2")]])
        #expect(out.nodes[1].rule == "test.yaml nodes[1] Part")
    }

    @Test func fieldsBeyondTheRowAreNull() throws {
        let m = try Harness.mapping("""
            nodes:
              - label: Part
                key: [number]
                properties: { number: A, note: B }
            """)
        let mapper = try m.bind(columns: ["A", "B"], sourceFile: "x.csv")
        let out = mapper.map(["1"], at: Harness.rowLocation, fieldLocation: Harness.fieldLocation)
        #expect(out.nodes.first?.properties["note"] == .null)
    }

    @Test func bindReportsEveryUnknownColumnAtItsPlace() throws {
        let m = try Harness.mapping("""
            nodes:
              - label: Part
                key: [number]
                properties:
                  number: MATNX
                  kind: { column: mtart }
                  weight: { column: BRGEW, type: decimal }
            """, path: "mappings/sap/mara.yaml")
        #expect(throws: MappingError.self) { try m.bind(columns: ["MATNR", "MTART", "BRGEW"], sourceFile: "MARA.csv") }
        do {
            _ = try m.bind(columns: ["MATNR", "MTART", "BRGEW"], sourceFile: "MARA.csv")
        } catch {
            #expect(error.description == """
                mappings/sap/mara.yaml:5:15: error: column 'MATNX' is not in MARA.csv (did you mean 'MATNR'?)
                mappings/sap/mara.yaml:6:23: error: column 'mtart' is not in MARA.csv (did you mean 'MTART'?)
                """)
        }
    }

    @Test func headerNamesPaddedWithSpacesStillMatch() throws {
        let m = try Harness.mapping("""
            nodes:
              - label: Part
                key: [number]
                properties: { number: MATNR }
            """)
        let mapper = try m.bind(columns: [" MATNR  "], sourceFile: "x.csv")
        #expect(mapper.map(["7"], at: Harness.rowLocation, fieldLocation: Harness.fieldLocation).nodes.first?.key == [.string("7")])
    }

    @Test func describeListsLabelsEdgesAndColumns() throws {
        let m = try Harness.mapping("description: EKPO lines\n" + Self.purchasing, path: "po.yaml")
        let text = m.describe()
        #expect(text.contains("po.yaml: EKPO lines"))
        #expect(text.contains("PurchaseOrderLine key (order, line)"))
        #expect(text.contains("line: integer"))
        #expect(text.contains("← MATNR | strip-leading-zeros"))
        #expect(text.contains("ORDERS: PurchaseOrderLine → Part"))
        #expect(text.contains("quantity: decimal"))
        #expect(text.contains("labels from other mappings: Part, PurchaseOrder"))
        #expect(text.hasSuffix("columns: EBELN, EBELP, MATNR, MENGE"))
    }
}
