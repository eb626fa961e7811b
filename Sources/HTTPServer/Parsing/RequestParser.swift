/// An incremental HTTP/1.1 request parser (RFC 9112): feed bytes, then pull events until `next()` returns nil.
///
/// Pure value type with no I/O, so every rule is testable on its own. After any error the parser stays
/// failed: the server answers with the error status and closes, never guessing the framing.
public struct RequestParser: Sendable {
    private enum State: Sendable {
        case requestLine(emptyLinesSkipped: Int)
        case headers(HeaderCollector)
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(bytes: Int, count: Int)
        case failed(HTTPError)
    }

    private struct HeaderCollector: Sendable {
        var method: HTTPMethod
        var target: String
        var version: HTTPVersion
        var headers = HTTPHeaders()
        var bytes = 0
    }

    public let limits: ParserLimits
    private var buffer: [UInt8] = []
    private var position = 0
    /// Where the search for the next LF resumes, so a slowly arriving line is not rescanned.
    private var scanned = 0
    private var state: State = .requestLine(emptyLinesSkipped: 0)

    /// A parser waiting for the first request line.
    public init(limits: ParserLimits = ParserLimits()) { self.limits = limits }

    /// Bytes received but not yet consumed.
    public var bufferedByteCount: Int { buffer.count - position }

    /// Whether the parser sits between requests with nothing buffered (an idle keep-alive connection).
    public var isIdle: Bool {
        if case .requestLine = state { return bufferedByteCount == 0 }
        return false
    }

    /// Appends received bytes.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if position > 0 && (position == buffer.count || position >= 16 * 1024) {
            buffer.removeSubrange(0..<position)
            scanned -= position
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next event, or nil when more bytes are needed. Throws the status to answer with on malformed input.
    public mutating func next() throws(HTTPError) -> ParserEvent? {
        if case .failed(let error) = state { throw error }
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPError) -> ParserEvent? {
        while true {
            switch state {
            case .failed(let error):
                throw error
            case .requestLine(let skipped):
                guard let line = try takeLine(limit: limits.maxRequestLineBytes, status: .uriTooLong) else { return nil }
                if line.isEmpty {
                    // RFC 9112 section 2.2: tolerate a few empty lines before a request (after a POST body).
                    guard skipped < 8 else { throw HTTPError(.badRequest) }
                    state = .requestLine(emptyLinesSkipped: skipped + 1)
                    continue
                }
                state = .headers(try parseRequestLine(line))
            case .headers(var collector):
                let remaining = limits.maxHeaderBytes - collector.bytes
                guard let line = try takeLine(limit: max(remaining - 2, 0), status: .requestHeaderFieldsTooLarge) else { return nil }
                collector.bytes += line.count + 2
                if line.isEmpty {
                    let head = try finishHead(collector)
                    switch head.framing {
                    case .none: state = .requestLine(emptyLinesSkipped: 0)
                    case .length(let length): state = length == 0 ? .requestLine(emptyLinesSkipped: 0) : .fixedBody(remaining: length)
                    case .chunked: state = .chunkSize
                    }
                    return .head(head)
                }
                guard collector.headers.count < limits.maxHeaderCount else { throw HTTPError(.requestHeaderFieldsTooLarge) }
                let field = try parseFieldLine(line)
                collector.headers.add(field.name, field.value)
                state = .headers(collector)
            case .fixedBody(let remaining):
                let available = min(remaining, bufferedByteCount)
                guard available > 0 else { return nil }
                let piece = Array(buffer[position..<position + available])
                consume(available)
                state = remaining == available ? .requestLine(emptyLinesSkipped: 0) : .fixedBody(remaining: remaining - available)
                return .body(piece)
            case .chunkSize:
                guard let line = try takeLine(limit: limits.maxChunkLineBytes, status: .badRequest) else { return nil }
                let size = try Self.parseChunkSize(line)
                state = size == 0 ? .trailers(bytes: 0, count: 0) : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let available = min(remaining, bufferedByteCount)
                guard available > 0 else { return nil }
                let piece = Array(buffer[position..<position + available])
                consume(available)
                state = remaining == available ? .chunkDataEnd : .chunkData(remaining: remaining - available)
                return .body(piece)
            case .chunkDataEnd:
                guard bufferedByteCount >= 2 else {
                    if bufferedByteCount == 1 && buffer[position] != 0x0D { throw HTTPError(.badRequest) }
                    return nil
                }
                guard buffer[position] == 0x0D, buffer[position + 1] == 0x0A else { throw HTTPError(.badRequest) }
                consume(2)
                state = .chunkSize
            case .trailers(let bytes, let count):
                // Trailer fields are read (so the framing stays exact) and dropped.
                let remaining = limits.maxHeaderBytes - bytes
                guard let line = try takeLine(limit: max(remaining - 2, 0), status: .requestHeaderFieldsTooLarge) else { return nil }
                if line.isEmpty {
                    state = .requestLine(emptyLinesSkipped: 0)
                    return .end
                }
                guard count < limits.maxHeaderCount else { throw HTTPError(.requestHeaderFieldsTooLarge) }
                _ = try parseFieldLine(line)
                state = .trailers(bytes: bytes + line.count + 2, count: count + 1)
            }
        }
    }

