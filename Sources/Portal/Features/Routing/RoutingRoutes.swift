import Foundation
import HTTPServer
import Musrenbang

/// The kecamatan's routing of its F2 (`/kerja/rute`), after its berita acara: the list with several at once, and one
/// proposal's page with its form. The engine's `rutekan_opd`, `rutekan_pokir` and `tolak` from `kecamatan:f2` decide.
extension Portal {
    func routingRoutes(_ routes: inout RouteTable) {
        routes.get(RoutingPaths.list) { [self] request in
            handle(request) { context in try routingList(context) }
        }
        routes.post(RoutingPaths.list) { [self] request in
            handle(request) { context in try routeMany(context) }
        }
        routes.get(RoutingPaths.list + "/:kode") { [self] request in
            handle(request) { context in
                let desk = try KecamatanDesk(context)
                let full = try fullProposal(request.pathParameters["kode"], actor: desk.actor)
                return try routingPage(full, desk: desk, form: RoutingForm(full.proposal), context: context)
            }
        }
        routes.post(RoutingPaths.list + "/:kode") { [self] request in
            handle(request) { context in try routeOne(context) }
        }
    }

    static let routingBeforeBeritaAcara = RefusalNotice(
        rule: "Berita acara Musrenbang kecamatan belum ditandatangani: usulan F2 diteruskan setelah berita acara.",
        next: "Selesaikan alokasi dan tanda tangani berita acaranya lebih dulu.")
    static let routingNotWaiting = RefusalNotice(
        rule: "Usulan ini tidak sedang menunggu diteruskan (hanya usulan F2 kecamatan yang diteruskan di sini).",
        next: "Lihat keadaannya sekarang di bawah.")

    func routingList(_ context: RequestContext, bulk: RoutingBulkForm = RoutingBulkForm(), status: HTTPStatus = .ok) throws -> HTTPResponse {
        let desk = try KecamatanDesk(context)
        guard let cycle = try service.currentCycle() else {
            return page("Penerusan usulan", context, "<h1>Penerusan usulan F2</h1><p class=\"lead\">Belum ada siklus perencanaan yang dibuka.</p>")
        }
        let shown = status == .ok ? context.request : (try? HTTPRequest(method: .get, target: bulk.returnTo)) ?? context.request
        let pageNumber = shown.queryValue("halaman").flatMap { Int($0) } ?? 1
        let viewer = Viewer.actor(desk.actor)
        let (name, kelurahan) = try service.database.read { db in
            let wilayah = WilayahRepository(db)
            return (try wilayah.kecamatan(id: desk.kecamatanId).name,
                    try wilayah.kelurahanList(kecamatanId: desk.kecamatanId).map { SelectOption(value: String($0.id.rawValue), text: $0.name) })
        }
        // A kelurahan outside the kecamatan is ignored, as any value that does not parse.
        let kelurahanFilter = shown.queryValue("kelurahan").flatMap { Int64($0) }.flatMap { id in kelurahan.contains { $0.value == String(id) } ? id : nil }
        var query = ProposalQuery(cycleId: cycle.id, kecamatanId: desk.kecamatanId, states: [KecamatanDesk.waiting], sort: .trackingCode,
                                  page: pageNumber, pageSize: 100)
        query.kelurahanId = kelurahanFilter.map { KelurahanID($0) }
        let result = try service.proposals(query, viewer: viewer)
        let counted = [KecamatanDesk.waiting, ProposalState(.kecamatan, .pokir)] + ProposalState.all.filter { $0.stage == .opd }
        let counts = try service.proposals(ProposalQuery(cycleId: cycle.id, kecamatanId: desk.kecamatanId, states: counted, pageSize: 1),
                                           viewer: viewer).countsByState
        let view = RoutingListView.Page(kecamatanName: name, cycle: cycle, locked: try desk.isLocked(cycleId: cycle.id, database: service.database),
                                        result: result, counts: counts,
                                        kamusOPD: try KamusOPDReader.opds(of: result.rows.map(\.id), database: service.database),
                                        opds: try KecamatanDesk.opds(service.database), kelurahan: kelurahan,
                                        kelurahanFilter: kelurahanFilter, bulk: bulk, csrfToken: context.csrfToken, now: context.now)
        return page("Penerusan usulan", context, status: status, RoutingListView.render(view))
    }

