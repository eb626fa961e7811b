import Foundation
import HTTPServer
import Musrenbang

/// The staff's announcements (`/kerja/pengumuman`): the list, a new one, one announcement's page with its form, publish
/// and withdraw. The desk (`AnnouncementDesk`) refuses roles that write none (403); the engine checks the area of every
/// change whatever the form sent (a forged `wilayah` is a 422 beside the field), and an announcement of another unit
/// is the same 404 as one that does not exist.
extension Portal {
    func announcementRoutes(_ routes: inout RouteTable) {
        routes.get(AnnouncementPaths.staffList) { [self] request in
            handle(request) { context in
                let desk = try AnnouncementDesk(context)
                let status = request.queryValue("status").flatMap(AnnouncementStatus.init(rawValue:))
                let pageNumber = min(100_000, max(1, Int(request.queryValue("halaman") ?? "") ?? 1))
                let (result, counts) = try service.managedAnnouncements(status: status, page: pageNumber, by: desk.actor)
                return page("Pengumuman", context, AnnouncementStaffView.list(result, counts: counts, status: status,
                                                                              unitName: try AnnouncementAreaChoices.load(service.database).unitName(desk)))
            }
        }
        routes.get(AnnouncementPaths.staffNew) { [self] request in
            handle(request) { context in
                let desk = try AnnouncementDesk(context)
                return try newAnnouncementPage(context, desk: desk, form: AnnouncementForm(area: desk.ownArea))
            }
        }
        routes.post(AnnouncementPaths.staffNew, bodyLimit: AnnouncementPaths.uploadBodyLimit) { [self] request in
            handle(request) { context in try createAnnouncement(context) }
        }
        routes.get(AnnouncementPaths.staffPattern) { [self] request in
            handle(request) { context in
                let desk = try AnnouncementDesk(context)
                let announcement = try managedAnnouncement(request, desk)
                return try announcementPage(context, desk: desk, announcement, form: AnnouncementForm(announcement))
            }
        }
        routes.post(AnnouncementPaths.staffPattern, bodyLimit: AnnouncementPaths.uploadBodyLimit) { [self] request in
            handle(request) { context in try updateAnnouncement(context) }
        }
        routes.post(AnnouncementPaths.publishPattern) { [self] request in
            handle(request) { context in try publishAnnouncement(context) }
        }
        routes.post(AnnouncementPaths.withdrawPattern) { [self] request in
            handle(request) { context in try withdrawAnnouncement(context) }
        }
    }

    // MARK: Pages

    private func newAnnouncementPage(_ context: RequestContext, desk: AnnouncementDesk, form: AnnouncementForm,
                                     status: HTTPStatus = .ok) throws -> HTTPResponse {
        let areas = try AnnouncementAreaChoices.load(service.database)
        return page("Pengumuman baru", context, status: status, """
            <p class="back"><a href="\(AnnouncementPaths.staffList)">‹ Semua pengumuman</a></p>
            <h1>Pengumuman baru</h1>
            \(AnnouncementStaffView.form(form, existing: nil, choices: desk.choosesArea ? areas : nil, unitName: areas.unitName(desk),
                                         csrfToken: context.csrfToken))
            """)
    }

    private func announcementPage(_ context: RequestContext, desk: AnnouncementDesk, _ announcement: Announcement, form: AnnouncementForm,
                                  withdrawal: WithdrawalForm = WithdrawalForm(), status: HTTPStatus = .ok) throws -> HTTPResponse {
        let areas = try AnnouncementAreaChoices.load(service.database)
        let history = try service.announcementLog(announcement.id, by: desk.actor)
        return page(announcement.title, context, status: status,
                    AnnouncementStaffView.page(announcement, form: form, withdrawal: withdrawal, history: history,
                                               choices: desk.choosesArea ? areas : nil, unitName: areas.unitName(desk), csrfToken: context.csrfToken))
    }

    // MARK: Changes

    private func createAnnouncement(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try AnnouncementDesk(context)
        let submitted = try verifiedForm(context, limits: Self.announcementFormLimits)
        defer { submitted.removeFiles() }
        var form = AnnouncementForm(submitted, ownArea: desk.ownArea)
        let draft = form.draft(ownArea: desk.ownArea)
        let document = uploadedDocument(submitted, title: form.documentTitle)
        do {
            guard form.formatErrors.isEmpty else {
                throw DomainError.invalidFields(AnnouncementRules.fieldErrors(draft, by: desk.actor, documentCount: document == nil ? 0 : 1,
                                                                              publishing: form.publish))
            }
            let stored = try service.createAnnouncement(draft, document: document, publish: form.publish, by: desk.actor)
            try flash(form.publish ? "Pengumuman \"\(stored.title)\" diumumkan." : "Draf \"\(stored.title)\" tersimpan.", context)
            return .redirect(to: AnnouncementPaths.staff(stored.id))
        } catch DomainError.invalidFields(let errors) {
            form.refuse(errors)
            return try newAnnouncementPage(context, desk: desk, form: form, status: .unprocessableContent)
        }
    }

