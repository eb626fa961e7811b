import Glibc
import Synchronization

/// The bytes of small static files, keyed by resolved path. `StaticFiles` fills it whenever it (re)checks a
/// file (at most once a second per path); the serializer sends a `.file` body from it while the entry is
/// under a second old, so a busy asset costs no open/read/close per request. Bodies never lag the
/// `StaticFiles` validators (ETag, Last-Modified): both come from the same check.
final class FileBodyCache: Sendable {
    /// The cache every `StaticFiles` and the serializer share.
    static let shared = FileBodyCache()
    /// Only files up to this size are kept (they also fit behind the head in one send).
    static let maxFileSize = ResponseSerializer.inlineBodyLimit
    /// Total bytes kept; beyond it the cache starts over (bounded memory whatever the site).
    static let maxTotalBytes = 8 << 20
    private static let lifetime: UInt64 = 1_000_000_000

    private struct State {
        var entries: [String: (bytes: [UInt8], checked: UInt64)] = [:]
        var totalBytes = 0
    }

    private let state = Mutex(State())

    /// The bytes of `path` if they were read within the last second.
    func fresh(_ path: String, now: UInt64 = MonotonicClock.now()) -> [UInt8]? {
        state.withLock { state in
            guard let entry = state.entries[path], now &- entry.checked < Self.lifetime else { return nil }
            return entry.bytes
        }
    }

    /// Reads `path` (expected to be `size` bytes, as just checked by stat) and keeps it; a file that is
    /// too large, unreadable or changing size under us is simply not cached.
    func refresh(_ path: String, size: Int, now: UInt64 = MonotonicClock.now()) {
        guard size <= Self.maxFileSize else {
            forget(path)
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            forget(path)
            return
        }
        defer { close(fd) }
        // One byte more than expected, to notice a file that grew since its stat.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count < size + 1 {
                let got = pread(fd, buffer.baseAddress! + count, size + 1 - count, off_t(count))
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                count += got
            }
        }
        guard bytes.count == size else {
            forget(path)
            return
        }
        state.withLock { state in
            if let old = state.entries[path] { state.totalBytes -= old.bytes.count }
            if state.totalBytes + size > Self.maxTotalBytes {
                state.entries.removeAll()
                state.totalBytes = 0
            }
            state.entries[path] = (bytes, now)
            state.totalBytes += size
        }
    }

    private func forget(_ path: String) {
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: path) { state.totalBytes -= old.bytes.count }
        }
    }
}
