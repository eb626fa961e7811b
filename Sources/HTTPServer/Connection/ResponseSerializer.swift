import Glibc

/// Turns a handler's `HTTPResponse` into bytes on the wire: status line, checked headers, framing.
enum ResponseSerializer {
    /// What a worker hands to the I/O thread: the head (and body items), plus a stream to run afterwards.
    struct Prepared {
        var items: [OutboundItem]
        var stream: (@Sendable (ChunkWriter) throws -> Void)?
        var keepAlive: Bool
        /// Body bytes announced (for logs); -1 for a streamed body.
        var bodyLength: Int
    }

    /// Builds the response for `request` (`method`, `version`); `keepAlive` is what the request allows.
    static func prepare(_ response: HTTPResponse, method: HTTPMethod, version: HTTPVersion, keepAlive: Bool,
                        log: (@Sendable (String) -> Void)?) -> Prepared {
        var response = response
        if let problem = headerProblem(response.headers) {
            // Never let a CR/LF from application data split the response (header injection).
            log?("refusing response with invalid header: \(problem)")
            response = .error(HTTPError(.internalServerError))
        }
        var headers = response.headers
        for name in ["Content-Length", "Transfer-Encoding", "Connection", "Date", "Keep-Alive"] { headers.remove(name) }
        let isHead = method == .head
        var bodyItems: [OutboundItem] = []
        var stream: (@Sendable (ChunkWriter) throws -> Void)?
        var bodyLength = 0

        if response.status.allowsBody {
            switch response.body {
            case .empty:
                headers.add("Content-Length", "0")
            case .bytes(let bytes):
                headers.add("Content-Length", String(bytes.count))
                bodyLength = bytes.count
                if !isHead && !bytes.isEmpty { bodyItems.append(.bytes(bytes, flow: nil)) }
            case .file(let path):
                guard let opened = openRegularFile(path) else {
                    log?("cannot open response file \(path)")
                    return prepare(.error(HTTPError(.internalServerError)), method: method, version: version,
                                   keepAlive: keepAlive, log: log)
                }
                headers.add("Content-Length", String(opened.size))
                bodyLength = opened.size
                if isHead || opened.size == 0 {
                    close(opened.fd)
                } else {
                    bodyItems.append(.file(fd: opened.fd, remaining: opened.size))
                }
            case .stream(let produce):
                bodyLength = -1
                if version.minor >= 1 {
                    headers.add("Transfer-Encoding", "chunked")
                    if !isHead { stream = produce }
                } else {
                    // HTTP/1.0 has no chunked coding: gather the body and send it with a length.
                    let collector = ByteCollector()
                    do {
                        try produce(ChunkWriter { collector.append($0) })
                        headers.add("Content-Length", String(collector.bytes.count))
                        bodyLength = collector.bytes.count
                        if !isHead { bodyItems.append(.bytes(collector.bytes, flow: nil)) }
                    } catch {
                        log?("streamed body failed: \(error)")
                        return prepare(.error(HTTPError(.internalServerError)), method: method, version: version,
                                       keepAlive: keepAlive, log: log)
                    }
                }
            }
        }

        if !keepAlive {
            headers.add("Connection", "close")
        } else if version.minor == 0 {
            headers.add("Connection", "keep-alive")
        }
        let head = serializeHead(status: response.status, headers: headers)
        return Prepared(items: [.bytes(head, flow: nil)] + bodyItems, stream: stream, keepAlive: keepAlive, bodyLength: bodyLength)
    }

    /// `HTTP/1.1 code reason`, the fields, then `Date`, in wire form.
    static func serializeHead(status: HTTPStatus, headers: HTTPHeaders) -> [UInt8] {
        var text = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        text += "Date: \(HTTPDate.now())\r\n\r\n"
        return Array(text.utf8)
    }

    /// A complete error response the server sends itself before closing (parse errors, timeouts, 503).
    static func errorResponse(_ error: HTTPError) -> [UInt8] {
        var response = HTTPResponse.error(error)
        response.headers.add("X-Content-Type-Options", "nosniff")
        guard case .bytes(let body) = response.body else { return [] }
        response.headers.add("Content-Length", String(body.count))
        response.headers.add("Connection", "close")
        return serializeHead(status: error.status, headers: response.headers) + body
    }

    /// One chunk of a chunked body.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + [0x0D, 0x0A] + bytes + [0x0D, 0x0A]
    }

    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// Why the headers cannot be sent, or nil: names must be tokens, values free of CR, LF, NUL and other CTLs.
    static func headerProblem(_ headers: HTTPHeaders) -> String? {
        for field in headers {
            if field.name.isEmpty || !field.name.utf8.allSatisfy(ByteClasses.isToken) { return "name \(field.name.debugDescription)" }
            if !field.value.utf8.allSatisfy(ByteClasses.isFieldValue) { return "value of \(field.name)" }
        }
        return nil
    }

    private static func openRegularFile(_ path: String) -> (fd: Int32, size: Int)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        return (fd, Int(info.st_size))
    }
}

/// Collects streamed pieces in memory (for HTTP/1.0 clients).
// @unchecked Sendable: used by one thread at a time, the worker running the stream.
final class ByteCollector: @unchecked Sendable {
    var bytes: [UInt8] = []
    func append(_ piece: [UInt8]) { bytes.append(contentsOf: piece) }
}