    private func updateAnnouncement(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try AnnouncementDesk(context)
        let existing = try managedAnnouncement(context.request, desk)
        let submitted = try verifiedForm(context, limits: Self.announcementFormLimits)
        defer { submitted.removeFiles() }
        var form = AnnouncementForm(submitted, ownArea: desk.ownArea)
        guard existing.status != .withdrawn else { return withdrawnConflict(context, existing) }
        let draft = form.draft(ownArea: desk.ownArea)
        let document = uploadedDocument(submitted, title: form.documentTitle)
        do {
            guard form.formatErrors.isEmpty else {
                let count = existing.documents.filter { !form.removeDocuments.contains($0.id) }.count + (document == nil ? 0 : 1)
                throw DomainError.invalidFields(AnnouncementRules.fieldErrors(draft, by: desk.actor, documentCount: count,
                                                                              publishing: form.publish || existing.status == .published))
            }
            let stored = try service.updateAnnouncement(existing.id, expectedVersion: form.version ?? 0, draft, addDocument: document,
                                                        removeDocuments: form.removeDocuments, publish: form.publish, by: desk.actor)
            let published = form.publish && existing.status == .draft
            try flash(published ? "Pengumuman \"\(stored.title)\" diumumkan." : "Perubahan \"\(stored.title)\" tersimpan.", context)
            return .redirect(to: AnnouncementPaths.staff(stored.id))
        } catch DomainError.invalidFields(let errors) {
            form.refuse(errors)
            form.version = existing.version
            return try announcementPage(context, desk: desk, existing, form: form, status: .unprocessableContent)
        } catch DomainError.staleVersion {
            return staleAnnouncement(context, existing)
        }
    }

    private func publishAnnouncement(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try AnnouncementDesk(context)
        let existing = try managedAnnouncement(context.request, desk)
        let submitted = try verifiedForm(context)
        guard existing.status != .withdrawn else { return withdrawnConflict(context, existing) }
        do {
            let stored = try service.publishAnnouncement(existing.id, expectedVersion: submitted["versi"].flatMap { Int64($0) } ?? 0, by: desk.actor)
            try flash("Pengumuman \"\(stored.title)\" diumumkan.", context)
            return .redirect(to: AnnouncementPaths.staff(stored.id))
        } catch DomainError.invalidFields(let errors) {
            var form = AnnouncementForm(existing)
            form.refuse(errors)
            return try announcementPage(context, desk: desk, existing, form: form, status: .unprocessableContent)
        } catch DomainError.staleVersion {
            return staleAnnouncement(context, existing)
        }
    }

    private func withdrawAnnouncement(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try AnnouncementDesk(context)
        let existing = try managedAnnouncement(context.request, desk)
        let submitted = try verifiedForm(context)
        var withdrawal = WithdrawalForm(reason: submitted["alasan"] ?? "")
        guard existing.status == .published else {
            return message(context, .conflict, "Tidak dapat ditarik", existing.status == .draft
                           ? "Draf belum diumumkan, jadi tidak perlu ditarik; biarkan tetap sebagai draf."
                           : "Pengumuman ini sudah ditarik.", next: "Kembali ke <a href=\"\(AnnouncementPaths.staffList)\">daftar pengumuman</a>.")
        }
        do {
            let stored = try service.withdrawAnnouncement(existing.id, expectedVersion: submitted["versi"].flatMap { Int64($0) } ?? 0,
                                                          reason: withdrawal.reason, by: desk.actor)
            try flash("Pengumuman \"\(stored.title)\" ditarik.", context)
            return .redirect(to: AnnouncementPaths.staff(stored.id))
        } catch DomainError.invalidFields(let errors) {
            withdrawal.errors = errors
            return try announcementPage(context, desk: desk, existing, form: AnnouncementForm(existing), withdrawal: withdrawal,
                                        status: .unprocessableContent)
        } catch DomainError.staleVersion {
            return staleAnnouncement(context, existing)
        }
    }

    // MARK: Helpers

    private static let announcementFormLimits = FormLimits(maxFileBytes: AnnouncementPaths.uploadBodyLimit,
                                                           maxTotalBytes: AnnouncementPaths.uploadBodyLimit)

    /// The announcement of the address, if the desk manages it (404 otherwise, as for one that does not exist).
    private func managedAnnouncement(_ request: HTTPRequest, _ desk: AnnouncementDesk) throws -> Announcement {
        guard let id = AnnouncementPaths.id(request.pathParameters["id"]) else { throw PortalError.notFound }
        let found = try service.announcement(id, viewer: .actor(desk.actor))
        guard AnnouncementRules.mayWrite(found.area, by: desk.actor) else { throw PortalError.notFound }
        return found
    }

    /// The uploaded document of the form, if a file was chosen.
    private func uploadedDocument(_ form: FormData, title: String) -> NewAnnouncementDocument? {
        guard form.file("berkas") != nil else { return nil }
        let file = uploadedBytes(form, "berkas")
        return NewAnnouncementDocument(title: title, fileName: file.name, bytes: file.bytes)
    }

    private func staleAnnouncement(_ context: RequestContext, _ announcement: Announcement) -> HTTPResponse {
        message(context, .conflict, "Data sudah berubah",
                "Pengumuman ini sudah diubah petugas lain sejak halaman Anda dimuat. Perubahan Anda tidak disimpan.",
                next: "Buka <a href=\"\(AnnouncementPaths.staff(announcement.id))\">pengumuman itu</a> lagi, periksa isinya, lalu ulangi perubahan Anda.")
    }

    private func withdrawnConflict(_ context: RequestContext, _ announcement: Announcement) -> HTTPResponse {
        message(context, .conflict, "Pengumuman sudah ditarik", "Pengumuman yang sudah ditarik tidak dapat diubah atau diumumkan lagi.",
                next: "Buat <a href=\"\(AnnouncementPaths.staffNew)\">pengumuman baru</a> bila perlu.")
    }
}
