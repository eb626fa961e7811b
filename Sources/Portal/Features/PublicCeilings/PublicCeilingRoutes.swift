import HTTPServer
import Musrenbang
import Storage

/// `/pagu`: every area's ceiling of a cycle (`?siklus=`, default the current one) with the formula's inputs, weights,
/// base share, parts, rounding, use and what is left, and the OPD ceilings; each kelurahan's inputs and parts with its
/// kecamatan chosen (`?kecamatan=`; one not of the cycle's city is 404). Read as `Viewer.public`, whoever is signed
/// in: public from the opening of the cycle's pra-Musrenbang (`Visibility.ceilingsArePublic`); before that the page
/// says when. Bappeda prepares them at `/kerja/pagu`.
extension Portal {
    func publicCeilingRoutes(_ routes: inout RouteTable) {
        routes.get(PublicCeilingPaths.page) { [self] request in
            handle(request) { context in
                let cycles = try service.cycles()
                let query = RecapQuery(request)
                let chosen: Cycle?
                if let id = query.cycleId {
                    guard let found = cycles.first(where: { $0.id == id }) else { throw PortalError.notFound }
                    chosen = found
                } else {
                    chosen = try service.currentCycle()
                }
                guard let cycle = chosen else {
                    return page("Pagu indikatif", context, "<h1>Pagu indikatif</h1><p class=\"lead\">Belum ada siklus perencanaan.</p>")
                }
                let kecamatan = try service.database.read { db in try WilayahRepository(db).kecamatanList(kotaId: cycle.kotaId) }
                let area = try query.kecamatanId.map { id in
                    guard let found = kecamatan.first(where: { $0.id == id }) else { throw PortalError.notFound }
                    return found
                }
                let report = try service.ceilingReport(cycleId: cycle.id, viewer: .public)
                let view = PublicCeilingView.Page(cycle: cycle, cycles: cycles.filter { $0.kotaId == cycle.kotaId }, kecamatan: kecamatan,
                                                  area: area, report: report)
                return page("Pagu \(cycle.name)\(area.map { ", Kecamatan \($0.name)" } ?? "")", context, PublicCeilingView.render(view))
            }
        }
    }
}
