/// The generator's own pseudo-random numbers: SplitMix64 (Steele, Lea, Flood 2014).
///
/// Loom never uses the system generator here, so a seed gives the same plant on every
/// machine and Swift version. Every entity (a part, a BOM, a purchase order) draws from its
/// own stream, `SplitMix64(seed:stream:index:)`, so any attribute can be recomputed from the
/// entity's index without keeping earlier entities in memory.
struct SplitMix64: Sendable {
    private(set) var state: UInt64

    init(state: UInt64) {
        self.state = state
    }

    /// A stream for one entity: `stream` names the table or concern, `index` the entity.
    init(seed: UInt64, stream: Stream, index: Int) {
        self.state = SplitMix64.mix(seed ^ SplitMix64.mix(stream.rawValue &* 0xD1B5_4A32_D192_ED03 ^ UInt64(truncatingIfNeeded: index)))
    }

    /// The SplitMix64 finaliser: a bijective 64-bit hash.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0). The tiny modulo bias does not matter for test data.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next() % UInt64(bound))
    }

    /// A number in `range` (closed).
    mutating func between(_ low: Int, _ high: Int) -> Int {
        low + below(high - low + 1)
    }

    /// True with probability `percent` / 100.
    mutating func chance(percent: Int) -> Bool {
        below(100) < percent
    }

    /// An index in `0..<bound` skewed towards 0 (a few parts, like standard screws, are used everywhere).
    mutating func skewed(_ bound: Int) -> Int {
        let u = Double(next() >> 11) / Double(1 << 53)
        return min(bound - 1, Int(Double(bound) * u * u))
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }
}

/// The independent random streams of a plant, one per concern.
enum Stream: UInt64, Sendable {
    case part = 1, bom, firstChild, routing, operation, supplier, infoRecord, purchaseOrder, production, valuation, plant
}
