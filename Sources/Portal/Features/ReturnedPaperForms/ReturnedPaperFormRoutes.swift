import Foundation
import HTTPServer
import Musrenbang

/// The kelurahan operator corrects the paper forms a verifier returned (`/kerja/formulir/dikembalikan`): the list with
/// each note, and per form the correction (the proposer's name and RT/RW too) that is saved and sent back to the kelurahan
/// verification in one transaction (engine `ubah` then `ajukan`, with the version the form was loaded at: a change meanwhile
/// is the 409 page).
extension Portal {
    /// The kelurahan's proposals the verifier returned in the current cycle, oldest first (at most 200): the paper forms,
    /// which are the operator's to correct, and how many residents' own proposals there are besides (they correct them).
    func returnedRows(_ worker: KelurahanOperator) throws -> (paperForms: [ProposalSummary], residentsOwn: Int) {
        guard let cycle = try service.currentCycle() else { return ([], 0) }
        let query = ProposalQuery(cycleId: cycle.id, kelurahanId: worker.kelurahanId, states: [ReturnedPaperForm.state], sort: .oldest,
                                  pageSize: 200)
        let rows = try service.proposals(query, viewer: .actor(worker.actor)).rows
        let paperForms = rows.filter { !$0.enteredByProposer }
        return (paperForms, rows.count - paperForms.count)
    }

    func returnedPaperFormRoutes(_ routes: inout RouteTable) {
        routes.get(OperatorPaths.returned) { [self] request in
            handle(request) { context in
                let worker = try KelurahanOperator(context)
                let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
                let returned = try returnedRows(worker)
                // Each form's note is in its detail.
                let forms = try returned.paperForms.map { ReturnedPaperForm(try service.proposalDetail(.id($0.id), viewer: .actor(worker.actor))) }
                return page("Formulir kertas yang dikembalikan", context,
                            ReturnedPaperFormView.list(forms, residents: returned.residentsOwn, area: area))
            }
        }
        routes.get(OperatorPaths.returned + "/:kode") { [self] request in
            handle(request) { context in
                let (worker, form) = try returnedPaperForm(context)
                guard form.isReturned else { return notReturned(context, form) }
                return try correctionPage(context, worker: worker, form: form, proposer: form.proposer, answers: ProposalAnswers(form.proposal),
                                          version: form.proposal.version, errors: [])
            }
        }
        routes.post(OperatorPaths.returned + "/:kode") { [self] request in
            handle(request) { context in try sendCorrection(context) }
        }
    }

    private func returnedPaperForm(_ context: RequestContext) throws -> (KelurahanOperator, ReturnedPaperForm) {
        let worker = try KelurahanOperator(context)
        guard let code = context.request.pathParameters["kode"].flatMap(TrackingCode.init(parsing:)) else { throw PortalError.notFound }
        return (worker, try ReturnedPaperForm.load(code, for: worker, service: service))
    }

    private func notReturned(_ context: RequestContext, _ form: ReturnedPaperForm) -> HTTPResponse {
        let p = form.proposal
        return message(context, .conflict, "Usulan tidak sedang dikembalikan",
                       "Usulan \(p.trackingCode) sekarang \(p.state.displayName.lowercased()); perbaikan hanya dapat dikirim selama usulan dikembalikan.",
                       next: "Lihat <a href=\"\(OperatorPaths.returned)\">formulir kertas yang dikembalikan</a>.")
    }

    private func correctionPage(_ context: RequestContext, worker: KelurahanOperator, form: ReturnedPaperForm, proposer: ProposerAnswers,
                                answers: ProposalAnswers, version: Int64, errors: [FieldError], status: HTTPStatus = .ok,
                                notice: String? = nil, focus: String? = nil) throws -> HTTPResponse {
        let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
        let full = try catalog()
        return page(errors.isEmpty && notice == nil ? "Perbaiki formulir kertas" : "Perbaiki isian", context, status: status,
                    ReturnedPaperFormView.form(form, proposer: proposer, answers: answers, version: version, area: area,
                                               catalog: full.withBidangFirst(answers.item(in: full)?.bidangId.rawValue), errors: errors,
                                               csrfToken: context.csrfToken, scheduleNotice: try correctionSchedule(context), notice: notice,
                                               focus: focus))
    }

