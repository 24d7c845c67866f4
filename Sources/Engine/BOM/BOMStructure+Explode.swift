import Foundation

extension BOMStructure {
    /// The multi-level explosion of `part`: every component below it, once, with the quantity
    /// per one `part` (multiplied down each path, summed over all paths) and the shallowest and
    /// deepest level it appears at. Sorted by level, then component.
    ///
    /// Throws `BOMError` `.cycle` (naming the parts) when the structure below `part` contains a
    /// cycle, whatever `maxDepth` is: a cyclic BOM has no explosion. Cost: O(parts + lines
    /// below `part`); with `maxDepth` set, O(maxDepth × lines) at most (quantities are pushed
    /// level by level so that only paths of at most `maxDepth` lines count).
    public func explode(_ part: String) throws -> [BOMComponent] {
        let root = try index(of: part)
        return try propagate(from: root, along: down, name: part).map {
            BOMComponent(component: keys[Int($0.node)], quantity: $0.quantity, level: $0.level, deepestLevel: $0.deepestLevel)
        }
    }

    /// Where `part` is used: every assembly above it, directly or through sub-assemblies, with
    /// how many of `part` one assembly needs (summed over all paths) and the shallowest and
    /// deepest level (1 = `part` is a direct component). Same rules and cost as `explode`.
    public func whereUsed(_ part: String) throws -> [BOMAssembly] {
        let root = try index(of: part)
        return try propagate(from: root, along: up, name: part).map {
            BOMAssembly(assembly: keys[Int($0.node)], quantity: $0.quantity, level: $0.level, deepestLevel: $0.deepestLevel)
        }
    }

    struct Reached {
        var node: Int32
        var quantity: Decimal
        var level: Int
        var deepestLevel: Int
    }

    /// Pushes the quantity 1 at `root` along `adjacency`, once per line, in topological order.
    func propagate(from root: Int32, along adjacency: Adjacency, name: String) throws -> [Reached] {
        let walk = try walk(from: [root], along: adjacency)
        if let error = cycleError(walk, below: name) { throw error }
        if let maxDepth { return try propagate(from: root, along: adjacency, levels: maxDepth) }
        var check = CancellationCheck(isCancelled: isCancelled)
        let count = keys.count
        var quantity = [Decimal](repeating: 0, count: count)
        var level = [Int32](repeating: .max, count: count)
        var deepest = [Int32](repeating: 0, count: count)
        quantity[Int(root)] = 1
        level[Int(root)] = 0
        // `walk.order` has every part after the parts it leads to: reversed, parents come first.
        for node in walk.order.reversed() {
            let q = quantity[Int(node)], l = level[Int(node)] + 1, d = deepest[Int(node)] + 1
            for line in adjacency.lines(of: node) {
                try check.step()
                let next = Int(adjacency.target[line])
                quantity[next] += q * adjacency.quantity[line]
                if l < level[next] { level[next] = l }
                if d > deepest[next] { deepest[next] = d }
            }
        }
        return sorted(walk.order.filter { $0 != root }.map {
            Reached(node: $0, quantity: quantity[Int($0)], level: Int(level[Int($0)]), deepestLevel: Int(deepest[Int($0)]))
        })
    }

    /// The depth-bounded walk: quantities pushed level by level; each level's parts push once.
    func propagate(from root: Int32, along adjacency: Adjacency, levels: Int) throws -> [Reached] {
        var check = CancellationCheck(isCancelled: isCancelled)
        let count = keys.count
        var total = [Decimal](repeating: 0, count: count)
        var level = [Int32](repeating: .max, count: count)
        var deepest = [Int32](repeating: 0, count: count)
        var pending = [Decimal](repeating: 0, count: count)
        var queued = [Bool](repeating: false, count: count)
        var frontier: [Int32] = [root]
        pending[Int(root)] = 1
        var result: [Int32] = []
        var depth: Int32 = 0
        while !frontier.isEmpty, depth < levels {
            depth += 1
            // Take this level's quantities out first: a part can be on this level and the next.
            let amounts = frontier.map { node -> Decimal in
                defer { pending[Int(node)] = 0; queued[Int(node)] = false }
                return pending[Int(node)]
            }
            var next: [Int32] = []
            for (node, amount) in zip(frontier, amounts) {
                for line in adjacency.lines(of: node) {
                    try check.step()
                    let target = Int(adjacency.target[line])
                    if !queued[target] {
                        queued[target] = true
                        next.append(adjacency.target[line])
                    }
                    pending[target] += amount * adjacency.quantity[line]
                }
            }
            for node in next {
                let n = Int(node)
                if level[n] == .max { result.append(node); level[n] = depth }
                total[n] += pending[n]
                deepest[n] = depth
            }
            frontier = next
        }
        return sorted(result.map {
            Reached(node: $0, quantity: total[Int($0)], level: Int(level[Int($0)]), deepestLevel: Int(deepest[Int($0)]))
        })
    }

    func sorted(_ rows: [Reached]) -> [Reached] {
        rows.sorted { a, b in
            a.level != b.level ? a.level < b.level : keys[Int(a.node)] < keys[Int(b.node)]
        }
    }
}
