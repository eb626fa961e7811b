import Foundation
import Glibc

/// Gathers log lines in memory and writes them in batches: once `limit` bytes have gathered, within
/// `interval` otherwise (a background thread), and on `flush()`. An access log through it costs no
/// write(2) per request on the I/O threads; lines keep their order.
// @unchecked Sendable: `buffer` is only touched under `condition`, which also serializes the writes.
public final class BufferedLineWriter: @unchecked Sendable {
    private let fd: Int32
    private let limit: Int
    private let condition = NSCondition()
    private var buffer: [UInt8] = []

    /// A writer to `fd` (standard error by default); lines wait at most `interval` seconds.
    public init(fd: Int32 = STDERR_FILENO, interval: Double = 0.1, limit: Int = 32 * 1024) {
        self.fd = fd
        self.limit = limit
        buffer.reserveCapacity(limit)
        let thread = Thread { [weak self] in
            while let writer = self {
                writer.flushPeriodically(interval)
            }
        }
        thread.name = "log-writer"
        thread.start()
    }

    /// Queues `line` plus a newline.
    public func write(_ line: String) {
        condition.lock()
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= limit { writeOut() }
        condition.unlock()
    }

    /// Writes everything queued now (call before exiting).
    public func flush() {
        condition.lock()
        writeOut()
        condition.unlock()
    }

    /// One period of the background thread (it holds the writer only for this long, so it can go away).
    private func flushPeriodically(_ interval: Double) {
        condition.lock()
        _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
        writeOut()
        condition.unlock()
    }

    /// Called with `condition` held.
    private func writeOut() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }  // nowhere to write: drop rather than block the server
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
