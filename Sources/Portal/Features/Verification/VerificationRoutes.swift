import Foundation
import HTTPServer
import Musrenbang

/// The verifiers' workspace (`/kerja/verifikasi`): the queue of the actor's level, a proposal's page, and its decision.
extension Portal {
    func verificationRoutes(_ routes: inout RouteTable) {
        routes.get(VerificationPaths.queue) { [self] request in
            handle(request) { context in try verificationQueue(context) }
        }
        routes.post(VerificationPaths.queue) { [self] request in
            handle(request) { context in try verifyMany(context) }
        }
        routes.get(VerificationPaths.queue + "/:kode") { [self] request in
            handle(request) { context in
                let verifier = try Verifier(context)
                let full = try fullProposal(request.pathParameters["kode"], actor: verifier.actor)
                let form = VerificationForm(version: full.proposal.version, volume: full.proposal.effectiveVolume,
                                            cost: full.proposal.effectiveCost,
                                            returnTo: request.queryValue("kembali") ?? VerificationPaths.queue)
                return try verificationPage(full, verifier: verifier, form: form, context: context)
            }
        }
        routes.post(VerificationPaths.queue + "/:kode") { [self] request in
            handle(request) { context in try verify(context) }
        }
        reasonTemplateRoutes(&routes)
        lastCycleUnfundedRoutes(&routes)
    }

    var reasonTemplates: ReasonTemplateStore { ReasonTemplateStore(database: service.database) }

    /// The queue for the tab, filters, order and page in the address; `bulk` is the several-at-once form shown again
    /// on a refusal.
    func verificationQueue(_ context: RequestContext, bulk: VerificationBulkForm = VerificationBulkForm(),
                           status: HTTPStatus = .ok) throws -> HTTPResponse {
        let verifier = try Verifier(context)
        guard let cycle = try service.currentCycle() else {
            return page("Verifikasi usulan", context, "<h1>Verifikasi usulan</h1><p class=\"lead\">Belum ada siklus perencanaan yang dibuka.</p>")
        }
        // A refused bulk form shows the list it was sent from (its tab, filters and page travel in `kembali`).
        let shown = status == .ok ? context.request : (try? HTTPRequest(method: .get, target: bulk.returnTo)) ?? context.request
        var filter = VerificationFilter(shown)
        let selected = verifier.tabs.first { $0.key == filter.status } ?? verifier.tabs[0]
        filter.status = selected.key
        let query = filter.query(verifier.query(cycleId: cycle.id), level: verifier.level, states: selected.states)
        let result = try service.proposals(query, viewer: .actor(verifier.actor))
        let label = RoleLabel.text(role: verifier.actor.role, scope: verifier.actor.scope, database: service.database)
        let view = VerificationQueueView.Page(verifier: verifier, roleLabel: label, cycle: cycle, filter: filter, selected: selected,
                                              result: result, choices: try VerificationChoices(verifier, database: service.database),
                                              bulk: bulk, csrfToken: context.csrfToken, now: context.now)
        return page("Verifikasi usulan", context, status: status, VerificationQueueView.render(view))
    }

    func verificationPage(_ full: FullProposal, verifier: Verifier, form: VerificationForm, context: RequestContext,
                          status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let cycle = try service.cycle(id: full.proposal.cycleId)
        let view = VerificationProposalView.Page(full: full, verifier: verifier, cycle: cycle, form: form,
                                                 templates: try reasonTemplates.list(owner: verifier.templateOwner),
                                                 csrfToken: context.csrfToken, now: context.now, notice: notice)
        return page(full.proposal.title, context, status: status, VerificationProposalView.render(view))
    }

    /// Applies the verifier's decision at the version the page showed: a refused form (or the SSH guard, a change
    /// that changes nothing) is the page again with 422 and the message beside its field; a stale version the 409
    /// page; any other refusal of the engine the page again with its rule; success back to the queue with a flash.
    private func verify(_ context: RequestContext) throws -> HTTPResponse {
        let verifier = try Verifier(context)
        let submitted = try verifiedForm(context)
        let code = context.request.pathParameters["kode"]
        let full = try fullProposal(code, actor: verifier.actor)
        var form = VerificationForm(submitted, templates: try reasonTemplates.list(owner: verifier.templateOwner),
                                    decisions: verifier.decisions)
        guard let input = form.input, let decision = form.decision else {
            return try verificationPage(full, verifier: verifier, form: form, context: context, status: .unprocessableContent)
        }
        let updated: Proposal
        do {
            updated = try service.apply(input, to: .id(full.proposal.id), by: verifier.actor)
        } catch DomainError.staleVersion {
            return conflictPage(context, current: try? fullProposal(code, actor: verifier.actor),
                                proposalPath: VerificationPaths.proposal(full.code) + "?kembali=" + Self.queryEncode(form.returnTo),
                                back: (form.returnTo, "Kembali ke daftar verifikasi"))
        } catch let error as DomainError where error != .notInScope {
            if let fieldError = VerificationForm.fieldError(for: error) {
                form.errors.append(fieldError)
                return try verificationPage(full, verifier: verifier, form: form, context: context, status: .unprocessableContent)
            }
            let status: HTTPStatus = if case .roleNotAllowed = error { .forbidden } else { .unprocessableContent }
            return try verificationPage(full, verifier: verifier, form: form, context: context, status: status, notice: RefusalNotice(error))
        }
        var flash = "Usulan \(full.code.description) \(decision.done)."
        if let recommendation = updated.recommendations[verifier.level], decision == .terimaDenganPerubahan {
            flash += " Rekomendasi: \(Rupiah.groupDigits(UInt64(max(0, recommendation.volume)))) \(updated.unit), \(Rupiah.format(recommendation.cost))."
            if recommendation.flaggedAboveTolerance {
                flash += " Biaya ini di atas batas toleransi harga SSH, jadi ditandai untuk diperiksa."
            }
        }
        if let session = context.session { try sessions.setFlash(flash, idHash: session.idHash) }
        return .redirect(to: form.returnTo)
    }
}
