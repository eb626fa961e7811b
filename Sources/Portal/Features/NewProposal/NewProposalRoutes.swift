import Foundation
import HTTPServer
import Musrenbang
import Storage

/// A resident's new proposal (`/usulan/baru`): the place in two short steps, the form, the check page, then the
/// confirmation with the tracking code (`/usulan/baru/terkirim/{kode}`). The answers travel in hidden fields until
/// they are saved as a draft or sent; every refusal comes back as the same form with every answer kept.
extension Portal {
    func newProposalRoutes(_ routes: inout RouteTable) {
        routes.get("/usulan/baru") { [self] request in
            handle(request) { context in
                let signedIn = try residentOnly(context)
                // Outside the pra-Musrenbang window the form does not pretend to accept: it says when it opens.
                if let closed = try closedWindow(context) { return closed }
                if let rt = request.queryValue("rt") {
                    guard let id = Int64(rt), let place = try ProposalPlace.of(id, database: service.database) else {
                        return try kelurahanStep(context, error: "Pilih RT dari daftar.")
                    }
                    return page("Usulan baru", context, ProposalFormView.render(ProposalAnswers(rtId: id), place: place,
                                                                              catalog: try catalog(), errors: [],
                                                                              csrfToken: signedIn.context.csrfToken))
                }
                // A resident's home RT is the usual place; "Ganti lokasi" (`?pilih=1`) chooses another.
                if request.queryValue("pilih") == nil, let home = signedIn.account.homeRtId,
                   let place = try ProposalPlace.of(home.rawValue, database: service.database) {
                    return page("Usulan baru", context, ProposalFormView.render(ProposalAnswers(rtId: home.rawValue), place: place,
                                                                              catalog: try catalog(), errors: [],
                                                                              csrfToken: signedIn.context.csrfToken))
                }
                if let kelurahan = request.queryValue("kelurahan") {
                    guard let id = Int64(kelurahan) else { return try kelurahanStep(context, error: "Pilih kelurahan dari daftar.") }
                    return try rtStep(context, kelurahanId: KelurahanID(id))
                }
                return try kelurahanStep(context)
            }
        }
        routes.post("/usulan/baru", bodyLimit: PhotoUploads.bodyLimit) { [self] request in
            handle(request) { context in try submitProposal(context) }
        }
        routes.get("/usulan/baru/terkirim/:kode") { [self] request in
            handle(request) { context in
                let signedIn = try residentOnly(context)
                guard let code = request.pathParameters["kode"].flatMap(TrackingCode.init(parsing:)) else { throw PortalError.notFound }
                let detail = try service.proposalDetail(.code(code), viewer: .actor(signedIn.actor))
                guard detail.proposal.proposerAccountId == signedIn.actor.accountId else { throw PortalError.notFound }
                let cycle = try service.database.read { db in try CycleRepository(db).cycle(id: detail.proposal.cycleId) }
                let place = try detail.proposal.origin.rtId.flatMap { try ProposalPlace.of($0.rawValue, database: service.database) }
                let host = request.headers["Host"] ?? "localhost"
                let scheme = configuration.secureCookies ? "https" : "http"
                return page("Usulan terkirim", context, ProposalReceiptView.render(
                    detail.proposal, place: place?.text ?? "", cycle: cycle,
                    trackURL: "\(scheme)://\(host)/lacak?kode=\(detail.proposal.trackingCode)"))
            }
        }
    }

    /// The page that says when proposals are accepted, while the current cycle's pra-Musrenbang is not open.
    private func closedWindow(_ context: RequestContext) throws -> HTTPResponse? {
        guard let cycle = try service.currentCycle() else {
            return message(context, .ok, "Usulan baru", "Belum ada siklus perencanaan yang dibuka.",
                           next: "Pantau jadwal di <a href=\"/\">beranda</a>.")
        }
        guard !cycle.isOpen(.praMusrenbang, at: context.now) else { return nil }
        let window = cycle.windows[.praMusrenbang]
        let when: String
        if let window, context.now < window.opensAt {
            when = "Pengajuan usulan \(cycle.name) dibuka \(WIBTime.format(window.opensAt)) sampai \(WIBTime.format(window.closesAt))."
        } else if let window {
            when = "Pengajuan usulan \(cycle.name) sudah ditutup pada \(WIBTime.format(window.closesAt)); usulan yang masuk sedang dibahas."
        } else {
            when = "Jadwal pengajuan usulan \(cycle.name) belum ditetapkan."
        }
        return message(context, .ok, "Usulan baru", when,
                       next: "Anda dapat mengikuti usulan Anda di <a href=\"/usulan/saya\">Usulan saya</a> dan jadwal lengkap di <a href=\"/\">beranda</a>.")
    }

