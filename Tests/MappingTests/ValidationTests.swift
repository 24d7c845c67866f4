import GraphModel
@testable import Mapping
import Testing
import TestSupport

/// Mapping files with mistakes: every problem is reported, each at its line and column.
@Suite struct ValidationTests {
    @Test func unknownKeysGetDidYouMean() {
        let errors = Harness.errors("""
            descripton: typo at the top
            nodes:
              - lable: Part
                label: Part
                key: [number]
                properties:
                  number:
                    column: MATNR
                    trasnforms: [strip-leading-zeros]
            """)
        #expect(errors == [
            "1:1: unknown key 'descripton' in the mapping file (did you mean 'description'?)",
            "3:5: unknown key 'lable' in nodes[0] (did you mean 'label'?)",
            "9:9: unknown key 'trasnforms' in Part.number (did you mean 'transforms'?)",
        ])
    }

    @Test func unknownTransformTypeAndFormat() {
        let errors = Harness.errors("""
            nodes:
              - label: Part
                key: [number]
                properties:
                  number: { column: MATNR, transforms: [strip-leading-zeroes, uper, { pad-leading-zero: 4 }] }
                  weight: { column: BRGEW, type: decmal }
                  kind: { column: MTART, type: enum }
                  since: { column: ERSDA, type: date, format: dd.MM.yy }
                  count: { column: N, type: integer, format: yyyyMMdd }
                  when: { column: W, type: text }
            """)
        #expect(errors == [
            "5:45: unknown transform 'strip-leading-zeroes' (did you mean 'strip-leading-zeros'?)",
            "5:67: unknown transform 'uper' (did you mean 'upper'?)",
            "5:75: unknown key 'pad-leading-zero' in transform (did you mean 'pad-leading-zeros'?)",
            "6:38: unknown type 'decmal' (did you mean 'decimal'?)",
            "7:36: an enum type lists its values: type: { enum: [A, B] }",
            "8:51: 'yy' in date format 'dd.MM.yy' is not a token; use yyyy, MM, dd, HH, mm, ss (other characters are literal)",
            "9:42: format applies to date and datetime values, but Part.count is integer",
            "10:32: unknown type 'text'; use string, integer, float, decimal, boolean, date, datetime or { enum: [A, B] }",
        ])
    }

    @Test func keyPropertyMustBeDeclared() {
        let errors = Harness.errors("""
            nodes:
              - label: Part
                key: [numbr]
                properties:
                  number: MATNR
              - label: Plant
                properties: { id: WERKS }
            """)
        #expect(errors == [
            "3:11: key property 'numbr' is not among the properties of Part (did you mean 'number'?)",
            "6:12: Plant needs a key: the property (or properties) that identify one Plant",
        ])
    }

    @Test func expressionSourceMustBeOneOfColumnValueConcat() {
        let errors = Harness.errors("""
            nodes:
              - label: Part
                key: [number]
                properties:
                  number: { column: MATNR, value: X }
                  other: { type: integer }
                  empty: ""
            """)
        #expect(errors == [
            "5:32: Part.number has both column and value; use only one",
            "6:14: Part.other needs one of column, value or concat",
            "7:14: the column name of Part.empty must not be empty",
        ])
    }

    @Test func endpointArityMustMatchADeclaredLabel() {
        let errors = Harness.errors("""
            nodes:
              - label: Line
                key: [order, line]
                properties: { order: EBELN, line: EBELP }
            edges:
              - type: ORDERS
                from: { label: Line, key: EBELN }
                to: { label: Part, key: [MATNR, WERKS] }
              - type: BAD
                from: { label: Line }
                to: { label: Part, key: MATNR }
            """)
        #expect(errors == [
            "7:31: Line has a key of 2 properties (order, line) but the from key of ORDERS gives 1 value",
            "10:11: BAD from needs label and key: { label: Part, key: MATNR }",
        ])
    }

    @Test func duplicateLabelsMustAgree() {
        let errors = Harness.errors("""
            nodes:
              - label: Part
                key: [number]
                properties: { number: MATNR, weight: { column: BRGEW, type: decimal } }
              - label: Part
                key: [id]
                properties: { id: IDNRK, weight: { column: NTGEW, type: float } }
            edges:
              - type: USES
                from: { label: Part, key: MATNR }
                to: { label: Part, key: IDNRK }
              - type: USES
                from: { label: Part, key: MATNR }
                to: { label: Plant, key: WERKS }
            """)
        #expect(errors == [
            "5:5: nodes[1] declares Part again differently: key is (number) but is declared again as (id)",
            "5:5: nodes[1] declares Part.weight again differently: is decimal but is declared again as float",
            "12:5: edges[1] declares USES again differently: connects Part → Part but is declared again as Part → Plant",
        ])
    }

    @Test func sourceDialectErrors() {
        let errors = Harness.errors("""
            source:
              format: xml
              encoding: utf8x
              quote: "''"
              header: maybe
              skip-lines: -1
              delimter: ";"
            nodes:
              - label: Part
                key: [n]
                properties: { n: A }
            """)
        #expect(errors == [
            "2:11: unsupported format 'xml' (only csv for now)",
            "3:13: unknown encoding 'utf8x' (did you mean 'utf-8'?); use one of utf-8, utf-16, utf-16le, utf-16be, windows-1252",
            "4:10: quote must be one character or none, found ''''",
            "5:11: header must be true or false, found 'maybe'",
            "6:15: skip-lines must be a whole number of at least 0, found '-1'",
            "7:3: unknown key 'delimter' in source (did you mean 'delimiter'?)",
        ])
    }

    @Test func headerlessSourceNeedsColumns() throws {
        #expect(Harness.errors("""
            source: { header: false }
            nodes: [{ label: Part, key: [n], properties: { n: A } }]
            """) == ["1:11: source has header: false, so it needs columns: [NAME, ...] to name the fields"])
        let m = try Harness.mapping("""
            source: { header: false, columns: [A, B] }
            nodes: [{ label: Part, key: [n], properties: { n: B } }]
            """)
        #expect(m.source.columns == ["A", "B"])
        #expect(m.source.header == false)
    }

    @Test func filterTransformAndTableErrors() {
        let errors = Harness.errors("""
            where:
              - { column: A, equals: x, in: [y] }
              - { column: B, matches: "([a-z" }
              - { colum: C, is-null: true }
            tables:
              units: { ST: EA }
            nodes:
              - label: Part
                key: [n]
                properties:
                  n: { column: A, transforms: [{ map: unit }, { map: units, unmatched: drop }, pad-leading-zeros] }
                  m: { column: B, transforms: [{ regex: "(" }, { replace: { from: x } }] }
            """)
        #expect(errors == [
            "2:29: a where condition tests one thing; write in as another condition",
            "3:27: '([a-z' is not a valid regular expression",
            "4:5: a where condition needs column: NAME",
            "4:7: unknown key 'colum' in a where condition (did you mean 'column'?)",
            "11:43: unknown table 'unit' (did you mean 'units'?)",
            "11:76: unmatched must be keep, null or reject, found 'drop'",
            "11:84: pad-leading-zeros needs a width: { pad-leading-zeros: 18 }",
            "12:45: regex '(' is not a valid regular expression",
            "12:63: replace needs both from and to: { replace: { from: \"x\", to: \"y\" } }",
        ])
    }

    @Test func invalidDefaultsConstantsAndNames() {
        let errors = Harness.errors("""
            nodes:
              - label: Bill Of Material
                key: [n]
                properties: { n: A }
              - label: Part
                key: [n]
                properties:
                  n: A
                  _id: B
                  qty: { column: C, type: decimal, default: lots }
                  flag: { value: perhaps, type: boolean }
            """)
        #expect(errors == [
            "2:12: label 'Bill Of Material' must be made of letters, digits and '_', starting with a letter",
            "9:7: property name '_id' must be made of letters, digits and '_', starting with a letter",
            "10:49: default 'lots' is not a decimal",
            "11:22: value 'perhaps' is not a boolean (true: true/1/yes/y/x; false: false/0/no/n/'')",
        ])
    }

    @Test func yamlSyntaxErrorHasPosition() {
        let errors = Harness.errors("""
            nodes:
              - label: Part
                key: [number
                properties: { number: A }
            """)
        #expect(errors == ["4:15: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 10)"])
    }

    @Test func emptyAndMissingFiles() throws {
        #expect(Harness.errors("") == ["1:1: mapping file is empty; it needs at least nodes: or edges:"])
        #expect(Harness.errors("description: nothing") == ["1:1: the mapping produces nothing: add nodes: or edges:"])
        #expect(Harness.errors("- a\n- b") == ["1:1: the mapping file must be a map of keys, found a list"])
        do {
            _ = try Mapping.load(path: "/nonexistent/m.yaml", displayPath: "mappings/m.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "mappings/m.yaml:1:1: error: mapping file '/nonexistent/m.yaml' does not exist")
        }
    }

    @Test func loadReadsAFileAndNamesItByDisplayPath() throws {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("mara.yaml")
        try Fixtures.write("nodes:\n  - label: Part\n    key: [n]\n    properties: { n: A, k: { column: B, type: intger } }\n", to: file)
        do {
            _ = try Mapping.load(path: file.path, displayPath: "mappings/sap/mara.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "mappings/sap/mara.yaml:4:47: error: unknown type 'intger' (did you mean 'integer'?)")
        }
    }
}
