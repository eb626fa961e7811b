import HTTPServer

/// The portal's routes, gathered feature by feature (one file registers one feature's routes); a method and path
/// registered twice is a start-up error, never a silent override.
struct RouteTable {
    struct DuplicateRoute: Error, CustomStringConvertible {
        let method: HTTPMethod
        let pattern: String
        var description: String { "route registered twice: \(method) \(pattern)" }
    }

    private var routes: [(method: HTTPMethod, pattern: String, bodyLimit: Int, lane: WorkerLane, handler: Handler)] = []

    /// Every registered method and pattern, in registration order: the authorization matrix test needs a row for each.
    var registered: [(method: HTTPMethod, pattern: String)] { routes.map { ($0.method, $0.pattern) } }

    /// A GET route; `lane: .heavy` for what reads or writes a whole level or cycle (exports, printouts; see `WorkerLane`).
    mutating func get(_ pattern: String, lane: WorkerLane = .standard, _ handler: @escaping Handler) {
        routes.append((.get, pattern, Router.defaultBodyLimit, lane, handler))
    }

    /// A POST route; `lane: .longRunning` for the forms that check a password, `.heavy` for an allocation run or an
    /// import (see `WorkerLane`).
    mutating func post(_ pattern: String, bodyLimit: Int = 64 * 1024, lane: WorkerLane = .standard, _ handler: @escaping Handler) {
        routes.append((.post, pattern, bodyLimit, lane, handler))
    }

    /// Adds every route to `router`; throws `DuplicateRoute` for the first method and pattern seen twice.
    func register(into router: inout Router) throws {
        var seen = Set<String>()
        for route in routes {
            guard seen.insert("\(route.method) \(route.pattern)").inserted else {
                throw DuplicateRoute(method: route.method, pattern: route.pattern)
            }
        }
        for route in routes { router.add(route.method, route.pattern, bodyLimit: route.bodyLimit, lane: route.lane, route.handler) }
    }
}
