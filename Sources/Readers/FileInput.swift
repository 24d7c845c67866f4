#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for sequential reading with `read(2)` in large chunks. Closes itself.
final class FileInput {
    /// Bytes per `read(2)` call: large enough to make system calls rare, small enough for cache.
    static let chunkSize = 256 * 1024

    let displayPath: String
    private var fd: Int32
    private(set) var bytesRead: Int64 = 0
    private(set) var atEnd = false
    /// SHA-256 of every byte read so far, so a source is fingerprinted in the same pass that parses it.
    private var digest = SHA256()

    init(path: String, displayPath: String) throws(ReaderError) {
        self.displayPath = displayPath
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            throw ReaderError("cannot open file: \(FileInput.errorText(errno))", file: displayPath)
        }
        var info = stat()
        if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw ReaderError("cannot read file: it is a directory", file: displayPath)
        }
        fd = opened
    }

    /// Reads whatever is left (without keeping it) and returns the SHA-256 of the whole file,
    /// as 64 lower-case hex digits. Call once, after the last `read`.
    func finishDigest() throws(ReaderError) -> String {
        if !atEnd {
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: FileInput.chunkSize, alignment: 8)
            defer { chunk.deallocate() }
            while try read(into: chunk) > 0 {}
        }
        return digest.finish()
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Fills as much of `buffer` as one read returns; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReaderError) -> Int {
        guard !atEnd, buffer.count > 0, let base = buffer.baseAddress else { return 0 }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, base, buffer.count)
            #else
            let n = Darwin.read(fd, base, buffer.count)
            #endif
            if n > 0 {
                bytesRead += Int64(n)
                digest.update(UnsafeRawBufferPointer(start: base, count: n))
                return n
            }
            if n == 0 {
                atEnd = true
                return 0
            }
            if errno == EINTR { continue }
            throw ReaderError("cannot read file: \(FileInput.errorText(errno))", file: displayPath)
        }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
