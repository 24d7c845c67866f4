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
/// Scratch arrays are sized to the whole structure and zero-filled per call.
///
/// Quantities are `Foundation.Decimal` (38 significant digits): stored decimals such as `0.030`
/// multiply and add exactly (`0.06 + 0.03` is `0.09`, not `0.09000000000000001`).
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

    /// Part keys by dense index, and the way back.
    let keys: [String]
    let indexByKey: [String: Int32]
    /// The node `_id` of each index (to read node properties for `rollup`).
    let nodeIDs: [Int64]
    /// parent → components, and component → parents (same quantities).
    let down: Adjacency
    let up: Adjacency

    /// How many steps pass between two polls of `isCancelled`.
    public static let cancellationInterval = 4096

    /// Number of parts (of the label, with or without lines).
    public var partCount: Int { keys.count }

    init(options: BOMOptions, label: String, keys: [String], nodeIDs: [Int64],
         lines: [(parent: Int32, component: Int32, quantity: Decimal)], linesWithoutQuantity: Int) throws {
        var indexByKey: [String: Int32] = [:]
        indexByKey.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            if indexByKey.updateValue(Int32(index), forKey: key) != nil {
                throw BOMError(.duplicateKey,
                    "two \(label) parts have the key '\(key)'; choose a unique key property for BOM walks")
            }
        }
        self.options = options
        self.maxDepth = options.maxDepth
        self.isCancelled = options.isCancelled
        self.label = label
        self.keys = keys
        self.indexByKey = indexByKey
        self.nodeIDs = nodeIDs
        self.lineCount = lines.count
        self.linesWithoutQuantity = linesWithoutQuantity
        down = Adjacency(nodeCount: keys.count, lines: lines, reversed: false)
        up = Adjacency(nodeCount: keys.count, lines: lines, reversed: true)
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
        let indexed = lines.map { (parent: intern($0.parent), component: intern($0.component), quantity: $0.quantity) }
        try self.init(options: options, label: options.label ?? "Part", keys: keys,
                      nodeIDs: keys.indices.map { Int64($0) + 1 }, lines: indexed, linesWithoutQuantity: 0)
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
}

/// Compressed adjacency: the lines of node `n` are `start[n] ..< start[n + 1]` in `target` and
/// `quantity`.
struct Adjacency: Sendable {
    var start: [Int32]
    var target: [Int32]
    var quantity: [Decimal]

    init(nodeCount: Int, lines: [(parent: Int32, component: Int32, quantity: Decimal)], reversed: Bool) {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for line in lines { counts[Int(reversed ? line.component : line.parent) + 1] += 1 }
        for i in 0..<nodeCount { counts[i + 1] += counts[i] }
        start = counts
        var fill = counts
        target = [Int32](repeating: 0, count: lines.count)
        quantity = [Decimal](repeating: 0, count: lines.count)
        for line in lines {
            let from = Int(reversed ? line.component : line.parent)
            let slot = Int(fill[from])
            fill[from] += 1
            target[slot] = reversed ? line.parent : line.component
            quantity[slot] = line.quantity
        }
    }

    @inline(__always) func lines(of node: Int32) -> Range<Int> {
        Int(start[Int(node)])..<Int(start[Int(node) + 1])
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
