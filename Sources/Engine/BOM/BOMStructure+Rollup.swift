import Foundation
import GraphModel
import GraphStore

extension BOMStructure {
    /// Rolls a numeric part property (`unitCost`) up the BOM: a part without (valid) components
    /// is worth its own value; a part with components is worth Σ quantity × the component's
    /// rolled-up value (plus its own value under `.ownValuePlusComponents`). Missing values
    /// count 0 and make the result incomplete (`isComplete == false`); a part whose structure
    /// has no value at all gets `value == nil`.
    ///
    /// `parts` nil rolls up every part (sorted by key); otherwise only the structure below the
    /// given parts is walked and rows come in the given order. A cycle below them throws
    /// `BOMError` `.cycle`, unless `skippingCycles`: then parts in or above a cycle get
    /// `value == nil, reachesCycle == true` and the others are still rolled up. `maxDepth` does
    /// not apply. Cost: one read of the property, then O(parts + lines reached).
    public func rollup(_ property: String, from store: GraphStore, parts: [String]? = nil,
                       rule: BOMRollupRule = .componentsReplaceOwnValue,
                       skippingCycles: Bool = false) throws -> [BOMRolledUpValue] {
        let values = try ownAmounts(property, from: store)
        return try rollup(values: values, parts: parts, rule: rule, skippingCycles: skippingCycles)
    }

    /// `rollup` over values given in memory, by part key.
    public func rollup(values: [String: Decimal], parts: [String]? = nil,
                       rule: BOMRollupRule = .componentsReplaceOwnValue,
                       skippingCycles: Bool = false) throws -> [BOMRolledUpValue] {
        var own = [BOMNumber?](repeating: nil, count: keys.count)
        for (key, value) in values { if let i = indexByKey[key] { own[Int(i)] = BOMNumber(value) } }
        return try rollup(values: own, parts: parts, rule: rule, skippingCycles: skippingCycles)
    }

    /// Reads `node_<Label>.<property>` (integer, float or decimal) for every part, by index.
    func ownValues(_ property: String, from store: GraphStore) throws -> [Decimal?] {
        try ownAmounts(property, from: store).map { $0?.decimal }
    }

    /// `ownValues` as `BOMNumber`s.
    func ownAmounts(_ property: String, from store: GraphStore) throws -> [BOMNumber?] {
        guard let node = store.catalog.nodeType(label) else {
            throw BOMError(.unknownLabel, "unknown label '\(label)'")
        }
        guard let definition = node.property(property) else {
            throw BOMError(.unknownProperty, "unknown property '\(property)' on \(label)"
                + Suggestions.hint(for: property, in: node.properties.map(\.name)))
        }
        guard [.integer, .float, .decimal].contains(definition.type) else {
            throw BOMError(.wrongPropertyType,
                "property '\(property)' on \(label) is \(definition.type); a roll-up needs integer, float or decimal")
        }
        let indexByNodeID = NodeIndexMap(nodeIDs: nodeIDs)
        var own = [BOMNumber?](repeating: nil, count: keys.count)
        try store.forEachRow("SELECT _id, \(Self.quoted(property)) FROM \(Self.quoted("node_" + label))") { row in
            guard case .integer(let id) = row[0], let index = indexByNodeID[id] else { return }
            own[Int(index)] = BOMQuantity.number(row[1])
        }
        return own
    }

    func rollup(values own: [BOMNumber?], parts: [String]?, rule: BOMRollupRule,
                skippingCycles: Bool) throws -> [BOMRolledUpValue] {
        let roots: [Int32] = try parts.map { try $0.map(index(of:)) } ?? (0..<Int32(keys.count)).map { $0 }
        let walk = try walk(from: roots, along: down)
        if !skippingCycles, let error = cycleError(walk, below: parts?.count == 1 ? parts?.first : nil) {
            throw error
        }
        let count = keys.count
        var value = [BOMNumber?](repeating: nil, count: count)
        var complete = [Bool](repeating: true, count: count)
        var blocked = [Bool](repeating: false, count: count)
        for group in walk.cyclicGroups { for member in group { blocked[Int(member)] = true } }
        var check = CancellationCheck(isCancelled: isCancelled)
        // `walk.order` has every part after its components.
        for node in walk.order {
            let n = Int(node)
            let lines = down.lines(of: node)
            if blocked[n] { complete[n] = false; continue }
            if lines.isEmpty {
                value[n] = own[n]
                complete[n] = own[n] != nil
                continue
            }
            var sum: BOMNumber?
            var isComplete = true
            if rule == .ownValuePlusComponents {
                sum = own[n]
                isComplete = own[n] != nil
            }
            for line in lines {
                try check.step()
                let c = Int(down.target[line])
                if blocked[c] { blocked[n] = true; break }
                isComplete = isComplete && complete[c]
                if let v = value[c] { sum = (sum ?? .zero) + down.amount[line] * v }
            }
            if blocked[n] { complete[n] = false; continue }
            value[n] = sum
            complete[n] = isComplete
        }
        // Every part (`parts` nil): the roots are 0..<count, already in key order.
        return roots.map {
            BOMRolledUpValue(part: keys[Int($0)], value: value[Int($0)]?.decimal, isComplete: complete[Int($0)],
                             reachesCycle: blocked[Int($0)])
        }
    }
}
