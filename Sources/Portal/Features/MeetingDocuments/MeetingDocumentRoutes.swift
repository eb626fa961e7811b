import Foundation
import HTTPServer
import Musrenbang

/// The documents of the kelurahan's Musrenbang (`/kerja/dokumen`): the operator's list and upload, the download for
/// the staff the engine lets read them (404 for anyone else, as for a missing document), and a file attached to one
/// proposal by its tracking code (the engine's `AttachmentRules`).
extension Portal {
    func meetingDocumentRoutes(_ routes: inout RouteTable) {
        routes.get(OperatorPaths.documents) { [self] request in
            handle(request) { context in try documentsPage(context, worker: try KelurahanOperator(context)) }
        }
        routes.post(OperatorPaths.documents, bodyLimit: OperatorPaths.uploadBodyLimit) { [self] request in
            handle(request) { context in try uploadMeetingDocument(context) }
        }
        routes.post(OperatorPaths.proposalAttachment, bodyLimit: OperatorPaths.uploadBodyLimit) { [self] request in
            handle(request) { context in try attachToProposal(context) }
        }
        routes.get(OperatorPaths.documents + "/:id") { [self] request in
            handle(request) { context in
                let signedIn = try SignedIn(context)
                guard let raw = request.pathParameters["id"], let id = Int64(raw), id > 0 else { throw PortalError.notFound }
                let (document, bytes) = try service.meetingDocumentFile(MeetingDocumentID(id), viewer: signedIn.actor)
                let ext = AttachmentKind.allCases.first { $0.mediaType == document.mediaType }?.fileExtension ?? "bin"
                return HTTPResponse(status: .ok, headers: [
                    "Content-Type": document.mediaType, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff",
                    "Content-Disposition": "attachment; filename=\"dokumen-\(id).\(ext)\"",
                ], body: .bytes(bytes))
            }
        }
    }

    private func documentsPage(_ context: RequestContext, worker: KelurahanOperator, form: MeetingDocumentForm = MeetingDocumentForm(),
                               attach: ProposalAttachmentForm = ProposalAttachmentForm(), status: HTTPStatus = .ok) throws -> HTTPResponse {
        let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
        guard let cycle = try service.currentCycle() else {
            return message(context, .ok, "Dokumen Musrenbang kelurahan", "Belum ada siklus perencanaan yang dibuka.", next: "Kembali ke <a href=\"/\">beranda</a>.")
        }
        let documents = try service.meetingDocuments(cycleId: cycle.id, kelurahanId: worker.kelurahanId, viewer: worker.actor)
        return page("Dokumen Musrenbang kelurahan", context, status: status,
                    MeetingDocumentsView.render(area: area, cycle: cycle, documents: documents, form: form, attach: attach,
                                                csrfToken: context.csrfToken))
    }

    /// The name and bytes of the file sent in `field` (empty when none was chosen).
    func uploadedBytes(_ form: FormData, _ field: String) -> (name: String, bytes: [UInt8]) {
        guard let file = form.file(field) else { return ("", []) }
        return (file.originalFilename, FileManager.default.contents(atPath: file.path).map { [UInt8]($0) } ?? [])
    }

    private func uploadMeetingDocument(_ context: RequestContext) throws -> HTTPResponse {
        let worker = try KelurahanOperator(context)
        let submitted = try verifiedForm(context, limits: FormLimits(maxFileBytes: OperatorPaths.uploadBodyLimit,
                                                                     maxTotalBytes: OperatorPaths.uploadBodyLimit))
        defer { submitted.removeFiles() }
        var form = MeetingDocumentForm(fields: submitted.firstValues)
        guard let cycle = try service.currentCycle() else { return try documentsPage(context, worker: worker) }
        let file = uploadedBytes(submitted, "berkas")
        do {
            let stored = try service.addMeetingDocument(cycleId: cycle.id, kelurahanId: worker.kelurahanId, kind: form.kind, title: form.title,
                                                        fileName: file.name, bytes: file.bytes, by: worker.actor)
            try flash("Dokumen \"\(stored.title)\" tersimpan.", context)
            return .redirect(to: OperatorPaths.documents)
        } catch DomainError.invalidFields(let errors) {
            form.errors = errors
            return try documentsPage(context, worker: worker, form: form, status: .unprocessableContent)
        }
    }

    private func attachToProposal(_ context: RequestContext) throws -> HTTPResponse {
        let worker = try KelurahanOperator(context)
        let submitted = try verifiedForm(context, limits: FormLimits(maxFileBytes: OperatorPaths.uploadBodyLimit,
                                                                     maxTotalBytes: OperatorPaths.uploadBodyLimit))
        defer { submitted.removeFiles() }
        var attach = ProposalAttachmentForm(code: (submitted["kode"] ?? "").trimmingCharacters(in: .whitespaces).uppercased())
        let file = uploadedBytes(submitted, "lampiran")
        func refuse(_ field: String, _ message: String) throws -> HTTPResponse {
            attach.errors = [FieldError(field: field, message: message)]
            return try documentsPage(context, worker: worker, attach: attach, status: .unprocessableContent)
        }
        guard let code = TrackingCode(parsing: attach.code) else {
            return try refuse("kode", "Isi kode usulan seperti di tanda terima, misalnya TGS-2027-000123.")
        }
        do {
            let attachment = try service.addAttachment(to: .code(code), fileName: file.name, bytes: file.bytes, by: worker.actor,
                                                       store: attachmentStore)
            try flash("Berkas \(attachment.fileName) dilampirkan ke usulan \(code).", context)
            return .redirect(to: OperatorPaths.documents)
        } catch PersistenceError.notFound {
            return try refuse("kode", "Tidak ada usulan \(code) di kelurahan Anda.")
        } catch DomainError.notInScope {
            return try refuse("kode", "Tidak ada usulan \(code) di kelurahan Anda.")
        } catch let error as DomainError {
            if case .missingInput = error { return try refuse("lampiran", "Pilih berkas PDF, JPEG atau PNG.") }
            if case .invalidInput = error { return try refuse("lampiran", "Berkas tidak dapat dipakai: \(error.message)") }
            return try refuse("kode", error.message)
        }
    }
}
