import Foundation
import HTTPServer
import Musrenbang

/// The staff's feedback desk (`/kerja/saran`): the queue of the actor's unit (Bappeda: every unit), one item with its
/// sender's data and history, and its actions (answer, forward, close) at the version shown: a refused form is the page
/// again (422) with the message beside its field, a stale version the 409 page, an item outside the actor's unit a 404
/// whatever the form carried.
extension Portal {
    func feedbackDeskRoutes(_ routes: inout RouteTable) {
        routes.get(FeedbackPaths.desk) { [self] request in
            handle(request) { context in
                let desk = try FeedbackDesk(context)
                let tab = request.queryValue("status").flatMap(FeedbackTab.init(rawValue:)) ?? .menunggu
                let category = request.queryValue("kategori").flatMap(FeedbackCategory.init(rawValue:))
                let unitFilter = desk.seesAll ? request.queryValue("unit").flatMap(FeedbackUnit.init(text:)) : nil
                let number = request.queryValue("halaman").flatMap { Int($0) }.map { max(1, $0) } ?? 1
                let query = FeedbackQuery(unit: unitFilter, statuses: tab.statuses, category: category, oldestFirst: tab == .menunggu,
                                          page: number, pageSize: 25)
                let result = try service.feedbackQueue(query, viewer: desk.actor)
                let directory = try service.feedbackDirectory()
                let view = FeedbackDeskView.Queue(desk: desk, unitName: directory.unitName(desk.unit), tab: tab, category: category,
                                                  unitFilter: unitFilter, result: result, directory: directory)
                return page("Saran dan pengaduan", context, FeedbackDeskView.queue(view))
            }
        }
        routes.get(FeedbackPaths.deskItemPattern) { [self] request in
            handle(request) { context in
                let desk = try FeedbackDesk(context)
                return try feedbackDeskPage(context, desk: desk, code: try deskCode(request), form: FeedbackActionForm())
            }
        }
        routes.get(FeedbackPaths.deskItemPattern + "/foto") { [self] request in
            handle(request) { context in
                let desk = try FeedbackDesk(context)
                let variant: PhotoVariant = request.queryValue("kecil") == "ya" ? .small : .original
                let photo = try service.feedbackPhoto(try deskCode(request), variant: variant, viewer: .actor(desk.actor))
                return HTTPResponse(status: .ok, headers: ["Content-Type": photo.mediaType, "Cache-Control": "private, max-age=3600",
                                                           "X-Content-Type-Options": "nosniff"], body: .bytes(photo.bytes))
            }
        }
        for action in [FeedbackAction.jawab, .teruskan, .tutup] {
            routes.post(FeedbackPaths.deskItemPattern + "/" + action.rawValue) { [self] request in
                handle(request) { context in try actOnFeedback(context, action: action) }
            }
        }
    }

    /// The code in the path as printed; anything else is a 404.
    private func deskCode(_ request: HTTPRequest) throws -> FeedbackCode {
        guard let code = request.pathParameters["kode"].flatMap(FeedbackCode.init(parsing:)) else { throw PortalError.notFound }
        return code
    }

    private func feedbackDeskPage(_ context: RequestContext, desk: FeedbackDesk, code: FeedbackCode, form: FeedbackActionForm,
                                  sent: FeedbackAction? = nil, status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let (item, events) = try service.feedbackForDesk(code, viewer: desk.actor)
        let view = FeedbackDeskView.Item(desk: desk, item: item, events: events, directory: try service.feedbackDirectory(), form: form,
                                         sent: sent, csrfToken: context.csrfToken, notice: notice)
        return page("\(item.kind.displayName) \(item.code)", context, status: status, FeedbackDeskView.item(view))
    }

    /// One action at the version the page showed; success goes back to the queue with a flash.
    private func actOnFeedback(_ context: RequestContext, action: FeedbackAction) throws -> HTTPResponse {
        let desk = try FeedbackDesk(context)
        let submitted = try verifiedForm(context)
        let code = try deskCode(context.request)
        var form = FeedbackActionForm(submitted.firstValues)
        guard let command = form.command(action), let version = form.version else {
            // The item must be the actor's to see even the refusal (404 otherwise).
            return try feedbackDeskPage(context, desk: desk, code: code, form: form, sent: action, status: .unprocessableContent)
        }
        let transition: FeedbackTransition
        do {
            transition = try service.applyFeedback(command, to: code, expectedVersion: version, by: desk.actor)
        } catch DomainError.staleVersion {
            return try feedbackConflictPage(context, desk: desk, code: code)
        } catch DomainError.invalidFields(let refused) {
            form.errors = refused
            return try feedbackDeskPage(context, desk: desk, code: code, form: form, sent: action, status: .unprocessableContent)
        } catch let error as DomainError where error.ruleId == "invalid_feedback_transition" {
            return try feedbackDeskPage(context, desk: desk, code: code, form: form, sent: action, status: .conflict,
                                        notice: RefusalNotice(rule: error.message, next: "Lihat keadaannya sekarang di bawah."))
        }
        let directory = try service.feedbackDirectory()
        let flash = switch action {
        case .jawab: "Saran \(code) sudah dijawab; jawabannya tampil di halaman publik."
        case .teruskan: "Saran \(code) diteruskan ke \(directory.unitName(transition.item.unit))."
        case .tutup: "Saran \(code) ditutup."
        case .kirim: ""
        }
        if let session = context.session { try sessions.setFlash(flash, idHash: session.idHash) }
        return .redirect(to: FeedbackPaths.desk)
    }

    /// The 409 page: someone acted on the item first (it may have left the actor's unit since: only its public part is
    /// shown); nothing of this action was saved.
    private func feedbackConflictPage(_ context: RequestContext, desk: FeedbackDesk, code: FeedbackCode) throws -> HTTPResponse {
        let feedback = try service.publicFeedback(code)
        let last: HTML = feedback.steps.last.map { step in
            "<p>Terakhir: \(FeedbackWords.step(step.action, from: step.fromUnitName, to: step.unitName)), \(WIBTime.format(step.at)).</p>"
        } ?? .empty
        let stillHere = (try? service.feedbackForDesk(code, viewer: desk.actor)) != nil
        let look: HTML = stillHere ? "<a class=\"button\" href=\"\(FeedbackPaths.deskItem(code))\">Lihat saran</a>"
            : "<a class=\"button\" href=\"\(FeedbackPaths.item(code))\">Lihat halaman publiknya</a>"
        return page("Data sudah berubah", context, status: .conflict, """
            <h1>Data sudah berubah</h1>
            <p class="lead">Saran ini sudah berubah sejak halaman Anda dimuat: ada yang bertindak lebih dulu, atau formulir yang sama terkirim dua kali. Tindakan Anda <strong>tidak</strong> disimpan.</p>
            <h2>Keadaan saran sekarang</h2>
            <p><span class="code">\(code.description)</span> \(FeedbackWords.badge(feedback.status)) di \(feedback.unitName)</p>
            \(last)
            <p>Periksa keadaannya, lalu putuskan lagi bila masih perlu.</p>
            <p class="actions">\(look) <a class="button secondary" href="\(FeedbackPaths.desk)">Kembali ke daftar saran</a></p>
            """)
    }
}
