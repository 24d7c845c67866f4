import Foundation
import GraphModel

/// The named query library: `.cypher` files whose header comment says what question they answer
/// and which `$parameters` they take (`queries/` in the repository). A name is looked up in the
/// folders of `LOOM_QUERY_PATH` (colon-separated), then `./queries`, then a `queries` folder next
/// to the project file or in any folder above it.
public enum NamedQueries {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var path: String
        /// The header comment's `Question:` text, on one line.
        public var question: String
        public var text: String
    }

    /// Whether `text` is a query name (`bom-explosion`) rather than a query.
    public static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    public static func folders(project: String?) -> [String] {
        var folders: [String] = []
        if let path = ProcessInfo.processInfo.environment["LOOM_QUERY_PATH"] {
            folders += path.split(separator: ":").map(String.init)
        }
        folders.append("queries")
        if let project {
            var dir = URL(fileURLWithPath: project).deletingLastPathComponent().standardizedFileURL
            while true {
                folders.append(dir.appendingPathComponent("queries").path)
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        var seen = Set<String>()
        return folders.filter { FileManager.default.fileExists(atPath: $0) && seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// Every named query found, first folder wins for a name.
    public static func all(project: String?) -> [Entry] {
        var entries: [String: Entry] = [:]
        for folder in folders(project: project) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files.sorted() where file.hasSuffix(".cypher") {
                let name = String(file.dropLast(".cypher".count))
                guard entries[name] == nil else { continue }
                let path = (folder as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                entries[name] = Entry(name: name, path: path, question: question(in: text), text: text)
            }
        }
        return entries.values.sorted { $0.name < $1.name }
    }

    public static func find(_ name: String, project: String?) throws(EngineError) -> Entry {
        let entries = all(project: project)
        if let entry = entries.first(where: { $0.name == name }) { return entry }
        var message = "no named query '\(name)'"
        if let suggestion = Suggestions.closest(to: name, in: entries.map(\.name)) {
            message += " (did you mean '\(suggestion)'?)"
        }
        message += entries.isEmpty ? "; no queries folder found" : "; `loom queries` lists them"
        throw .input(Diagnostic(.error, message))
    }

    /// The `Question:` paragraph of a query's header comment, joined into one line.
    static func question(in text: String) -> String {
        var lines: [String] = []
        var inQuestion = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("//") else { break }
            let body = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("Question:") {
                inQuestion = true
                lines.append(body.dropFirst("Question:".count).trimmingCharacters(in: .whitespaces))
            } else if inQuestion, !body.contains(":") || !(body.first?.isUppercase ?? false) {
                lines.append(body)
            } else {
                inQuestion = false
            }
        }
        return lines.joined(separator: " ")
    }
}
