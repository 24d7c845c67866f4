import GraphModel
import Testing
@testable import Shell

@Suite struct CompletionTests {
    static let catalog = Catalog(
        nodeTypes: [
            NodeType(label: "Part", key: ["number"], properties: [
                PropertyDefinition("number", .string), PropertyDefinition("description", .string),
                PropertyDefinition("unitCost", .decimal), PropertyDefinition("kind", .string),
            ]),
            NodeType(label: "Plant", key: ["code"], properties: [PropertyDefinition("code", .string), PropertyDefinition("name", .string)]),
            NodeType(label: "Supplier", key: ["id"], properties: [PropertyDefinition("id", .string), PropertyDefinition("name", .string)]),
        ],
        edgeTypes: [
            EdgeType(name: "HAS_COMPONENT", from: "Part", to: "Part", properties: [
                PropertyDefinition("quantity", .decimal), PropertyDefinition("validFrom", .date),
            ]),
            EdgeType(name: "SUPPLIES", from: "Supplier", to: "Part", properties: []),
        ])

    var completer: Completer {
        var vocabulary = CompletionVocabulary(catalog: Self.catalog)
        vocabulary.parameters = ["asOf", "part"]
        vocabulary.namedQueries = ["bom-explosion", "where-used", "work-centre-load"]
        vocabulary.namedQueryParameters = ["bom-explosion": ["part", "asOf"]]
        return Completer(vocabulary: vocabulary)
    }

    @Test func labelsAfterAColonInANodePattern() {
        #expect(completer.complete("MATCH (p:Pa") == Completion(replacing: 2, candidates: ["Part"]))
        #expect(completer.complete("MATCH (p:P").candidates == ["Part", "Plant"])
        #expect(completer.complete("MATCH (p:Part)-->(:").candidates == ["Part", "Plant", "Supplier"])
        #expect(completer.complete("MATCH (p) WHERE p:Su").candidates == ["Supplier"])
        #expect(completer.complete("MATCH (p:pa").candidates == ["Part"])
    }

    @Test func relationshipTypesInsideBrackets() {
        #expect(completer.complete("MATCH (a)-[:HAS").candidates == ["HAS_COMPONENT"])
        #expect(completer.complete("MATCH (a)-[l:").candidates == ["HAS_COMPONENT", "SUPPLIES"])
        #expect(completer.complete("MATCH (a)-[:HAS_COMPONENT|SU").candidates == ["SUPPLIES"])
    }

    @Test func propertiesOfTheVariablesLabel() {
        #expect(completer.complete("MATCH (p:Part) RETURN p.") .candidates == ["description", "kind", "number", "unitCost"])
        #expect(completer.complete("MATCH (s:Supplier) RETURN s.n") == Completion(replacing: 1, candidates: ["name"]))
        #expect(completer.complete("MATCH (a:Part)-[l:HAS_COMPONENT]->(c) RETURN l.q").candidates == ["quantity"])
        // The binding may be on an earlier line of the statement.
        #expect(completer.complete("RETURN p.u", pending: "MATCH (p:Part)").candidates == ["unitCost"])
        // Without a label: every property of the graph that fits.
        #expect(completer.complete("MATCH (x) RETURN x.n").candidates == ["name", "number"])
    }

    @Test func parametersAfterADollar() {
        #expect(completer.complete("MATCH (p:Part) WHERE p.number = $p").candidates == ["part"])
        #expect(completer.complete("RETURN $").candidates == ["asOf", "part"])
    }

    @Test func keywordsInTheCaseTheWordIsTypedIn() {
        #expect(completer.complete("MAT") == Completion(replacing: 3, candidates: ["MATCH"], suffix: " "))
        #expect(completer.complete("mat").candidates == ["match"])
        #expect(completer.complete("MATCH (p:Part) RET").candidates == ["RETURN"])
        #expect(completer.complete("MATCH (p:Part) RETURN col").candidates == ["collect"])
        #expect(completer.complete("MATCH (part:Part) RETURN pa").candidates == ["part"])
    }

