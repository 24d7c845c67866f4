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
        var arrays = scratch.takePush()
        arrays.quantity[Int(root)] = .one
        arrays.level[Int(root)] = 0
        // `walk.order` has every part after the parts it leads to: reversed, parents come first.
        for node in walk.order.reversed() {
            let q = arrays.quantity[Int(node)], l = arrays.level[Int(node)] + 1, d = arrays.deepest[Int(node)] + 1
            for line in adjacency.lines(of: node) {
                try check.step()
                let next = Int(adjacency.target[line])
                arrays.quantity[next] += q * adjacency.amount[line]
                if l < arrays.level[next] { arrays.level[next] = l }
                if d > arrays.deepest[next] { arrays.deepest[next] = d }
            }
        }
        // By level, then key (index order is key order): one sort of packed integers.
        var order = walk.order.compactMap { node -> UInt64? in
            node == root ? nil : UInt64(UInt32(arrays.level[Int(node)])) << 32 | UInt64(UInt32(node))
        }
        order.sort()
        let rows = order.map { packed -> Reached in
            let n = Int(packed & 0xFFFF_FFFF)
            return Reached(node: Int32(n), quantity: arrays.quantity[n].decimal, level: Int(arrays.level[n]),
                           deepestLevel: Int(arrays.deepest[n]))
        }
        arrays.reset(walk.order)
        scratch.give(arrays)
        return rows
    }

    /// The depth-bounded walk: quantities pushed level by level; each level's parts push once.
    func propagate(from root: Int32, along adjacency: Adjacency, levels: Int) throws -> [Reached] {
        var check = CancellationCheck(isCancelled: isCancelled)
        let count = keys.count
        var total = [BOMNumber](repeating: .zero, count: count)
        var level = [Int32](repeating: .max, count: count)
        var deepest = [Int32](repeating: 0, count: count)
        var pending = [BOMNumber](repeating: .zero, count: count)
        var queued = [Bool](repeating: false, count: count)
        var frontier: [Int32] = [root]
        pending[Int(root)] = .one
        var result: [Int32] = []
        var depth: Int32 = 0
        while !frontier.isEmpty, depth < levels {
            depth += 1
            // Take this level's quantities out first: a part can be on this level and the next.
            let amounts = frontier.map { node -> BOMNumber in
                defer { pending[Int(node)] = .zero; queued[Int(node)] = false }
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
                    pending[target] += amount * adjacency.amount[line]
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
            Reached(node: $0, quantity: total[Int($0)].decimal, level: Int(level[Int($0)]), deepestLevel: Int(deepest[Int($0)]))
        })
    }

    /// By level, then key (index order is key order).
    func sorted(_ rows: [Reached]) -> [Reached] {
        rows.sorted { a, b in
            a.level != b.level ? a.level < b.level : a.node < b.node
        }
    }
}
