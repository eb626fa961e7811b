import Foundation

/// The content of a request: nothing, a small body in memory, or a large body the server spooled to a file.
public enum RequestBody: Sendable {
    case empty
    /// Small bodies, in memory.
    case bytes([UInt8])
    /// Large bodies spooled by the server to a temporary file, deleted after the response is written.
    case file(path: String, length: Int)

    /// The body's size in bytes.
    public var length: Int {
        switch self {
        case .empty: return 0
        case .bytes(let bytes): return bytes.count
        case .file(_, let length): return length
        }
    }

    /// The whole body in memory (reads a spooled file); meant for bodies known to be small.
    public func readAll() throws -> [UInt8] {
        switch self {
        case .empty: return []
        case .bytes(let bytes): return bytes
        case .file(let path, _): return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}
