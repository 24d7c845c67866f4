import GraphModel
import Testing
@testable import Query

/// The tiny plant's catalog (Tests/Fixtures/tiny-plant), as the compiler sees it.
let tinyPlant = Catalog(
    nodeTypes: [
        NodeType(label: "Part", key: ["number"], properties: [
            PropertyDefinition("number", .string), PropertyDefinition("description", .string),
            PropertyDefinition("kind", .enumeration(["FERT", "HALB", "ROH"])), PropertyDefinition("unit", .string),
            PropertyDefinition("unitCost", .decimal), PropertyDefinition("leadTimeDays", .integer),
        ]),
        NodeType(label: "WorkCentre", key: ["code"], properties: [PropertyDefinition("code", .string)]),
        NodeType(label: "Operation", key: ["part", "number"], properties: [
            PropertyDefinition("part", .string), PropertyDefinition("number", .integer),
            PropertyDefinition("setupMinutes", .decimal), PropertyDefinition("runMinutes", .decimal),
        ]),
    ],
    edgeTypes: [
        EdgeType(name: "HAS_COMPONENT", from: "Part", to: "Part", properties: [
            PropertyDefinition("position", .integer), PropertyDefinition("quantity", .decimal),
            PropertyDefinition("unit", .string), PropertyDefinition("validFrom", .date), PropertyDefinition("validTo", .date),
        ]),
        EdgeType(name: "HAS_OPERATION", from: "Part", to: "Operation", properties: []),
        EdgeType(name: "PERFORMED_AT", from: "Operation", to: "WorkCentre", properties: []),
        EdgeType(name: "REPLACES", from: "Part", to: "Part", properties: [
            PropertyDefinition("since", .date), PropertyDefinition("position", .integer),
        ]),
    ])

func compile(_ query: String) throws(QueryError) -> CompiledQuery {
    try QueryCompiler.compile(query, catalog: tinyPlant)
}

/// Asserts the SQL `query` compiles to, line by line.
func assertSQL(_ query: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    do {
        let compiled = try compile(query)
        #expect(compiled.sql == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(query) did not compile:\n\(error)", sourceLocation: sourceLocation)
    }
}

/// The rendered error `query` raises, or "compiled".
func compileError(_ query: String) -> String {
    do {
        _ = try compile(query)
        return "compiled"
    } catch {
        return error.description
    }
}

/// Just the message of the error `query` raises.
func compileMessage(_ query: String) -> String {
    do {
        _ = try compile(query)
        return "compiled"
    } catch {
        return error.message
    }
}
