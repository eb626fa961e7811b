import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A synchronous JSON-over-HTTP/1.1 client for one WebDriver endpoint on 127.0.0.1, every call bounded by a
/// timeout. Answers are the W3C `{"value": ...}` envelope, unwrapped; an `error` in it is thrown.
///
/// Its own few lines over a socket rather than `URLSession`: corelibs Foundation refuses chromedriver's header
/// lines (`Content-Length:252`, no space) with "Failed writing header".
public final class WebDriverHTTP {
    /// The port of the WebDriver server on 127.0.0.1.
    public let port: Int

    /// A client for the server on `127.0.0.1:port`.
    public init(port: Int) { self.port = port }

    /// Sends `method /path` with `body` as JSON (none for nil) and returns the answer's `value`; throws on a
    /// WebDriver error, a non-JSON answer, or when the whole answer has not come within `timeout` seconds.
    @discardableResult
    public func call(_ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: TimeInterval) throws -> Any {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var head = "\(method) /\(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept: application/json\r\n"
        if body != nil { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(payload.count)\r\n" }
        let request = Array((head + "\r\n").utf8) + Array(payload)
        let (status, data): (Int, [UInt8])
        do {
            (status, data) = try exchange(request, deadline: Date().addingTimeInterval(timeout))
        } catch {
            throw WebDriverError("\(method) /\(path): \(error)")
        }
        guard let envelope = (try? JSONSerialization.jsonObject(with: Data(data))) as? [String: Any] else {
            throw WebDriverError("\(method) /\(path): HTTP \(status), not JSON: \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        let value = envelope["value"] ?? NSNull()
        if let failure = value as? [String: Any], let error = failure["error"] as? String {
            let message = (failure["message"] as? String ?? "").split(separator: "\n").prefix(3).joined(separator: " / ")
            throw WebDriverError("\(method) /\(path): \(error): \(message)", code: error)
        }
        return value
    }

    /// One request on a fresh connection; the answer's status and body (by Content-Length, else up to the close).
    private func exchange(_ request: [UInt8], deadline: Date) throws -> (Int, [UInt8]) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw WebDriverError("socket: errno \(errno)") }
        defer { close(fd) }
        var tick = timeval(tv_sec: 0, tv_usec: 250_000)  // recv/send wake up to check the deadline
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw WebDriverError("connect to 127.0.0.1:\(port): errno \(errno)") }

        var sent = 0
        while sent < request.count {
            let count = request.withUnsafeBytes { send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count > 0 { sent += count; continue }
            guard count < 0, [EINTR, EAGAIN, EWOULDBLOCK].contains(errno) else { throw WebDriverError("send: errno \(errno)") }
            guard Date() < deadline else { throw WebDriverError("timed out sending") }
        }

        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let answer = try Self.complete(received) { return answer }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 { received += chunk[0..<count]; continue }
            if count == 0 {
                guard let answer = try Self.complete(received, closed: true) else { throw WebDriverError("connection closed early") }
                return answer
            }
            guard [EINTR, EAGAIN, EWOULDBLOCK].contains(errno) else { throw WebDriverError("recv: errno \(errno)") }
            guard Date() < deadline else { throw WebDriverError("no complete answer from chromedriver in time") }
        }
    }

    /// The status and body once `bytes` hold a whole answer, nil while more is due.
    private static func complete(_ bytes: [UInt8], closed: Bool = false) throws -> (Int, [UInt8])? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.dropLast(3).first(where: { bytes[$0..<($0 + 4)].elementsEqual(separator) }) else {
            return nil
        }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw WebDriverError("bad status line: \(lines.first ?? "")") }
        let body = Array(bytes[(end + 4)...])
        let length = lines.dropFirst().first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
        if let length { return body.count >= length ? (status, Array(body.prefix(length))) : nil }
        return closed ? (status, body) : nil
    }
}
