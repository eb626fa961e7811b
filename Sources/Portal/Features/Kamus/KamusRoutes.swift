import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's kamus usulan (`/kerja/master/kamus`): the list with SSH prices and an add form, one item's page with its
/// change (a new SSH price needs a reason), deactivation or reactivation (with a reason) and its admin-log history.
/// The engine (`addKamusItem`, `changeKamusItem`, `setKamusItemActive`) checks the role, the account and each field.
extension Portal {
    func kamusRoutes(_ routes: inout RouteTable) {
        routes.get(KamusPaths.list) { [self] request in
            handle(request) { context in
                _ = try BappedaDesk(context, rule: KamusPaths.rule)
                return try kamusList(context, form: KamusForm())
            }
        }
        routes.post(KamusPaths.list) { [self] request in
            handle(request) { context in try addKamus(context) }
        }
        routes.get(KamusPaths.list + "/:id") { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context, rule: KamusPaths.rule)
                let item = try kamusItem(context)
                return try kamusPage(context, item: item, form: KamusForm(item), desk: desk)
            }
        }
        routes.post(KamusPaths.list + "/:id") { [self] request in
            handle(request) { context in try changeKamus(context) }
        }
        routes.post(KamusPaths.list + "/:id/status") { [self] request in
            handle(request) { context in try setKamusActive(context) }
        }
    }

    private func kamusCatalog() throws -> KamusView.Catalog {
        try service.database.read { db in
            let catalog = CatalogRepository(db)
            return KamusView.Catalog(bidang: try catalog.bidangList(), opds: try catalog.opdList())
        }
    }

    /// The item named by the path (404 when the id is not a number or not stored).
    private func kamusItem(_ context: RequestContext) throws -> KamusItem {
        guard let id = context.request.pathParameters["id"].flatMap({ Int64($0) }) else { throw PortalError.notFound }
        return try service.database.read { db in try CatalogRepository(db).kamus(id: KamusID(id)) }
    }

    private func kamusList(_ context: RequestContext, form: KamusForm, status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let items = try service.database.read { db in try CatalogRepository(db).kamusList() }
        let view = KamusView.ListPage(items: items, catalog: try kamusCatalog(), form: form, csrfToken: context.csrfToken, notice: notice)
        return page("Kamus usulan", context, status: status, KamusView.list(view))
    }

    private func kamusPage(_ context: RequestContext, item: KamusItem, form: KamusForm, desk: BappedaDesk, statusReason: String = "",
                           statusError: String? = nil, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let history = try adminHistory(AdminLogFilter(entity: .kamusUsulan, key: "\(item.id)"), limit: 100, by: desk.actor)
        let view = KamusView.ItemPage(item: item, catalog: try kamusCatalog(), form: form, statusReason: statusReason, statusError: statusError,
                                      history: history, csrfToken: context.csrfToken)
        return page(item.name, context, status: status, KamusView.item(view))
    }

    private func addKamus(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: KamusPaths.rule)
        var form = KamusForm(try verifiedForm(context), existing: nil)
        guard let new = form.newItem else { return try kamusList(context, form: form, status: .unprocessableContent) }
        do {
            let item = try service.addKamusItem(new, by: desk.actor)
            if let session = context.session { try sessions.setFlash("Kegiatan \(item.code) \(item.name) ditambahkan.", idHash: session.idHash) }
            return .redirect(to: KamusPaths.list)
        } catch {
            guard let fields = KamusForm.fieldError(for: error) else { throw error }
            form.errors += fields
            return try kamusList(context, form: form, status: .unprocessableContent)
        }
    }

    private func changeKamus(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: KamusPaths.rule)
        let submitted = try verifiedForm(context)
        let item = try kamusItem(context)
        var form = KamusForm(submitted, existing: item)
        guard let change = form.change else { return try kamusPage(context, item: item, form: form, desk: desk, status: .unprocessableContent) }
        do {
            _ = try service.changeKamusItem(item.id, change, reason: form.trimmedReason.isEmpty ? nil : form.trimmedReason, by: desk.actor)
            if let session = context.session { try sessions.setFlash("Kegiatan \(item.code) diubah.", idHash: session.idHash) }
            return .redirect(to: KamusPaths.item(item.id.rawValue))
        } catch {
            guard let fields = KamusForm.fieldError(for: error) else { throw error }
            form.errors += fields
            return try kamusPage(context, item: item, form: form, desk: desk, status: .unprocessableContent)
        }
    }

    private func setKamusActive(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: KamusPaths.rule)
        let submitted = try verifiedForm(context)
        let item = try kamusItem(context)
        let reason = (submitted["alasan-status"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let active = submitted["aktif"] == "ya"
        guard !reason.isEmpty, reason.count <= 2_000 else {
            return try kamusPage(context, item: item, form: KamusForm(item), desk: desk, statusReason: submitted["alasan-status"] ?? "",
                                 statusError: reason.isEmpty ? "Tulis alasannya; dicatat pada log admin." : "Alasan terlalu panjang: paling banyak 2.000 huruf.",
                                 status: .unprocessableContent)
        }
        _ = try service.setKamusItemActive(item.id, active, reason: reason, by: desk.actor)
        if let session = context.session {
            try sessions.setFlash("Kegiatan \(item.code) \(active ? "diaktifkan kembali" : "dinonaktifkan").", idHash: session.idHash)
        }
        return .redirect(to: KamusPaths.item(item.id.rawValue))
    }
}
