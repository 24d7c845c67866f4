import Foundation
import GraphModel
import GraphStore
import Query

/// Runs a query's native step (`CALL bom.explode(...)` and the other BOM operators) and returns
/// its rows in the order of `NativeCall.columns`, ready for the temporary table the SQL reads.
///
/// Arguments written in the query were checked by the compiler; `$parameters` are checked here,
/// with messages that name the option and what it needs. BOM errors (a cycle with its path, an
/// unknown part, an edge type or property the catalog does not know) come back as they read.
struct NativeCallRunner {
    let store: GraphStore
    /// Up to this many starting parts, a BOM operator reads only what it reaches.
    static let partialLoadLimit = 100
    /// The value of a placeholder (a literal, or a `--param`).
    let resolve: (QueryParameter) throws(EngineError) -> Value
    /// Polled during BOM loads and walks (the REPL's Ctrl-C).
    var isCancelled: (@Sendable () -> Bool)? = nil

    /// The procedure's rows. For a correlated call (`call.input`), `inputs` are the distinct
    /// argument values: the procedure runs once per value, over one BOM load shared by all of
    /// them, and each row ends with its value (the temporary table's `_input` column).
    func rows(_ call: NativeCall, inputs: [Value]? = nil) throws(EngineError) -> [[Value]] {
        let options = try bomOptions(call)
        do {
            switch call.procedure {
            case "bom.explode", "bom.whereUsed":
                let down = call.procedure == "bom.explode"
                let skip = try flag("skipCycles", call)
                let starts: [(key: String, input: [Value])]
                if let inputs {
                    starts = inputs.compactMap { value in Self.key(value).map { ($0, [value]) } }
                } else {
                    starts = [(try subject(call, "part"), [])]
                }
                guard !starts.isEmpty else { return [] }
                var seen = Set<String>()
                let keys = starts.map(\.key).filter { seen.insert($0).inserted }
                let structure = keys.count <= Self.partialLoadLimit
                    ? try BOMStructure.load(from: store, options: options, reachableFrom: keys, reach: down ? .down : .up)
                    : try BOMStructure.load(from: store, options: options)
                var rows: [[Value]] = []
                for start in starts {
                    if skip {
                        let reached = down ? try structure.explodeSkippingCycles(start.key)
                                           : try structure.whereUsedSkippingCycles(start.key)
                        rows += reached.map {
                            [.string($0.part), $0.quantity.map(BOMQuantity.value) ?? .null, .integer(Int64($0.level)),
                             $0.deepestLevel.map { .integer(Int64($0)) } ?? .null] + start.input
                        }
                    } else if down {
                        rows += try structure.explode(start.key).map {
                            [.string($0.component), BOMQuantity.value($0.quantity), .integer(Int64($0.level)),
                             .integer(Int64($0.deepestLevel))] + start.input
                        }
                    } else {
                        rows += try structure.whereUsed(start.key).map {
                            [.string($0.assembly), BOMQuantity.value($0.quantity), .integer(Int64($0.level)),
                             .integer(Int64($0.deepestLevel))] + start.input
                        }
                    }
                }
                return rows
            case "bom.rollup", "bom.longestPath":
                let parts = try call.options["parts"].map { argument throws(EngineError) in try partList(argument, call) }
                let skip = try flag("skipCycles", call)
                // A few parts need only what lies below them (read through the indexes); many or
                // every part, one pass over the whole BOM is cheaper.
                let structure = if let parts, parts.count <= Self.partialLoadLimit {
                    try BOMStructure.load(from: store, options: options, reachableFrom: parts, reach: .down)
                } else {
                    try BOMStructure.load(from: store, options: options)
                }
                if call.procedure == "bom.longestPath" {
                    return try structure.longestPath(try properties(call), from: store, parts: parts, skippingCycles: skip).map {
                        [.string($0.part), $0.total.map(BOMQuantity.value) ?? .null,
                         $0.reachesCycle ? .null : .string(JSONText.array($0.path.map(JSONText.string))), .boolean($0.reachesCycle)]
                    }
                }
                return try structure.rollup(try subject(call, "property"), from: store, parts: parts, skippingCycles: skip).map {
                    [.string($0.part), $0.value.map(BOMQuantity.value) ?? .null, .boolean($0.isComplete), .boolean($0.reachesCycle)]
                }
            case "bom.cycles":
                return try BOMStructure.load(from: store, options: options).cycles().map {
                    [.string($0.description), .string(JSONText.array($0.parts.map(JSONText.string))), .integer(Int64($0.parts.count))]
                }
            default:
                throw EngineError.query("error: the engine cannot run procedure \(call.procedure)")
            }
        } catch let error as EngineError {
            throw error
        } catch let error as BOMError {
            throw .query(error.description)
        } catch {
            let text = "\(error)"
            throw .query(text.hasPrefix("error:") ? text : "error: \(call.procedure) failed: \(text)")
        }
    }

