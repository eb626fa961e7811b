import Foundation
import HTTPServer
import Musrenbang

/// The kota stage for Bappeda (`/kerja/penetapan`): the final list with its totals and several at once, one proposal's
/// page with its decision, and Bappeda's logged correction (`koreksi`) of any proposal, also of a locked result.
extension Portal {
    func ratificationRoutes(_ routes: inout RouteTable) {
        routes.get(RatificationPaths.list) { [self] request in
            handle(request) { context in try ratificationList(context) }
        }
        routes.post(RatificationPaths.list) { [self] request in
            handle(request) { context in try ratifyMany(context) }
        }
        routes.get(RatificationPaths.print, lane: .heavy) { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context)
                guard let cycle = try service.currentCycle() else { throw PortalError.notFound }
                let document = try RatifiedListDocument(cycle: cycle, desk: desk, service: service)
                return page("Daftar hasil penetapan", context,
                            RatifiedListPrintView.render(document, cityName: layout.cityName, printedAt: context.now))
            }
        }
        routes.get(RatificationPaths.list + "/:kode") { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context)
                let full = try fullProposal(request.pathParameters["kode"], actor: desk.actor)
                return try ratificationPage(full, context: context, returnTo: request.queryValue("kembali"),
                                            form: RatificationForm(full.proposal), correction: CorrectionForm(full.proposal))
            }
        }
        routes.post(RatificationPaths.list + "/:kode") { [self] request in
            handle(request) { context in try ratifyOne(context) }
        }
        routes.post(RatificationPaths.list + "/:kode/koreksi") { [self] request in
            handle(request) { context in try correct(context) }
        }
    }

    func isKotaLocked(_ cycleId: CycleID) throws -> Bool {
        try service.database.read { db in try LockRepository(db).keys(cycleId: cycleId) }.contains(.kota)
    }

    func ratificationList(_ context: RequestContext, bulk: RatificationBulkForm = RatificationBulkForm(),
                          status: HTTPStatus = .ok) throws -> HTTPResponse {
        let desk = try BappedaDesk(context)
        guard let cycle = try service.currentCycle() else {
            return page("Penetapan", context, "<h1>Penetapan hasil Musrenbang</h1><p class=\"lead\">Belum ada siklus perencanaan yang dibuka.</p>")
        }
        let shown = status == .ok ? context.request : (try? HTTPRequest(method: .get, target: bulk.returnTo)) ?? context.request
        let filter = RatificationFilter(shown)
        let viewer = Viewer.actor(desk.actor)
        let result = try service.proposals(filter.query(cycleId: cycle.id, tab: filter.tab), viewer: viewer)
        var counts: [RatificationFilter.Tab: Int] = [:]
        for tab in RatificationFilter.Tab.allCases {
            counts[tab] = tab == filter.tab ? result.total : try service.proposals(filter.countQuery(cycleId: cycle.id, tab: tab), viewer: viewer).total
        }
        let (kecamatan, opds) = try service.database.read { db in
            (try WilayahRepository(db).kecamatanList(kotaId: cycle.kotaId).map { SelectOption(value: String($0.id.rawValue), text: $0.name) },
             try CatalogRepository(db).opdList().map { SelectOption(value: String($0.id.rawValue), text: $0.shortName) })
        }
        let view = RatificationListView.Page(cycle: cycle, filter: filter, counts: counts,
                                             totals: try RatificationTotals(cycleId: cycle.id, filter: filter, database: service.database),
                                             result: result, kecamatan: kecamatan, opds: opds, bulk: bulk, kotaLocked: try isKotaLocked(cycle.id),
                                             csrfToken: context.csrfToken, now: context.now)
        return page("Penetapan", context, status: status, RatificationListView.render(view))
    }

    func ratificationPage(_ full: FullProposal, context: RequestContext, returnTo: String?, form: RatificationForm,
                          correction: CorrectionForm, status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let cycle = try service.cycle(id: full.proposal.cycleId)
        let back = Self.localPath(returnTo ?? RatificationPaths.list)
        let view = RatificationProposalView.Page(full: full, cycle: cycle, kotaLocked: try isKotaLocked(cycle.id),
                                                 returnTo: back == "/" ? RatificationPaths.list : back,
                                                 form: form, correction: correction, csrfToken: context.csrfToken, now: context.now, notice: notice)
        return page(full.proposal.title, context, status: status, RatificationProposalView.render(view))
    }

    /// Applies `input` for Bappeda: nil when done; else the response of its refusal (the 409 page when stale, the page
    /// again with the rule otherwise).
    private func applyAsBappeda(_ input: TransitionInput, full: FullProposal, desk: BappedaDesk, context: RequestContext, returnTo: String,
                                page: (DomainError, HTTPStatus) throws -> HTTPResponse) throws -> HTTPResponse? {
        do {
            try service.apply(input, to: .id(full.proposal.id), by: desk.actor)
            return nil
        } catch DomainError.staleVersion {
            return conflictPage(context, current: try? fullProposal(full.code.description, actor: desk.actor),
                                proposalPath: RatificationPaths.proposal(full.code), back: (returnTo, "Kembali ke daftar penetapan"))
        } catch let error as DomainError where error != .notInScope {
            let status: HTTPStatus = if case .roleNotAllowed = error { .forbidden } else { .unprocessableContent }
            return try page(error, status)
        }
    }

    private func ratifyOne(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context)
        let submitted = try verifiedForm(context)
        let full = try fullProposal(context.request.pathParameters["kode"], actor: desk.actor)
        let returnTo = Self.localPath(submitted["kembali"] ?? RatificationPaths.list)
        let form = RatificationForm(submitted)
        guard form.errors.isEmpty, let version = form.version, let decision = form.decision else {
            return try ratificationPage(full, context: context, returnTo: returnTo, form: form, correction: CorrectionForm(full.proposal),
                                        status: .unprocessableContent)
        }
        let input = TransitionInput(decision.action, expectedVersion: version, reason: form.trimmedReason.isEmpty ? nil : form.trimmedReason)
        if let refused = try applyAsBappeda(input, full: full, desk: desk, context: context, returnTo: returnTo, page: { error, status in
            try ratificationPage(full, context: context, returnTo: returnTo, form: form, correction: CorrectionForm(full.proposal),
                                 status: status, notice: RefusalNotice(error))
        }) { return refused }
        if let session = context.session { try sessions.setFlash("Usulan \(full.code.description) \(decision.done).", idHash: session.idHash) }
        return .redirect(to: returnTo)
    }

    private func correct(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context)
        let submitted = try verifiedForm(context)
        let full = try fullProposal(context.request.pathParameters["kode"], actor: desk.actor)
        let returnTo = Self.localPath(submitted["kembali"] ?? RatificationPaths.list)
        var correction = CorrectionForm(submitted)
        guard let input = correction.input else {
            return try ratificationPage(full, context: context, returnTo: returnTo, form: RatificationForm(full.proposal), correction: correction,
                                        status: .unprocessableContent)
        }
        if let refused = try applyAsBappeda(input, full: full, desk: desk, context: context, returnTo: returnTo, page: { error, status in
            if let field = CorrectionForm.fieldError(for: error) {
                correction.errors.append(field)
                return try ratificationPage(full, context: context, returnTo: returnTo, form: RatificationForm(full.proposal),
                                            correction: correction, status: .unprocessableContent)
            }
            return try ratificationPage(full, context: context, returnTo: returnTo, form: RatificationForm(full.proposal), correction: correction,
                                        status: status, notice: RefusalNotice(error))
        }) { return refused }
        let target = input.target.map(StateWords.text) ?? ""
        if let session = context.session {
            try sessions.setFlash("Usulan \(full.code.description) dikoreksi: \(target). Koreksi dicatat pada riwayatnya.", idHash: session.idHash)
        }
        return .redirect(to: RatificationPaths.proposal(full.code) + "?kembali=" + Self.queryEncode(returnTo))
    }

    /// Every ticked funded proposal with one decision, each at the version the list showed, in its own transaction.
    private func ratifyMany(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context)
        let submitted = try verifiedForm(context)
        let form = RatificationBulkForm(submitted)
        guard form.errors.isEmpty, let decision = form.decision else {
            return try ratificationList(context, bulk: form, status: .unprocessableContent)
        }
        var outcome = BulkOutcome(notFound: "tidak ditemukan.")
        for pick in form.picks {
            try outcome.record(pick.code) {
                // Read as Bappeda first: a proposal it may not see is "not found", whatever its version.
                _ = try service.proposalDetail(.code(pick.code), viewer: .actor(desk.actor))
                let input = TransitionInput(decision.action, expectedVersion: pick.version, reason: form.trimmedReason.isEmpty ? nil : form.trimmedReason)
                try service.apply(input, to: .code(pick.code), by: desk.actor)
                return .done
            }
        }
        return try finishBulk(outcome, verb: decision.done, context: context, returnTo: form.returnTo)
    }
}
