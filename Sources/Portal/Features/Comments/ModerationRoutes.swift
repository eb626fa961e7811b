import HTTPServer
import Musrenbang

/// The moderators' queue (`/kerja/komentar`): the newest comments on proposals in the moderator's scope, each visible
/// one with a form to hide it with a reason. Hiding (`POST /kerja/komentar/{id}/sembunyikan`) is the engine's rule:
/// a comment outside the scope is the same 404 as one that does not exist, whatever fields the form carries.
extension Portal {
    func moderationRoutes(_ routes: inout RouteTable) {
        routes.get(CommentPaths.queue) { [self] request in
            handle(request) { context in try moderationPage(context) }
        }
        routes.post(CommentPaths.hidePattern) { [self] request in
            handle(request) { context in
                let moderator = try Moderator(context)
                let form = try verifiedForm(context)
                guard let id = request.pathParameters["id"].flatMap({ Int64($0) }) else { throw PortalError.notFound }
                let reason = form["alasan"] ?? ""
                do {
                    try service.hideComment(id, reason: reason, by: moderator.actor)
                } catch DomainError.invalidFields(let errors) {
                    return try moderationPage(context, failed: id, typed: reason, errors: errors, status: .unprocessableContent)
                }
                if let session = context.session { try sessions.setFlash("Komentar disembunyikan.", idHash: session.idHash) }
                return .redirect(to: CommentPaths.queue)
            }
        }
    }

    private func moderationPage(_ context: RequestContext, failed: Int64? = nil, typed: String = "", errors: [FieldError] = [],
                                status: HTTPStatus = .ok) throws -> HTTPResponse {
        let moderator = try Moderator(context)
        let items = try service.moderationQueue(for: moderator.actor)
        let label = RoleLabel.text(role: moderator.actor.role, scope: moderator.actor.scope, database: service.database)
        return page("Moderasi komentar", context, status: status,
                    ModerationView.render(items, unitLabel: label, failed: failed, typed: typed, errors: errors,
                                          csrfToken: context.csrfToken))
    }
}
