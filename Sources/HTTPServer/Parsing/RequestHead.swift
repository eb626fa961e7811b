/// How the body of a request is delimited (RFC 9112 section 6.3).
public enum BodyFraming: Equatable, Sendable {
    case none
    case length(Int)
    case chunked
}

/// A request line and validated header block, before the body.
public struct RequestHead: Sendable {
    public var method: HTTPMethod
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The validated `Host` (or an absolute-form target's authority); nil only for HTTP/1.0 without one.
    public var host: HostHeader?
    public var framing: BodyFraming
    /// Whether the connection may stay open after this request (1.1 default, 1.0 only with keep-alive).
    public var keepAlive: Bool
    /// The client sent `Expect: 100-continue` and waits before sending the body.
    public var expectsContinue: Bool
}

/// What the parser produced from the bytes fed so far.
public enum ParserEvent: Sendable {
    case head(RequestHead)
    /// A piece of the body, already de-chunked.
    case body([UInt8])
    /// The request (body and trailers) is complete; the next bytes start a new request.
    case end
}
