import HTTPServer
import Musrenbang

/// The public side of one proposal, for anyone with or without an account: its page (`/usulan/{kode}`) once it is
/// published, and the tracking form (`/lacak?kode=...`). Both read as `Viewer.public`, so the proposer and staff see
/// here exactly what the public sees; an unpublished proposal is the same 404 page as a code that does not exist.
extension Portal {
    func publicProposalRoutes(_ routes: inout RouteTable) {
        routes.get(PublicProposalPaths.proposalPattern) { [self] request in
            handle(request) { context in
                let raw = request.pathParameters["kode"] ?? ""
                guard let code = TypedTrackingCode.parse(raw), let proposal = try publishedProposal(code) else {
                    return page("Usulan tidak ditemukan", context, status: .notFound, TrackView.notFound(typed: ""))
                }
                // A code typed another way ("tgs-2027-123") goes to its one address.
                guard raw == code.description else { return .redirect(to: PublicProposalPaths.proposal(code)) }
                return try publicProposalPage(code, context, proposal: proposal)
            }
        }
        routes.get(PublicProposalPaths.track) { [self] request in
            handle(request) { context in
                let typed = request.queryValue("kode") ?? ""
                if typed.allSatisfy(\.isWhitespace) { return page("Lacak usulan", context, TrackView.start()) }
                guard let code = TypedTrackingCode.parse(typed) else {
                    return page("Kode tidak sesuai", context, status: .unprocessableContent, TrackView.malformed(typed: typed))
                }
                guard try publishedProposal(code) != nil else {
                    return page("Usulan tidak ditemukan", context, status: .notFound, TrackView.notFound(typed: typed))
                }
                return .redirect(to: PublicProposalPaths.proposal(code))
            }
        }
    }

    /// The public page of a published proposal with its comments and, for a signed-in resident, the comment form
    /// (`typed` and `errors`: a refused comment, shown again with 422).
    func publicProposalPage(_ code: TrackingCode, _ context: RequestContext, proposal: PublicProposal? = nil, typed: String = "",
                            errors: [FieldError] = [], status: HTTPStatus = .ok) throws -> HTTPResponse {
        guard let proposal = try proposal ?? publishedProposal(code) else { throw PortalError.notFound }
        let photos = try service.photos(of: .code(code), viewer: .public)
        let reader: CommentsView.Reader = switch context.actor?.role {
        case nil: context.account == nil ? .visitor : .staff
        case .warga?: .resident
        default: .staff
        }
        let comments = CommentsView.render(try service.comments(on: .code(code)), code: code, reader: reader, typed: typed,
                                           errors: errors, csrfToken: context.csrfToken)
        return page(proposal.title, context, status: status, PublicProposalView.render(proposal, photos: photos, comments: comments))
    }

    /// The public model of the proposal with `code`; nil when none exists or it is not published yet (one answer).
    private func publishedProposal(_ code: TrackingCode) throws -> PublicProposal? {
        do {
            return try service.publicProposal(.code(code), viewer: .public)
        } catch PersistenceError.notFound {
            return nil
        }
    }
}
