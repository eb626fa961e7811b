import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's perangkat daerah (`/kerja/master/opd`): list, add (`addOPD`), rename (`renameOPD`), and the changes read
/// from the admin log.
extension Portal {
    func opdMasterRoutes(_ routes: inout RouteTable) {
        routes.get(OPDPaths.list) { [self] request in
            handle(request) { context in try opdMasterPage(context, form: OPDForm(), desk: try BappedaDesk(context, rule: OPDPaths.rule)) }
        }
        routes.post(OPDPaths.list) { [self] request in
            handle(request) { context in try saveOPD(context, renaming: nil) }
        }
        routes.post(OPDPaths.list + "/:id") { [self] request in
            handle(request) { context in
                guard let id = request.pathParameters["id"].flatMap({ Int64($0) }) else { throw PortalError.notFound }
                return try saveOPD(context, renaming: OPDID(id))
            }
        }
    }

    private func opdMasterPage(_ context: RequestContext, form: OPDForm, desk: BappedaDesk, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let history = try adminHistory(AdminLogFilter(entity: .opd), limit: 50, by: desk.actor)
        let opds = try service.database.read { db in try CatalogRepository(db).opdList() }
        let view = OPDMasterView.Page(opds: opds, form: form, history: history, csrfToken: context.csrfToken)
        return page("Perangkat daerah", context, status: status, OPDMasterView.render(view))
    }

    private func saveOPD(_ context: RequestContext, renaming: OPDID?) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: OPDPaths.rule)
        var form = OPDForm(try verifiedForm(context), renaming: renaming)
        if let renaming { _ = try service.database.read { db in try CatalogRepository(db).opd(id: renaming) } }
        guard form.errors.isEmpty else { return try opdMasterPage(context, form: form, desk: desk, status: .unprocessableContent) }
        do {
            let saved = if let renaming {
                try service.renameOPD(renaming, name: form.name, shortName: form.shortName, by: desk.actor)
            } else {
                try service.addOPD(code: form.code, name: form.name, shortName: form.shortName, by: desk.actor)
            }
            if let session = context.session {
                try sessions.setFlash("Perangkat daerah \(saved.code) \(renaming == nil ? "ditambahkan" : "diubah"): \(saved.name).", idHash: session.idHash)
            }
            return .redirect(to: OPDPaths.list)
        } catch {
            guard let fields = form.fieldErrors(for: error) else { throw error }
            form.errors += fields
            return try opdMasterPage(context, form: form, desk: desk, status: .unprocessableContent)
        }
    }
}
