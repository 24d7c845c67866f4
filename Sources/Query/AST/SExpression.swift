/// The compact S-expression text of syntax nodes, used by parser tests and `--debug` output.
///
/// Shapes: `(match (node p :Part {number: $n}) (where (> (prop p weight) 1.5)))`,
/// `(path (node a) (rel -> :HAS_COMPONENT *1..6) (node c :Part))`, `(fn count distinct c)`,
/// `(return (as (prop fg number) n) (order-by (desc parts)) (limit 5))`.
enum SExpression {
    /// A name, back-quoted when it is not a plain identifier.
    static func name(_ name: String) -> String {
        let plain = name.unicodeScalars.first.map { $0 == "_" || $0.properties.isAlphabetic } ?? false
            && name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return plain ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    static func list(_ head: String, _ items: [String]) -> String {
        "(" + ([head] + items.filter { !$0.isEmpty }).joined(separator: " ") + ")"
    }

    static func string(_ value: String) -> String {
        var out = "'"
        for c in value.unicodeScalars {
            switch c {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "'"
    }
}

extension Expression {
    public var description: String {
        switch kind {
        case .literal(let literal): return literal.description
        case .parameter(let name): return "$" + SExpression.name(name)
        case .variable(let name): return SExpression.name(name)
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries): return MapEntry.text(entries)
        case .property(let subject, let key): return SExpression.list("prop", [subject.description, SExpression.name(key)])
        case .hasLabels(let subject, let labels):
            return SExpression.list("has-labels", [subject.description] + labels.map { ":" + SExpression.name($0) })
        case .binary(let op, let left, let right): return SExpression.list(op.rawValue, [left.description, right.description])
        case .unary(let op, let operand): return SExpression.list(op.rawValue, [operand.description])
        case .isNull(let operand, let negated): return SExpression.list(negated ? "is-not-null" : "is-null", [operand.description])
        case .index(let list, let index): return SExpression.list("index", [list.description, index.description])
        case .slice(let list, let from, let to):
            return SExpression.list("slice", [list.description, from?.description ?? "_", to?.description ?? "_"])
        case .function(let call):
            return SExpression.list("fn", [call.name, call.distinct ? "distinct" : ""] + call.arguments.map(\.description))
        case .countStar: return "(fn count *)"
        case .caseExpression(let c):
            return SExpression.list("case", [c.subject?.description ?? ""]
                + c.alternatives.map { SExpression.list("when", [$0.when.description, $0.then.description]) }
                + [c.elseValue.map { SExpression.list("else", [$0.description]) } ?? ""])
        case .listComprehension(let c): return SExpression.list("list-comp", c.parts)
        case .patternComprehension(let c):
            return SExpression.list("pattern-comp", [c.pattern.description,
                                                     c.predicate.map { SExpression.list("where", [$0.description]) } ?? "",
                                                     SExpression.list("|", [c.projection.description])])
        case .quantifier(let q, let c): return SExpression.list(q.rawValue, c.parts)
        case .reduce(let r):
            return SExpression.list("reduce", [r.accumulator.description, r.initial.description, r.variable.description,
                                               r.list.description, r.expression.description])
        case .pattern(let part): return SExpression.list("exists", [part.description])
        }
    }
}

extension ListComprehension {
    var parts: [String] {
        [variable.description, list.description,
         predicate.map { SExpression.list("where", [$0.description]) } ?? "",
         projection.map { SExpression.list("|", [$0.description]) } ?? ""]
    }
}

extension Literal: CustomStringConvertible {
    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .float(let value): return String(value)
        case .string(let value): return SExpression.string(value)
        case .boolean(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }
}

extension MapEntry {
    static func text(_ entries: [MapEntry]) -> String {
        "{" + entries.map { SExpression.name($0.key) + ": " + $0.value.description }.joined(separator: ", ") + "}"
    }
}
