import Foundation
import GraphModel
import GraphStore

/// A bill of materials loaded for walking: every part of the label and every BOM line valid at
/// the options' date, as compact adjacency arrays (components of each part, and the parents of
/// each part), read in one pass over the edge table.
///
/// The operators (`explode`, `whereUsed`, `rollup`, `cycles`) never enumerate paths: they order
/// the parts they reach (Tarjan's strongly connected components, which also finds cycles) and
/// push quantities or values once along each line, so their cost grows with the parts and lines
/// reached, not with the number of paths (a chain of 40 diamonds has 2^40 paths and 121 lines).
/// Scratch arrays are sized to the whole structure, made once and reused: a walk resets only
/// the entries it touched, so it costs what it reaches.
///
/// Quantities are exact decimals (`BOMNumber`: an `Int64` significand while it fits, else
/// `Foundation.Decimal` with 38 significant digits): stored decimals such as `0.030` multiply
/// and add exactly (`0.06 + 0.03` is `0.09`, not `0.09000000000000001`).
///
///     var options = BOMOptions()
///     options.asOf = LocalDate(iso: "2025-03-01")
///     let bom = try BOMStructure.load(from: store, options: options)
///     for line in try bom.explode("100103") { print(line.component, line.quantity, line.level) }
public struct BOMStructure: Sendable {
    /// The options the structure was loaded with.
    public let options: BOMOptions
    /// Walks stop after this many levels (starts as `options.maxDepth`).
    public var maxDepth: Int?
    /// Polled during walks (starts as `options.isCancelled`).
    public var isCancelled: (@Sendable () -> Bool)?
    /// The label of the parts.
    public let label: String
    /// BOM lines loaded (valid at the date), and how many of them had no quantity (counted 0).
    public let lineCount: Int
    public let linesWithoutQuantity: Int

    /// Part keys by dense index, in ascending order: index order is key order, so a key is
    /// found by binary search (`indexByKey`) and rows sort by index.
    let keys: [String]
    /// The node `_id` of each index (to read node properties for `rollup`).
    let nodeIDs: [Int64]
    /// parent → components, and component → parents (same quantities).
    let down: Adjacency
    let up: Adjacency
    /// Reusable walk arrays (see `BOMScratchPool`).
    let scratch: BOMScratchPool

    /// How many steps pass between two polls of `isCancelled`.
    public static let cancellationInterval = 4096

    /// Number of parts (of the label, with or without lines).
    public var partCount: Int { keys.count }

    /// Part key → dense index.
    var indexByKey: KeyIndex { KeyIndex(keys: keys) }

    /// Puts the parts in key order (renumbering `lines` to match) unless they already are,
    /// refuses duplicate keys, and builds both adjacencies.
    init(options: BOMOptions, label: String, keys: [String], nodeIDs: [Int64], lines: BOMLineTable) throws {
        var keys = keys, nodeIDs = nodeIDs, lines = lines
        if !Self.isAscending(keys) {
            let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            var rank = [Int32](repeating: 0, count: keys.count)
            for (position, old) in order.enumerated() { rank[old] = Int32(position) }
            keys = order.map { keys[$0] }
            nodeIDs = order.map { nodeIDs[$0] }
            lines.renumber(rank)
        }
        for i in keys.indices.dropFirst() where keys[i - 1] == keys[i] {
            throw BOMError(.duplicateKey,
                "two \(label) parts have the key '\(keys[i])'; choose a unique key property for BOM walks")
        }
        self.options = options
        self.maxDepth = options.maxDepth
        self.isCancelled = options.isCancelled
        self.label = label
        self.keys = keys
        self.nodeIDs = nodeIDs
        self.lineCount = lines.count
        self.linesWithoutQuantity = lines.amounts.missingCount
        down = Adjacency(nodeCount: keys.count, lines: lines, reversed: false)
        up = Adjacency(nodeCount: keys.count, lines: lines, reversed: true)
        scratch = BOMScratchPool(count: keys.count)
    }

