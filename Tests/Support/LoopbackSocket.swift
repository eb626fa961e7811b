import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to 127.0.0.1 for the test clients (the WebDriver client, the portal client of the crash test),
/// bounded by a deadline: sends and receives wake every 250 ms to check it, so a silent peer fails the test with a
/// message instead of hanging it. Closed when released.
final class LoopbackSocket {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let fd: Int32
    private let port: Int

    init(port: Int) throws {
        self.port = port
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var tick = timeval(tv_sec: 0, tv_usec: 250_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let failure = Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)")
            close(fd)
            throw failure
        }
    }

    deinit { close(fd) }

    /// Sends all of `bytes` before `deadline`.
    func send(_ bytes: [UInt8], deadline: Date) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count > 0 { sent += count; continue }
            guard count < 0, [EINTR, EAGAIN, EWOULDBLOCK].contains(errno) else { throw Failure(description: "send: errno \(errno)") }
            guard Date() < deadline else { throw Failure(description: "timed out sending to 127.0.0.1:\(port)") }
        }
    }

    /// Receives until `isComplete` says the bytes so far are a whole answer or the peer closes the connection, before
    /// `deadline`; what was received, and whether the peer closed.
    func receive(deadline: Date, until isComplete: ([UInt8]) throws -> Bool) throws -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if try isComplete(received) { return (received, false) }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 { received += chunk[0..<count]; continue }
            if count == 0 { return (received, true) }
            guard [EINTR, EAGAIN, EWOULDBLOCK].contains(errno) else { throw Failure(description: "recv: errno \(errno)") }
            guard Date() < deadline else { throw Failure(description: "no complete answer from 127.0.0.1:\(port) in time") }
        }
    }
}
