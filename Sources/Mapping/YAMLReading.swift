import GraphModel
import Yams

/// The entries of one YAML mapping (`key: value` pairs) with the nodes they came from, so a
/// problem with a key or its value can be reported at its line and column.
struct YAMLEntries {
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    var node: Node
    var entries: [Entry]

    subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }

    func keyNode(_ key: String) -> Node? { entries.first { $0.key == key }?.keyNode }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    var keys: [String] { entries.map(\.key) }
}

/// Reads a composed YAML tree (`Yams.compose`) and collects every problem found, each with the
/// line and column of the offending key or value.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    // MARK: - Positions and problems

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(.error, message, at: location(node)))
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    mutating func append(_ more: [Diagnostic]) {
        diagnostics += more
    }

    // MARK: - Shapes

    /// The key/value pairs of a map with YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`)
    /// resolved: merged entries come first, and a key written in the map itself wins.
    static func pairs(_ mapping: Node.Mapping) -> [(key: Node, value: Node)] {
        var own: [(key: Node, value: Node)] = []
        var merged: [(key: Node, value: Node)] = []
        for (key, value) in mapping {
            if case .scalar(let k) = key, k.string == "<<", k.style == .plain || k.style == .any {
                let sources: [Node]
                if case .sequence(let s) = value { sources = Array(s) } else { sources = [value] }
                for source in sources {
                    if case .mapping(let m) = source { merged += pairs(m) } else { own.append((key, value)) }
                }
            } else {
                own.append((key, value))
            }
        }
        let ownKeys = Set(own.compactMap { $0.key.scalar?.string })
        var seen: Set<String> = []
        let inherited = merged.filter { pair in
            guard let k = pair.key.scalar?.string else { return true }
            return !ownKeys.contains(k) && seen.insert(k).inserted
        }
        return inherited + own
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a map of keys"
        case .sequence: "a list"
        }
    }

    /// A YAML null: a plain `~`, `null` or nothing at all.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL"
    }

    /// The entries of a map, each key checked against `allowed` (unknown keys get a
    /// did-you-mean), duplicate keys reported. Nil (with a problem recorded) when `node` is not a map.
    mutating func entries(_ node: Node, _ what: String, allowed: [String]) -> YAMLEntries? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a map of keys, found \(YAMLReader.kind(node))", at: node)
            return nil
        }
        var result = YAMLEntries(node: node, entries: [])
        for (keyNode, value) in YAMLReader.pairs(mapping) {
            guard case .scalar(let key) = keyNode else {
                error("a key in \(what) must be a name, found \(YAMLReader.kind(keyNode))", at: keyNode)
                continue
            }
            if result.has(key.string) {
                error("duplicate key '\(key.string)' in \(what)", at: keyNode)
                continue
            }
            if !allowed.contains(key.string) {
                let hint = Suggestions.hint(for: key.string, in: allowed)
                error("unknown key '\(key.string)' in \(what)\(hint)", at: keyNode)
                continue
            }
            result.entries.append(.init(key: key.string, keyNode: keyNode, value: value))
        }
        return result
    }

    /// Entries of a map whose keys are names the user chooses (properties, tables, codes).
    mutating func namedEntries(_ node: Node, _ what: String) -> YAMLEntries? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a map of keys, found \(YAMLReader.kind(node))", at: node)
            return nil
        }
        var result = YAMLEntries(node: node, entries: [])
        for (keyNode, value) in YAMLReader.pairs(mapping) {
            guard case .scalar(let key) = keyNode else {
                error("a key in \(what) must be a name, found \(YAMLReader.kind(keyNode))", at: keyNode)
                continue
            }
            if result.has(key.string) {
                error("duplicate key '\(key.string)' in \(what)", at: keyNode)
                continue
            }
            result.entries.append(.init(key: key.string, keyNode: keyNode, value: value))
        }
        return result
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let items) = node else {
            error("\(what) must be a list, found \(YAMLReader.kind(node))", at: node)
            return nil
        }
        return Array(items)
    }

    // MARK: - Scalars

    /// The text of a single value, exactly as written (no YAML type guessing: `0010` stays `0010`).
    mutating func text(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let s) = node else {
            error("\(what) must be a single value, found \(YAMLReader.kind(node))", at: node)
            return nil
        }
        return s.string
    }

    /// A non-empty text.
    mutating func name(_ node: Node, _ what: String) -> String? {
        guard let t = text(node, what) else { return nil }
        if t.isEmpty || YAMLReader.isNull(node) {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return t
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let t = text(node, what) else { return nil }
        switch t.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("\(what) must be true or false, found '\(t)'", at: node)
            return nil
        }
    }

    mutating func integer(_ node: Node, _ what: String, minimum: Int = 0) -> Int? {
        guard let t = text(node, what) else { return nil }
        guard let n = Int(t), n >= minimum else {
            error("\(what) must be a whole number of at least \(minimum), found '\(t)'", at: node)
            return nil
        }
        return n
    }

    /// A list of texts; a single value is read as a list of one.
    mutating func texts(_ node: Node, _ what: String) -> [String]? {
        switch node {
        case .scalar(let s):
            return [s.string]
        case .sequence(let items):
            var out: [String] = []
            var ok = true
            for item in items {
                if let t = text(item, "each entry of \(what)") { out.append(t) } else { ok = false }
            }
            return ok ? out : nil
        case .mapping:
            error("\(what) must be a list of values, found \(YAMLReader.kind(node))", at: node)
            return nil
        }
    }

    /// A list of texts with the node each came from.
    mutating func textNodes(_ node: Node, _ what: String) -> [(String, Node)]? {
        switch node {
        case .scalar(let s):
            return [(s.string, node)]
        case .sequence(let items):
            var out: [(String, Node)] = []
            var ok = true
            for item in items {
                if let t = text(item, "each entry of \(what)") { out.append((t, item)) } else { ok = false }
            }
            return ok ? out : nil
        case .mapping:
            error("\(what) must be a list of values, found \(YAMLReader.kind(node))", at: node)
            return nil
        }
    }
}

extension YAMLReader {
    /// Whether `name` can name a label, edge type or property: letters, digits and `_`,
    /// not starting with a digit. Names starting with `_` are reserved for Loom's own columns.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first), first != "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let n = name(node, what) else { return nil }
        guard YAMLReader.isIdentifier(n) else {
            error("\(what) '\(n)' must be made of letters, digits and '_', starting with a letter", at: node)
            return nil
        }
        return n
    }
}
