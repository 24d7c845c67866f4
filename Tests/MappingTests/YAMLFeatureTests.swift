import GraphModel
@testable import Mapping
import Testing

/// YAML features mapping authors reach for: anchors, aliases, merge keys, quoting.
@Suite struct YAMLFeatureTests {
    @Test func anchorsAndMergeKeys() throws {
        let m = try Harness.mapping("""
            nodes:
              - label: Part
                key: [number]
                properties:
                  number: &matnr { column: MATNR, transforms: [strip-leading-zeros] }
                  weight: &dec { column: BRGEW, type: decimal }
                  net: { <<: *dec, column: NTGEW }
            edges:
              - type: HAS_COMPONENT
                from: { label: Part, key: *matnr }
                to: { label: Part, key: { <<: *matnr, column: IDNRK } }
            """)
        let out = try Harness.map(m, ["MATNR": "007", "BRGEW": "1.5", "NTGEW": "1.25", "IDNRK": "0042"])
        #expect(out.nodes.first?.properties["net"] == .decimal(try #require(ExactDecimal("1.25"))))
        #expect(out.edges.first?.to.key == [.string("42")])
    }

    @Test func quotedScalarsKeepTheirText() throws {
        let v = try Harness.value("{ column: C, transforms: [{ map: { \"01\": yes, \"1\": \"no\" } }] }", "01")
        #expect(v.value == .string("yes"))
        #expect(try Harness.value("{ value: 0010 }", nil).value == .string("0010"))
    }
}
