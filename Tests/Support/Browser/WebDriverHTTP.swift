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
        let connection = try LoopbackSocket(port: port)
        try connection.send(request, deadline: deadline)
        let (bytes, closed) = try connection.receive(deadline: deadline) { try Self.complete($0) != nil }
        guard let answer = try Self.complete(bytes, closed: closed) else { throw WebDriverError("connection closed early") }
        return answer
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
