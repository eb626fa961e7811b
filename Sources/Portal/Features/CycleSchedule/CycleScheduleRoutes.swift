import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's cycle page (`/kerja/siklus`, `?siklus=ID` for another cycle than the current one: `CycleChoice`): its stage windows, the extension of one with its reason
/// (the engine's `extendWindow`), and every change of the cycle read from the admin log.
extension Portal {
    func cycleScheduleRoutes(_ routes: inout RouteTable) {
        routes.get(CyclePaths.schedule) { [self] request in
            handle(request) { context in try cycleSchedule(context, form: WindowExtensionForm()) }
        }
        routes.post(CyclePaths.extend) { [self] request in
            handle(request) { context in try extendWindow(context) }
        }
    }

    private func cycleSchedule(_ context: RequestContext, form: WindowExtensionForm, status: HTTPStatus = .ok,
                               notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CyclePaths.rule)
        guard let choice = try CycleChoice(context, service: service) else {
            return page("Jadwal siklus", context, """
                <h1>Jadwal siklus</h1><p class="lead">Belum ada siklus perencanaan.</p>
                <p><a class="button" href="\(CyclePaths.new)">Buat siklus baru</a></p>
                """)
        }
        let history = try adminHistory(AdminLogFilter(entity: .cycle, cycleId: choice.cycle.id), limit: 200, by: desk.actor)
        let view = CycleScheduleView.Page(choice: choice, form: form,
                                          history: history.entries.map { CycleChange($0, actorName: history.actorName($0)) },
                                          csrfToken: context.csrfToken, now: context.now, notice: notice)
        return page("Jadwal siklus", context, status: status, CycleScheduleView.render(view))
    }

    private func extendWindow(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CyclePaths.rule)
        let submitted = try verifiedForm(context)
        var form = WindowExtensionForm(submitted)
        guard let choice = try CycleChoice(context, service: service) else { throw PortalError.notFound }
        let cycle = choice.cycle
        guard form.errors.isEmpty, let stage = form.stage, let closesAt = form.closesAt else {
            return try cycleSchedule(context, form: form, status: .unprocessableContent)
        }
        do {
            _ = try service.extendWindow(cycleId: cycle.id, stage: stage, to: closesAt, reason: form.trimmedReason, by: desk.actor)
        } catch let error as DomainError {
            if case .roleNotAllowed = error { throw error }
            if let field = WindowExtensionForm.fieldError(for: error) {
                form.errors.append(field)
                return try cycleSchedule(context, form: form, status: .unprocessableContent)
            }
            return try cycleSchedule(context, form: form, status: .unprocessableContent, notice: RefusalNotice(error))
        }
        if let session = context.session {
            try sessions.setFlash("Jadwal \(stage.displayName) diperpanjang sampai \(WIBTime.format(closesAt)).", idHash: session.idHash)
        }
        return .redirect(to: choice.path(CyclePaths.schedule))
    }
}
