import Foundation
import Glibc
import Testing
@testable import HTTPServer

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A parsed response as a test client sees it.
struct TestResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    subscript(name: String) -> String? { headers[name] }
}

/// A blocking TCP client speaking raw HTTP/1.1, with a receive timeout so a test can never hang.
final class TestClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `host` (an IPv4 or IPv6 literal) on `port`.
    init(port: Int, host: String = "127.0.0.1", timeout: Double = 10) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: errno \(errno)") }
        let connected: Int32
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { throw TestFailure("bad IPv6 literal \(host)") }
            connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr(host)
            connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestFailure("connect: errno \(code)")
        }
        setTimeout(timeout)
    }

    deinit { Glibc.close(fd) }

    func setTimeout(_ seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw TestFailure("send: errno \(errno)") }
            offset += sent
        }
    }

    /// Sends as much as possible, returning false once the server stops accepting bytes (reset or closed).
    func trySend(_ bytes: [UInt8]) -> Bool {
        (try? send(bytes)) != nil
    }

    /// Receives more bytes; false on EOF. Throws on timeout or error.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { throw TestFailure("timed out waiting for the server") }
                if errno == ECONNRESET { return false }
                throw TestFailure("recv: errno \(errno)")
            }
            if count == 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    private func readLine() throws -> String {
        while true {
            if let index = buffer.firstIndex(of: 0x0A) {
                let line = buffer[..<index]
                buffer.removeSubrange(...index)
                return String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            }
            guard try fill() else { throw TestFailure("connection closed while reading a line") }
        }
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw TestFailure("connection closed inside a body") }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeSubrange(..<count)
        return bytes
    }

    /// Reads one response; `head` for responses to HEAD (no body whatever the headers say).
    func readResponse(head: Bool = false) throws -> TestResponse {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw TestFailure("bad status line \(statusLine.debugDescription)")
        }
        var headers = HTTPHeaders()
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { throw TestFailure("bad header line \(line)") }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingHTTPWhitespace())
        }
        var body: [UInt8] = []
        if head || status == 204 || status == 304 || (100..<200).contains(status) {
            return TestResponse(status: status, headers: headers, body: [])
        }
        if let length = headers["Content-Length"].flatMap(Int.init) {
            body = try readExactly(length)
        } else if headers["Transfer-Encoding"]?.lowercased() == "chunked" {
            while true {
                let sizeLine = try readLine()
                guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else { throw TestFailure("bad chunk size") }
                if size == 0 {
                    while try !readLine().isEmpty {}
                    break
                }
                body += try readExactly(size)
                _ = try readExactly(2)
            }
        } else {
            while try fill() {}
            body = buffer
            buffer = []
        }
        return TestResponse(status: status, headers: headers, body: body)
    }

    /// True when the server closes the connection (EOF or reset) before `timeout` and sends nothing more.
    func closedByServer() throws -> Bool {
        if !buffer.isEmpty { return false }
        return try !fill()
    }
}

/// Runs `body` against a started server on an ephemeral port; shuts it down afterwards.
func withServer(
    _ router: Router, configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (Server) throws -> Void
) throws {
    var configuration = ServerConfiguration()
    configuration.port = 0
    configuration.ioThreads = 2
    configuration.workerThreads = 4
    configuration.lingerTimeout = 0.5
    configure(&configuration)
    let server = try Server(configuration: configuration, responder: router)
    server.start()
    defer {
        server.shutdown()
        server.wait()
    }
    try body(server)
}

/// A router with a few routes the integration tests share.
func testRouter() -> Router {
    var router = Router()
    router.get("/healthz") { _ in .text("ok") }
    router.get("/echo/:word") { request in .text(request.pathParameters["word"] ?? "") }
    router.get("/slow/:ms") { request in
        let ms = Int(request.pathParameters["ms"] ?? "0") ?? 0
        usleep(UInt32(ms * 1000))
        return .text("slow \(ms)")
    }
    router.add(.post, "/upload", bodyLimit: 1024) { request in .text("got \(request.body.length)") }
    router.add(.post, "/big", bodyLimit: 4 * 1024 * 1024) { request in
        let kind: String
        switch request.body {
        case .empty: kind = "empty"
        case .bytes: kind = "memory"
        case .file(let path, _): kind = "file \(path)"
        }
        let bytes = try request.body.readAll()
        let sum = bytes.reduce(0) { $0 &+ Int($1) }
        return .text("\(bytes.count) \(sum) \(kind)")
    }
    router.get("/stream") { _ in
        HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: .stream { writer in
            for index in 1...3 { try writer.write("bagian \(index)\n") }
        })
    }
    router.get("/inject") { _ in
        HTTPResponse(status: .ok, headers: ["X-Bad": "a\r\nSet-Cookie: stolen=1"], body: .bytes(Array("x".utf8)))
    }
    router.get("/inline/:word", inline: true) { request in .text("inline \(request.pathParameters["word"] ?? "")") }
    router.get("/inline-stream", inline: true) { _ in
        HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: .stream { writer in
            for index in 1...3 { try writer.write("potongan \(index)\n") }
        })
    }
    router.get("/crash") { _ in
        struct SecretDatabaseError: Error {}
        throw SecretDatabaseError()
    }
    return router
}
