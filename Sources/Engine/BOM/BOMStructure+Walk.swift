import Foundation

/// The parts reached from some roots, in an order where every part comes after all parts it
/// leads to (its components when walking down, its parents when walking up), found with an
/// iterative Tarjan strongly-connected-components pass: O(parts + lines reached), no recursion.
struct BOMWalk {
    /// Reached parts, each after everything it leads to (members of one cycle are adjacent).
    var order: [Int32] = []
    /// Groups of parts that lie on a cycle (strongly connected, or a part containing itself).
    var cyclicGroups: [[Int32]] = []
}

extension BOMStructure {
    /// Tarjan's algorithm from `roots` along `adjacency`.
    func walk(from roots: [Int32], along adjacency: Adjacency) throws -> BOMWalk {
        var arrays = scratch.takeWalk()
        var components: [Int32] = []
        var frames: [(node: Int32, next: Int)] = []
        var counter: Int32 = 0
        var result = BOMWalk()
        var check = CancellationCheck(isCancelled: isCancelled)

        func enter(_ node: Int32) {
            arrays.index[Int(node)] = counter
            arrays.low[Int(node)] = counter
            counter += 1
            components.append(node)
            arrays.onStack[Int(node)] = true
            frames.append((node, adjacency.lines(of: node).lowerBound))
        }

        for root in roots where arrays.index[Int(root)] < 0 {
            enter(root)
            while let frame = frames.last {
                try check.step()
                let v = Int(frame.node)
                let end = Int(adjacency.start[v + 1])
                if frame.next < end {
                    frames[frames.count - 1].next += 1
                    let w = adjacency.target[frame.next]
                    if arrays.index[Int(w)] < 0 {
                        enter(w)
                    } else if arrays.onStack[Int(w)] {
                        arrays.low[v] = min(arrays.low[v], arrays.index[Int(w)])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    arrays.low[Int(parent.node)] = min(arrays.low[Int(parent.node)], arrays.low[v])
                }
                guard arrays.low[v] == arrays.index[v] else { continue }
                var group: [Int32] = []
                while let member = components.popLast() {
                    arrays.onStack[Int(member)] = false
                    result.order.append(member)
                    group.append(member)
                    if Int(member) == v { break }
                }
                if group.count > 1 || adjacency.lines(of: Int32(v)).contains(where: { adjacency.target[$0] == Int32(v) }) {
                    result.cyclicGroups.append(group)
                }
            }
        }
        arrays.reset(result.order)
        scratch.give(arrays)
        return result
    }

    /// One cycle through a strongly connected group, as part keys in edge order (down the BOM),
    /// starting at the group's smallest key: a breadth-first search inside the group from that
    /// part back to itself, so the cycle is a shortest one through it.
    func cyclePath(in group: [Int32]) -> [String] {
        guard let start = group.min() else { return [] }  // index order is key order
        let members = Set(group)
        var cameFrom: [Int32: Int32] = [:]
        var queue: [Int32] = [start]
        var head = 0
        var last: Int32?
        search: while head < queue.count {
            let node = queue[head]
            head += 1
            for line in down.lines(of: node) {
                let next = down.target[line]
                guard members.contains(next) else { continue }
                if next == start { last = node; break search }
                if cameFrom[next] == nil {
                    cameFrom[next] = node
                    queue.append(next)
                }
            }
        }
        guard var node = last else { return [keys[Int(start)]] }
        var path: [Int32] = [node]
        while node != start, let previous = cameFrom[node] {
            path.append(previous)
            node = previous
        }
        return path.reversed().map { keys[Int($0)] }
    }

    /// Every BOM cycle in the structure, one path per strongly connected group of parts (a
    /// group with several interlocking cycles is reported once, by a shortest cycle through
    /// its smallest key), sorted by their first part. Never loops: each part and line is
    /// visited once.
    public func cycles() throws -> [BOMCycle] {
        let all = (0..<Int32(keys.count)).map { $0 }
        let walk = try walk(from: all, along: down)
        return walk.cyclicGroups.map { BOMCycle(parts: cyclePath(in: $0)) }
            .sorted { ($0.parts.first ?? "") < ($1.parts.first ?? "") }
    }

    /// The error for the first cycle of a walk, if it found one.
    func cycleError(_ walk: BOMWalk, below root: String?) -> BOMError? {
        guard let group = walk.cyclicGroups.first else { return nil }
        return BOMError.cycle(cyclePath(in: group), below: root)
    }
}