    // MARK: - Arguments

    /// A true/false option (`skipCycles`); false when not given.
    private func flag(_ option: String, _ call: NativeCall) throws(EngineError) -> Bool {
        guard let argument = call.options[option] else { return false }
        guard case .boolean(let flag) = try value(argument) else { throw wrong(option, call, "true or false") }
        return flag
    }

    /// The first argument of `bom.longestPath`: a property name, a list of them, or null (none).
    private func properties(_ call: NativeCall) throws(EngineError) -> [String] {
        let expectation = "the property of \(call.procedure) must be a property name, a list of them, or null"
        func names(_ value: Value) throws(EngineError) -> [String] {
            switch value {
            case .null: return []
            case .string(let text):
                guard text.hasPrefix("[") else { return [text] }
                if let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] { return list }
                throw .query("error: " + expectation)
            default: throw .query("error: " + expectation)
            }
        }
        switch call.subject {
        case .none: return []
        case .value(let parameter)?: return try names(try resolve(parameter))
        case .list(let elements)?:
            var list: [String] = []
            for element in elements {
                guard case .string(let name) = try value(element) else { throw .query("error: " + expectation) }
                list.append(name)
            }
            return list
        }
    }

    private func value(_ argument: CallArgument) throws(EngineError) -> Value {
        switch argument {
        case .value(let parameter): return try resolve(parameter)
        case .list: throw .query("error: a list is not allowed here")
        }
    }

    /// The first argument: a part key (text; a number counts as its digits) or a property name.
    private func subject(_ call: NativeCall, _ what: String) throws(EngineError) -> String {
        guard let argument = call.subject, let key = Self.key(try value(argument)) else {
            throw .query("error: the \(what) of \(call.procedure) must be \(what == "part" ? "a part key, e.g. '100103'" : "a property name, e.g. 'unitCost'")")
        }
        return key
    }

    private static func key(_ value: Value) -> String? {
        switch value {
        case .string(let s): s
        case .integer(let i): String(i)
        case .decimal(let d): d.description
        default: nil
        }
    }

    /// `parts: ['100103', $p]`, or `parts: $list` given as a JSON list (`--param list='["100103"]'`).
    private func partList(_ argument: CallArgument, _ call: NativeCall) throws(EngineError) -> [String] {
        switch argument {
        case .list(let elements):
            var parts: [String] = []
            for element in elements {
                guard let key = Self.key(try value(element)) else { throw wrong("parts", call, "a list of part keys") }
                parts.append(key)
            }
            return parts
        case .value(let parameter):
            let resolved = try resolve(parameter)
            if case .string(let text) = resolved, text.hasPrefix("["),
               let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] {
                let keys = list.compactMap { ($0 as? String) ?? ($0 as? NSNumber)?.stringValue }
                if keys.count == list.count { return keys }
            }
            guard let key = Self.key(resolved) else { throw wrong("parts", call, "a list of part keys") }
            return [key]
        }
    }

    private func wrong(_ option: String, _ call: NativeCall, _ expectation: String) -> EngineError {
        .query("error: option '\(option)' of \(call.procedure) must be \(expectation)")
    }

    /// The options map as `BOMOptions` (defaults: the shipped mappings' names).
    private func bomOptions(_ call: NativeCall) throws(EngineError) -> BOMOptions {
        var options = BOMOptions()
        options.isCancelled = isCancelled
        for (key, argument) in call.options.sorted(by: { $0.key < $1.key }) {
            let value = try self.value(argument, orListFor: key)
            switch key {
            case "asOf":
                switch value {
                case .date(let date): options.asOf = date
                case .string(let text) where LocalDate(iso: text) != nil: options.asOf = LocalDate(iso: text)
                default: throw wrong(key, call, "a date, e.g. date('2025-03-01')")
                }
            case "edgeType", "label", "keyProperty":
                guard case .string(let name) = value else { throw wrong(key, call, "a name (text)") }
                switch key {
                case "edgeType": options.edgeType = name
                case "label": options.label = name
                default: options.keyProperty = name
                }
            case "quantity", "validFrom", "validTo":
                let name: String?
                switch value {
                case .string(let text): name = text
                case .null: name = nil
                default: throw wrong(key, call, "a name (text) or null")
                }
                if key == "quantity" { options.quantity = name } else if key == "validFrom" { options.validFrom = name } else { options.validTo = name }
            case "maxDepth":
                guard case .integer(let depth) = value, depth >= 0 else { throw wrong(key, call, "a non-negative integer") }
                options.maxDepth = Int(depth)
            default:
                break  // parts, skipCycles: read by the operator.
            }
        }
        return options
    }

    /// An option's value; lists (only `parts`) are read by the operator, so they resolve to null here.
    private func value(_ argument: CallArgument, orListFor key: String) throws(EngineError) -> Value {
        if case .list = argument { return .null }
        if key == "parts" { return .null }
        return try value(argument)
    }
}
