import Foundation
import HTTPServer
import Musrenbang

/// The CSV import of the kelurahan operator (`/kerja/impor`): the template, the upload and its preview, then the
/// confirmation that stores every row or none in one transaction. Between preview and confirmation the file waits
/// in memory (`HeldUploads`), bound to the operator's session; the confirmation reads it again, never hidden fields.
extension Portal {
    func proposalImportRoutes(_ routes: inout RouteTable) {
        routes.get(OperatorPaths.importPage) { [self] request in
            handle(request) { context in
                let worker = try KelurahanOperator(context)
                return try importUploadPage(context, worker: worker)
            }
        }
        routes.get(OperatorPaths.importTemplate) { [self] request in
            handle(request) { context in
                _ = try KelurahanOperator(context)
                return HTTPResponse(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                                           "Content-Disposition": "attachment; filename=\"templat-usulan.csv\"",
                                                           "Cache-Control": "no-store"],
                                    body: .bytes(ImportTemplate.bytes(example: try catalog().items.first)))
            }
        }
        routes.post(OperatorPaths.importPage, bodyLimit: OperatorPaths.importMaxBytes + 64 * 1024, lane: .heavy) { [self] request in
            handle(request) { context in try previewImport(context) }
        }
        routes.post(OperatorPaths.importConfirm, lane: .heavy) { [self] request in
            handle(request) { context in try confirmImport(context) }
        }
    }

    private func importUploadPage(_ context: RequestContext, worker: KelurahanOperator, error: String? = nil) throws -> HTTPResponse {
        let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
        return page("Impor usulan", context, status: error == nil ? .ok : .unprocessableContent,
                    ImportView.upload(area: area, catalog: try catalog(), csrfToken: context.csrfToken, error: error))
    }

    private func previewImport(_ context: RequestContext) throws -> HTTPResponse {
        let worker = try KelurahanOperator(context)
        let form = try verifiedForm(context, limits: FormLimits(maxFileBytes: OperatorPaths.importMaxBytes,
                                                                maxTotalBytes: OperatorPaths.importMaxBytes + 64 * 1024))
        defer { form.removeFiles() }
        guard let file = form.file("berkas"), file.size > 0, let data = FileManager.default.contents(atPath: file.path) else {
            return try importUploadPage(context, worker: worker, error: "Pilih berkas CSV yang akan diimpor.")
        }
        let bytes = [UInt8](data)
        let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
        let plan = ImportPlan.read(bytes, area: area, catalog: try catalog())
        let fileName = AttachmentStore.displayName(file.originalFilename, fallback: "berkas.csv")
        var token: String?
        if plan.isValid, let session = context.session {
            token = heldImports.hold(fileName: fileName, bytes: bytes, accountId: worker.actor.accountId, sessionHash: session.idHash,
                                     at: context.now)
        }
        return page("Pratinjau impor", context, status: plan.isValid ? .ok : .unprocessableContent,
                    ImportView.preview(plan, fileName: fileName, token: token, csrfToken: context.csrfToken))
    }

    /// A row the engine refused while storing; the whole import is rolled back.
    private struct RefusedRow: Error {
        let line: Int
        let error: DomainError
    }

    private func confirmImport(_ context: RequestContext) throws -> HTTPResponse {
        let worker = try KelurahanOperator(context)
        let form = try verifiedForm(context)
        guard let session = context.session, let token = form["berkas_token"],
              let held = heldImports.take(token, accountId: worker.actor.accountId, sessionHash: session.idHash, at: context.now) else {
            return message(context, .conflict, "Berkas impor tidak ada lagi",
                           "Berkas ini sudah diimpor, atau pratinjaunya kedaluwarsa (lebih dari satu jam).",
                           next: "Lihat usulan yang sudah masuk, atau <a href=\"\(OperatorPaths.importPage)\">unggah berkasnya lagi</a>.")
        }
        let area = try KelurahanArea.load(worker.kelurahanId, database: service.database)
        let plan = ImportPlan.read(held.bytes, area: area, catalog: try catalog())
        guard plan.isValid, let cycle = try service.currentCycle() else {
            return page("Pratinjau impor", context, status: .unprocessableContent,
                        ImportView.preview(plan, fileName: held.fileName, token: nil, csrfToken: context.csrfToken))
        }
        let stored: [Proposal]
        do {
            stored = try service.transaction { tx in
                try plan.rows.map { row in
                    guard let proposal = row.proposal else { throw RefusedRow(line: row.line, error: .missingInput(field: "usulan")) }
                    do {
                        return try tx.submit(proposal, cycleId: cycle.id, by: worker.actor)
                    } catch let error as DomainError {
                        throw RefusedRow(line: row.line, error: error)
                    }
                }
            }
        } catch let refused as RefusedRow {
            // Nothing was stored: the preview again, the engine's rule on its line.
            let problems: [ImportPlan.Problem] = if case .invalidFields(let fields) = refused.error {
                fields.map { ImportPlan.Problem(line: refused.line, column: ImportColumn.of(formField: $0.field)?.words, message: $0.message) }
            } else {
                [ImportPlan.Problem(line: refused.line, column: nil, message: refused.error.message)]
            }
            let refusedPlan = ImportPlan(rows: plan.rows, fileProblems: problems)
            return page("Pratinjau impor", context, status: .unprocessableContent,
                        ImportView.preview(refusedPlan, fileName: held.fileName, token: nil, csrfToken: context.csrfToken))
        }
        let range = [stored.first, stored.last].compactMap { $0?.trackingCode.description }
        try flash("\(Rupiah.groupDigits(UInt64(stored.count))) usulan dari \(held.fileName) diimpor (\(range.joined(separator: " sampai ")))"
                  + " dan masuk verifikasi kelurahan.", context)
        return .redirect(to: OperatorPaths.importPage)
    }
}
