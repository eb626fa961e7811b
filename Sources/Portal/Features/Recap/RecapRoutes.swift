import Foundation
import HTTPServer
import Musrenbang
import Storage

/// The recap of a cycle: `/rekap` for everyone (read as `Viewer.public`, whoever is signed in: only published results)
/// and `/kerja/rekap` for Bappeda (the same before publication, marked as not yet public), each with its printable
/// version (`/cetak`). The engine builds every figure (`MusrenbangService.cycleRecap`); an unknown cycle or a kecamatan
/// outside the cycle's city is 404.
extension Portal {
    func recapRoutes(_ routes: inout RouteTable) {
        routes.get(RecapPaths.page) { [self] request in
            handle(request) { context in try recapPage(context, viewer: .public, staff: false, printing: false) }
        }
        routes.get(RecapPaths.print, lane: .heavy) { [self] request in
            handle(request) { context in try recapPage(context, viewer: .public, staff: false, printing: true) }
        }
        routes.get(RecapPaths.staff) { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context, rule: RecapPaths.rule)
                return try recapPage(context, viewer: .actor(desk.actor), staff: true, printing: false)
            }
        }
        routes.get(RecapPaths.staffPrint, lane: .heavy) { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context, rule: RecapPaths.rule)
                return try recapPage(context, viewer: .actor(desk.actor), staff: true, printing: true)
            }
        }
    }

    private func recapPage(_ context: RequestContext, viewer: Viewer, staff: Bool, printing: Bool) throws -> HTTPResponse {
        let query = RecapQuery(context.request)
        let cycles = try service.cycles()
        let chosen: Cycle?
        if let id = query.cycleId {
            guard let found = cycles.first(where: { $0.id == id }) else { throw PortalError.notFound }
            chosen = found
        } else {
            chosen = try service.currentCycle()
        }
        guard let cycle = chosen else { return page("Rekap Musrenbang", context, RecapView.noCycle) }
        let recap: CycleRecap?
        do {
            recap = try service.cycleRecap(cycleId: cycle.id, kecamatanId: query.kecamatanId, viewer: viewer)
        } catch PersistenceError.notFound {
            throw PortalError.notFound
        }
        let kecamatan = try service.database.read { db in try WilayahRepository(db).kecamatanList(kotaId: cycle.kotaId) }
        let view = RecapView.Page(cycle: cycle, cycles: cycles.filter { $0.kotaId == cycle.kotaId }, kecamatan: kecamatan,
                                  query: query, recap: recap, staff: staff, printing: printing, now: context.now)
        let place = recap?.kecamatan.map { "Kecamatan \($0.name)" } ?? "seluruh kota"
        return page("Rekap \(cycle.name), \(place)", context, RecapView.render(view))
    }
}
