import HTTPServer
import Musrenbang

/// `/usulan`: anyone browses and searches the published proposals of a cycle (the current one unless the address
/// names another), read as `Viewer.public` whoever is signed in. Always 200: what the address asks for that the city
/// does not have is left out and named on the page.
extension Portal {
    func publicBrowseRoutes(_ routes: inout RouteTable) {
        routes.get(PublicBrowsePaths.list) { [self] request in
            handle(request) { context in
                let cycles = try service.cycles()
                let current = try service.currentCycle()
                let choices = try PublicBrowseChoices(cycles: cycles, kotaId: current?.kotaId, service: service)
                let filter = PublicBrowseFilter(request).resolved(against: choices)
                guard let cycle = cycles.first(where: { $0.id.rawValue == filter.cycle }) ?? current else {
                    return page("Daftar usulan", context, PublicBrowseView.noCycle)
                }
                let result = try service.proposals(filter.query(cycle: cycle.id), viewer: .public)
                let title = filter.text.isEmpty ? "Daftar usulan" : "Cari “\(filter.text)” · Daftar usulan"
                return page(title, context, PublicBrowseView.render(.init(cycle: cycle, filter: filter, choices: choices, result: result,
                                                                          now: context.now)))
            }
        }
    }
}
