import HTTPServer
import Musrenbang

/// The home page (`/`): the current cycle, where each stage of its schedule stands today, and the headline figures of
/// its published proposals.
extension Portal {
    func homeRoutes(_ routes: inout RouteTable) {
        routes.get("/") { [self] request in
            handle(request) { context in
                let cycle = try service.currentCycle()
                let latest = try service.publicAnnouncements(AnnouncementQuery(pageSize: LatestAnnouncementsView.count)).items
                let figures = try cycle.flatMap { try service.publicFigures(cycleId: $0.id) }
                return page("Beranda", context, HomeView.render(.init(cycle: cycle, figures: figures, announcements: latest, now: context.now,
                                                                       signedIn: context.account != nil)))
            }
        }
    }
}
