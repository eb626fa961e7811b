import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A cookie-keeping HTTP/1.1 client of a portal on 127.0.0.1, for tests that drive the real binary without a browser.
/// One connection per request (`Connection: close`), every call bounded by a timeout; redirects are not followed, so a
/// test sees the 303 and its `Location` as a browser would receive them.
///
/// Its own few lines over a socket rather than `URLSession`, which follows redirects and keeps cookies by its own rules.
/// Used by one thread at a time (a test may hand it to another thread and take it back after joining it).
public final class PortalClient: @unchecked Sendable {
    /// One answer: its status, its header fields (names in lower case) and its body.
    public struct Answer: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: String

        /// The first value of the header field `name` (case-insensitive).
        public func header(_ name: String) -> String? {
            let lower = name.lowercased()
            return headers.first { $0.name == lower }?.value
        }

        /// The value of the hidden input `name` on the page (`name="X" value="..."`), as written (already escaped
        /// characters are left as they are: tokens and ids never contain any).
        public func hiddenValue(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The connection failed or the answer did not come in time (the server may have died: a crash test expects it).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The server's port; a test sets it to follow a restarted server (the cookies stay, as a browser's would).
    public var port: Int
    /// The cookies the server set, by name (a `Max-Age=0` or empty value removes one).
    public private(set) var cookies: [String: String] = [:]
    private let timeout: TimeInterval

    public init(port: Int, timeout: TimeInterval = 30) {
        self.port = port
        self.timeout = timeout
    }

    /// `Origin` of this site, which the portal's CSRF check wants on every POST.
    public var origin: String { "http://127.0.0.1:\(port)" }

    public func get(_ path: String) throws -> Answer { try exchange("GET", path, body: []) }

    /// POSTs `fields` URL-encoded, with this site's `Origin`.
    public func post(_ path: String, _ fields: [(String, String)]) throws -> Answer {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try exchange("POST", path, body: Array(body.utf8),
                        extra: "Content-Type: application/x-www-form-urlencoded\r\nOrigin: \(origin)\r\n")
    }

    /// Signs in through `/masuk` as a browser does (the form's CSRF token, then the POST); true on the 303.
    public func signIn(_ username: String, _ password: String) throws -> Bool {
        let form = try get("/masuk")
        guard let token = form.hiddenValue("_csrf") else { throw Failure(description: "/masuk has no _csrf field") }
        let answer = try post("/masuk", [("_csrf", token), ("nama_pengguna", username), ("kata_sandi", password), ("kembali", "/")])
        return answer.status == 303 && cookies["sesi"] != nil
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    private func exchange(_ method: String, _ path: String, body: [UInt8], extra: String = "") throws -> Answer {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n" + extra
        if !cookies.isEmpty { head += "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n" }
        if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        let bytes = try roundTrip(Array((head + "\r\n").utf8) + body, deadline: Date().addingTimeInterval(timeout))
        let answer = try Self.parse(bytes)
        for (name, value) in answer.headers where name == "set-cookie" {
            let pair = value.split(separator: ";", maxSplits: 1)[0]
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let cookie = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            let content = String(pair[pair.index(after: equals)...])
            if content.isEmpty || value.lowercased().contains("max-age=0") { cookies[cookie] = nil } else { cookies[cookie] = content }
        }
        return answer
    }

    /// Sends `request` on a new connection and reads until the server closes it.
    private func roundTrip(_ request: [UInt8], deadline: Date) throws -> [UInt8] {
        let connection = try LoopbackSocket(port: port)
        try connection.send(request, deadline: deadline)
        return try connection.receive(deadline: deadline) { _ in false }.bytes
    }

    /// The answer in `bytes` (the whole of a closed connection); a cut-off answer is a failure, not a short page.
    private static func parse(_ bytes: [UInt8]) throws -> Answer {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.dropLast(3).first(where: { bytes[$0..<($0 + 4)].elementsEqual(separator) }) else {
            throw Failure(description: "connection closed before a whole answer head (\(bytes.count) bytes)")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).split(separator: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line: \(lines.first ?? "")")
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(end + 4)...])
        if let length = headers.first(where: { $0.name == "content-length" }).flatMap({ Int($0.value) }) {
            guard body.count >= length else { throw Failure(description: "answer cut off: \(body.count) of \(length) bytes") }
            body = Array(body.prefix(length))
        }
        return Answer(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }
}
