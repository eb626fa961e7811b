/// Writes the pieces of a streamed response body; each `write` becomes one chunk.
public struct ChunkWriter: Sendable {
    let sink: @Sendable ([UInt8]) throws -> Void

    /// A writer that hands every piece to `sink` (the server's, or a test's collector).
    public init(_ sink: @escaping @Sendable ([UInt8]) throws -> Void) { self.sink = sink }

    /// Sends `bytes` (empty writes are skipped: an empty chunk would end the body). Throws when the
    /// client has gone, so the producer can stop.
    public func write(_ bytes: [UInt8]) throws {
        if !bytes.isEmpty { try sink(bytes) }
    }

    /// Sends `text` as UTF-8.
    public func write(_ text: String) throws { try write(Array(text.utf8)) }
}

/// What a response carries after its header block.
public enum ResponseBody: Sendable {
    case empty
    case bytes([UInt8])
    /// A file sent as it is (static files); its size at sending time becomes the Content-Length.
    case file(path: String)
    /// Produced piece by piece on a worker thread, sent with `Transfer-Encoding: chunked`.
    case stream(@Sendable (ChunkWriter) throws -> Void)
}

/// A response: status, header fields and body. The server adds `Date`, `Content-Length` or
/// `Transfer-Encoding`, and `Connection`.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: ResponseBody

    /// A response from its parts.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: ResponseBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` response.
    public init(text: String, status: HTTPStatus = .ok) { self = .text(text, status: status) }

    /// A `text/html; charset=utf-8` response; the caller is responsible for escaping.
    public init(html: String, status: HTTPStatus = .ok) { self = .html(html, status: status) }

    /// A response carrying `bytes` with the given content type.
    public init(bytes: [UInt8], contentType: String, status: HTTPStatus = .ok) {
        self = .bytes(bytes, contentType: contentType, status: status)
    }

    /// A `text/plain; charset=utf-8` response.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .bytes(Array(text.utf8)))
    }

    /// A `text/html; charset=utf-8` response; the caller is responsible for escaping.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .bytes(Array(html.utf8)))
    }

    /// A response carrying `bytes` with the given content type.
    public static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: .bytes(bytes))
    }

    /// A redirect (303 See Other by default, right after a form POST).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location], body: .empty)
    }

    /// The small page the server shows for an error status (message in Bahasa Indonesia, no internals).
    public static func error(_ error: HTTPError) -> HTTPResponse {
        let message = HTMLEscaping.escape(error.message)
        let page = """
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><title>\(error.status.code) \(HTMLEscaping.escape(error.status.reasonPhrase))</title></head>
            <body><h1>\(error.status.code)</h1><p>\(message)</p></body></html>

            """
        return .html(page, status: error.status)
    }
}

/// A `Handler` answers one request; it runs on a worker thread and may block (e.g. on SQLite).
public typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// HTML escaping of the five characters that matter in text and in quoted attributes (`& < > " '`).
public enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by their character references.
    public static func escape(_ text: String) -> String {
        // Every page escapes each value it shows, and most values need nothing: check the bytes first (all five are
        // ASCII, so no UTF-8 continuation byte can be mistaken for one) and hand the same string back.
        // The scan runs over the string's bytes in place when it has them contiguous (native strings do): a loop over
        // a buffer, not the UTF-8 view's index checks per byte.
        let utf8 = text.utf8
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        let needsEscaping = utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? utf8.contains(where: special)
        guard needsEscaping else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: output += [0x26, 0x61, 0x6D, 0x70, 0x3B]        // &amp;
            case 0x3C: output += [0x26, 0x6C, 0x74, 0x3B]              // &lt;
            case 0x3E: output += [0x26, 0x67, 0x74, 0x3B]              // &gt;
            case 0x22: output += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: output += [0x26, 0x23, 0x33, 0x39, 0x3B]        // &#39;
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
