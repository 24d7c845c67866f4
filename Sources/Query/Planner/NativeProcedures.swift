import GraphModel

/// A `CALL` the engine runs natively before the SQL (the BOM operators): which procedure, its
/// arguments (values or placeholders, never expressions over the graph), and the columns it
/// produces. The engine writes the procedure's rows into the temporary table `table` with
/// `columns`, in that order; the compiled SQL reads the YIELDed columns from there.
public struct NativeCall: Sendable, Hashable {
    /// The procedure's name as Loom spells it: `bom.explode`, `bom.whereUsed`, `bom.rollup`, `bom.cycles`.
    public var procedure: String
    /// The first argument: the part (`bom.explode`, `bom.whereUsed`) or the property to roll
    /// up (`bom.rollup`); nil for `bom.cycles`.
    public var subject: CallArgument?
    /// The options map, by key (keys already checked against the procedure's options).
    public var options: [String: CallArgument]
    /// Every column the procedure produces, in the temporary table's order.
    public var columns: [NativeColumn]
    /// The procedure call as written, for plans and PROFILE.
    public var text: String
    /// Set when the first argument is an expression over the clauses before the CALL (a
    /// correlated call, `MATCH (o)-[:PRODUCES]->(fg) CALL bom.explode(fg.number, …)`): then
    /// `subject` is nil, the engine runs the procedure once per distinct argument value and
    /// writes that value into each of its rows' `inputColumn`, which the SQL joins on.
    public var input: NativeCallInput? = nil

    /// The temporary table the SQL reads: `temp."loom_call"`.
    public static let table = "loom_call"
    /// The temporary table's extra column holding a correlated call's argument value.
    public static let inputColumn = "_input"

    /// The temporary table's columns: the procedure's, then `_input` for a correlated call.
    public var tableColumns: [String] {
        columns.map(\.name) + (input == nil ? [] : [Self.inputColumn])
    }
}

/// The argument values of a correlated CALL: one SELECT DISTINCT over the clauses before it,
///
/// ```sql
/// WITH w1 AS (…)            -- the WITH clauses before the CALL, if any
/// SELECT DISTINCT n2."number" FROM "node_ProductionOrder" AS n1 JOIN … WHERE …
/// ```
///
/// whose placeholders are `?1 … ?parameterCount` of the compiled query's `parameters`.
public struct NativeCallInput: Sendable, Hashable {
    public var sql: String
    /// Bind the first `parameterCount` of `CompiledQuery.parameters` (the statement uses no others).
    public var parameterCount: Int
    /// The argument as written (`fg.number`), for plans.
    public var text: String
}

/// One output column of a native procedure; `type` nil means JSON text (a list).
public struct NativeColumn: Sendable, Hashable {
    public var name: String
    public var type: PropertyType?
}

/// A procedure argument: a value written in the query (`'100103'`, `date('2025-03-01')`, `3`),
/// a `$parameter`, or a list of those.
public indirect enum CallArgument: Sendable, Hashable {
    case value(QueryParameter)
    case list([CallArgument])
}

/// The native procedures the compiler knows: their arguments, options and output columns.
struct NativeProcedure {
    /// What an option's value must be.
    enum OptionKind {
        case part, date, name, optionalName, count, flag, partList
        /// A property name, a list of them (summed), or null (`bom.longestPath`).
        case properties

        var expectation: String {
            switch self {
            case .part: "a part key, e.g. '100103'"
            case .date: "a date, e.g. date('2025-03-01')"
            case .name: "a name (text)"
            case .optionalName: "a name (text) or null"
            case .count: "a non-negative integer"
            case .flag: "true or false"
            case .partList: "a list of part keys, e.g. ['100103']"
            case .properties: "a property name, a list of property names, or null, e.g. 'leadTimeDays'"
            }
        }
    }

    let name: String
    /// The first argument's name (`part`, `property`) and kind, nil when there is none.
    let subject: (String, OptionKind)?
    let options: [(String, OptionKind)]
    let columns: [NativeColumn]
    let example: String

    var optionNames: [String] { options.map(\.0) }

    static let walkOptions: [(String, OptionKind)] = [
        ("asOf", .date), ("edgeType", .name), ("quantity", .optionalName), ("validFrom", .optionalName),
        ("validTo", .optionalName), ("label", .name), ("keyProperty", .name),
    ]

    static let all: [NativeProcedure] = [
        NativeProcedure(name: "bom.explode", subject: ("part", .part),
                        options: walkOptions + [("maxDepth", .count), ("skipCycles", .flag)],
                        columns: [.init(name: "component", type: .string), .init(name: "quantity", type: .decimal),
                                  .init(name: "level", type: .integer), .init(name: "deepestLevel", type: .integer)],
                        example: "CALL bom.explode($part, {asOf: date('2025-03-01')}) YIELD component, quantity, level"),
        NativeProcedure(name: "bom.whereUsed", subject: ("part", .part),
                        options: walkOptions + [("maxDepth", .count), ("skipCycles", .flag)],
                        columns: [.init(name: "assembly", type: .string), .init(name: "quantity", type: .decimal),
                                  .init(name: "level", type: .integer), .init(name: "deepestLevel", type: .integer)],
                        example: "CALL bom.whereUsed($part, {asOf: date('2025-03-01')}) YIELD assembly, quantity, level"),
        NativeProcedure(name: "bom.rollup", subject: ("property", .name),
                        options: walkOptions + [("parts", .partList), ("skipCycles", .flag)],
                        columns: [.init(name: "part", type: .string), .init(name: "value", type: .decimal),
                                  .init(name: "isComplete", type: .boolean), .init(name: "reachesCycle", type: .boolean)],
                        example: "CALL bom.rollup('unitCost', {asOf: date('2025-03-01'), parts: [$part]}) YIELD part, value"),
        NativeProcedure(name: "bom.longestPath", subject: ("property", .properties),
                        options: walkOptions + [("parts", .partList), ("skipCycles", .flag)],
                        columns: [.init(name: "part", type: .string), .init(name: "total", type: .decimal),
                                  .init(name: "path", type: nil), .init(name: "reachesCycle", type: .boolean)],
                        example: "CALL bom.longestPath('leadTimeDays', {asOf: date('2025-03-01'), parts: [$part]}) YIELD part, total, path"),
        NativeProcedure(name: "bom.cycles", subject: nil, options: walkOptions,
                        columns: [.init(name: "cycle", type: .string), .init(name: "parts", type: nil),
                                  .init(name: "length", type: .integer)],
                        example: "CALL bom.cycles() YIELD cycle"),
    ]

    static func named(_ name: String) -> NativeProcedure? {
        all.first { $0.name == name } ?? all.first { $0.name.lowercased() == name.lowercased() }
    }
}
