import Foundation
import GraphModel
import GraphStore

/// A part's longest path down its BOM (`longestPath`): the chain of parts, starting at the part,
/// whose values add up to the most, e.g. the cumulative lead time of a finished good (its own
/// lead time plus the longest of its components', level by level).
public struct BOMLongestPath: Hashable, Sendable {
    public var part: String
    /// The sum of the values along `path`; nil when the part is in or above a cycle (only when
    /// skipping cycles).
    public var total: Decimal?
    /// The part keys from `part` down to a part without components; empty when `total` is nil.
    public var path: [String]
    /// True when the part is in a cycle or above one (only when skipping cycles).
    public var reachesCycle: Bool

    public init(part: String, total: Decimal?, path: [String], reachesCycle: Bool = false) {
        self.part = part
        self.total = total
        self.path = path
        self.reachesCycle = reachesCycle
    }
}

extension BOMStructure {
    /// The longest path below each part, weighted by part properties (`leadTimeDays`, or several
    /// summed: `inHouseDays` + `leadTimeDays` + `goodsReceiptDays`; a missing value counts 0):
    ///
    ///     total(p) = value(p) + max over p's valid components c of total(c)   (0 without components)
    ///
    /// With no property (`properties` empty) every part that has components counts 1, so `total`
    /// is the BOM's depth in levels (0 for a part without components). Ties go to the component
    /// with the smallest key, so the path is always the same one.
    ///
    /// `parts` nil answers for every part (sorted by key); otherwise for the given parts, in
    /// order, walking only what lies below them. A cycle below them throws `BOMError` `.cycle`
    /// (with its path), unless `skippingCycles`: then parts in or above a cycle get
    /// `total == nil, reachesCycle == true`. `maxDepth` does not apply. Cost: one read of each
    /// property, then O(parts + lines reached); each path costs its length.
    public func longestPath(_ properties: [String], from store: GraphStore, parts: [String]? = nil,
                            skippingCycles: Bool = false) throws -> [BOMLongestPath] {
        var own: [Decimal]?
        if !properties.isEmpty {
            var sum = [Decimal](repeating: 0, count: keys.count)
            for property in properties {
                for (index, value) in try ownValues(property, from: store).enumerated() {
                    if let value { sum[index] += value }
                }
            }
            own = sum
        }
        return try longestPath(own: own, parts: parts, skippingCycles: skippingCycles)
    }

    /// `longestPath` over values given in memory, by part key (missing keys count 0); nil
    /// values: every part with components counts 1 (the depth in levels).
    public func longestPath(values: [String: Decimal]?, parts: [String]? = nil,
                            skippingCycles: Bool = false) throws -> [BOMLongestPath] {
        var own: [Decimal]?
        if let values {
            var array = [Decimal](repeating: 0, count: keys.count)
            for (key, value) in values { if let i = indexByKey[key] { array[Int(i)] = value } }
            own = array
        }
        return try longestPath(own: own, parts: parts, skippingCycles: skippingCycles)
    }

    func longestPath(own: [Decimal]?, parts: [String]?, skippingCycles: Bool) throws -> [BOMLongestPath] {
        let roots: [Int32] = try parts.map { try $0.map(index(of:)) } ?? (0..<Int32(keys.count)).map { $0 }
        let walk = try walk(from: roots, along: down)
        if !skippingCycles, let error = cycleError(walk, below: parts?.count == 1 ? parts?.first : nil) {
            throw error
        }
        let count = keys.count
        var total = [Decimal](repeating: 0, count: count)
        var next = [Int32](repeating: -1, count: count)
        var blocked = [Bool](repeating: false, count: count)
        for group in walk.cyclicGroups { for member in group { blocked[Int(member)] = true } }
        var check = CancellationCheck(isCancelled: isCancelled)
        // `walk.order` has every part after its components.
        for node in walk.order {
            let n = Int(node)
            if blocked[n] { continue }
            let lines = down.lines(of: node)
            var best: Int32 = -1
            for line in lines {
                try check.step()
                let c = down.target[line]
                if blocked[Int(c)] { blocked[n] = true; break }
                if best < 0 || total[Int(c)] > total[Int(best)]
                    || (total[Int(c)] == total[Int(best)] && keys[Int(c)] < keys[Int(best)]) {
                    best = c
                }
            }
            if blocked[n] { continue }
            let value = own.map { $0[n] } ?? (lines.isEmpty ? 0 : 1)
            total[n] = value + (best < 0 ? 0 : total[Int(best)])
            next[n] = best
        }
        let rows = parts == nil ? roots.sorted { keys[Int($0)] < keys[Int($1)] } : roots
        return rows.map { root in
            let r = Int(root)
            if blocked[r] { return BOMLongestPath(part: keys[r], total: nil, path: [], reachesCycle: true) }
            var path: [String] = []
            var node = root
            while node >= 0 {
                path.append(keys[Int(node)])
                node = next[Int(node)]
            }
            return BOMLongestPath(part: keys[r], total: total[r], path: path)
        }
    }
}