    /// Residents propose here; an operator enters paper forms from its workspace.
    func residentOnly(_ context: RequestContext) throws -> SignedIn {
        let signedIn = try SignedIn(context)
        guard signedIn.actor.role == .warga else {
            throw PortalError.forbidden("Halaman ini untuk warga yang mengajukan usulannya sendiri. Operator kelurahan memasukkan "
                                        + "formulir kertas dari ruang kerja kelurahan.")
        }
        return signedIn
    }

    func catalog() throws -> ProposalCatalog {
        let active = try service.activeCatalog()
        return ProposalCatalog(bidang: active.bidang, items: active.items)
    }

    private func kelurahanStep(_ context: RequestContext, error: String? = nil) throws -> HTTPResponse {
        let groups = try service.database.read { db -> [SelectGroup] in
            let wilayah = WilayahRepository(db)
            guard let kota: Int64 = try db.scalar("SELECT id FROM kota ORDER BY id LIMIT 1") else { return [] }
            return try wilayah.kecamatanList(kotaId: KotaID(kota)).map { kecamatan in
                SelectGroup(label: "Kecamatan \(kecamatan.name)", options: try wilayah.kelurahanList(kecamatanId: kecamatan.id).map {
                    SelectOption(value: String($0.id.rawValue), text: $0.name)
                })
            }
        }
        return page("Usulan baru", context, status: error == nil ? .ok : .unprocessableContent,
                    ProposalPlaceViews.kelurahanStep(groups, error: error))
    }

    private func rtStep(_ context: RequestContext, kelurahanId: KelurahanID) throws -> HTTPResponse {
        let found = try service.database.read { db -> (String, [SelectGroup])? in
            let wilayah = WilayahRepository(db)
            guard let kelurahan = try? wilayah.kelurahan(id: kelurahanId) else { return nil }
            let groups = try wilayah.rws(kelurahanId: kelurahanId).map { rw in
                SelectGroup(label: "RW \(ProposalPlace.pad(rw.number))", options: try wilayah.rts(rwId: rw.id).map {
                    SelectOption(value: String($0.id.rawValue), text: "RT \(ProposalPlace.pad($0.number))/RW \(ProposalPlace.pad(rw.number))")
                })
            }
            return (kelurahan.name, groups)
        }
        guard let (name, groups) = found else { return try kelurahanStep(context, error: "Pilih kelurahan dari daftar.") }
        return page("Usulan baru", context, ProposalPlaceViews.rtStep(kelurahanName: name, groups: groups))
    }

    /// A new proposal's POST: its place, then the steps every proposal form shares.
    private func submitProposal(_ context: RequestContext) throws -> HTTPResponse {
        let signedIn = try residentOnly(context)
        let submitted = try verifiedPhotoForm(context)
        let uploads = try receivePhotos(submitted, by: signedIn.actor)
        let fields = submitted.firstValues
        let answers = ProposalAnswers(fields: fields)
        guard let rt = answers.rtId, let place = try ProposalPlace.of(rt, database: service.database) else {
            return try kelurahanStep(context, error: "Pilih RT dari daftar.")
        }
        return try proposalFormStep(context, fields: fields, answers: answers, place: place, target: ProposalFormTarget.new.with(uploads),
                                    photoErrors: uploads.errors) { content, send in
            let origin = try service.database.read { db in try WilayahRepository(db).origin(rtId: place.rtId) }
            guard let cycle = try service.currentCycle() else { throw DomainError.missingInput(field: "siklus perencanaan") }
            var new = NewProposal(origin: origin, proposerAccountId: signedIn.actor.accountId, proposerName: signedIn.account.displayName,
                                  title: content.title, problem: content.problem, kamusId: content.kamusId, volume: content.volume,
                                  locationText: content.locationText, latitude: content.latitude, longitude: content.longitude,
                                  beneficiaries: content.beneficiaries)
            new.content.expectedOutput = content.expectedOutput
            new.content.expectedOutcome = content.expectedOutcome
            // The form's photos are attached in the transaction that creates (and sends) the proposal.
            func store(send: Bool, in tx: MusrenbangTransaction) throws -> Proposal {
                let stored = send ? try tx.submit(new, cycleId: cycle.id, by: signedIn.actor)
                                  : try tx.create(new, cycleId: cycle.id, by: signedIn.actor)
                try tx.attachPendingPhotos(formToken: uploads.token, to: .id(stored.id), by: signedIn.actor)
                return stored
            }
            guard send else {
                let draft = try service.transactionInGroup { tx in try store(send: false, in: tx) }
                try flash("Draf usulan \(draft.trackingCode) tersimpan. Anda dapat melengkapinya lalu mengirimnya.", context)
                return .redirect(to: "/usulan/saya")
            }
            // "Kirim usulan" pressed twice (or resent from the browser's history) leads to the first result. The claim of
            // the check page's form token, the proposal and its result commit together (one transaction, one commit).
            guard let session = context.session, let token = fields["formulir"], SessionToken.isWellFormed(token) else {
                let sent = try service.transactionInGroup { tx in try store(send: true, in: tx) }
                return .redirect(to: "/usulan/baru/terkirim/\(sent.trackingCode)")
            }
            let next = try service.transactionInGroup { tx -> String in
                guard try tx.sameTransaction({ db in try sessions.claimForm(token, idHash: session.idHash, in: db) }) else {
                    return try tx.sameTransaction { db in try sessions.formResult(token, idHash: session.idHash, in: db) } ?? "/usulan/saya"
                }
                let sent = try store(send: true, in: tx)
                let result = "/usulan/baru/terkirim/\(sent.trackingCode)"
                try tx.sameTransaction { db in try sessions.finishForm(token, result: result, idHash: session.idHash, in: db) }
                return result
            }
            return .redirect(to: next)
        }
    }