    /// Whether the current request's body has been fully read (so `.end` follows a fixed-length body).
    private var atRequestBoundary: Bool {
        if case .requestLine = state { return true }
        return false
    }

    /// After a `.head` or `.body` event: true when that event completed the request.
    public var requestComplete: Bool { atRequestBoundary }

    private mutating func consume(_ count: Int) {
        position += count
        if scanned < position { scanned = position }
    }

    /// The next line without its CRLF, or nil if incomplete. A bare CR, or a bare LF, is a 400; a line
    /// longer than `limit` throws `status`.
    private mutating func takeLine(limit: Int, status: HTTPStatus) throws(HTTPError) -> ArraySlice<UInt8>? {
        var index = max(scanned, position)
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0x0A {
                guard index > position, buffer[index - 1] == 0x0D else { throw HTTPError(.badRequest) }
                let line = buffer[position..<(index - 1)]
                if line.count > limit { throw HTTPError(status) }
                position = index + 1
                scanned = position
                return line
            }
            if byte == 0x0D {
                // A CR must be followed by LF; if the LF has not arrived yet, re-check from here next time.
                guard index + 1 < buffer.count else { break }
                if buffer[index + 1] != 0x0A { throw HTTPError(.badRequest) }
            }
            index += 1
        }
        scanned = index
        // Incomplete: the line so far (less a possible trailing CR) already passes the limit.
        let partial = buffer.count - position - (buffer.last == 0x0D ? 1 : 0)
        if partial > limit { throw HTTPError(status) }
        return nil
    }

    private func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPError) -> HeaderCollector {
        let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { throw HTTPError(.badRequest) }
        guard parts[0].allSatisfy(ByteClasses.isToken) else { throw HTTPError(.badRequest) }
        guard parts[1].allSatisfy(ByteClasses.isTargetByte) else { throw HTTPError(.badRequest) }
        let version = try Self.parseVersion(parts[2])
        let method = HTTPMethod(String(decoding: parts[0], as: UTF8.self))
        let target = String(decoding: parts[1], as: UTF8.self)
        if target == "*" && method != .options { throw HTTPError(.badRequest) }
        return HeaderCollector(method: method, target: target, version: version)
    }

    static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text.starts(with: Array("HTTP/".utf8)), text[6] == UInt8(ascii: "."),
              let major = digit(text[5]), let minor = digit(text[7]) else { throw HTTPError(.badRequest) }
        guard major == 1 else { throw HTTPError(.httpVersionNotSupported) }
        return HTTPVersion(major: major, minor: minor)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// `name: OWS value OWS`; no whitespace before the colon, no obs-fold, no CTL in the value.
    private func parseFieldLine(_ line: ArraySlice<UInt8>) throws(HTTPError) -> (name: String, value: String) {
        guard let first = line.first, !ByteClasses.isWhitespace(first) else { throw HTTPError(.badRequest) }  // obs-fold
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { throw HTTPError(.badRequest) }
        let name = line[..<colon]
        guard name.allSatisfy(ByteClasses.isToken) else { throw HTTPError(.badRequest) }
        var value = line[(colon + 1)...]
        guard value.allSatisfy(ByteClasses.isFieldValue) else { throw HTTPError(.badRequest) }
        while let byte = value.first, ByteClasses.isWhitespace(byte) { value = value.dropFirst() }
        while let byte = value.last, ByteClasses.isWhitespace(byte) { value = value.dropLast() }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    private func finishHead(_ collector: HeaderCollector) throws(HTTPError) -> RequestHead {
        let headers = collector.headers
        let version = collector.version
        let http11 = version.minor >= 1

        let host = try Self.host(headers, target: collector.target, http11: http11)

        let framing = try Self.framing(headers, version: version)

        var keepAlive = http11
        if headers.hasToken("close", in: "Connection") {
            keepAlive = false
        } else if !http11 && headers.hasToken("keep-alive", in: "Connection") {
            keepAlive = true
        }

        var expectsContinue = false
        if let expect = headers["Expect"] {
            guard expect.lowercased() == "100-continue" else { throw HTTPError(.expectationFailed) }
            // RFC 9110 section 10.1.1: a 1.0 client cannot have meant it.
            expectsContinue = http11 && framing != .none && framing != .length(0)
        }
        _ = try RequestTarget.parse(collector.target)
        return RequestHead(method: collector.method, target: collector.target, version: version, headers: headers,
                           host: host, framing: framing, keepAlive: keepAlive, expectsContinue: expectsContinue)
    }

    /// RFC 9112 section 3.2: exactly one valid `Host` in HTTP/1.1 (at most one in 1.0), else 400. An
    /// absolute-form target's authority must be valid too, and is the request's host (section 3.2.2).
    static func host(_ headers: HTTPHeaders, target: String, http11: Bool) throws(HTTPError) -> HostHeader? {
        let hosts = headers.values("Host")
        if hosts.count > 1 || (http11 && hosts.isEmpty) { throw HTTPError(.badRequest) }
        var host: HostHeader?
        if let value = hosts.first {
            guard let parsed = HostHeader.parse(value) else { throw HTTPError(.badRequest) }
            host = parsed
        }
        if let authority = RequestTarget.absoluteFormAuthority(target) {
            guard let parsed = HostHeader.parse(String(authority)) else { throw HTTPError(.badRequest) }
            host = parsed
        }
        return host
    }

    /// RFC 9112 section 6.3, strictly: anything ambiguous is refused rather than guessed.
    static func framing(_ headers: HTTPHeaders, version: HTTPVersion) throws(HTTPError) -> BodyFraming {
        let lengths = headers.values("Content-Length")
        let encodings = headers.values("Transfer-Encoding")
        if !encodings.isEmpty {
            guard lengths.isEmpty, version.minor >= 1 else { throw HTTPError(.badRequest) }
            let codings = encodings.flatMap { $0.split(separator: ",") }
                .map { $0.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingHTTPWhitespace().lowercased() }
                .filter { !$0.isEmpty }
            guard let last = codings.last, last == "chunked" else { throw HTTPError(.badRequest) }
            if codings.dropLast().contains("chunked") { throw HTTPError(.badRequest) }
            for coding in codings.dropLast() {
                guard coding.utf8.allSatisfy(ByteClasses.isToken) else { throw HTTPError(.badRequest) }
            }
            // We decode no compression: any other coding is understood as unsupported.
            if codings.count > 1 { throw HTTPError(.notImplemented) }
            return .chunked
        }
        guard !lengths.isEmpty else { return .none }
        var length: Int?
        for element in lengths.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let text = element.trimmingHTTPWhitespace()
            guard !text.isEmpty, text.utf8.count <= 18,
                  text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let value = Int(text) else { throw HTTPError(.badRequest) }
            if let previous = length, previous != value { throw HTTPError(.badRequest) }
            length = value
        }
        return .length(length!)
    }

    /// `1*HEXDIG [ BWS ";" chunk-ext ]`, with the size bounded well below overflow.
    static func parseChunkSize(_ line: ArraySlice<UInt8>) throws(HTTPError) -> Int {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let value = ByteClasses.hexValue(line[index]) {
            digits += 1
            guard digits <= 15 else { throw HTTPError(.badRequest) }
            size = size * 16 + value
            index += 1
        }
        guard digits > 0 else { throw HTTPError(.badRequest) }
        let rest = line[index...]
        if !rest.isEmpty {
            var afterSpace = rest.drop(while: ByteClasses.isWhitespace)
            guard afterSpace.first == UInt8(ascii: ";") else { throw HTTPError(.badRequest) }
            afterSpace = afterSpace.dropFirst()
            guard afterSpace.allSatisfy(ByteClasses.isFieldValue) else { throw HTTPError(.badRequest) }
        }
        return size
    }
}
