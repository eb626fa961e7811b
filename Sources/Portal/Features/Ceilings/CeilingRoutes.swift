import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's ceilings (`/kerja/pagu`, of the cycle `CycleChoice` reads from `?siklus=`): a level's settings with "Pratinjau" (computed, not stored) and "Simpan" (the
/// engine's `setCeilingSettingsAndCompute`: the settings and every ceiling in one transaction, logged), and the OPD
/// ceilings (`setOPDCeiling`). The engine's refusals come back beside their fields, or as the rule above the form.
extension Portal {
    func ceilingRoutes(_ routes: inout RouteTable) {
        routes.get(CeilingPaths.settings) { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context, rule: CeilingPaths.rule)
                guard let choice = try CycleChoice(context, service: service) else { return noCycle(context) }
                let level: Level = request.queryValue("tingkat") == Level.kecamatan.rawValue ? .kecamatan : .kelurahan
                _ = desk
                return try ceilingPage(context, choice: choice,
                                       form: CeilingSettingsForm(level: level, stored: try storedSettings(choice.cycle.id, level)))
            }
        }
        routes.post(CeilingPaths.settings) { [self] request in
            handle(request) { context in try submitCeilingSettings(context) }
        }
        routes.post(CeilingPaths.opd) { [self] request in
            handle(request) { context in try submitOPDCeiling(context) }
        }
    }

    private func noCycle(_ context: RequestContext) -> HTTPResponse {
        page("Pagu indikatif", context, "<h1>Pagu indikatif</h1><p class=\"lead\">Belum ada siklus perencanaan.</p>")
    }

    private func storedSettings(_ cycleId: CycleID, _ level: Level) throws -> CeilingSettings? {
        try service.database.read { db in try CeilingRepository(db).settings(cycleId: cycleId, level: level) }
            .map { CeilingSettings(total: $0.total, formula: $0.formula) }
    }

    private func ceilingPage(_ context: RequestContext, choice: CycleChoice, form: CeilingSettingsForm, preview: CeilingPreview? = nil,
                             opdForm: OPDCeilingForm? = nil, status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let level = form.level
        let cycle = choice.cycle
        let (stored, opds, locked) = try service.database.read { db in
            let wilayah = WilayahRepository(db), ceilings = CeilingRepository(db)
            let names: [(Int64, String)] = level == .kecamatan
                ? try wilayah.kecamatanList(kotaId: cycle.kotaId).map { ($0.id.rawValue, "Kecamatan \($0.name)") }
                : try wilayah.kelurahanList(kotaId: cycle.kotaId).map { ($0.id.rawValue, "Kelurahan \($0.name)") }
            let amounts = try ceilings.amounts(cycleId: cycle.id, level: level)
            let stored = names.compactMap { id, name in amounts[id].map { CeilingPageView.Stored(name: name, amount: $0) } }
            let opds = try CatalogRepository(db).opdList().map { opd in
                CeilingPageView.OPDRow(opd: opd, amount: try ceilings.amount(of: .opd(opd.id), cycleId: cycle.id),
                                       form: opdForm?.opdId == opd.id ? opdForm : nil)
            }
            return (stored, opds, !(try LockRepository(db).keys(cycleId: cycle.id).isEmpty))
        }
        let view = CeilingPageView.Page(choice: choice, form: form, preview: preview, stored: stored, opds: opds, reasonRequired: locked,
                                        csrfToken: context.csrfToken, notice: notice)
        return page("Pagu indikatif", context, status: status, CeilingPageView.render(view))
    }

    private func submitCeilingSettings(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CeilingPaths.rule)
        let submitted = try verifiedForm(context)
        guard let choice = try CycleChoice(context, service: service) else { return noCycle(context) }
        let cycle = choice.cycle
        guard var form = CeilingSettingsForm(submitted) else {
            return try ceilingPage(context, choice: choice, form: CeilingSettingsForm(level: .kelurahan, stored: try storedSettings(cycle.id, .kelurahan)),
                                   status: .unprocessableContent,
                                   notice: RefusalNotice(rule: "Tingkat pagu tidak dikenal.", next: "Pilih pagu kelurahan atau pagu kecamatan."))
        }
        guard let settings = form.settings else { return try ceilingPage(context, choice: choice, form: form, status: .unprocessableContent) }
        do {
            switch form.action {
            case .preview:
                let preview = try service.previewCeilings(cycleId: cycle.id, level: form.level, settings, by: desk.actor)
                return try ceilingPage(context, choice: choice, form: form, preview: preview)
            case .save:
                let computed = try service.setCeilingSettingsAndCompute(cycleId: cycle.id, level: form.level, settings,
                                                                         reason: form.trimmedReason.isEmpty ? nil : form.trimmedReason, by: desk.actor)
                let done = computed == nil
                    ? "Pengaturan pagu \(form.level.rawValue) disimpan. Pagu dihitung setelah pengaturan kedua tingkat tersimpan."
                    : "Pengaturan pagu \(form.level.rawValue) disimpan dan pagu kelurahan serta kecamatan dihitung ulang."
                if let session = context.session { try sessions.setFlash(done, idHash: session.idHash) }
                return .redirect(to: choice.path("\(CeilingPaths.settings)?tingkat=\(form.level.rawValue)"))
            }
        } catch let error as DomainError {
            switch error {
            case .roleNotAllowed, .accountInactive: throw error
            case .invalidFields(let fields):
                let placed = fields.compactMap(CeilingSettingsForm.fieldError(for:))
                form.errors += placed
                let rest = fields.filter { CeilingSettingsForm.fieldError(for: $0) == nil }
                let notice = rest.isEmpty ? nil
                    : RefusalNotice(rule: rest.map { "\($0.field): \($0.message)." }.joined(separator: " "),
                                    next: "Naikkan total atau ubah bobot agar setiap pagu tidak di bawah yang sudah didanai.")
                return try ceilingPage(context, choice: choice, form: form, status: .unprocessableContent, notice: notice)
            case .reasonRequired:
                form.errors.append(FieldError(field: "alasan", message: "Tulis alasan: berita acara sudah ditandatangani, jadi perubahan pagu wajib beralasan."))
                return try ceilingPage(context, choice: choice, form: form, status: .unprocessableContent)
            default:
                return try ceilingPage(context, choice: choice, form: form, status: .unprocessableContent, notice: RefusalNotice(error))
            }
        }
    }

    private func submitOPDCeiling(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: CeilingPaths.rule)
        let submitted = try verifiedForm(context)
        guard let choice = try CycleChoice(context, service: service) else { return noCycle(context) }
        let cycle = choice.cycle
        let settingsForm = CeilingSettingsForm(level: .kelurahan, stored: try storedSettings(cycle.id, .kelurahan))
        guard var form = OPDCeilingForm(submitted) else { throw PortalError.notFound }
        guard let opdId = form.opdId, (try? service.database.read({ db in try CatalogRepository(db).opd(id: opdId) })) != nil else {
            throw PortalError.notFound
        }
        guard let amount = form.value else {
            return try ceilingPage(context, choice: choice, form: settingsForm, opdForm: form, status: .unprocessableContent)
        }
        do {
            try service.setOPDCeiling(cycleId: cycle.id, opdId: opdId, amount: amount,
                                      reason: form.trimmedReason.isEmpty ? nil : form.trimmedReason, by: desk.actor)
        } catch let error as DomainError {
            switch error {
            case .roleNotAllowed, .accountInactive: throw error
            case .invalidFields(let fields):
                form.errors += fields.map { FieldError(field: OPDCeilingForm.amountField(opdId), message: "\($0.field): \($0.message).") }
            case .reasonRequired:
                form.errors.append(FieldError(field: OPDCeilingForm.reasonField(opdId),
                                              message: "Tulis alasan: berita acara sudah ditandatangani, jadi perubahan pagu wajib beralasan."))
            default:
                return try ceilingPage(context, choice: choice, form: settingsForm, opdForm: form, status: .unprocessableContent, notice: RefusalNotice(error))
            }
            return try ceilingPage(context, choice: choice, form: settingsForm, opdForm: form, status: .unprocessableContent)
        }
        if let session = context.session { try sessions.setFlash("Pagu perangkat daerah disimpan: \(Rupiah.format(amount)).", idHash: session.idHash) }
        return .redirect(to: choice.path("\(CeilingPaths.settings)#pagu-opd"))
    }
}
