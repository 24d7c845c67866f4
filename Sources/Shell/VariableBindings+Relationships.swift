/// The labels a relationship type connects: `SUPPLIES` goes from `Supplier` to `Part`.
struct RelationshipEnds: Equatable, Sendable {
    var from: String
    var to: String
}

extension VariableBindings {
    /// Gives unlabelled node variables the label a typed relationship beside them implies:
    /// `(a)-[:T]->(b)` (or `(b)<-[:T]-(a)`) binds `a` to T's start label and `b` to its end label;
    /// an undirected `(a)-[:T]-(b)` only when T starts and ends at the same label.
    mutating func inferLabels(_ tokens: [String], relationshipEnds: [String: RelationshipEnds]) {
        guard !relationshipEnds.isEmpty else { return }
        for (open, token) in tokens.enumerated() where token == "[" {
            guard let close = tokens[open...].firstIndex(of: "]"),
                  let type = Self.relationshipType(tokens[(open + 1)..<close]),
                  let ends = relationshipEnds[type] else { continue }
            // Left of `[`: `-` or `<` `-`, after a node pattern's `)`.
            var left = open - 1
            guard left >= 0, tokens[left] == "-" else { continue }
            let incoming = left >= 1 && tokens[left - 1] == "<"
            left -= incoming ? 2 : 1
            // Right of `]`: `-` or `-` `>`, before a node pattern's `(`.
            var right = close + 1
            guard right < tokens.count, tokens[right] == "-" else { continue }
            let outgoing = right + 1 < tokens.count && tokens[right + 1] == ">"
            right += outgoing ? 2 : 1
            let leftNode = Self.nodeVariable(endingAt: left, in: tokens)
            let rightNode = Self.nodeVariable(startingAt: right, in: tokens)
            let (leftLabel, rightLabel): (String?, String?)
            switch (incoming, outgoing) {
            case (false, true): (leftLabel, rightLabel) = (ends.from, ends.to)
            case (true, false): (leftLabel, rightLabel) = (ends.to, ends.from)
            default: (leftLabel, rightLabel) = ends.from == ends.to ? (ends.from, ends.to) : (nil, nil)
            }
            if let leftNode, let leftLabel, labels[leftNode] == nil { labels[leftNode] = leftLabel }
            if let rightNode, let rightLabel, labels[rightNode] == nil { labels[rightNode] = rightLabel }
        }
    }

    /// The one type in `[r:TYPE ...]`; nil without a type or with alternatives (`A|B`).
    private static func relationshipType(_ inside: ArraySlice<String>) -> String? {
        guard let colon = inside.firstIndex(of: ":"), colon + 1 < inside.endIndex,
              isIdentifier(inside[colon + 1]), !inside.contains("|") else { return nil }
        return inside[colon + 1]
    }

    /// The variable of the node pattern `(v ...)` whose `)` is at `index`.
    private static func nodeVariable(endingAt index: Int, in tokens: [String]) -> String? {
        guard index >= 0, tokens[index] == ")" else { return nil }
        var depth = 0
        var position = index
        while position >= 0 {
            if tokens[position] == ")" { depth += 1 }
            if tokens[position] == "(" {
                depth -= 1
                if depth == 0 { return nodeVariable(startingAt: position, in: tokens) }
            }
            position -= 1
        }
        return nil
    }

    /// The variable of the node pattern `(v ...)` whose `(` is at `index`.
    private static func nodeVariable(startingAt index: Int, in tokens: [String]) -> String? {
        guard index + 1 < tokens.count, tokens[index] == "(", isIdentifier(tokens[index + 1]) else { return nil }
        return tokens[index + 1]
    }
}