    @Test func nothingInsideAString() {
        #expect(completer.complete("MATCH (p:Part) WHERE p.kind = 'fin").candidates.isEmpty)
        #expect(completer.complete("RETURN 'a:P").candidates.isEmpty)
    }

    @Test func bomProceduresAfterBomDot() {
        #expect(completer.complete("CALL bom.ex").candidates == ["explode"])
        #expect(completer.complete("CALL bom.").candidates == ["cycles", "explode", "rollup", "whereUsed"])
    }

    @Test func metaCommandsAndTheirArguments() {
        #expect(completer.complete(":sch") == Completion(replacing: 4, candidates: [":schema"], suffix: " "))
        #expect(completer.complete(":p").candidates == [":param", ":params", ":profile"])
        #expect(completer.complete(":run w").candidates == ["where-used", "work-centre-load"])
        #expect(completer.complete(":run bom").candidates == ["bom-explosion"])
        #expect(completer.complete(":run bom-explosion ").candidates == ["asOf=", "part="])
        #expect(completer.complete(":run bom-explosion part=1 a").candidates == ["asOf="])
        #expect(completer.complete(":format j").candidates == ["json", "jsonl"])
        #expect(completer.complete(":timing o").candidates == ["off", "on"])
        #expect(completer.complete(":schema Su").candidates == ["SUPPLIES", "Supplier"])
        #expect(completer.complete(":explain MATCH (p:Pa").candidates == ["Part"])
        // A ':' on a continuation line is a label, not a command.
        #expect(completer.complete(":Pa", pending: "MATCH (p").candidates == ["Part"])
    }

    @Test func manyCandidatesShareAPrefix() {
        let completion = completer.complete(":run w")
        #expect(completion.commonPrefix == "w")
        #expect(Completion(replacing: 0, candidates: ["HAS_COMPONENT", "HAS_ROUTING"]).commonPrefix == "HAS_")
    }

    @Test func variableBindingsFromPatternsAliasesAndYield() {
        let bindings = VariableBindings("MATCH (p:Part)-[l:HAS_COMPONENT]->(c) WITH p, count(c) AS n CALL bom.explode('1') YIELD component, quantity AS q")
        #expect(bindings.labels == ["p": "Part", "l": "HAS_COMPONENT"])
        #expect(bindings.variables == ["p", "l", "c", "n", "component", "q"])
    }

    @Test func aNodesLabelIsInferredFromATypedRelationship() {
        // `p` has no label, but SUPPLIES goes from Supplier to Part.
        #expect(completer.complete("MATCH (s:Supplier)-[:SUPPLIES]->(p) RETURN p.").candidates == ["description", "kind", "number", "unitCost"])
        #expect(completer.complete("MATCH (p)<-[:SUPPLIES]-(s) RETURN s.").candidates == ["id", "name"])
        #expect(completer.complete("MATCH (a:Part)-[:HAS_COMPONENT]-(c) RETURN c.q").candidates == [])
        #expect(completer.complete("MATCH (a:Part)-[l:HAS_COMPONENT]-(c) RETURN c.n").candidates == ["number"])
    }

    @Test func inferenceNeedsOneTypeAndADirectionWhenTheEndsDiffer() {
        let ends = CompletionVocabulary(catalog: Self.catalog).relationshipEnds
        #expect(VariableBindings("MATCH (s)-[:SUPPLIES]->(p)", relationshipEnds: ends).labels == ["s": "Supplier", "p": "Part"])
        #expect(VariableBindings("MATCH (s)-[:SUPPLIES]-(p)", relationshipEnds: ends).labels.isEmpty)
        #expect(VariableBindings("MATCH (s)-[:SUPPLIES|HAS_COMPONENT]->(p)", relationshipEnds: ends).labels.isEmpty)
        // A label written in the pattern wins.
        #expect(VariableBindings("MATCH (x:Plant)-[:SUPPLIES]->(p)", relationshipEnds: ends).labels == ["x": "Plant", "p": "Part"])
    }
}
