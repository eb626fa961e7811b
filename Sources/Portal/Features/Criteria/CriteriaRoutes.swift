import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's scoring criteria of a cycle (`/kerja/master/kriteria`, `?siklus=` for another than the current: `CycleChoice`): list, add (`addScoringCriterion`),
/// change name and weight (`changeScoringCriterion`), remove while no score uses it (`removeScoringCriterion`); the
/// changes from the admin log. A criterion of another cycle, or an unknown id, is 404.
extension Portal {
    func criteriaRoutes(_ routes: inout RouteTable) {
        routes.get(CriteriaPaths.list) { [self] request in
            handle(request) { context in try criteriaPage(context, form: CriterionForm(), desk: try BappedaDesk(context, rule: CriteriaPaths.rule)) }
        }
        routes.post(CriteriaPaths.list) { [self] request in
            handle(request) { context in try saveCriterion(context, changing: nil) }
        }
        routes.post(CriteriaPaths.list + "/:id") { [self] request in
            handle(request) { context in
                _ = try BappedaDesk(context, rule: CriteriaPaths.rule)
                return try saveCriterion(context, changing: try currentCriterion(context).id)
            }
        }
        routes.post(CriteriaPaths.list + "/:id/hapus") { [self] request in
            handle(request) { context in try removeCriterion(context) }
        }
    }

    /// The criterion of the chosen cycle named by the path; 404 otherwise.
    private func currentCriterion(_ context: RequestContext) throws -> ScoringCriterion {
        guard let raw = context.request.pathParameters["id"].flatMap({ Int64($0) }),
              let cycle = try CycleChoice(context, service: service)?.cycle else {
            throw PortalError.notFound
        }
        let criteria = try service.database.read { db in try CycleRepository(db).scoringCriteria(cycleId: cycle.id) }
        guard let criterion = criteria.first(where: { $0.id.rawValue == raw }) else { throw PortalError.notFound }
        return criterion
    }

    private func criteriaPage(_ context: RequestContext, form: CriterionForm, desk: BappedaDesk, status: HTTPStatus = .ok,
                              notice: RefusalNotice? = nil) throws -> HTTPResponse {
        guard let choice = try CycleChoice(context, service: service) else {
            return page("Kriteria penilaian", context, "<h1>Kriteria penilaian</h1><p class=\"lead\">Belum ada siklus perencanaan.</p>")
        }
        let cycle = choice.cycle
        let history = try adminHistory(AdminLogFilter(entity: .scoringCriteria, cycleId: cycle.id), limit: 50, by: desk.actor)
        let criteria = try service.database.read { db in try CycleRepository(db).scoringCriteria(cycleId: cycle.id) }
        let view = CriteriaView.Page(choice: choice, criteria: criteria, form: form, history: history,
                                     csrfToken: context.csrfToken, notice: notice)
        return page("Kriteria penilaian", context, status: status, CriteriaView.render(view))
    }

    private func saveCriterion(_ context: RequestContext, changing: ScoringCriterionID?) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CriteriaPaths.rule)
        var form = CriterionForm(try verifiedForm(context), changing: changing)
        guard let choice = try CycleChoice(context, service: service) else { throw PortalError.notFound }
        guard form.errors.isEmpty, let weight = form.weightValue else {
            return try criteriaPage(context, form: form, desk: desk, status: .unprocessableContent)
        }
        do {
            let saved = if let changing {
                try service.changeScoringCriterion(changing, name: form.name, weight: weight, by: desk.actor)
            } else {
                try service.addScoringCriterion(cycleId: choice.cycle.id, code: form.code, name: form.name, weight: weight, by: desk.actor)
            }
            if let session = context.session {
                try sessions.setFlash("Kriteria \(saved.code) \(changing == nil ? "ditambahkan" : "diubah"): \(saved.name), bobot \(saved.weight).",
                                      idHash: session.idHash)
            }
            return .redirect(to: choice.path(CriteriaPaths.list))
        } catch {
            guard let fields = form.fieldErrors(for: error) else { throw error }
            form.errors += fields
            return try criteriaPage(context, form: form, desk: desk, status: .unprocessableContent)
        }
    }

    private func removeCriterion(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CriteriaPaths.rule)
        _ = try verifiedForm(context)
        let criterion = try currentCriterion(context)
        do {
            try service.removeScoringCriterion(criterion.id, by: desk.actor)
        } catch let error as DomainError {
            if case .roleNotAllowed = error { throw error }
            return try criteriaPage(context, form: CriterionForm(), desk: desk, status: .unprocessableContent,
                                    notice: RefusalNotice(rule: error.message, next: "Ubah bobotnya saja, atau biarkan kriteria ini."))
        }
        if let session = context.session { try sessions.setFlash("Kriteria \(criterion.code) dihapus.", idHash: session.idHash) }
        return .redirect(to: try CycleChoice(context, service: service)?.path(CriteriaPaths.list) ?? CriteriaPaths.list)
    }
}
