import Foundation
import Glibc

/// One piece of what a connection still has to send, in order.
enum OutboundItem: Sendable {
    /// Bytes; `flow` is told when they are written (backpressure for streamed bodies).
    case bytes([UInt8], flow: StreamFlow?)
    /// The rest of an open file, sent with sendfile(2); the fd is closed when done or discarded.
    case file(fd: Int32, remaining: Int)
    /// Marks the end of one response: what to do with the connection, what to delete.
    case end(keepAlive: Bool, cleanup: (@Sendable () -> Void)?)

    /// Releases what the item holds when it will never be sent.
    func discard() {
        switch self {
        case .bytes(_, let flow): flow?.fail()
        case .file(let fd, _): close(fd)
        case .end(_, let cleanup): cleanup?()
        }
    }
}

/// Backpressure between a handler streaming a body on a worker thread and the I/O thread sending it:
/// the producer waits while too many bytes are queued, and learns when the client has gone.
// @unchecked Sendable: all state is guarded by `condition`.
final class StreamFlow: @unchecked Sendable {
    private let condition = NSCondition()
    private var queued = 0
    private var failed = false
    private let highWater: Int

    init(highWater: Int = 256 * 1024) { self.highWater = highWater }

    /// Called by the producer before queueing `count` bytes; throws once the connection is gone.
    func reserve(_ count: Int) throws {
        condition.lock()
        defer { condition.unlock() }
        while queued > 0 && queued + count > highWater && !failed { condition.wait() }
        if failed { throw HTTPError(.internalServerError, "client disconnected") }
        queued += count
    }

    /// Called by the I/O thread once bytes are written.
    func written(_ count: Int) {
        condition.lock()
        queued -= count
        condition.signal()
        condition.unlock()
    }

    /// The connection closed: wake and fail the producer.
    func fail() {
        condition.lock()
        failed = true
        condition.broadcast()
        condition.unlock()
    }
}
