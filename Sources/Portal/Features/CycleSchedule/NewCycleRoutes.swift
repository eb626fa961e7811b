import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's new cycle (`/kerja/siklus/baru`): the form, and its creation through the engine's `createCycle`, which
/// checks the role, the account and every field (each window after the previous one) and logs the cycle.
extension Portal {
    func newCycleRoutes(_ routes: inout RouteTable) {
        routes.get(CyclePaths.new) { [self] request in
            handle(request) { context in
                _ = try BappedaDesk(context, rule: CyclePaths.rule)
                return try newCyclePage(context, form: NewCycleForm(previous: try latestCycle(), now: context.now))
            }
        }
        routes.post(CyclePaths.new) { [self] request in
            handle(request) { context in try createCycle(context) }
        }
    }

    /// The cycle planning the latest budget year, if any.
    private func latestCycle() throws -> Cycle? {
        try service.database.read { db in try CycleRepository(db).all() }.max { $0.budgetYear < $1.budgetYear }
    }

    private func newCyclePage(_ context: RequestContext, form: NewCycleForm, status: HTTPStatus = .ok,
                              notice: RefusalNotice? = nil) throws -> HTTPResponse {
        page("Buat siklus baru", context, status: status,
             NewCycleView.render(NewCycleView.Page(form: form, csrfToken: context.csrfToken, notice: notice)))
    }

    private func createCycle(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CyclePaths.rule)
        var form = NewCycleForm(try verifiedForm(context))
        let latest = try latestCycle()
        var kota = latest?.kotaId.rawValue
        if kota == nil { kota = try service.database.read { db -> Int64? in try db.scalar("SELECT id FROM kota ORDER BY id LIMIT 1") } }
        guard let kota else { throw PortalError.notFound }
        guard let new = form.newCycle(kotaId: KotaID(kota), settings: latest?.settings ?? CycleSettings()) else {
            return try newCyclePage(context, form: form, status: .unprocessableContent)
        }
        do {
            let cycle = try service.createCycle(new, by: desk.actor)
            if let session = context.session {
                try sessions.setFlash("Siklus \(cycle.name) untuk tahun anggaran \(cycle.budgetYear) dibuat.", idHash: session.idHash)
            }
            return .redirect(to: CyclePaths.schedule)
        } catch {
            if let fields = NewCycleForm.fieldErrors(for: error) {
                form.errors += fields
                return try newCyclePage(context, form: form, status: .unprocessableContent)
            }
            guard let domain = error as? DomainError else { throw error }
            if case .roleNotAllowed = domain { throw domain }
            return try newCyclePage(context, form: form, status: .unprocessableContent, notice: RefusalNotice(domain))
        }
    }
}
