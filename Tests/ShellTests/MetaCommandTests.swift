@testable import Engine
import Testing
@testable import Shell

@Suite struct MetaCommandTests {
    @Test func parsesEveryCommand() throws {
        #expect(try MetaCommand.parse(":help") == .help)
        #expect(try MetaCommand.parse(":schema") == .schema(label: nil))
        #expect(try MetaCommand.parse(":schema Part") == .schema(label: "Part"))
        #expect(try MetaCommand.parse(":explain MATCH (p:Part) RETURN p;") == .explain("MATCH (p:Part) RETURN p"))
        #expect(try MetaCommand.parse(":profile RETURN 1") == .profile("RETURN 1"))
        #expect(try MetaCommand.parse(":format csv") == .format(.csv))
        #expect(try MetaCommand.parse(":format") == .format(nil))
        #expect(try MetaCommand.parse(":params") == .parameters)
        #expect(try MetaCommand.parse(":params clear") == .clearParameters)
        #expect(try MetaCommand.parse(":timing off") == .timing(false))
        #expect(try MetaCommand.parse(":max-rows 20") == .maxRows(.some(20)))
        #expect(try MetaCommand.parse(":max-rows off") == .maxRows(.some(nil)))
        #expect(try MetaCommand.parse(":output /tmp/answers.txt") == .output(path: "/tmp/answers.txt"))
        #expect(try MetaCommand.parse(":output") == .output(path: nil))
        #expect(try MetaCommand.parse(":history 5") == .history(last: 5))
        #expect(try MetaCommand.parse(":queries") == .queries)
        #expect(try MetaCommand.parse(":quit") == .quit)
        #expect(try MetaCommand.parse(":exit") == .quit)
    }

    @Test func aParameterMayBeWrittenInSeveralWays() throws {
        #expect(try MetaCommand.parse(":param part 100103") == .setParameter(name: "part", value: "100103"))
        #expect(try MetaCommand.parse(":param part=100103") == .setParameter(name: "part", value: "100103"))
        #expect(try MetaCommand.parse(":param $part => '0042'") == .setParameter(name: "part", value: "'0042'"))
        #expect(try MetaCommand.parse(":param names [\"a\", \"b\"]") == .setParameter(name: "names", value: "[\"a\", \"b\"]"))
    }

    @Test func runTakesNameValuePairsWithQuotedValues() throws {
        let command = try MetaCommand.parse(":run where-used part=100428 label='Kreiselpumpe KP-50'")
        #expect(command == .run(name: "where-used", arguments: [("part", "100428"), ("label", "'Kreiselpumpe KP-50'")]))
        #expect(throws: ReplError.self) { try MetaCommand.parse(":run where-used 100428") }
    }

    @Test func runKeepsAListValueWithBlanksTogether() throws {
        let command = try MetaCommand.parse(":run cost-rollup parts=['100103', '100104'] asOf=2025-03-01")
        #expect(command == .run(name: "cost-rollup", arguments: [("parts", "['100103', '100104']"), ("asOf", "2025-03-01")]))
    }

    @Test func anUnknownCommandGetsADidYouMean() {
        #expect(throws: ReplError.self) { try MetaCommand.parse(":shema") }
        do {
            _ = try MetaCommand.parse(":shema Part")
        } catch {
            #expect(error.description == "error: unknown command ':shema' (did you mean ':schema'?); :help lists the commands")
        }
        do {
            _ = try MetaCommand.parse(":fromat csv")
        } catch {
            #expect(error.description.contains("did you mean ':format'?"))
        }
    }

    @Test func badArgumentsSayHowToWriteTheCommand() {
        func message(_ line: String) -> String? {
            do { _ = try MetaCommand.parse(line); return nil } catch { return error.description }
        }
        #expect(message(":format xml") == "error: unknown format 'xml'; use table, csv, json, jsonl or markdown")
        #expect(message(":format jsn")?.contains("did you mean 'json'?") == true)
        #expect(message(":timing maybe") == "error: usage: :timing on|off")
        #expect(message(":max-rows -3") == "error: :max-rows takes a number of rows (1 or more) or off")
        #expect(message(":param part") == "error: give :param part a value, e.g. :param part 100103")
        #expect(message(":param 9x 1") == "error: '9x' is not a parameter name (letters, digits, _)")
        #expect(message(":explain") == "error: usage: :explain QUERY")
        #expect(message(":run") == "error: usage: :run NAME [name=value ...]")
    }

    @Test func helpListsEveryCommand() {
        let help = ReplSession.helpText
        for usage in MetaCommand.usages { #expect(help.contains(usage.syntax)) }
    }
}
