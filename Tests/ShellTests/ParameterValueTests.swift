import GraphModel
import Testing
@testable import Shell

/// `:param NAME VALUE` as a Cypher user types it: lists and maps in Cypher's spelling, quoted strings.
@Suite struct ParameterValueTests {
    @Test func aCypherListBecomesTheJSONListTheEngineTakes() throws {
        #expect(try ParameterValue.value("['100428', \"100429\"]") == .string("[\"100428\",\"100429\"]"))
        #expect(try ParameterValue.value("[1, -2.5, +3, null, TRUE, []]") == .string("[1,-2.5,3,null,true,[]]"))
        #expect(try ParameterValue.value("[\"already\", \"json\"]") == .string("[\"already\",\"json\"]"))
    }

    @Test func aCypherMapMayHaveBareQuotedOrBackQuotedKeys() throws {
        #expect(try ParameterValue.value("{asOf: '2025-03-01', 'depth': 2, `odd key`: ['a\"b']}")
                == .string("{\"asOf\":\"2025-03-01\",\"depth\":2,\"odd key\":[\"a\\\"b\"]}"))
    }

    @Test func aQuotedStringKeepsItsSpacesAndReadsEscapes() throws {
        #expect(try ParameterValue.value("'Kreiselpumpe KP-50 1,5 kW'") == .string("Kreiselpumpe KP-50 1,5 kW"))
        #expect(try ParameterValue.value("'it\\'s'") == .string("it's"))
        #expect(try ParameterValue.value("\"say \\\"hi\\\"\"") == .string("say \"hi\""))
        #expect(try ParameterValue.value("'0042'") == .string("0042"))
    }

    @Test func otherValuesAreTypedAsParamTypesThem() throws {
        #expect(try ParameterValue.value("100103") == .integer(100103))
        #expect(try ParameterValue.value("2025-03-01") == .date(try #require(LocalDate(iso: "2025-03-01"))))
        #expect(try ParameterValue.value("Kreiselpumpe KP-50") == .string("Kreiselpumpe KP-50"))
        #expect(try ParameterValue.value("null") == .null)
    }

    @Test func aBrokenListOrMapIsExplained() {
        #expect(throws: ReplError.self) { try ParameterValue.value("[1, 2") }
        do {
            _ = try ParameterValue.value("[1, 2")
        } catch {
            #expect(error.message.contains("'[' is not closed by ']'"))
        }
        do {
            _ = try ParameterValue.value("[abc]")
        } catch {
            #expect(error.message.contains("'abc' is not a value (quote text: 'abc')"))
        }
        do {
            _ = try ParameterValue.value("{depth 2}")
        } catch {
            #expect(error.message.contains("expected ':' after the key 'depth'"))
        }
    }

    @Test func paramsShowsListsAndMapsAsSuch() {
        #expect(ParameterValue.describe(.string("[\"100428\"]")) == "[\"100428\"] (list)")
        #expect(ParameterValue.describe(.string("{\"depth\":2}")) == "{\"depth\":2} (map)")
        #expect(ParameterValue.describe(.string("[not json")) == "'[not json' (string)")
        #expect(ParameterValue.describe(.integer(7)) == "7 (integer)")
    }
}
