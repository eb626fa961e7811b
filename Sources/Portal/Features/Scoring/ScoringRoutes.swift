import Foundation
import HTTPServer
import Musrenbang

/// The meeting's scoring and ranking (`/kerja/penilaian`): the table saved at once (engine `rank`), and a manual move
/// with the meeting's reason (`/kerja/penilaian/urutan`, engine `reorder`). `/kerja/peringkat` shows the same page at its
/// ranked list.
extension Portal {
    func scoringRoutes(_ routes: inout RouteTable) {
        routes.get(MeetingPaths.scoring) { [self] request in
            handle(request) { context in
                let reorder = ReorderForm(proposal: request.queryValue("pindah"), position: request.queryValue("ke"))
                return try scoringPage(context, scores: nil, reorder: reorder)
            }
        }
        routes.get("/kerja/peringkat") { [self] request in
            handle(request) { context in
                _ = try MeetingDesk(context)
                return .redirect(to: MeetingPaths.scoring + "#peringkat")
            }
        }
        routes.post(MeetingPaths.scoring, bodyLimit: 1024 * 1024) { [self] request in
            handle(request) { context in try saveScores(context) }
        }
        routes.post(MeetingPaths.reorder) { [self] request in
            handle(request) { context in try moveInRanking(context) }
        }
    }

    /// The page with `scores` (nil: the stored ones) and `reorder` as given; `notice` says an engine refusal.
    private func scoringPage(_ context: RequestContext, scores: ScoreSheetForm?, reorder: ReorderForm, status: HTTPStatus = .ok,
                             notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let desk = try MeetingDesk(context)
        guard let situation = try MeetingSituation(desk, service: service, now: context.now) else { return noCyclePage(context) }
        let board = try ScoringBoard(desk, cycleId: situation.cycle.id, service: service)
        return page("Penilaian dan peringkat", context, status: status,
                    ScoringView.render(situation, board: board, scores: scores ?? ScoreSheetForm(board), reorder: reorder,
                                       csrfToken: context.csrfToken, notice: notice))
    }

    /// Saves every score of the table at once and re-ranks; every field error at once (422, the typed values kept).
    private func saveScores(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try MeetingDesk(context)
        let submitted = try verifiedForm(context, limits: FormLimits(maxFields: 20_000))
        guard let situation = try MeetingSituation(desk, service: service, now: context.now) else { return noCyclePage(context) }
        let board = try ScoringBoard(desk, cycleId: situation.cycle.id, service: service)
        let form = ScoreSheetForm(submitted, board: board)
        guard board.rows.isEmpty || form.state == board.stateToken else {
            return try scoringPage(context, scores: nil, reorder: ReorderForm(), status: .conflict, notice: Self.changedMeanwhile)
        }
        guard form.errors.isEmpty else {
            return try scoringPage(context, scores: form, reorder: ReorderForm(), status: .unprocessableContent)
        }
        let ranked: [RankedProposal]
        do {
            ranked = try service.rank(desk.envelope, cycleId: situation.cycle.id, scores: form.scores, resetManualOrder: form.resetOrder,
                                      reason: form.resetOrder ? form.trimmedResetReason : nil, by: desk.actor)
        } catch let error as DomainError where error != .notInScope {
            return try scoringPage(context, scores: form, reorder: ReorderForm(), status: Self.refusalStatus(error), notice: RefusalNotice(meeting: error))
        }
        let unranked = board.rows.count - ranked.count
        let rest = unranked > 0 ? " \(unranked) usulan belum lengkap nilainya dan belum berperingkat." : ""
        try flash(context, "Nilai tersimpan. \(ranked.count) usulan berperingkat.\(rest)")
        return .redirect(to: MeetingPaths.scoring + "#peringkat")
    }

    /// Moves one proposal in the ranking with the meeting's reason (engine `reorder`, logged per moved proposal).
    private func moveInRanking(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try MeetingDesk(context)
        let submitted = try verifiedForm(context)
        guard let situation = try MeetingSituation(desk, service: service, now: context.now) else { return noCyclePage(context) }
        let board = try ScoringBoard(desk, cycleId: situation.cycle.id, service: service)
        var form = ReorderForm(submitted, count: board.ranked.count)
        guard board.rows.isEmpty || form.state == board.stateToken else {
            form.errors = []
            return try scoringPage(context, scores: nil, reorder: form, status: .conflict, notice: Self.changedMeanwhile)
        }
        guard form.errors.isEmpty, let proposalId = form.proposalId, let position = form.targetPosition else {
            return try scoringPage(context, scores: nil, reorder: form, status: .unprocessableContent)
        }
        guard let row = board.ranked.first(where: { $0.proposal.id == proposalId }) else { throw PortalError.notFound }
        do {
            try service.reorder(desk.envelope, cycleId: situation.cycle.id, moving: proposalId, to: position, note: form.trimmedReason,
                                by: desk.actor)
        } catch let error as DomainError where error != .notInScope {
            return try scoringPage(context, scores: nil, reorder: form, status: Self.refusalStatus(error), notice: RefusalNotice(meeting: error))
        }
        try flash(context, "Usulan \(row.proposal.trackingCode.description) dipindahkan ke peringkat \(position).")
        return .redirect(to: MeetingPaths.scoring + "#peringkat")
    }

    /// The 409 of a save or a move on a page whose scores or order someone else changed since it was loaded.
    static let changedMeanwhile = RefusalNotice(
        rule: "Nilai atau urutan sudah diubah orang lain sejak halaman ini dimuat. Perubahan Anda tidak disimpan.",
        next: "Periksa nilai dan urutan sekarang di bawah, lalu simpan atau pindahkan lagi bila masih perlu.")

    /// The page of a meeting before any cycle exists.
    func noCyclePage(_ context: RequestContext) -> HTTPResponse {
        page("Musyawarah", context, "<h1>Musyawarah</h1><p class=\"lead\">Belum ada siklus perencanaan yang dibuka.</p>")
    }

    /// Sets the one-time message of the next page.
    func flash(_ context: RequestContext, _ text: String) throws {
        if let session = context.session { try sessions.setFlash(text, idHash: session.idHash) }
    }

    /// The status of an engine refusal shown on the meeting's own page: 403 for a role, 409 for a stale situation, else 422.
    static func refusalStatus(_ error: DomainError) -> HTTPStatus {
        switch error {
        case .roleNotAllowed: .forbidden
        case .staleVersion, .allocationRunOutdated, .levelLocked: .conflict
        default: .unprocessableContent
        }
    }
}
