/// The fields of the last scanned record as (start, end, flags) triples of window offsets,
/// in storage that is reused from record to record (no allocation per record).
struct FieldSpans: ~Copyable {
    private var base: UnsafeMutablePointer<Int>
    private var capacity: Int
    /// Number of Ints stored (three per field).
    private(set) var count = 0

    init() {
        capacity = 3 * 64
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var fieldCount: Int { count / 3 }

    subscript(index: Int) -> Int { base[index] }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func append(start: Int, end: Int, flags: Int) {
        if count + 3 > capacity { grow() }
        base[count] = start
        base[count + 1] = end
        base[count + 2] = flags
        count += 3
    }

    private mutating func grow() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }
}