    /// The rule in words while a correction cannot be sent (the engine checks the kelurahan window for it).
    private func correctionSchedule(_ context: RequestContext) throws -> String? {
        guard let cycle = try service.currentCycle(), !cycle.isOpen(.kelurahan, at: context.now) else { return nil }
        let window = cycle.windows[.kelurahan].map { " (\($0.scheduleText))" } ?? ""
        return "Perbaikan hanya dapat dikirim selama tahap \(Stage.kelurahan.displayName)\(window). Di luar jadwal itu hanya Bappeda "
            + "yang dapat memperpanjang jadwal."
    }

    private func sendCorrection(_ context: RequestContext) throws -> HTTPResponse {
        let (worker, form) = try returnedPaperForm(context)
        let fields = try verifiedForm(context).firstValues
        guard form.isReturned else { return notReturned(context, form) }
        var answers = ProposalAnswers(fields: fields)
        answers.rtId = form.proposal.origin.rtId?.rawValue
        // An older form without the proposer's fields keeps the proposer as it is.
        let proposer = fields[ProposerAnswers.nameField] == nil && fields[ProposerAnswers.rtField] == nil ? form.proposer : ProposerAnswers(fields: fields)
        let version = fields["versi"].flatMap { Int64($0) } ?? form.proposal.version
        func again(_ errors: [FieldError], status: HTTPStatus = .unprocessableContent, notice: String? = nil, focus: String? = nil) throws -> HTTPResponse {
            try correctionPage(context, worker: worker, form: form, proposer: proposer, answers: answers, version: version, errors: errors,
                               status: status, notice: notice, focus: focus)
        }
        let catalog = try catalog()
        let (edit, contentErrors) = answers.content(in: catalog)
        if fields["aksi"] == "hitung" {
            let costErrors = contentErrors.filter { $0.field == "kamus" || $0.field == "volume" }
            return try again(costErrors, status: costErrors.isEmpty ? .ok : .unprocessableContent, focus: "volume")
        }
        // The proposer is checked (and sent to the engine) only when the operator changed it.
        let changed = proposer != form.proposer
        let (who, proposerErrors) = changed ? proposer.check(area: try KelurahanArea.load(worker.kelurahanId, database: service.database)) : (nil, [])
        let errors = proposerErrors + contentErrors
        guard let edit, errors.isEmpty else { return try again(errors) }
        let correction = who.map { ProposerCorrection(name: $0.name, rtId: $0.rt.id) }
        let code = form.proposal.trackingCode
        do {
            try service.transactionInGroup { tx in
                let edited = try tx.apply(TransitionInput(.ubah, expectedVersion: version, edit: edit, proposer: correction),
                                          to: .id(form.proposal.id), by: worker.actor)
                try tx.apply(.ajukan, to: .id(form.proposal.id), by: worker.actor, expectedVersion: edited.version)
            }
        } catch DomainError.staleVersion {
            let now = try service.proposalDetail(.id(form.proposal.id), viewer: .actor(worker.actor)).proposal
            return message(context, .conflict, "Usulan sudah berubah",
                           "Usulan \(code) baru saja diubah orang lain (sekarang: \(now.state.displayName)). Perbaikan Anda belum disimpan.",
                           next: "Buka <a href=\"\(OperatorPaths.returned(code))\">usulan terbaru</a> lalu ulangi perbaikan Anda.")
        } catch DomainError.invalidFields(let refused) {
            return try again(refused.map { $0.field == "proposer_name" ? FieldError(field: ProposerAnswers.nameField, message: $0.message) : $0 })
        } catch let error as DomainError where error != .notInScope {
            return try again([], notice: error.message)
        }
        try flash(context, "Perbaikan usulan \(code) tersimpan dan usulan masuk lagi ke verifikasi kelurahan.")
        return .redirect(to: OperatorPaths.returned)
    }
}
