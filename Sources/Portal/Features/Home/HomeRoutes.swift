import HTTPServer
import Musrenbang

/// The home page (`/`): the current cycle and where each stage of its schedule stands today.
extension Portal {
    func homeRoutes(_ routes: inout RouteTable) {
        routes.get("/") { [self] request in
            handle(request) { context in
                let cycle = try service.currentCycle()
                let latest = try service.publicAnnouncements(AnnouncementQuery(pageSize: LatestAnnouncementsView.count)).items
                return page("Beranda", context, HomeView.render(cycle: cycle, now: context.now, signedIn: context.account != nil,
                                                                announcements: latest))
            }
        }
    }
}
