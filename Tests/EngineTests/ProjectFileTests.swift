import Testing
@testable import Engine

@Suite struct ProjectFileTests {
    @Test func readsDatabaseSourcesAndSettings() throws {
        let project = try ProjectFile.parse(yaml: """
            database: plant.sqlite
            sources:
              - path: erp/MARA.csv
                mapping: ../mappings/mara.yaml
              - glob: erp/EKPO_*.csv
                mapping: ../mappings/ekpo.yaml
            settings:
              max-rejects: 5
            """, path: "projects/loom.yaml")
        #expect(project.database == "plant.sqlite")
        #expect(project.sources.map(\.pattern) == ["erp/MARA.csv", "erp/EKPO_*.csv"])
        #expect(project.sources.map(\.isGlob) == [false, true])
        #expect(project.maxRejects == 5)
        #expect(project.resolve("../mappings/mara.yaml") == "mappings/mara.yaml")
        #expect(project.resolve(project.database) == "projects/plant.sqlite")
    }

    @Test func reportsEveryProblemWithPositionAndSuggestion() {
        do {
            _ = try ProjectFile.parse(yaml: """
                databse: plant.sqlite
                sources:
                  - path: a.csv
                  - path: b.csv
                    mapping: b.yaml
                    glob: "*.csv"
                settings:
                  max-rejects: many
                """, path: "loom.yaml")
            Issue.record("expected errors")
        } catch {
            #expect(error.description == """
                loom.yaml:1:1: error: unknown key 'databse' (did you mean 'database'?)
                loom.yaml:1:1: error: missing `database:` (the SQLite file the graph is written to, e.g. `database: plant.sqlite`)
                loom.yaml:3:5: error: source has no `mapping:` (the mapping file that reads it)
                loom.yaml:6:11: error: source has both `path:` and `glob:`; give one
                loom.yaml:8:16: error: `max-rejects` must be a whole number ≥ 0
                """)
        }
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() {
        do {
            _ = try ProjectFile.parse(yaml: "database: [unclosed\nsources: []\n", path: "loom.yaml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.description.hasPrefix("loom.yaml:"))
            #expect(error.description.contains("YAML syntax"))
        }
    }
}
