import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's criteria inputs (`/kerja/pagu/kriteria`, of the cycle `CycleChoice` reads from `?siklus=`): the table of every kelurahan (saved through the engine's
/// `setCeilingInputs`, all changed rows in one transaction, one log row each; a table read at an older version is
/// refused with 409), the CSV template, and the import: the upload and its preview with every row's errors, then the
/// confirmation that stores every row or none. The file waits in memory between preview and confirmation, bound to
/// the session (`HeldUploads`).
extension Portal {
    func ceilingInputRoutes(_ routes: inout RouteTable) {
        routes.get(CeilingInputPaths.table) { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context, rule: CeilingInputPaths.rule)
                guard let choice = try CycleChoice(context, service: service) else { return noCycleForInputs(context) }
                return try ceilingInputPage(context, choice: choice, sheet: try CeilingInputSheet.load(choice.cycle, database: service.database),
                                            form: CeilingInputForm(), desk: desk)
            }
        }
        routes.post(CeilingInputPaths.table) { [self] request in
            handle(request) { context in try saveCeilingInputs(context) }
        }
        routes.get(CeilingInputPaths.template) { [self] request in
            handle(request) { context in
                _ = try BappedaDesk(context, rule: CeilingInputPaths.rule)
                guard let choice = try CycleChoice(context, service: service) else { return noCycleForInputs(context) }
                let sheet = try CeilingInputSheet.load(choice.cycle, database: service.database)
                return HTTPResponse(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                                           "Content-Disposition": "attachment; filename=\"templat-kriteria-pagu.csv\"",
                                                           "Cache-Control": "no-store"],
                                    body: .bytes(CeilingInputTemplate.bytes(sheet)))
            }
        }
        routes.post(CeilingInputPaths.importPreview, bodyLimit: CeilingInputPaths.importMaxBytes + 64 * 1024, lane: .heavy) { [self] request in
            handle(request) { context in try previewCeilingInputImport(context) }
        }
        routes.post(CeilingInputPaths.importConfirm, lane: .heavy) { [self] request in
            handle(request) { context in try confirmCeilingInputImport(context) }
        }
    }

    private func noCycleForInputs(_ context: RequestContext) -> HTTPResponse {
        page("Data kriteria pagu", context, "<h1>Data kriteria pagu</h1><p class=\"lead\">Belum ada siklus perencanaan.</p>")
    }

    private func ceilingInputPage(_ context: RequestContext, choice: CycleChoice, sheet: CeilingInputSheet, form: CeilingInputForm, desk: BappedaDesk,
                                  status: HTTPStatus = .ok, uploadError: String? = nil, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let history = try adminHistory(AdminLogFilter(entity: .ceilingInputs, cycleId: sheet.cycle.id), limit: 100, by: desk.actor)
        let view = CeilingInputView.Page(choice: choice, sheet: sheet, form: form, history: history, csrfToken: context.csrfToken,
                                         uploadError: uploadError, notice: notice)
        return page("Data kriteria pagu", context, status: status, CeilingInputView.render(view))
    }

    private func saveCeilingInputs(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CeilingInputPaths.rule)
        let submitted = try verifiedForm(context)
        guard let choice = try CycleChoice(context, service: service) else { return noCycleForInputs(context) }
        let cycle = choice.cycle
        let sheet = try CeilingInputSheet.load(cycle, database: service.database)
        var form = CeilingInputForm(submitted, sheet: sheet)
        guard form.version == sheet.version else {
            let notice = RefusalNotice(rule: "Data kriteria sudah diubah orang lain sejak tabel ini dibuka; perubahan Anda tidak disimpan.",
                                       next: "Tabel di bawah berisi data terbaru. Periksa lalu ulangi perubahan Anda.")
            return try ceilingInputPage(context, choice: choice, sheet: sheet, form: CeilingInputForm(), desk: desk, status: .conflict, notice: notice)
        }
        guard form.errors.isEmpty else { return try ceilingInputPage(context, choice: choice, sheet: sheet, form: form, desk: desk, status: .unprocessableContent) }
        guard !form.changed.isEmpty else {
            try flash("Tidak ada data kriteria yang berubah.", context)
            return .redirect(to: choice.path(CeilingInputPaths.table))
        }
        do {
            try service.setCeilingInputs(form.changed, cycleId: cycle.id, reason: form.trimmedReason, by: desk.actor)
        } catch let error as DomainError {
            if case .roleNotAllowed = error { throw error }
            if case .reasonRequired = error {
                form.errors.append(FieldError(field: "alasan", message: "Tulis alasan perubahan: sudah ada berita acara yang dikunci."))
                return try ceilingInputPage(context, choice: choice, sheet: sheet, form: form, desk: desk, status: .unprocessableContent)
            }
            return try ceilingInputPage(context, choice: choice, sheet: sheet, form: form, desk: desk, status: .unprocessableContent, notice: RefusalNotice(error))
        }
        try flash("Data kriteria \(form.changed.count) kelurahan disimpan.", context)
        return .redirect(to: choice.path(CeilingInputPaths.table))
    }

    private func previewCeilingInputImport(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CeilingInputPaths.rule)
        let form = try verifiedForm(context, limits: FormLimits(maxFileBytes: CeilingInputPaths.importMaxBytes,
                                                                maxTotalBytes: CeilingInputPaths.importMaxBytes + 64 * 1024))
        defer { form.removeFiles() }
        guard let choice = try CycleChoice(context, service: service) else { return noCycleForInputs(context) }
        let cycle = choice.cycle
        let sheet = try CeilingInputSheet.load(cycle, database: service.database)
        guard let file = form.file("berkas"), file.size > 0, let data = FileManager.default.contents(atPath: file.path) else {
            return try ceilingInputPage(context, choice: choice, sheet: sheet, form: CeilingInputForm(), desk: desk, status: .unprocessableContent,
                                        uploadError: "Pilih berkas CSV yang akan diimpor.")
        }
        let bytes = [UInt8](data)
        let plan = CeilingInputImport.read(bytes, sheet: sheet)
        let fileName = AttachmentStore.displayName(file.originalFilename, fallback: "berkas.csv")
        var token: String?
        if plan.isValid, let session = context.session {
            token = heldCriteriaImports.hold(fileName: fileName, bytes: bytes, accountId: desk.actor.accountId, sessionHash: session.idHash,
                                             at: context.now)
        }
        return page("Pratinjau impor", context, status: plan.isValid ? .ok : .unprocessableContent,
                    CeilingInputView.preview(plan, choice: choice, fileName: fileName, token: token, csrfToken: context.csrfToken))
    }

    private func confirmCeilingInputImport(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CeilingInputPaths.rule)
        let form = try verifiedForm(context)
        guard let session = context.session, let token = form["berkas_token"],
              let held = heldCriteriaImports.take(token, accountId: desk.actor.accountId, sessionHash: session.idHash, at: context.now) else {
            return message(context, .conflict, "Berkas impor tidak ada lagi",
                           "Berkas ini sudah diimpor, atau pratinjaunya kedaluwarsa (lebih dari satu jam).",
                           next: "Lihat <a href=\"\(CeilingInputPaths.table)\">data kriteria</a>, atau unggah berkasnya lagi.")
        }
        guard let choice = try CycleChoice(context, service: service) else { return noCycleForInputs(context) }
        let cycle = choice.cycle
        let sheet = try CeilingInputSheet.load(cycle, database: service.database)
        let plan = CeilingInputImport.read(held.bytes, sheet: sheet)
        guard plan.isValid else {
            return page("Pratinjau impor", context, status: .unprocessableContent,
                        CeilingInputView.preview(plan, choice: choice, fileName: held.fileName, token: nil, csrfToken: context.csrfToken))
        }
        let changed = plan.inputs.filter { input in input != sheet.row(input.areaId)?.stored }
        guard !changed.isEmpty else {
            try flash("Tidak ada data kriteria yang berubah di \(held.fileName).", context)
            return .redirect(to: choice.path(CeilingInputPaths.table))
        }
        let reason = (form["alasan"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            try service.setCeilingInputs(changed, cycleId: cycle.id, reason: reason.isEmpty ? nil : reason, by: desk.actor)
        } catch let error as DomainError {
            if case .roleNotAllowed = error { throw error }
            heldCriteriaImports.restore(token, held)
            let reasonError = if case .reasonRequired = error { "Tulis alasan perubahan: sudah ada berita acara yang dikunci." } else { error.message }
            return page("Pratinjau impor", context, status: .unprocessableContent,
                        CeilingInputView.preview(plan, choice: choice, fileName: held.fileName, token: token, csrfToken: context.csrfToken,
                                                 reason: form["alasan"] ?? "", reasonError: reasonError))
        }
        try flash("Data kriteria \(changed.count) kelurahan dari \(held.fileName) diimpor.", context)
        return .redirect(to: choice.path(CeilingInputPaths.table))
    }
}
