/// The routes by their first path segment, so a request tries the few routes under `/usulan` instead of all of a
/// portal's two hundred (each try splitting, comparing and decoding segments). Order is kept: within a bucket the
/// routes stand in the router's order (most specific first), with the routes that begin with a parameter or
/// wildcard merged in at their places.
struct RouteIndex: Sendable {
    /// Every route, in the router's order (a request whose first segment is percent-encoded tries them all).
    let all: [Router.Route]
    private let byFirstSegment: [String: [Router.Route]]
    /// Routes that may match whatever the first segment is (`/`, `/:kode`, `/*path`).
    private let unkeyed: [Router.Route]

    init(_ routes: [Router.Route]) {
        all = routes
        func literalFirst(_ route: Router.Route) -> String? {
            if case .literal(let text)? = route.pattern.segments.first { return text }
            return nil
        }
        unkeyed = routes.filter { literalFirst($0) == nil }
        var buckets: [String: [Router.Route]] = [:]
        for key in Set(routes.compactMap(literalFirst)) {
            buckets[key] = routes.filter { literalFirst($0).map { $0 == key } ?? true }
        }
        byFirstSegment = buckets
    }

    /// The routes that can match a path split into `parts` (a superset of the matching ones, in order).
    func candidates(for parts: [Substring]) -> [Router.Route] {
        guard let first = parts.first else { return unkeyed }
        guard !first.utf8.contains(UInt8(ascii: "%")) else { return all }
        return byFirstSegment[String(first)] ?? unkeyed
    }
}
