import GraphModel
@testable import Mapping
import Testing

@Suite struct FilterTests {
    func accepts(_ condition: String, _ field: String?) throws -> Bool {
        let m = try Harness.mapping("""
            where:
              - \(condition)
            nodes:
              - label: Thing
                key: [id]
                properties: { id: ID }
            """)
        return try !Harness.map(m, ["ID": "1", "F": field]).isFilteredOut
    }

    @Test func equalsAndNotEquals() throws {
        #expect(try accepts("{ column: F, equals: A }", "A"))
        #expect(try !accepts("{ column: F, equals: A }", "B"))
        #expect(try !accepts("{ column: F, equals: A }", nil))
        #expect(try accepts("{ column: F, not-equals: A }", "B"))
        #expect(try !accepts("{ column: F, not-equals: A }", "A"))
        #expect(try accepts("{ column: F, not-equals: A }", nil))
        #expect(try accepts("{ column: F, equals: \"0010\" }", "0010"))
    }

    @Test func inAndNotIn() throws {
        #expect(try accepts("{ column: F, in: [FERT, HALB] }", "HALB"))
        #expect(try !accepts("{ column: F, in: [FERT, HALB] }", "ROH"))
        #expect(try !accepts("{ column: F, in: [FERT, HALB] }", nil))
        #expect(try accepts("{ column: F, not-in: [FERT, HALB] }", "ROH"))
        #expect(try !accepts("{ column: F, not-in: [FERT, HALB] }", "FERT"))
        #expect(try accepts("{ column: F, not-in: [FERT, HALB] }", nil))
    }

    @Test func isNull() throws {
        #expect(try accepts("{ column: F, is-null: true }", nil))
        #expect(try !accepts("{ column: F, is-null: true }", "X"))
        #expect(try accepts("{ column: F, is-null: false }", "X"))
        #expect(try !accepts("{ column: F, is-null: false }", nil))
    }

    @Test func matchesWholeField() throws {
        #expect(try accepts(#"{ column: F, matches: "[0-9]+" }"#, "0042"))
        #expect(try !accepts(#"{ column: F, matches: "[0-9]+" }"#, "A0042"))
        #expect(try accepts(#"{ column: F, matches: "P-.*|Q-.*" }"#, "Q-7"))
        #expect(try !accepts(#"{ column: F, matches: ".*" }"#, nil))
    }

    @Test func everyConditionMustHold() throws {
        let m = try Harness.mapping("""
            where:
              - { column: A, equals: "1" }
              - { column: B, in: [x, y] }
            nodes:
              - label: Thing
                key: [id]
                properties: { id: ID }
            """)
        #expect(try !Harness.map(m, ["ID": "1", "A": "1", "B": "x"]).isFilteredOut)
        #expect(try Harness.map(m, ["ID": "1", "A": "2", "B": "x"]).isFilteredOut)
        #expect(try Harness.map(m, ["ID": "1", "A": "1", "B": "z"]).isFilteredOut)
    }

    @Test func ruleLevelWhereSkipsOnlyThatRule() throws {
        let m = try Harness.mapping("""
            nodes:
              - label: Part
                key: [id]
                properties: { id: ID }
              - label: Assembly
                key: [id]
                where: { column: KIND, equals: A }
                properties: { id: ID }
            """)
        #expect(try Harness.map(m, ["ID": "1", "KIND": "A"]).nodes.map(\.label) == ["Part", "Assembly"])
        #expect(try Harness.map(m, ["ID": "1", "KIND": "P"]).nodes.map(\.label) == ["Part"])
    }
}
