/// Wraps a handler with behaviour before and after it (logging, headers, error pages, sessions).
public typealias Middleware = @Sendable (@escaping Handler) -> Handler

/// Maps method + path pattern to handlers: 404 when no pattern matches, 405 with `Allow` when the
/// path matches for other methods only. Each route carries its body limit (default 1 MiB) and whether
/// it may run inline on the I/O thread (default: no, on the worker pool, where blocking is allowed).
public struct Router: Responder {
    /// Body limit of routes that do not set one.
    public static let defaultBodyLimit = 1024 * 1024

    struct Route: Sendable {
        let method: HTTPMethod
        let pattern: PathPattern
        let bodyLimit: Int
        let runsInline: Bool
        let lane: WorkerLane
        let handler: Handler
    }

    private var routes: [Route] = [] { didSet { index = RouteIndex(routes); compose() } }
    private var index = RouteIndex([])
    private var middleware: [Middleware] = [] { didSet { compose() } }
    /// Middleware wrapped around the routing, rebuilt on every change so requests do not pay for it.
    private var composed: Handler = { _ in throw HTTPError(.notFound) }
    /// Body limit when no route matches (the request is refused anyway; keep it small).
    public var unmatchedBodyLimit = 64 * 1024

    /// A router without routes (every request is 404).
    public init() {}

    /// Adds a route. `bodyLimit` bounds the request body (413 beyond it). `inline: true` runs the handler
    /// and every middleware on the I/O thread: only for work that never blocks (no SQLite, no waiting); `lane` picks
    /// the worker pool otherwise.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, bodyLimit: Int = Router.defaultBodyLimit,
                             inline: Bool = false, lane: WorkerLane = .standard, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: PathPattern(pattern), bodyLimit: bodyLimit, runsInline: inline,
                            lane: lane, handler: handler))
        // Most specific first, so `/usulan/baru` wins over `/usulan/:kode` whatever the order of adding.
        routes.sort { $1.pattern.specificity.lexicographicallyPrecedes($0.pattern.specificity) }
    }

    /// Adds a GET route (it answers HEAD too); `inline` and `lane` as for `add`.
    public mutating func get(_ pattern: String, inline: Bool = false, lane: WorkerLane = .standard, _ handler: @escaping Handler) {
        add(.get, pattern, inline: inline, lane: lane, handler)
    }
    /// Adds a POST route with its body limit, on the worker pool of `lane`.
    public mutating func post(_ pattern: String, bodyLimit: Int = Router.defaultBodyLimit, lane: WorkerLane = .standard,
                              _ handler: @escaping Handler) {
        add(.post, pattern, bodyLimit: bodyLimit, lane: lane, handler)
    }

    /// Adds middleware; the first added is the outermost (sees the request first).
    public mutating func use(_ middleware: @escaping Middleware) { self.middleware.append(middleware) }

    /// The body limit of the route `method` and `rawPath` reach.
    public func bodyLimit(method: HTTPMethod, rawPath: String) -> Int {
        dispatchPlan(method: method, rawPath: rawPath).bodyLimit
    }

    /// The body limit and thread of the route `route(_:in:)` would pick; unmatched requests (404/405)
    /// go to the pool with `unmatchedBodyLimit`.
    public func dispatchPlan(method: HTTPMethod, rawPath: String) -> DispatchPlan {
        let wanted = method == .head ? HTTPMethod.get : method
        // Split once, not once per route tried.
        let parts = PathPattern.split(rawPath)
        for route in index.candidates(for: parts) where route.method == wanted || (route.method == .head && method == .head) {
            if route.pattern.matches(parts: parts) { return DispatchPlan(bodyLimit: route.bodyLimit, runsInline: route.runsInline, lane: route.lane) }
        }
        return DispatchPlan(bodyLimit: unmatchedBodyLimit)
    }

    /// Runs the middleware and the matching route; throws 404 when no route matches.
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        try composed(request)
    }

    private mutating func compose() {
        let index = self.index
        let routed: Handler = { request in try Self.route(request, in: index) }
        composed = middleware.reversed().reduce(routed) { inner, wrap in wrap(inner) }
    }

    /// Finds the route for `request` and runs it (without middleware).
    static func route(_ request: HTTPRequest, in index: RouteIndex) throws -> HTTPResponse {
        var allowed: [HTTPMethod] = []
        let wanted = request.method == .head ? HTTPMethod.get : request.method
        let parts = PathPattern.split(request.rawPath)
        for route in index.candidates(for: parts) {
            guard let parameters = route.pattern.match(parts: parts) else { continue }
            if route.method == wanted || (route.method == .head && request.method == .head) {
                var request = request
                request.pathParameters = parameters
                return try route.handler(request)
            }
            allowed.append(route.method)
        }
        guard !allowed.isEmpty else { throw HTTPError(.notFound) }
        if allowed.contains(.get) { allowed.append(.head) }
        var seen = Set<String>()
        let allow = allowed.map(\.rawValue).filter { seen.insert($0).inserted }.joined(separator: ", ")
        if request.method == .options {
            return HTTPResponse(status: .noContent, headers: ["Allow": allow])
        }
        var response = HTTPResponse.error(HTTPError(.methodNotAllowed))
        response.headers.set("Allow", allow)
        return response
    }
}
