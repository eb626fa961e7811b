import HTTPServer
import Musrenbang

/// A resident's comment on a published proposal (`POST /usulan/{kode}/komentar`): only a signed-in account acting
/// as a resident (others 403), only on a published proposal (else the same 404 as the page), CSRF checked; a refused
/// comment (empty, too long, the hour's limit) is the page again with 422 and the text kept.
extension Portal {
    func commentRoutes(_ routes: inout RouteTable) {
        routes.post(CommentPaths.addPattern) { [self] request in
            handle(request) { context in
                let signedIn = try SignedIn(context)
                guard signedIn.actor.role == .warga else {
                    throw PortalError.forbidden("Komentar hanya dapat ditulis oleh akun warga. Bila akun Anda juga akun warga, pilih peran Warga lewat \"Ganti peran\".")
                }
                let form = try verifiedForm(context)
                guard let code = TypedTrackingCode.parse(request.pathParameters["kode"] ?? ""),
                      (try? service.publicProposal(.code(code), viewer: .public)) != nil else { throw PortalError.notFound }
                let text = form["isi"] ?? ""
                let comment: ProposalComment
                do {
                    comment = try service.addComment(to: .code(code), text: text, by: signedIn.actor)
                } catch DomainError.invalidFields(let errors) {
                    return try publicProposalPage(code, context, typed: text, errors: errors, status: .unprocessableContent)
                }
                if let session = context.session { try sessions.setFlash("Komentar Anda terkirim.", idHash: session.idHash) }
                return .redirect(to: PublicProposalPaths.proposal(code) + "#" + CommentPaths.anchor(comment.id))
            }
        }
    }
}
