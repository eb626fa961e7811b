import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's bidang (`/kerja/master/bidang`): list, add (`addBidang`), rename (`renameBidang`), and the changes read
/// from the admin log.
extension Portal {
    func bidangRoutes(_ routes: inout RouteTable) {
        routes.get(BidangPaths.list) { [self] request in
            handle(request) { context in try bidangPage(context, form: BidangForm(), desk: try BappedaDesk(context, rule: BidangPaths.rule)) }
        }
        routes.post(BidangPaths.list) { [self] request in
            handle(request) { context in try saveBidang(context, renaming: nil) }
        }
        routes.post(BidangPaths.list + "/:id") { [self] request in
            handle(request) { context in
                guard let id = request.pathParameters["id"].flatMap({ Int64($0) }) else { throw PortalError.notFound }
                return try saveBidang(context, renaming: BidangID(id))
            }
        }
    }

    private func bidangPage(_ context: RequestContext, form: BidangForm, desk: BappedaDesk, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let history = try adminHistory(AdminLogFilter(entity: .bidang), limit: 50, by: desk.actor)
        let bidang = try service.database.read { db in try CatalogRepository(db).bidangList() }
        let view = BidangView.Page(bidang: bidang, form: form, history: history, csrfToken: context.csrfToken)
        return page("Bidang", context, status: status, BidangView.render(view))
    }

    private func saveBidang(_ context: RequestContext, renaming: BidangID?) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: BidangPaths.rule)
        var form = BidangForm(try verifiedForm(context), renaming: renaming)
        if let renaming { _ = try service.database.read { db in try CatalogRepository(db).bidang(id: renaming) } }
        guard form.errors.isEmpty else { return try bidangPage(context, form: form, desk: desk, status: .unprocessableContent) }
        do {
            let saved = if let renaming {
                try service.renameBidang(renaming, to: form.name, by: desk.actor)
            } else {
                try service.addBidang(code: form.code, name: form.name, by: desk.actor)
            }
            if let session = context.session {
                try sessions.setFlash("Bidang \(saved.code) \(renaming == nil ? "ditambahkan" : "diubah namanya"): \(saved.name).", idHash: session.idHash)
            }
            return .redirect(to: BidangPaths.list)
        } catch {
            guard let fields = form.fieldErrors(for: error) else { throw error }
            form.errors += fields
            return try bidangPage(context, form: form, desk: desk, status: .unprocessableContent)
        }
    }
}
