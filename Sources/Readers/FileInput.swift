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