    /// The steps every proposal form shares: "Ubah" (back to a field), "Hapus foto" (the form, or from the check page
    /// the check page, again), "Hitung biaya", "Periksa jawaban" (every error at
    /// once, else the check page), then `save` ("draf": keep, "kirim": send). A refusal of the engine comes back as
    /// the same form with every answer kept: field errors beside their fields, any other rule at the top.
    func proposalFormStep(_ context: RequestContext, fields: [String: String], answers: ProposalAnswers, place: ProposalPlace,
                          target: ProposalFormTarget, photoErrors: [FieldError] = [],
                          save: (ProposalEdit, _ send: Bool) throws -> HTTPResponse) throws -> HTTPResponse {
        let catalog = try catalog()
        func form(_ errors: [FieldError], status: HTTPStatus = .unprocessableContent, focus: String? = nil,
                  notice: String? = nil) -> HTTPResponse {
            page(errors.isEmpty && notice == nil ? target.heading : "Perbaiki usulan", context, status: status,
                 ProposalFormView.render(answers, place: place, catalog: catalog, errors: errors, csrfToken: context.csrfToken, focus: focus,
                                         notice: notice, target: target))
        }
        if let field = fields["ubah"] { return form(photoErrors, status: photoErrors.isEmpty ? .ok : .unprocessableContent, focus: field) }
        // "Hapus foto" on the form (the photo is already gone; the button sends no `aksi`): the form again, not a check
        // of half-filled answers. Pressed on the check page (`dari`), it goes on to the check page again.
        let removedPhoto = fields[PhotoUploads.removeField] != nil || fields[PhotoUploads.removeAttachedField] != nil
        if removedPhoto && fields["aksi"] == nil && fields[PhotoUploads.fromCheckField] == nil {
            return form(photoErrors, status: photoErrors.isEmpty ? .ok : .unprocessableContent)
        }
        let (content, errors) = answers.content(in: catalog)
        let action = fields["aksi"] ?? "periksa"
        if action == "hitung" {
            let costErrors = errors.filter { $0.field == "kamus" || $0.field == "volume" } + photoErrors
            return form(costErrors, status: costErrors.isEmpty ? .ok : .unprocessableContent, focus: "volume")
        }
        guard let content, errors.isEmpty, photoErrors.isEmpty else { return form(errors + photoErrors) }
        if action == "periksa" {
            return page("Periksa usulan", context, ProposalCheckView.render(answers, place: place, catalog: catalog,
                                                                            csrfToken: context.csrfToken, target: target,
                                                                            formToken: SessionToken.make()))
        }
        do {
            return try save(content, action == "kirim")
        } catch DomainError.invalidFields(let refused) {
            return form(refused)
        } catch let error as DomainError where error.ruleId != "stale_version" {
            return form([], notice: error.message)
        }
    }

    /// Keeps a message for the session's next page.
    func flash(_ text: String, _ context: RequestContext) throws {
        if let session = context.session { try sessions.setFlash(text, idHash: session.idHash) }
    }
}