    /// A structure from lines in memory (tests, generated plants): parts are every key named
    /// by a line plus `parts`.
    public init(lines: [BOMLine], parts: [String] = [], options: BOMOptions = BOMOptions()) throws {
        var keys: [String] = []
        var index: [String: Int32] = [:]
        func intern(_ key: String) -> Int32 {
            if let i = index[key] { return i }
            let i = Int32(keys.count)
            keys.append(key)
            index[key] = i
            return i
        }
        for part in parts { _ = intern(part) }
        var table = BOMLineTable()
        for line in lines {
            table.append(parent: intern(line.parent), component: intern(line.component), amount: BOMNumber(line.quantity))
        }
        try self.init(options: options, label: options.label ?? "Part", keys: keys,
                      nodeIDs: keys.indices.map { Int64($0) + 1 }, lines: table)
    }

    /// The dense index of a part key, or an error naming what was looked for.
    func index(of key: String) throws -> Int32 {
        guard let index = indexByKey[key] else {
            let property = options.keyProperty ?? "key"
            throw BOMError(.unknownPart, "unknown part '\(key)': no \(label) has \(property) '\(key)'")
        }
        return index
    }

    /// Whether a part key exists in the structure.
    public func contains(_ part: String) -> Bool { indexByKey[part] != nil }

    static func isAscending(_ keys: [String]) -> Bool {
        var previous: String?
        for key in keys {
            if let previous, !(previous < key) { return false }
            previous = key
        }
        return true
    }
}

/// Finds a key's index in ascending keys by binary search (no hash table to build).
struct KeyIndex {
    let keys: [String]

    subscript(key: String) -> Int32? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? Int32(low) : nil
    }
}

/// BOM lines as read, by part index: parent, component and quantity (nil: none stored).
struct BOMLineTable {
    var parents: [Int32] = []
    var components: [Int32] = []
    var amounts = BOMAmounts()

    var count: Int { parents.count }

    mutating func reserve(_ capacity: Int) {
        parents.reserveCapacity(capacity)
        components.reserveCapacity(capacity)
        amounts.reserve(capacity)
    }

    @inline(__always) mutating func append(parent: Int32, component: Int32, amount: BOMNumber?) {
        parents.append(parent)
        components.append(component)
        amounts.append(amount)
    }

    /// Replaces every part index `i` by `rank[i]`.
    mutating func renumber(_ rank: [Int32]) {
        for i in parents.indices {
            parents[i] = rank[Int(parents[i])]
            components[i] = rank[Int(components[i])]
        }
    }
}

/// Compressed adjacency: the lines of node `n` are `start[n] ..< start[n + 1]` in `target` and
/// `amount` (`quantity` reads the same numbers as `Decimal`).
struct Adjacency: Sendable {
    var start: [Int32]
    var target: [Int32]
    var amount: BOMAmounts

    /// The quantities as `Decimal`, by line.
    var quantity: Quantities { Quantities(amount: amount) }

    init(nodeCount: Int, lines: BOMLineTable, reversed: Bool) {
        let from = reversed ? lines.components : lines.parents
        let to = reversed ? lines.parents : lines.components
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for node in from { counts[Int(node) + 1] += 1 }
        for i in 0..<nodeCount { counts[i + 1] += counts[i] }
        start = counts
        var fill = counts
        var target = [Int32](repeating: 0, count: lines.count)
        var amount = BOMAmounts(zeros: lines.count)
        for line in 0..<lines.count {
            let node = Int(from[line])
            let slot = Int(fill[node])
            fill[node] += 1
            target[slot] = to[line]
            amount.copy(slot, from: lines.amounts, at: line)
        }
        self.target = target
        self.amount = amount
    }

    @inline(__always) func lines(of node: Int32) -> Range<Int> {
        Int(start[Int(node)])..<Int(start[Int(node) + 1])
    }

    /// `adjacency.quantity[line]`: a line's quantity as `Decimal`.
    struct Quantities: RandomAccessCollection {
        let amount: BOMAmounts
        var startIndex: Int { 0 }
        var endIndex: Int { amount.count }
        subscript(line: Int) -> Decimal { amount[line].decimal }
    }
}

/// Counts steps and polls a cancellation closure every `BOMStructure.cancellationInterval`.
struct CancellationCheck {
    let isCancelled: (@Sendable () -> Bool)?
    var steps = 0

    @inline(__always) mutating func step() throws {
        guard let isCancelled else { return }
        steps += 1
        if steps >= BOMStructure.cancellationInterval {
            steps = 0
            if isCancelled() { throw BOMError.cancelled }
        }
    }
}
