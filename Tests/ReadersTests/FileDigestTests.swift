import Foundation
import Testing
@testable import Readers

@Suite("SHA-256 file digests")
struct FileDigestTests {
    @Test func knownVectors() {
        #expect(FileDigest.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(FileDigest.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FileDigest.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(FileDigest.sha256(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func fileOfOneMillionAsSpansChunks() throws {
        let path = try CSVTest.file([UInt8](repeating: 0x61, count: 1_000_000), name: "a.bin")
        #expect(try FileDigest.sha256(path: path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func fileMatchesInMemoryDigestAtBlockBoundaries() throws {
        for size in [55, 56, 63, 64, 65, 119, 120, 262_143, 262_144, 262_145] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = try CSVTest.file(bytes, name: "b.bin")
            #expect(try FileDigest.sha256(path: path) == FileDigest.sha256(bytes), "size \(size)")
        }
    }

    @Test func missingFileThrows() {
        #expect(throws: ReaderError.self) { try FileDigest.sha256(path: "/nonexistent/loom.bin") }
    }
}
