import Engine
import GraphModel

/// `:run NAME [name=value ...]`: a named query from `queries/` with the session's parameters and
/// the given ones on top. A name the query does not use (a typo) and the parameters it still
/// needs are reported before anything runs, all at once.
extension ReplSession {
    func runNamedQuery(_ name: String, arguments: [(name: String, value: String)]) throws(ReplError) -> Bool {
        let entry: NamedQueries.Entry
        do {
            entry = try NamedQueries.find(name, project: project)
        } catch {
            var message = error.description
            if message.hasPrefix("error: ") { message.removeFirst(7) }
            throw ReplError(message.replacingOccurrences(of: "`loom queries` lists them", with: ":queries lists them"))
        }
        let used = Self.parameterNames(in: entry.text)
        var given = parameters
        for argument in arguments {
            guard used.contains(argument.name) else {
                let takes = used.isEmpty ? "it takes no parameters" : "it takes " + used.map { "\($0)=" }.joined(separator: " ")
                throw ReplError("\(entry.name) has no parameter '\(argument.name)'"
                                + Suggestions.hint(for: argument.name, in: used) + "; " + takes)
            }
            given[argument.name] = try ParameterValue.value(argument.value)
        }
        let missing = used.filter { given[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map { "$" + $0 }.joined(separator: ", ")
            throw ReplError(":run \(entry.name) needs \(list): add " + missing.map { "\($0)=VALUE" }.joined(separator: " ")
                            + " or set \(missing.count == 1 ? "it" : "them") with :param \(missing[0]) VALUE")
        }
        return runQuery(entry.text, parameters: given)
    }

    /// The `$names` a query text uses, in order of first use (offered after `:run NAME `);
    /// names in comments (a named query's header) and strings do not count.
    static func parameterNames(in text: String) -> [String] {
        var names: [String] = []
        var cursor = StatementScanner.Cursor()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let event = cursor.step(scalars[index])
            index += 1
            guard scalars[index - 1] == "$", event == .content, !cursor.isInString else { continue }
            var name = ""
            while index < scalars.count, Completer.isWordCharacter(Character(scalars[index])) {
                name.unicodeScalars.append(scalars[index])
                _ = cursor.step(scalars[index])
                index += 1
            }
            if !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        return names
    }
}
