import Foundation

/// A part reached by `explodeSkippingCycles` / `whereUsedSkippingCycles`: like `BOMComponent` /
/// `BOMAssembly`, but `quantity` and `deepestLevel` are nil when the part is reached through a
/// cycle (in a cycle, or below one for an explosion, above one for a where-used): there the
/// number of paths, so the quantity, has no bound.
public struct BOMReachedPart: Hashable, Sendable {
    public var part: String
    public var quantity: Decimal?
    /// The shallowest level (1 = direct component or direct parent); always known.
    public var level: Int
    public var deepestLevel: Int?

    public init(part: String, quantity: Decimal?, level: Int, deepestLevel: Int?) {
        self.part = part
        self.quantity = quantity
        self.level = level
        self.deepestLevel = deepestLevel
    }
}

extension BOMStructure {
    /// `explode(part)` that answers despite a cycle below `part` (`skipCycles: true`): every
    /// part reached is listed once; those reached through the cycle have no quantity and no
    /// deepest level. Without a cycle the answer is `explode`'s. With `maxDepth` set, only paths
    /// of at most that many lines count, so every quantity is finite and none is nil.
    /// Cost: O(parts + lines below `part`).
    public func explodeSkippingCycles(_ part: String) throws -> [BOMReachedPart] {
        try reachSkippingCycles(from: index(of: part), along: down, name: part)
    }

    /// `whereUsed(part)` that answers despite a cycle above `part`, as `explodeSkippingCycles`.
    public func whereUsedSkippingCycles(_ part: String) throws -> [BOMReachedPart] {
        try reachSkippingCycles(from: index(of: part), along: up, name: part)
    }

    func reachSkippingCycles(from root: Int32, along adjacency: Adjacency, name: String) throws -> [BOMReachedPart] {
        func reached(_ rows: [Reached]) -> [BOMReachedPart] {
            rows.map { BOMReachedPart(part: keys[Int($0.node)], quantity: $0.quantity, level: $0.level, deepestLevel: $0.deepestLevel) }
        }
        if let maxDepth { return reached(try propagate(from: root, along: adjacency, levels: maxDepth)) }
        let walk = try walk(from: [root], along: adjacency)
        if walk.cyclicGroups.isEmpty { return reached(try propagate(from: root, along: adjacency, name: name)) }

        var check = CancellationCheck(isCancelled: isCancelled)
        let count = keys.count
        var blocked = [Bool](repeating: false, count: count)
        for group in walk.cyclicGroups { for member in group { blocked[Int(member)] = true } }
        var quantity = [Decimal](repeating: 0, count: count)
        var deepest = [Int32](repeating: 0, count: count)
        quantity[Int(root)] = 1
        // Reversed, `walk.order` has every part before the parts it leads to (cycle members
        // adjacent, all blocked): a blocked part blocks everything it leads to.
        for node in walk.order.reversed() {
            let n = Int(node)
            for line in adjacency.lines(of: node) {
                try check.step()
                let target = Int(adjacency.target[line])
                if blocked[n] { blocked[target] = true; continue }
                quantity[target] += quantity[n] * adjacency.quantity[line]
                deepest[target] = max(deepest[target], deepest[n] + 1)
            }
        }
        // Shallowest levels: breadth first (well defined through cycles too).
        var level = [Int32](repeating: -1, count: count)
        level[Int(root)] = 0
        var queue: [Int32] = [root]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for line in adjacency.lines(of: node) {
                try check.step()
                let target = adjacency.target[line]
                if level[Int(target)] < 0 {
                    level[Int(target)] = level[Int(node)] + 1
                    queue.append(target)
                }
            }
        }
        let rows = queue.filter { $0 != root }.map { node -> BOMReachedPart in
            let n = Int(node)
            return BOMReachedPart(part: keys[n], quantity: blocked[n] ? nil : quantity[n], level: Int(level[n]),
                                  deepestLevel: blocked[n] ? nil : Int(deepest[n]))
        }
        return rows.sorted { $0.level != $1.level ? $0.level < $1.level : $0.part < $1.part }
    }
}
