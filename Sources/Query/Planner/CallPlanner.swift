import GraphModel

/// `CALL bom.explode(part, {options}) YIELD a, b [WHERE ...]`: a native procedure step.
///
/// The compiler stays pure: it checks the procedure name, its arguments, the option keys and
/// the YIELDed columns, each with a did-you-mean; then the YIELDed names read columns of the
/// temporary table the engine fills before running the SQL. A CALL first in the query starts
/// the FROM; after other clauses it is joined to them:
///
/// ```sql
/// SELECT c."component", c."quantity" FROM temp."loom_call" AS c WHERE ... ORDER BY ... LIMIT ?2
/// ```
///
/// Options (and the first argument of `bom.rollup`, `bom.longestPath`) are literals,
/// `$parameters`, `date('…')` or lists of those: the engine evaluates them without SQL. The
/// part of `bom.explode` and `bom.whereUsed` may also be an expression over the clauses before
/// the CALL (a correlated call): the engine then reads its distinct values first
/// (`NativeCallInput`), runs the procedure once per value, and the SQL joins each row to the
/// procedure's rows for its value: `JOIN temp."loom_call" AS c … WHERE c."_input" = n2."number"`.
/// A row whose argument is null or reaches nothing drops out (openCypher's per-row semantics).
struct CallPlanner {
    let context: CompilationContext

    /// Binds `call`, puts its YIELDed names in scope and adds the temporary table to `select`.
    /// Returns the native step and the names it brought into scope, in YIELD order.
    func plan(_ call: CallClause, standalone: Bool,
              into select: inout QueryPlanner.Select) throws(QueryError) -> (NativeCall, [String]) {
        guard let procedure = NativeProcedure.all.first(where: { $0.name == call.procedure }) else {
            let names = NativeProcedure.all.map(\.name)
            var message = "unknown procedure '\(call.procedure)'"
            let hint = Suggestions.hint(for: call.procedure, in: names)
            message += hint.isEmpty ? "; Loom's procedures are " + names.joined(separator: ", ") : hint
            throw context.error(message, at: call.procedureSpan)
        }
        guard let arguments = call.arguments else {
            throw context.error("write \(procedure.name)'s arguments in parentheses, e.g. \(procedure.example)",
                                at: call.procedureSpan)
        }
        var remaining = arguments[...]
        var subject: CallArgument?
        var correlated: (bound: BoundExpression, text: String)?
        if let (name, kind) = procedure.subject {
            guard let first = remaining.popFirst() else {
                throw context.error("\(procedure.name) needs its \(name) as the first argument, e.g. \(procedure.example)",
                                    at: call.procedureSpan)
            }
            if kind == .part, !isStatic(first) {
                correlated = (try correlatedArgument(first, of: procedure), context.text(first.span))
            } else {
                subject = try argument(first, kind: kind, what: "the \(name) of \(procedure.name)")
            }
        }
        var options: [String: CallArgument] = [:]
        if let map = remaining.popFirst() {
            options = try self.options(map, of: procedure)
        }
        if let extra = remaining.first {
            let takes = procedure.subject.map { "its \($0.0) and an options map" } ?? "only an options map"
            throw context.error("\(procedure.name) takes \(takes); remove this argument", at: extra.span)
        }

        // YIELD.
        let columnNames = procedure.columns.map(\.name)
        var yielded: [(variable: String, column: NativeColumn)] = []
        if call.yieldsAll || (standalone && call.yields.isEmpty) {
            yielded = procedure.columns.map { ($0.name, $0) }
        } else if call.yields.isEmpty {
            throw context.error("a CALL followed by other clauses needs YIELD, e.g. \(procedure.example)", at: call.procedureSpan)
        }
        for item in call.yields {
            guard let column = procedure.columns.first(where: { $0.name == item.field.name }) else {
                var message = "\(procedure.name) yields no '\(item.field.name)'"
                message += Suggestions.hint(for: item.field.name, in: columnNames)
                message += "; it yields " + columnNames.joined(separator: ", ")
                throw context.error(message, at: item.field.span)
            }
            let variable = item.alias ?? item.field
            if yielded.contains(where: { $0.variable == variable.name }) {
                throw context.error("'\(variable.name)' is yielded twice; rename one with AS", at: variable.span)
            }
            if context.scope[variable.name] != nil {
                throw context.error("'\(variable.name)' is already defined; rename the yielded column with AS",
                                    at: variable.span)
            }
            yielded.append((variable.name, column))
        }

        // The argument values of a correlated call: the rows so far, before the CALL joins them.
        var input: NativeCallInput?
        if let correlated {
            var lines = ["SELECT DISTINCT " + correlated.bound.sql] + select.from
            if !select.conditions.isEmpty { lines.append("WHERE " + SQLText.and(select.conditions)) }
            var sql = lines.joined(separator: "\n")
            if !context.ctes.isEmpty { sql = "WITH RECURSIVE " + context.ctes.joined(separator: ",\n") + "\n" + sql }
            input = NativeCallInput(sql: sql, parameterCount: Self.highestPlaceholder(in: sql), text: correlated.text)
        }

        for (variable, column) in yielded {
            let type = column.type.map(ValueType.known) ?? .list
            context.scope.bind(variable, .value(BoundExpression(sql: SQLText.column("c", column.name), type: type)))
            context.scope.dropped.remove(variable)
        }

        let text = procedure.name + "(" + arguments.map { context.text($0.span) }.joined(separator: ", ") + ")"
        let table = "temp." + SQLText.identifier(NativeCall.table) + " AS c"
        select.from.append((select.from.isEmpty ? "FROM " : "JOIN ") + table)
        if let correlated {
            select.conditions.append(SQLText.column("c", NativeCall.inputColumn) + " = " + correlated.bound.sql)
        }
        let each = correlated.map { " for each distinct " + $0.text } ?? ""
        select.plan.append("Call \(text) natively\(each) YIELD " + yielded.map(\.variable).joined(separator: ", "))
        if let predicate = call.predicate {
            context.aggregatesAllowed = false
            context.aggregateContext = "in WHERE"
            select.conditions.append(try context.bindCondition(predicate, "WHERE").sql)
            select.plan.append("Filter WHERE " + context.text(predicate.span))
        }
        var native = NativeCall(procedure: procedure.name, subject: subject, options: options,
                                columns: procedure.columns, text: text)
        native.input = input
        return (native, yielded.map(\.variable))
    }