    func routingPage(_ full: FullProposal, desk: KecamatanDesk, form: RoutingForm, context: RequestContext, status: HTTPStatus = .ok,
                     notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let cycle = try service.cycle(id: full.proposal.cycleId)
        let view = RoutingProposalView.Page(full: full, cycle: cycle, locked: try desk.isLocked(cycleId: cycle.id, database: service.database),
                                            opds: try KecamatanDesk.opds(service.database), form: form, csrfToken: context.csrfToken,
                                            now: context.now, notice: notice)
        return page(full.proposal.title, context, status: status, RoutingProposalView.render(view))
    }

    /// One proposal routed at the version shown: a refused form is the page again (422) with its errors; before the
    /// berita acara or not in F2, the page with the rule; a stale version the 409 page; the engine's other refusals the
    /// page with its rule; success back to the list with a flash.
    private func routeOne(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try KecamatanDesk(context)
        let submitted = try verifiedForm(context)
        let code = context.request.pathParameters["kode"]
        let full = try fullProposal(code, actor: desk.actor)
        let opds = try KecamatanDesk.opds(service.database)
        let form = RoutingForm(submitted, opds: opds)
        guard form.errors.isEmpty, let version = form.version, let target = form.target else {
            return try routingPage(full, desk: desk, form: form, context: context, status: .unprocessableContent)
        }
        let conflict = { [self] in
            conflictPage(context, current: try? fullProposal(code, actor: desk.actor), proposalPath: RoutingPaths.proposal(full.code),
                         back: (RoutingPaths.list, "Kembali ke daftar penerusan"))
        }
        guard try desk.isLocked(cycleId: full.proposal.cycleId, database: service.database) else {
            return try routingPage(full, desk: desk, form: form, context: context, status: .unprocessableContent, notice: Self.routingBeforeBeritaAcara)
        }
        guard full.proposal.version == version else { return conflict() }
        guard full.proposal.state == KecamatanDesk.waiting else {
            return try routingPage(full, desk: desk, form: form, context: context, status: .unprocessableContent, notice: Self.routingNotWaiting)
        }
        do {
            try service.apply(target.input(version: version, reason: form.trimmedNote), to: .id(full.proposal.id), by: desk.actor)
        } catch DomainError.staleVersion {
            return conflict()
        } catch let error as DomainError where error != .notInScope {
            let status: HTTPStatus = if case .roleNotAllowed = error { .forbidden } else { .unprocessableContent }
            return try routingPage(full, desk: desk, form: form, context: context, status: status, notice: RefusalNotice(error))
        }
        if let session = context.session {
            try sessions.setFlash("Usulan \(full.code.description) \(target.done(opds: opds)).", idHash: session.idHash)
        }
        return .redirect(to: RoutingPaths.list)
    }

    /// Every ticked F2 proposal to one target, each at the version the list showed, each in its own transaction; the
    /// flash names what was done, what had changed meanwhile, and each refusal with its rule.
    private func routeMany(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try KecamatanDesk(context)
        let submitted = try verifiedForm(context)
        let opds = try KecamatanDesk.opds(service.database)
        var form = RoutingBulkForm(submitted, opds: opds)
        guard let cycle = try service.currentCycle() else { throw PortalError.notFound }
        if form.errors.isEmpty, try !desk.isLocked(cycleId: cycle.id, database: service.database) {
            form.errors.append(FieldError(field: "pilih-semua", message: Self.routingBeforeBeritaAcara.rule))
        }
        guard form.errors.isEmpty, let target = form.target else {
            return try routingList(context, bulk: form, status: .unprocessableContent)
        }
        var outcome = BulkOutcome(notFound: "tidak ditemukan dalam daftar Anda.")
        for pick in form.picks {
            try outcome.record(pick.code) {
                let proposal = try service.proposalDetail(.code(pick.code), viewer: .actor(desk.actor)).proposal
                guard proposal.version == pick.version else { return .changed }
                guard proposal.state == KecamatanDesk.waiting else { return .refused(Self.routingNotWaiting.rule) }
                try service.apply(target.input(version: pick.version, reason: form.trimmedNote), to: .id(proposal.id), by: desk.actor)
                return .done
            }
        }
        return try finishBulk(outcome, verb: target.done(opds: opds), context: context, returnTo: form.returnTo)
    }
}
