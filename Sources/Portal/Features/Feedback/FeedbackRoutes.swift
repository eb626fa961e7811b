import Foundation
import HTTPServer
import Musrenbang

/// The public side of feedback, for anyone with or without an account: the form (`/saran`) and its confirmation, one
/// item's public page and its photo's small version, the tracking form, the list of answered ones and the statistics.
/// None of them shows a sender's name or contact (`PublicFeedback`, `FeedbackSummary` hold neither).
extension Portal {
    func feedbackRoutes(_ routes: inout RouteTable) {
        routes.get(FeedbackPaths.form) { [self] request in
            handle(request) { context in
                try feedbackFormPage(context, form: FeedbackForm(), stamp: feedbackStamp.issue(at: context.now))
            }
        }
        routes.post(FeedbackPaths.form, bodyLimit: FeedbackForm.bodyLimit) { [self] request in
            handle(request) { context in try sendFeedback(context) }
        }
        routes.get(FeedbackPaths.sentPattern) { [self] request in
            handle(request) { context in
                guard let code = request.pathParameters["kode"].flatMap(FeedbackCode.init(parsing:)) else { throw PortalError.notFound }
                let feedback = try service.publicFeedback(code)
                return page("\(feedback.kind.displayName) terkirim", context,
                            FeedbackPublicView.sent(feedback, address: siteAddress(context.request) + FeedbackPaths.item(code)))
            }
        }
        routes.get(FeedbackPaths.itemPattern) { [self] request in
            handle(request) { context in
                let raw = request.pathParameters["kode"] ?? ""
                guard let code = FeedbackCode(typed: raw), let feedback = try publicFeedback(code) else {
                    return page("Saran tidak ditemukan", context, status: .notFound, FeedbackPublicView.notFound(typed: ""))
                }
                // A code typed another way ("srn-2027-45") goes to its one address.
                guard raw == code.description else { return .redirect(to: FeedbackPaths.item(code)) }
                return page("\(feedback.kind.displayName) \(code)", context, FeedbackPublicView.item(feedback))
            }
        }
        routes.get(FeedbackPaths.photoPattern) { [self] request in
            handle(request) { context in
                guard let code = request.pathParameters["kode"].flatMap(FeedbackCode.init(parsing:)) else { throw PortalError.notFound }
                let photo = try service.feedbackPhoto(code, variant: .small, viewer: .public)
                return HTTPResponse(status: .ok, headers: ["Content-Type": photo.mediaType, "Cache-Control": "private, max-age=600",
                                                           "X-Content-Type-Options": "nosniff"], body: .bytes(photo.bytes))
            }
        }
        routes.get(FeedbackPaths.track) { [self] request in
            handle(request) { context in
                let typed = request.queryValue("kode") ?? ""
                if typed.allSatisfy(\.isWhitespace) { return page("Lacak saran", context, FeedbackPublicView.trackStart()) }
                guard let code = FeedbackCode(typed: typed) else {
                    return page("Kode tidak sesuai", context, status: .unprocessableContent, FeedbackPublicView.malformed(typed: typed))
                }
                guard try publicFeedback(code) != nil else {
                    return page("Saran tidak ditemukan", context, status: .notFound, FeedbackPublicView.notFound(typed: typed))
                }
                return .redirect(to: FeedbackPaths.item(code))
            }
        }
        routes.get(FeedbackPaths.list) { [self] request in
            handle(request) { context in
                let category = request.queryValue("kategori").flatMap(FeedbackCategory.init(rawValue:))
                let number = request.queryValue("halaman").flatMap { Int($0) }.map { max(1, $0) } ?? 1
                let answered = try service.answeredFeedback(category: category, page: number, pageSize: 20)
                return page("Saran yang sudah dijawab", context,
                            FeedbackListView.render(answered, category: category, directory: try service.feedbackDirectory()))
            }
        }
        routes.get(FeedbackPaths.statistics) { [self] request in
            handle(request) { context in
                let years = try service.feedbackYears()
                let year = request.queryValue("tahun").flatMap { Int($0) }.flatMap { years.contains($0) ? $0 : nil }
                return page("Statistik saran", context,
                            FeedbackStatisticsView.render(try service.feedbackStatistics(year: year), years: years))
            }
        }
    }

    /// The public model of the feedback with `code`; nil when there is none (other failures are thrown).
    private func publicFeedback(_ code: FeedbackCode) throws -> PublicFeedback? {
        do {
            return try service.publicFeedback(code)
        } catch PersistenceError.notFound {
            return nil
        }
    }

    /// The form, with `form`'s answers and errors, under `status`.
    func feedbackFormPage(_ context: RequestContext, form: FeedbackForm, stamp: String, status: HTTPStatus = .ok, notice: String? = nil,
                          photoDropped: Bool = false) throws -> HTTPResponse {
        let view = FeedbackFormView.Page(form: form, directory: try service.feedbackDirectory(), csrfToken: context.csrfToken, stamp: stamp,
                                         notice: notice, photoDropped: photoDropped, signedInAs: context.account?.displayName)
        return page("Kirim saran atau pengaduan", context, status: status, FeedbackFormView.render(view))
    }

