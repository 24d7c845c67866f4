import Foundation

/// Per-part arrays that walks need (Tarjan's numbering, pushed quantities and levels), kept
/// clean between walks and reused, so that a walk reaching a few hundred of 100k parts costs
/// what it reaches rather than a fill of arrays sized to every part: `explode` of each of 4000
/// finished goods on one loaded BOM, or a correlated `CALL` running once per input row.
///
/// A walk resets exactly the entries it touched before giving its scratch back; a walk that
/// throws (a cycle, a cancellation) drops its scratch instead. Shared by all copies of a
/// `BOMStructure` and safe to use from several threads (each walk takes its own scratch).
final class BOMScratchPool: @unchecked Sendable {
    private let walks: Shelf<WalkScratch>
    private let pushes: Shelf<PushScratch>
    /// Parts in the structure: the length of every array.
    let count: Int
    /// Scratch kept for reuse, per kind (more are made when several threads walk at once).
    static let kept = 2

    init(count: Int) {
        self.count = count
        walks = Shelf { WalkScratch(count: count) }
        pushes = Shelf { PushScratch(count: count) }
    }

    func takeWalk() -> WalkScratch { walks.take() }
    func give(_ scratch: WalkScratch) { walks.give(scratch) }
    func takePush() -> PushScratch { pushes.take() }
    func give(_ scratch: PushScratch) { pushes.give(scratch) }

    /// Up to `kept` clean scratches of one kind behind a lock; a new one when none is free.
    private final class Shelf<Scratch>: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [Scratch] = []
        private let make: () -> Scratch

        init(make: @escaping () -> Scratch) { self.make = make }

        func take() -> Scratch {
            lock.lock()
            let reused = kept.popLast()
            lock.unlock()
            return reused ?? make()
        }

        func give(_ scratch: Scratch) {
            lock.lock()
            if kept.count < BOMScratchPool.kept { kept.append(scratch) }
            lock.unlock()
        }
    }
}

/// Tarjan's arrays: `index` -1 (not visited) and `onStack` false when clean (`low` is written
/// before it is read).
struct WalkScratch {
    var index: [Int32]
    var low: [Int32]
    var onStack: [Bool]

    init(count: Int) {
        index = [Int32](repeating: -1, count: count)
        low = [Int32](repeating: 0, count: count)
        onStack = [Bool](repeating: false, count: count)
    }

    /// Cleans the entries of the parts a finished walk visited.
    mutating func reset(_ visited: [Int32]) {
        for node in visited {
            index[Int(node)] = -1
            onStack[Int(node)] = false
        }
    }
}

/// The arrays of a quantity push: `quantity` zero, `level` `.max`, `deepest` 0 when clean.
struct PushScratch {
    var quantity: [BOMNumber]
    var level: [Int32]
    var deepest: [Int32]

    init(count: Int) {
        quantity = [BOMNumber](repeating: .zero, count: count)
        level = [Int32](repeating: .max, count: count)
        deepest = [Int32](repeating: 0, count: count)
    }

    /// Cleans the entries of the parts a finished push reached.
    mutating func reset(_ reached: [Int32]) {
        for node in reached {
            quantity[Int(node)] = .zero
            level[Int(node)] = .max
            deepest[Int(node)] = 0
        }
    }
}
