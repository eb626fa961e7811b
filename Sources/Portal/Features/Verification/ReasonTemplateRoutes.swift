import Foundation
import HTTPServer
import Musrenbang

/// The reason templates of a verifying unit (`/kerja/verifikasi/alasan`): the list, adding one, removing one. Every
/// verifier of the unit manages the same list; anyone else gets the verifiers' 403.
extension Portal {
    func reasonTemplateRoutes(_ routes: inout RouteTable) {
        routes.get(VerificationPaths.templates) { [self] request in
            handle(request) { context in try reasonTemplatePage(context) }
        }
        routes.post(VerificationPaths.templates) { [self] request in
            handle(request) { context in
                let verifier = try Verifier(context)
                let form = try verifiedForm(context)
                let text = form["teks"] ?? ""
                do {
                    try reasonTemplates.add(text, owner: verifier.templateOwner, by: verifier.actor.accountId, at: context.now)
                } catch let refusal as ReasonTemplateStore.Refusal {
                    return try reasonTemplatePage(context, typed: text, error: refusal.message, status: .unprocessableContent)
                }
                if let session = context.session { try sessions.setFlash("Alasan tersimpan ditambahkan.", idHash: session.idHash) }
                return .redirect(to: VerificationPaths.templates)
            }
        }
        routes.post(VerificationPaths.templates + "/:id/hapus") { [self] request in
            handle(request) { context in
                let verifier = try Verifier(context)
                _ = try verifiedForm(context)
                guard let id = request.pathParameters["id"].flatMap({ Int64($0) }),
                      try reasonTemplates.remove(id, owner: verifier.templateOwner) else { throw PortalError.notFound }
                if let session = context.session { try sessions.setFlash("Alasan tersimpan dihapus.", idHash: session.idHash) }
                return .redirect(to: VerificationPaths.templates)
            }
        }
    }

    private func reasonTemplatePage(_ context: RequestContext, typed: String = "", error: String? = nil,
                                    status: HTTPStatus = .ok) throws -> HTTPResponse {
        let verifier = try Verifier(context)
        let templates = try reasonTemplates.list(owner: verifier.templateOwner)
        let label = RoleLabel.text(role: verifier.actor.role, scope: verifier.actor.scope, database: service.database)
        return page("Alasan tersimpan", context, status: status,
                    ReasonTemplatesView.render(templates, unitLabel: label, typed: typed, error: error, csrfToken: context.csrfToken))
    }
}