    /// Whether an argument is evaluated without SQL: a literal, `$parameter`, `date('…')`, list.
    private func isStatic(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .literal, .parameter, .list: return true
        case .unary(.negate, let operand):
            if case .literal = operand.kind { return true }
            return false
        case .function(let call) where call.name.lowercased() == "date" && call.arguments.count == 1:
            if case .literal(.string) = call.arguments[0].kind { return true }
            return false
        default: return false
        }
    }

    /// The part of a correlated call, bound over the variables in scope: a key (text or number).
    private func correlatedArgument(_ expression: Expression, of procedure: NativeProcedure) throws(QueryError) -> BoundExpression {
        context.aggregatesAllowed = false
        context.aggregateContext = "in a CALL's arguments (aggregate in a WITH first)"
        let bound = try context.bind(expression)
        switch bound.type {
        case .known(.string), .known(.enumeration), .known(.integer), .any, .null: return bound
        case .node(let type):
            let key = type.key.count == 1 ? type.key[0] : "number"
            throw context.error("the part of \(procedure.name) must be a part key, not a node: write "
                + "\(context.text(expression.span)).\(key)", at: expression.span)
        default:
            throw context.error("the part of \(procedure.name) must be a part key (text), found \(bound.type.name)",
                                at: expression.span)
        }
    }

    /// The highest `?N` placeholder in SQL text (identifiers in double quotes are skipped).
    static func highestPlaceholder(in sql: String) -> Int {
        var highest = 0
        var quoted = false
        var bytes = Array(sql.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            guard !quoted, byte == UInt8(ascii: "?") else { continue }
            var number = 0
            while let digit = bytes.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
                number = number * 10 + Int(digit - UInt8(ascii: "0"))
                bytes.removeFirst()
            }
            highest = max(highest, number)
        }
        return highest
    }

    /// The options map: known keys (did-you-mean otherwise), each value of its kind.
    private func options(_ expression: Expression, of procedure: NativeProcedure) throws(QueryError) -> [String: CallArgument] {
        guard case .map(let entries) = expression.kind else {
            throw context.error("the options of \(procedure.name) must be a map, e.g. {asOf: date('2025-03-01')}",
                                at: expression.span)
        }
        var options: [String: CallArgument] = [:]
        for entry in entries {
            guard let kind = procedure.options.first(where: { $0.0 == entry.key })?.1 else {
                var message = "\(procedure.name) has no option '\(entry.key)'"
                let hint = Suggestions.hint(for: entry.key, in: procedure.optionNames)
                message += hint.isEmpty ? "; its options are " + procedure.optionNames.joined(separator: ", ") : hint
                throw context.error(message, at: entry.keySpan)
            }
            if options[entry.key] != nil {
                throw context.error("option '\(entry.key)' is given twice", at: entry.keySpan)
            }
            options[entry.key] = try argument(entry.value, kind: kind, what: "option '\(entry.key)' of \(procedure.name)")
        }
        return options
    }

    /// One argument value; a value written in the query is checked against `kind` now, a
    /// `$parameter` by the engine when it runs.
    private func argument(_ expression: Expression, kind: NativeProcedure.OptionKind,
                          what: String) throws(QueryError) -> CallArgument {
        let wrongKind = context.error("\(what) must be \(kind.expectation)", at: expression.span)
        switch expression.kind {
        case .parameter(let name):
            return .value(.named(name))
        case .list(let elements):
            guard kind == .partList || kind == .properties else { throw wrongKind }
            var list: [CallArgument] = []
            for element in elements {
                list.append(kind == .partList ? try argument(element, kind: .part, what: "each part in \(what)")
                                              : try argument(element, kind: .name, what: "each property in \(what)"))
            }
            return .list(list)
        default:
            guard let value = try literal(expression) else {
                throw context.error("\(what) must be a literal, a $parameter, date('YYYY-MM-DD') or a list of those",
                                    at: expression.span)
            }
            guard Self.fits(value, kind) else { throw wrongKind }
            return .value(.literal(value))
        }
    }

    /// The value of a literal or `date('…')`; nil for any other expression.
    private func literal(_ expression: Expression) throws(QueryError) -> Value? {
        switch expression.kind {
        case .literal(.integer(let i)): return .integer(i)
        case .literal(.float(let d)): return .float(d)
        case .literal(.string(let s)): return .string(s)
        case .literal(.boolean(let b)): return .boolean(b)
        case .literal(.null): return .null
        case .unary(.negate, let operand):
            if case .literal(.integer(let i)) = operand.kind { return .integer(-i) }
            if case .literal(.float(let d)) = operand.kind { return .float(-d) }
            return nil
        case .function(let call) where call.name.lowercased() == "date" && call.arguments.count == 1:
            guard case .literal(.string(let text)) = call.arguments[0].kind else { return nil }
            guard let date = LocalDate(iso: text) else {
                throw context.error("'\(text)' is not a date; write date('YYYY-MM-DD')", at: call.arguments[0].span)
            }
            return .date(date)
        default: return nil
        }
    }

    static func fits(_ value: Value, _ kind: NativeProcedure.OptionKind) -> Bool {
        switch (kind, value) {
        case (.part, .string), (.part, .integer), (.date, .date), (.name, .string), (.optionalName, .string),
             (.optionalName, .null), (.flag, .boolean), (.properties, .string), (.properties, .null): return true
        case (.count, .integer(let i)): return i >= 0
        default: return false
        }
    }
}
