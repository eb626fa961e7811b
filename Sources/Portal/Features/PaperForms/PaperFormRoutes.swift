import Foundation
import HTTPServer
import Musrenbang

/// The operator's paper form (`/kerja/formulir`): one form per paper, saved and sent to the kelurahan verification
/// with its scan in one transaction, then the next empty form with the same RT/RW and bidang and a flash naming the
/// saved tracking code. A refused form comes back with every answer and every error; its scan is held (`HeldUploads`).
extension Portal {
    func paperFormRoutes(_ routes: inout RouteTable) {
        routes.get(OperatorPaths.paperForm) { [self] request in
            handle(request) { context in
                let worker = try KelurahanOperator(context)
                let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
                let current = try service.currentCycle()
                var form = PaperForm(rtId: request.queryValue("rt") ?? "")
                // At the kelurahan Musrenbang only the delegates' live entry is taken (`Workflow.enterLive`).
                if let current, Workflow.takesOnlyLiveEntry(current, at: context.now) { form.source = .liveMeeting }
                let bidang = request.queryValue("bidang").flatMap(Int64.init)
                // The latest proposals waiting for the kelurahan verification: the operator checks the stack against them.
                let recent = try current.map { cycle in
                    try service.proposals(ProposalQuery(cycleId: cycle.id, kelurahanId: worker.kelurahanId,
                                                        states: [ProposalState(.kelurahan, .verifikasi)], sort: .newest, pageSize: 10),
                                          viewer: .actor(worker.actor))
                }
                return page("Formulir kertas", context, PaperFormView.render(
                    form, area: area, catalog: try catalog(firstBidang: bidang), errors: [], csrfToken: context.csrfToken, keptScan: nil,
                    scheduleNotice: try paperFormSchedule(context), focus: "nama_pengusul")
                    + PaperFormView.recent(recent))
            }
        }
        routes.post(OperatorPaths.paperForm, bodyLimit: OperatorPaths.uploadBodyLimit) { [self] request in
            handle(request) { context in try savePaperForm(context) }
        }
    }

    /// The kamus with the bidang of the previous form first (the stack of forms is often sorted by bidang).
    func catalog(firstBidang: Int64?) throws -> ProposalCatalog {
        try catalog().withBidangFirst(firstBidang)
    }

    /// The rule in words while paper forms are not accepted (the engine takes them inside the pra-Musrenbang, and the
    /// delegates' live entry inside the kelurahan Musrenbang).
    private func paperFormSchedule(_ context: RequestContext) throws -> String? {
        guard let cycle = try service.currentCycle() else { return "Belum ada siklus perencanaan yang dibuka; usulan belum dapat disimpan." }
        guard !cycle.isOpen(.praMusrenbang, at: context.now) else { return nil }
        if Workflow.takesOnlyLiveEntry(cycle, at: context.now) {
            let window = cycle.windows[.kelurahan].map { " (\($0.scheduleText))" } ?? ""
            return "Tahap \(Stage.praMusrenbang.displayName) sudah ditutup. Selama \(Stage.kelurahan.displayName)\(window) usulan baru "
                + "hanya dapat dimasukkan sebagai usulan yang diinput langsung oleh delegasi saat musyawarah berlangsung; usulan itu "
                + "langsung masuk verifikasi kelurahan, sampai berita acara kelurahan ditandatangani."
        }
        let window = cycle.windows[.praMusrenbang].map { " (\($0.scheduleText))" } ?? ""
        return "Usulan baru hanya dapat disimpan selama tahap \(Stage.praMusrenbang.displayName)\(window). Di luar jadwal itu "
            + "hanya Bappeda yang dapat memperpanjang jadwal."
    }

    private func savePaperForm(_ context: RequestContext) throws -> HTTPResponse {
        let worker = try KelurahanOperator(context)
        let submitted = try verifiedForm(context, limits: FormLimits(maxFileBytes: OperatorPaths.uploadBodyLimit,
                                                                     maxTotalBytes: OperatorPaths.uploadBodyLimit))
        defer { submitted.removeFiles() }
        guard let session = context.session else { throw PortalError.signInRequired(returnTo: OperatorPaths.paperForm) }
        var form = PaperForm(fields: submitted.firstValues)
        let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
        let full = try catalog()
        let catalog = full.withBidangFirst(form.answers.item(in: full)?.bidangId.rawValue)

        // The scan: a new file replaces a held one; a refused file is named beside the field.
        var scanErrors: [FieldError] = []
        if let file = submitted.file(PaperForm.scanField), file.size > 0 || !file.originalFilename.isEmpty {
            let bytes = FileManager.default.contents(atPath: file.path).map { [UInt8]($0) } ?? []
            do throws(DomainError) {
                _ = try attachmentStore.check(bytes)
                form.scanToken = heldScans.hold(fileName: file.originalFilename, bytes: bytes, accountId: worker.actor.accountId,
                                                sessionHash: session.idHash, at: context.now)
            } catch {
                form.scanToken = ""
                scanErrors.append(FieldError(field: PaperForm.scanField, message: "Berkas \"\(file.originalFilename)\" tidak dapat dipakai "
                                             + "(\(error.message)). Pilih PDF, JPEG atau PNG paling besar 5 MB."))
            }
        }
        let scan = form.scanToken.isEmpty ? nil
            : heldScans.find(form.scanToken, accountId: worker.actor.accountId, sessionHash: session.idHash, at: context.now)
        if scan == nil { form.scanToken = "" }

        func again(_ errors: [FieldError], status: HTTPStatus = .unprocessableContent, notice: String? = nil, focus: String? = nil) throws -> HTTPResponse {
            page(errors.isEmpty && notice == nil ? "Formulir kertas" : "Perbaiki formulir", context, status: status,
                 PaperFormView.render(form, area: area, catalog: catalog, errors: errors, csrfToken: context.csrfToken,
                                      keptScan: scan?.fileName, scheduleNotice: try paperFormSchedule(context), notice: notice, focus: focus))
        }
        if submitted["aksi"] == "hitung" {
            let costErrors = form.answers.content(in: catalog).1.filter { $0.field == "kamus" || $0.field == "volume" } + scanErrors
            return try again(costErrors, status: costErrors.isEmpty ? .ok : .unprocessableContent, focus: "volume")
        }
        let (new, errors) = form.check(area: area, catalog: catalog, hasScan: scan != nil || !scanErrors.isEmpty)
        guard let new, scanErrors.isEmpty, let cycle = try service.currentCycle() else {
            return try again(errors + scanErrors)
        }
        let saved: Proposal
        do {
            // The proposal and its scan in one transaction: a form is never stored without its scan.
            saved = try service.transactionInGroup { tx in
                let proposal = try tx.submit(new, cycleId: cycle.id, by: worker.actor)
                if let scan {
                    try tx.addAttachment(to: .id(proposal.id), fileName: scan.fileName, bytes: scan.bytes, by: worker.actor, store: attachmentStore)
                }
                return proposal
            }
        } catch DomainError.invalidFields(let refused) {
            return try again(refused)
        } catch let error as DomainError {
            return try again([], notice: error.message)
        }
        _ = heldScans.take(form.scanToken, accountId: worker.actor.accountId, sessionHash: session.idHash, at: context.now)
        try flash("Usulan \(saved.trackingCode) dari \(saved.proposerName) tersimpan dan masuk verifikasi kelurahan. "
                  + "Formulir berikutnya siap diisi.", context)
        return .redirect(to: "\(OperatorPaths.paperForm)?rt=\(new.origin.rtId?.rawValue ?? 0)&bidang=\(saved.bidangId.rawValue)")
    }
}
