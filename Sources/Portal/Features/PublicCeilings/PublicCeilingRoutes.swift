import HTTPServer
import Musrenbang

/// `/pagu`: every area's ceiling of a cycle (`?siklus=`, default the current one) with the formula's inputs, weights,
/// base share, parts, rounding, use and what is left, and the OPD ceilings. Read as `Viewer.public`, whoever is signed
/// in: public from the opening of the cycle's pra-Musrenbang (`Visibility.ceilingsArePublic`); before that the page
/// says when. Bappeda prepares them at `/kerja/pagu`.
extension Portal {
    func publicCeilingRoutes(_ routes: inout RouteTable) {
        routes.get(PublicCeilingPaths.page) { [self] request in
            handle(request) { context in
                let cycles = try service.cycles()
                let chosen: Cycle?
                if let id = request.queryValue("siklus").flatMap({ Int64($0) }) {
                    guard let found = cycles.first(where: { $0.id.rawValue == id }) else { throw PortalError.notFound }
                    chosen = found
                } else {
                    chosen = try service.currentCycle()
                }
                guard let cycle = chosen else {
                    return page("Pagu indikatif", context, "<h1>Pagu indikatif</h1><p class=\"lead\">Belum ada siklus perencanaan.</p>")
                }
                let report = try service.ceilingReport(cycleId: cycle.id, viewer: .public)
                return page("Pagu \(cycle.name)", context,
                            PublicCeilingView.render(cycle: cycle, cycles: cycles.filter { $0.kotaId == cycle.kotaId }, report: report))
            }
        }
    }
}
