/// What the server asks of an application: how large a body a route accepts, and the response.
public protocol Responder: Sendable {
    /// The largest body accepted for `method` on `rawPath` (asked after the head, before the body is read).
    func bodyLimit(method: HTTPMethod, rawPath: String) -> Int
    /// How the request for `method` on `rawPath` is to be run; the default asks `bodyLimit` and uses the pool.
    func dispatchPlan(method: HTTPMethod, rawPath: String) -> DispatchPlan
    /// Answers a request; runs on a worker thread (or, for inline plans, on the I/O thread).
    func respond(to request: HTTPRequest) throws -> HTTPResponse
}

/// Where and with which body limit the server runs one request.
public struct DispatchPlan: Sendable {
    /// The largest body accepted (413 beyond it).
    public var bodyLimit: Int
    /// Run `respond` directly on the I/O thread: only for handlers (and middleware) that never block,
    /// such as static files or health checks. Saves two thread hand-offs per request.
    public var runsInline: Bool
    /// Which worker pool runs it (ignored when `runsInline`).
    public var lane: WorkerLane

    /// A plan with the given limit, on the worker pool of `lane` unless `runsInline`.
    public init(bodyLimit: Int, runsInline: Bool = false, lane: WorkerLane = .standard) {
        self.bodyLimit = bodyLimit
        self.runsInline = runsInline
        self.lane = lane
    }
}

/// The worker pool a request runs on. Requests that hold a thread for long run on pools of their own, at a lower CPU
/// priority, so that many of them at once neither occupy the few threads pages need nor take the cores from them:
/// the standard pool can then stay near the number of cores, which keeps page latency even under load.
public enum WorkerLane: Sendable {
    /// The pool of every page and form (`ServerConfiguration.workerThreads`).
    case standard
    /// Waiting more than working, many at once: a password check (tens of milliseconds of hashing)
    /// (`ServerConfiguration.longRunningThreads`; the standard pool when that is 0).
    case longRunning
    /// Working long, rarely asked for: exports of every row, printouts of a whole level, an allocation run, an import,
    /// and any request of the standard lane with a large body, such as photos (`ServerConfiguration.heavyThreads`; the
    /// standard pool when that is 0; `ServerConfiguration.heavyBodyBytes`).
    case heavy
}

extension Responder {
    /// Every request on the worker pool, with `bodyLimit`.
    public func dispatchPlan(method: HTTPMethod, rawPath: String) -> DispatchPlan {
        DispatchPlan(bodyLimit: bodyLimit(method: method, rawPath: rawPath))
    }
}
