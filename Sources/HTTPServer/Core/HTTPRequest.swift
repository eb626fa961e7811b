/// A parsed request as handlers see it.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The raw request-target as sent.
    public var target: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// The path as sent (still percent-encoded), without the query; the router splits this one so an
    /// encoded `/` (`%2F`) stays inside its segment.
    public var rawPath: String
    /// Decoded query parameters (`+` as space), in order.
    public var query: [(name: String, value: String)]
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The request's host and port from its validated `Host` field (or absolute-form target); nil for an
    /// HTTP/1.0 request without one.
    public var host: HostHeader?
    public var body: RequestBody
    /// The peer as `address:port` (IPv6 in brackets).
    public var remoteAddress: String
    /// Filled by the router from patterns such as `/usulan/:kode`.
    public var pathParameters: [String: String]
    /// Per-request storage for middleware (e.g. the signed-in user).
    public var userInfo: [String: any Sendable]

    /// A request for `target`, which is split into path and query; a malformed target throws 400. `host` is
    /// parsed from the `Host` field when valid (no check that it is present: that is the parser's job).
    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders(),
        body: RequestBody = .empty, remoteAddress: String = ""
    ) throws(HTTPError) {
        let host = RequestTarget.absoluteFormAuthority(target).map(String.init) ?? headers["Host"]
        self.init(method: method, target: target, parts: try RequestTarget.parse(target), version: version,
                  headers: headers, host: host.flatMap(HostHeader.parse), body: body, remoteAddress: remoteAddress)
    }

    /// For the server, which has split the target and validated the host already.
    init(method: HTTPMethod, target: String, parts: RequestTarget.Parts, version: HTTPVersion, headers: HTTPHeaders,
         host: HostHeader?, body: RequestBody, remoteAddress: String) {
        self.method = method
        self.target = target
        self.path = parts.path
        self.rawPath = parts.rawPath
        self.query = parts.query
        self.version = version
        self.headers = headers
        self.host = host
        self.body = body
        self.remoteAddress = remoteAddress
        self.pathParameters = [:]
        self.userInfo = [:]
    }

    /// The first query value named `name`.
    public func queryValue(_ name: String) -> String? { query.first(where: { $0.name == name })?.value }
}
