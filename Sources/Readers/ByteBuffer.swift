/// A growable window of UTF-8 bytes: `[start, end)` holds bytes not consumed yet.
/// Compacting moves them to the front so a chunk can be appended; capacity grows only when a
/// single record is larger than what is free, so memory follows the largest record, not the file.
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var start = 0
    var end = 0
    /// Absolute offset (in decoded UTF-8 bytes since the start of the file) of `base[0]`.
    private(set) var origin: Int64 = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var count: Int { end - start }

    /// Makes room for at least `needed` more bytes after `end`, moving unconsumed bytes to the
    /// front first and growing when that is not enough.
    mutating func reserveTail(_ needed: Int) {
        if start > 0 {
            let live = end - start
            if live > 0 { UnsafeMutableRawPointer(base).copyMemory(from: base + start, byteCount: live) }  // memmove
            origin += Int64(start)
            start = 0
            end = live
        }
        if capacity - end < needed {
            var newCapacity = capacity * 2
            while newCapacity - end < needed { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.initialize(from: base, count: end)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
    }

    /// The free space after `end`.
    var tail: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end)
    }

    mutating func append(_ byte: UInt8) {
        base[end] = byte
        end += 1
    }
}
