/// S-expression text of statements, clauses and patterns (see `SExpression`).
extension Statement: CustomStringConvertible {
    public var description: String {
        mode == .run ? query.description : SExpression.list(mode.rawValue, [query.description])
    }
}

extension UnionQuery: CustomStringConvertible {
    public var description: String {
        guard parts.count > 1 else { return parts.first?.description ?? "" }
        var text = SExpression.list("query", [parts[0].description])
        for (part, all) in zip(parts.dropFirst(), unionAll) {
            text = SExpression.list(all ? "union-all" : "union", [text, SExpression.list("query", [part.description])])
        }
        return text
    }
}

extension SingleQuery: CustomStringConvertible {
    public var description: String { clauses.map(\.description).joined(separator: " ") }
}

extension Clause: CustomStringConvertible {
    public var description: String {
        switch self {
        case .match(let m):
            return SExpression.list(m.optional ? "optional-match" : "match",
                                    m.patterns.map(\.description) + [Self.whereText(m.predicate)])
        case .unwind(let u): return SExpression.list("unwind", [u.list.description, "as", u.variable.description])
        case .with(let w): return SExpression.list("with", w.projection.parts + [Self.whereText(w.predicate)])
        case .return(let r): return SExpression.list("return", r.projection.parts)
        case .call(let c):
            let arguments = c.arguments.map { "(" + $0.map(\.description).joined(separator: " ") + ")" } ?? ""
            let yields = c.yields.map { item in
                item.alias.map { SExpression.list("as", [item.field.description, $0.description]) } ?? item.field.description
            }
            let yieldText = c.yieldsAll ? "(yield *)" : (yields.isEmpty ? "" : SExpression.list("yield", yields))
            return SExpression.list("call", [c.procedure, arguments, yieldText, Self.whereText(c.predicate)])
        }
    }

    static func whereText(_ predicate: Expression?) -> String {
        predicate.map { SExpression.list("where", [$0.description]) } ?? ""
    }
}

extension Projection {
    var parts: [String] {
        var parts: [String] = []
        if distinct { parts.append("distinct") }
        if includesAll { parts.append("*") }
        for item in items {
            parts.append(item.alias.map { SExpression.list("as", [item.expression.description, $0.description]) }
                ?? item.expression.description)
        }
        if !orderBy.isEmpty {
            parts.append(SExpression.list("order-by", orderBy.map {
                SExpression.list($0.descending ? "desc" : "asc", [$0.expression.description])
            }))
        }
        if let skip { parts.append(SExpression.list("skip", [skip.description])) }
        if let limit { parts.append(SExpression.list("limit", [limit.description])) }
        return parts
    }
}

extension PatternPart: CustomStringConvertible {
    public var description: String {
        let elements = [start.description] + steps.flatMap { [$0.relationship.description, $0.node.description] }
        if steps.isEmpty, pathVariable == nil { return start.description }
        return SExpression.list("path", (pathVariable.map { ["\($0.description) ="] } ?? []) + elements)
    }
}

extension NodePattern: CustomStringConvertible {
    public var description: String {
        SExpression.list("node", [variable?.description ?? ""] + labels.map { ":" + $0.description }
            + [properties?.description ?? ""])
    }
}

extension RelationshipPattern: CustomStringConvertible {
    public var description: String {
        let types = types.isEmpty ? "" : ":" + types.map(\.description).joined(separator: "|")
        var length = ""
        if let range = self.length {
            length = "*"
            switch (range.minimum, range.maximum) {
            case (nil, nil): break
            case let (min?, max?) where min == max: length += String(min)
            case let (min, max): length += (min.map(String.init) ?? "") + ".." + (max.map(String.init) ?? "")
            }
        }
        return SExpression.list("rel", [direction.rawValue, variable?.description ?? "", types, length,
                                        properties?.description ?? ""])
    }
}
