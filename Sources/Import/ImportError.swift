import GraphModel
import Mapping
import Readers

/// Why a source could not be imported. Each case reads well on its own and names the file.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    case reader(ReaderError)
    case mapping(MappingError)
    case unsupported(String)
    /// The run stopped because more rows were rejected than `--max-rejects` allows.
    case tooManyRejects(limit: Int, lastReject: RejectRecord)
    /// The store refused a write (disk full, constraint); carries the store's own message.
    case store(String)

    public var description: String {
        switch self {
        case .reader(let e): e.description
        case .mapping(let e): e.description
        case .unsupported(let what): "error: unsupported \(what)"
        case .tooManyRejects(let limit, let last):
            "error: more than \(limit) rejected rows (--max-rejects \(limit)); the last at \(last.location): \(last.reason)"
        case .store(let message): "error: \(message)"
        }
    }
}