    /// A submission: the CSRF and origin checks, a place under the client address's limit (429 when there is none), the
    /// hidden field and the form's signed time (a script's post is refused, nothing stored), every field error at once
    /// with the photo's (422, every answer kept), then the engine stores it and the browser goes to the confirmation.
    /// Only what is stored uses up a place.
    private func sendFeedback(_ context: RequestContext) throws -> HTTPResponse {
        let submitted = try verifiedForm(context, limits: FormLimits(maxFileBytes: FeedbackForm.bodyLimit, maxTotalBytes: FeedbackForm.bodyLimit))
        defer { submitted.removeFiles() }
        var form = FeedbackForm(submitted)
        let key = ClientAddress.limitKey(ClientAddress.of(context.request))
        let wait = feedbackLimiter.take(key, at: context.now)
        guard wait == 0 else {
            var response = try feedbackFormPage(context, form: form, stamp: form.stamp ?? feedbackStamp.issue(at: context.now),
                                                status: .tooManyRequests, notice: Self.tooManyFeedback(wait, limit: feedbackLimiter.limit),
                                                photoDropped: Self.photoChosen(submitted))
            response.headers.set("Retry-After", String(wait))
            return response
        }
        var stored = false
        defer { if !stored { feedbackLimiter.giveBack(key, takenAt: context.now) } }

        // A person never fills the hidden field, and needs more than a few seconds for the form; the refusal says so
        // beside every field error, with every answer kept.
        var notice: String?
        var stamp = form.stamp ?? ""
        if !form.honeypot.isEmpty {
            form.honeypot = ""
            notice = "Formulir tidak dapat diterima: kolom \"Jangan isi kolom ini\" harus dikosongkan. Periksa isian Anda, lalu kirim lagi."
        }
        switch feedbackStamp.check(form.stamp, at: context.now) {
        case .valid:
            break
        case .tooFast(let seconds):
            notice = notice ?? "Formulir terkirim terlalu cepat. Periksa lagi isian Anda, tunggu \(seconds) detik, lalu tekan Kirim."
        case .invalid:
            stamp = feedbackStamp.issue(at: context.now)
            notice = notice ?? "Formulir ini sudah terlalu lama terbuka, atau server dimulai ulang sejak formulir dibuka. Isian Anda masih ada: periksa, lalu tekan Kirim sekali lagi."
        }
        let input = form.input(accountId: context.account?.id)
        form.errors = FeedbackRules.check(input)
        var photo: CheckedPhoto?
        if let file = submitted.files.first(where: { $0.fieldName == FeedbackForm.photoField && ($0.size > 0 || !$0.originalFilename.isEmpty) }) {
            let bytes = FileManager.default.contents(atPath: file.path).map { [UInt8]($0) } ?? []
            switch Result(catching: { () throws(DomainError) -> CheckedPhoto in try ProposalPhotoRules.check(bytes, fileName: file.originalFilename) }) {
            case .success(let checked): photo = checked
            case .failure(.invalidFields(let refused)): form.errors += refused
            case .failure(let error): throw error
            }
        }
        guard notice == nil, form.errors.isEmpty else {
            return try feedbackFormPage(context, form: form, stamp: stamp, status: .unprocessableContent, notice: notice,
                                        photoDropped: photo != nil)
        }
        let item: FeedbackItem
        do {
            item = try service.submitFeedback(input, photo: photo)
        } catch DomainError.invalidFields(let refused) {
            form.errors = refused
            return try feedbackFormPage(context, form: form, stamp: stamp, status: .unprocessableContent, photoDropped: photo != nil)
        }
        stored = true
        return .redirect(to: FeedbackPaths.sent(item.code))
    }

    /// "Anda sudah mengirim 5 saran dalam satu jam ...": the rule and when to try again.
    static func tooManyFeedback(_ wait: Int, limit: Int) -> String {
        "Dari alamat internet Anda sudah terkirim \(limit) saran atau pengaduan dalam satu jam terakhir; itu batasnya, agar layanan ini "
            + "tidak dibanjiri pesan otomatis. Isian Anda masih ada di bawah: tunggu \(duration(wait)), lalu kirim lagi. Bila mendesak, "
            + "hubungi kantor kelurahan atau kecamatan Anda."
    }

    /// Whether the form came with a chosen photo (which a refused form cannot keep).
    private static func photoChosen(_ form: FormData) -> Bool {
        form.files.contains { $0.fieldName == FeedbackForm.photoField && $0.size > 0 }
    }

    /// "http://host" of this request, for the address printed on the confirmation.
    func siteAddress(_ request: HTTPRequest) -> String {
        let scheme = configuration.secureCookies || request.headers["X-Forwarded-Proto"] == "https" ? "https" : "http"
        return "\(scheme)://\(request.headers["Host"] ?? "localhost")"
    }
}
