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
    public var body: RequestBody
    /// The peer as `address:port` (IPv6 in brackets).
    public var remoteAddress: String
    /// Filled by the router from patterns such as `/usulan/:kode`.
    public var pathParameters: [String: String]
    /// Per-request storage for middleware (e.g. the signed-in user).
    public var userInfo: [String: any Sendable]

    /// A request for `target`, which is split into path and query; a malformed target throws 400.
    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders(),
        body: RequestBody = .empty, remoteAddress: String = ""
    ) throws(HTTPError) {
        self.init(method: method, target: target, parts: try RequestTarget.parse(target), version: version,
                  headers: headers, body: body, remoteAddress: remoteAddress)
    }

    /// For the server, which has split the target already.
    init(method: HTTPMethod, target: String, parts: RequestTarget.Parts, version: HTTPVersion, headers: HTTPHeaders,
         body: RequestBody, remoteAddress: String) {
        self.method = method
        self.target = target
        self.path = parts.path
        self.rawPath = parts.rawPath
        self.query = parts.query
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.pathParameters = [:]
        self.userInfo = [:]
    }

    /// The first query value named `name`.
    public func queryValue(_ name: String) -> String? { query.first(where: { $0.name == name })?.value }
}
