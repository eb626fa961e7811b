import Glibc

/// Gathers a request body: in memory while small, spooled to a temporary file once it passes the threshold.
/// Enforces the route's body limit as bytes arrive.
struct BodyCollector {
    let limit: Int
    let spoolThreshold: Int
    let spoolDirectory: String
    private var memory: [UInt8] = []
    private var fileDescriptor: Int32 = -1
    private(set) var spoolPath: String?
    private(set) var received = 0

    init(limit: Int, spoolThreshold: Int, spoolDirectory: String, expectedLength: Int?) throws(HTTPError) {
        self.limit = limit
        self.spoolThreshold = spoolThreshold
        self.spoolDirectory = spoolDirectory
        if let expectedLength, expectedLength > spoolThreshold {
            try openSpool()
        } else if let expectedLength {
            memory.reserveCapacity(expectedLength)
        }
    }

    /// Adds received bytes; 413 once the limit is passed, 500 if the spool file cannot be written.
    mutating func append(_ bytes: [UInt8]) throws(HTTPError) {
        received += bytes.count
        guard received <= limit else { throw HTTPError(.contentTooLarge) }
        if fileDescriptor < 0 && received > spoolThreshold {
            try openSpool()
        }
        if fileDescriptor >= 0 {
            try writeAll(bytes)
        } else {
            memory.append(contentsOf: bytes)
        }
    }

    /// The finished body; the collector no longer owns a spool file afterwards (the response cleanup does).
    mutating func finish() -> RequestBody {
        if fileDescriptor >= 0 {
            close(fileDescriptor)
            fileDescriptor = -1
            let path = spoolPath!
            spoolPath = nil
            return .file(path: path, length: received)
        }
        return memory.isEmpty ? .empty : .bytes(memory)
    }

    /// Drops the body and its spool file (the connection closed before the request completed).
    mutating func discard() {
        if fileDescriptor >= 0 { close(fileDescriptor); fileDescriptor = -1 }
        if let spoolPath { unlink(spoolPath) }
        spoolPath = nil
        memory = []
    }

    private mutating func openSpool() throws(HTTPError) {
        let path = spoolDirectory + "/musrenbang-body-" + randomName()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HTTPError(.internalServerError) }
        fileDescriptor = fd
        spoolPath = path
        let pending = memory
        memory = []
        try writeAll(pending)
    }

    private func writeAll(_ bytes: [UInt8]) throws(HTTPError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw HTTPError(.internalServerError) }
            offset += written
        }
    }

    private func randomName() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt32, radix: 36) }.joined()
    }
}
