import Foundation
import HTTPServer
import Musrenbang

/// The berita acara of a meeting (`/kerja/berita-acara`): the form, which signs it with the reviewed run (engine
/// `lockLevel` through `signBeritaAcara`, with the date, place, chair and delegates); once signed its page, the scan of
/// the signed paper (`/pindaian`, PDF/JPEG/PNG by their bytes) and the printable document (`/cetak`: before signing,
/// the draft of the latest run for the meeting to read).
extension Portal {
    func beritaAcaraRoutes(_ routes: inout RouteTable) {
        routes.get(MeetingPaths.beritaAcara) { [self] request in
            handle(request) { context in try beritaAcaraPage(context, form: nil) }
        }
        routes.post(MeetingPaths.beritaAcara) { [self] request in
            handle(request) { context in try signBeritaAcara(context) }
        }
        routes.post(MeetingPaths.scan, bodyLimit: BeritaAcaraScan.maxBytes + 64 * 1024) { [self] request in
            handle(request) { context in try uploadScan(context) }
        }
        routes.get(MeetingPaths.scan) { [self] request in
            handle(request) { context in
                let desk = try MeetingDesk(context)
                guard let cycle = try service.currentCycle() else { throw PortalError.notFound }
                let file = try service.beritaAcaraScanFile(desk.lockKey, cycleId: cycle.id, viewer: desk.viewer)
                return HTTPResponse(status: .ok, headers: ["Content-Type": file.kind.mediaType, "Cache-Control": "private, no-store",
                                                           "X-Content-Type-Options": "nosniff",
                                                           "Content-Disposition": "inline; filename=\"berita-acara.\(file.kind.fileExtension)\""],
                                    body: .bytes(file.bytes))
            }
        }
        routes.get(MeetingPaths.print, lane: .heavy) { [self] request in
            handle(request) { context in
                let desk = try MeetingDesk(context)
                guard let situation = try MeetingSituation(desk, service: service, now: context.now) else { return noCyclePage(context) }
                guard situation.locked else {
                    let draft = try BeritaAcaraDocument.draft(desk, cycleId: situation.cycle.id, service: service)
                    let changes = try draft.run.map {
                        try service.allocationRunChanges(desk.envelope, cycleId: situation.cycle.id, runId: $0.runId, viewer: desk.viewer)
                    } ?? []
                    return page("Draf berita acara \(situation.unitName)", context,
                                BeritaAcaraPrintView.render(situation, document: draft, runChanges: changes))
                }
                let document = try BeritaAcaraDocument.signed(desk, cycleId: situation.cycle.id, service: service)
                return page("Berita acara \(situation.unitName)", context, BeritaAcaraPrintView.render(situation, document: document))
            }
        }
    }

    /// The form (before signing) with `form` (nil: blank, for the latest run), or the signed berita acara.
    private func beritaAcaraPage(_ context: RequestContext, form: BeritaAcaraForm?, status: HTTPStatus = .ok,
                                 notice: RefusalNotice? = nil, scanError: String? = nil) throws -> HTTPResponse {
        let desk = try MeetingDesk(context)
        guard let situation = try MeetingSituation(desk, service: service, now: context.now) else { return noCyclePage(context) }
        if situation.locked {
            let beritaAcara = try service.beritaAcara(desk.lockKey, cycleId: situation.cycle.id, viewer: desk.viewer)
            let details = try service.beritaAcaraDetails(desk.lockKey, cycleId: situation.cycle.id, viewer: desk.viewer)
            let scan = try service.beritaAcaraScan(desk.lockKey, cycleId: situation.cycle.id, viewer: desk.viewer)
            return page("Berita acara", context, status: status,
                        (notice?.html ?? .empty) + BeritaAcaraView.signed(situation, beritaAcara: beritaAcara, details: details, scan: scan,
                                                                           csrfToken: context.csrfToken, scanError: scanError))
        }
        let sheet = try AllocationSheet(desk, cycleId: situation.cycle.id, service: service)
        let shown = form ?? BeritaAcaraForm(runId: sheet.run?.runId, today: MeetingDate(context.now))
        return page("Berita acara", context, status: status,
                    BeritaAcaraView.form(situation, sheet: sheet, form: shown, csrfToken: context.csrfToken, notice: notice))
    }

    /// Signs with the run the form carries: the form's errors and the engine's field errors as 422; a changed situation
    /// (another run, new ranks or costs, pending verification, a locked level) as the engine's refusal in words.
    private func signBeritaAcara(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try MeetingDesk(context)
        var form = BeritaAcaraForm(try verifiedForm(context))
        guard let cycle = try service.currentCycle() else { return noCyclePage(context) }
        guard form.errors.isEmpty, let details = form.details else {
            return try beritaAcaraPage(context, form: form, status: .unprocessableContent)
        }
        do {
            try service.signBeritaAcara(desk.lockKey, cycleId: cycle.id, runId: form.runId, documentNumber: form.documentNumber,
                                        details: details, by: desk.actor)
        } catch DomainError.invalidFields(let errors) {
            form.errors = errors
            return try beritaAcaraPage(context, form: form, status: .unprocessableContent)
        } catch let error as DomainError where error != .notInScope {
            return try beritaAcaraPage(context, form: form, status: Self.refusalStatus(error), notice: RefusalNotice(meeting: error))
        }
        try flash(context, "Berita acara \(form.documentNumber) ditandatangani: hasil \(desk.meetingName) dikunci. Cetak dokumennya, lalu unggah pindaiannya.")
        return .redirect(to: MeetingPaths.beritaAcara)
    }

    /// Stores the scan of the signed paper (checked by its bytes); a refused file is the page again with its message.
    private func uploadScan(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try MeetingDesk(context)
        let form = try verifiedForm(context, limits: FormLimits(maxFileBytes: BeritaAcaraScan.maxBytes, maxTotalBytes: BeritaAcaraScan.maxBytes + 64 * 1024))
        defer { form.removeFiles() }
        guard let cycle = try service.currentCycle() else { return noCyclePage(context) }
        let bytes = form.file("pindaian").flatMap { FileManager.default.contents(atPath: $0.path) }.map { [UInt8]($0) } ?? []
        do {
            try service.addBeritaAcaraScan(desk.lockKey, cycleId: cycle.id, bytes: bytes, by: desk.actor)
        } catch let error as DomainError where error != .notInScope {
            if case .roleNotAllowed = error { throw error }
            let status: HTTPStatus = .unprocessableContent
            guard try MeetingSituation(desk, service: service, now: context.now)?.locked == true else {
                return try beritaAcaraPage(context, form: nil, status: status, notice: RefusalNotice(meeting: error))
            }
            return try beritaAcaraPage(context, form: nil, status: status, scanError: error.message)
        }
        try flash(context, "Pindaian berita acara tersimpan.")
        return .redirect(to: MeetingPaths.beritaAcara)
    }
}
