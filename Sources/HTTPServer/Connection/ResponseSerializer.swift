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
        headers.removeAll { field in
            Self.serverFields.contains { HTTPHeaders.same(field.name, $0) }
        }
        let isHead = method == .head
        var bodyItems: [OutboundItem] = []
        var stream: (@Sendable (ChunkWriter) throws -> Void)?
        var bodyLength = 0
        var inlineBody: [UInt8] = []

        if response.status.allowsBody {
            switch response.body {
            case .empty:
                headers.add("Content-Length", "0")
            case .bytes(let bytes):
                headers.add("Content-Length", String(bytes.count))
                bodyLength = bytes.count
                if !isHead && !bytes.isEmpty {
                    // A small body rides in the head's buffer: one send instead of two.
                    if bytes.count <= inlineBodyLimit { inlineBody = bytes } else { bodyItems.append(.bytes(bytes, flow: nil)) }
                }
            case .file(let path):
                if let cached = FileBodyCache.shared.fresh(path) {
                    // A small static file checked within the last second: sent from memory.
                    bodyLength = cached.count
                    if !isHead { inlineBody = cached }
                    headers.add("Content-Length", String(bodyLength))
                    break
                }
                guard let opened = openRegularFile(path) else {
                    log?("cannot open response file \(path)")
                    return prepare(.error(HTTPError(.internalServerError)), method: method, version: version,
                                   keepAlive: keepAlive, log: log)
                }
                if isHead || opened.size == 0 {
                    close(opened.fd)
                    bodyLength = opened.size
                } else if opened.size <= inlineBodyLimit {
                    // Small files (stylesheets, icons) go behind the head in one send rather than a send and a
                    // sendfile; the length is what was actually read, so a file shrinking meanwhile stays framed.
                    inlineBody = readAll(opened.fd, size: opened.size)
                    close(opened.fd)
                    bodyLength = inlineBody.count
                } else {
                    bodyLength = opened.size
                    bodyItems.append(.file(fd: opened.fd, remaining: opened.size))
                }
                headers.add("Content-Length", String(bodyLength))
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
        let head = serializeHead(status: response.status, headers: headers, body: inlineBody)
        return Prepared(items: [.bytes(head, flow: nil)] + bodyItems, stream: stream, keepAlive: keepAlive, bodyLength: bodyLength)
    }

    /// Fields the server sets itself; a handler's own values for them are dropped.
    private static let serverFields = ["Content-Length", "Transfer-Encoding", "Connection", "Date", "Keep-Alive"]

    /// Bodies up to this size are copied behind the head so both go out in one send.
    static let inlineBodyLimit = 32 * 1024

    /// `HTTP/1.1 code reason`, the fields, then `Date`, in wire form, followed by `body` (usually empty).
    static func serializeHead(status: HTTPStatus, headers: HTTPHeaders, body: [UInt8] = []) -> [UInt8] {
        let date = HTTPDate.now()
        var size = 64 + status.reasonPhrase.utf8.count + date.utf8.count + body.count
        for field in headers { size += field.name.utf8.count + field.value.utf8.count + 4 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        bytes.append(contentsOf: String(status.code).utf8)
        bytes.append(0x20)
        bytes.append(contentsOf: status.reasonPhrase.utf8)
        // Separators byte by byte: an array literal per header line is an allocation per line.
        bytes.append(0x0D); bytes.append(0x0A)
        for field in headers {
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
            bytes.append(contentsOf: field.value.utf8)
            bytes.append(0x0D); bytes.append(0x0A)
        }
        bytes.append(contentsOf: "Date: ".utf8)
        bytes.append(contentsOf: date.utf8)
        bytes.append(0x0D); bytes.append(0x0A); bytes.append(0x0D); bytes.append(0x0A)
        bytes.append(contentsOf: body)
        return bytes
    }

    /// A complete error response the server sends itself before closing (parse errors, timeouts, 503).
    static func errorResponse(_ error: HTTPError) -> [UInt8] {
        var response = HTTPResponse.error(error)
        response.headers.add("X-Content-Type-Options", "nosniff")
        guard case .bytes(let body) = response.body else { return [] }
        response.headers.add("Content-Length", String(body.count))
        response.headers.add("Connection", "close")
        return serializeHead(status: error.status, headers: response.headers, body: body)
    }

    /// One chunk of a chunked body.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + [0x0D, 0x0A] + bytes + [0x0D, 0x0A]
    }

    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// Why the headers cannot be sent, or nil: names must be tokens, values free of CR, LF, NUL and other CTLs.
    static func headerProblem(_ headers: HTTPHeaders) -> String? {
        for field in headers {
            // Checked over the contiguous UTF-8 storage: this runs for every field of every response.
            if !allBytes(of: field.name, nonEmpty: true, satisfy: ByteClasses.isToken) { return "name \(field.name.debugDescription)" }
            if !allBytes(of: field.value, nonEmpty: false, satisfy: ByteClasses.isFieldValue) { return "value of \(field.name)" }
        }
        return nil
    }

    private static func allBytes(of text: String, nonEmpty: Bool, satisfy predicate: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if nonEmpty && bytes.isEmpty { return false }
            for byte in bytes where !predicate(byte) { return false }
            return true
        }
    }

    /// Up to `size` bytes from the start of `fd` (fewer if the file is shorter now).
    private static func readAll(_ fd: Int32, size: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = pread(fd, buffer.baseAddress! + count, size - count, off_t(count))
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                count += got
            }
        }
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
