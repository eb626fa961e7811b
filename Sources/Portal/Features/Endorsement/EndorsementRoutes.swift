import Foundation
import HTTPServer
import Musrenbang

/// The RT/RW endorsement workspace (`/kerja/persetujuan`): the work list, a proposal's page, and its decision.
extension Portal {
    func endorsementRoutes(_ routes: inout RouteTable) {
        routes.get(EndorsementPaths.list) { [self] request in
            handle(request) { context in try endorsementList(context) }
        }
        routes.post(EndorsementPaths.list) { [self] request in
            handle(request) { context in try endorseMany(context) }
        }
        routes.get(EndorsementPaths.list + "/:kode") { [self] request in
            handle(request) { context in
                let head = try AreaHead(context)
                let full = try fullProposal(request.pathParameters["kode"], actor: head.actor)
                let form = EndorsementForm(version: full.proposal.version, returnTo: request.queryValue("kembali") ?? EndorsementPaths.list)
                return try endorsementPage(full, head: head, form: form, context: context)
            }
        }
        routes.post(EndorsementPaths.list + "/:kode") { [self] request in
            handle(request) { context in try endorse(context) }
        }
    }

    /// The work list of the tab and page in the address; `bulk` is the several-at-once form shown again on a refusal.
    func endorsementList(_ context: RequestContext, bulk: EndorsementBulkForm = EndorsementBulkForm(),
                         status: HTTPStatus = .ok) throws -> HTTPResponse {
        let head = try AreaHead(context)
        guard let cycle = try service.currentCycle() else {
            return page("Persetujuan usulan", context, "<h1>Persetujuan usulan</h1><p class=\"lead\">Belum ada siklus perencanaan yang dibuka.</p>")
        }
        let selected = head.tabs.first { $0.key == context.request.queryValue("status") } ?? head.tabs[0]
        let pageNumber = max(1, Int(context.request.queryValue("halaman") ?? "") ?? 1)
        let result = try service.proposals(head.query(cycleId: cycle.id, states: selected.states, page: pageNumber), viewer: .actor(head.actor))
        let label = RoleLabel.text(role: head.actor.role, scope: head.actor.scope, database: service.database)
        return page("Persetujuan usulan", context, status: status,
                    EndorsementListView.render(head: head, roleLabel: label, cycle: cycle, selected: selected, result: result, now: context.now,
                                               bulk: bulk, csrfToken: context.csrfToken))
    }

    private func endorsementPage(_ full: FullProposal, head: AreaHead, form: EndorsementForm, context: RequestContext,
                                 status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let cycle = try service.cycle(id: full.proposal.cycleId)
        return page(full.proposal.title, context, status: status,
                    EndorsementProposalView.render(full, head: head, cycle: cycle, form: form, csrfToken: context.csrfToken, now: context.now,
                                                   notice: notice))
    }

    /// Applies the head's decision at the version the page showed: a missing reason is the form's 422; a stale
    /// version the 409 page; any other refusal of the engine the page again with its rule; success back to the list
    /// with a flash.
    private func endorse(_ context: RequestContext) throws -> HTTPResponse {
        let head = try AreaHead(context)
        let submitted = try verifiedForm(context)
        let code = context.request.pathParameters["kode"]
        let full = try fullProposal(code, actor: head.actor)
        let form = EndorsementForm(submitted)
        guard form.errors.isEmpty, let input = form.input else {
            return try endorsementPage(full, head: head, form: form, context: context, status: .unprocessableContent)
        }
        let updated: Proposal
        do {
            updated = try service.apply(input, to: .id(full.proposal.id), by: head.actor)
        } catch DomainError.staleVersion {
            return conflictPage(context, current: try? fullProposal(code, actor: head.actor),
                                proposalPath: EndorsementPaths.proposal(full.code) + "?kembali=" + Self.queryEncode(form.returnTo),
                                back: (form.returnTo, "Kembali ke daftar persetujuan"))
        } catch let error as DomainError where error != .notInScope {
            let status: HTTPStatus = if case .roleNotAllowed = error { .forbidden } else { .unprocessableContent }
            return try endorsementPage(full, head: head, form: form, context: context, status: status, notice: RefusalNotice(error))
        }
        let done = input.action == .setujui
            ? "disetujui dan diteruskan ke \(updated.stage == .kelurahan ? "Musrenbang kelurahan" : "Ketua RW")"
            : "dikembalikan ke pengusul"
        if let session = context.session { try sessions.setFlash("Usulan \(full.code.description) \(done).", idHash: session.idHash) }
        return .redirect(to: form.returnTo)
    }
}
