import Foundation
import HTTPServer
import Musrenbang

/// A resident edits their own draft or returned proposal (`/usulan/{kode}/ubah`) with the same form, check page and
/// rules as a new one; "Simpan perubahan" keeps it, "Kirim usulan" saves and submits it again in one transaction.
/// The version it was loaded at travels with the form: if anything changed meanwhile, the 409 page says so.
extension Portal {
    func editProposalRoutes(_ routes: inout RouteTable) {
        routes.get("/usulan/:kode/ubah") { [self] request in
            handle(request) { context in
                let (signedIn, proposal, place) = try editable(context)
                return page("Ubah usulan", context, ProposalFormView.render(
                    ProposalAnswers(proposal), place: place, catalog: try catalog(), errors: [], csrfToken: signedIn.context.csrfToken,
                    target: .edit(code: proposal.trackingCode.description, version: proposal.version,
                                  photos: try service.photos(of: .id(proposal.id), viewer: .actor(signedIn.actor)))))
            }
        }
        routes.post("/usulan/:kode/ubah", bodyLimit: PhotoUploads.bodyLimit) { [self] request in
            handle(request) { context in
                let (signedIn, proposal, place) = try editable(context)
                var photos = try service.photos(of: .id(proposal.id), viewer: .actor(signedIn.actor))
                let submitted = try verifiedPhotoForm(context)
                let uploads = try receivePhotos(submitted, by: signedIn.actor, attached: photos.count)
                let fields = submitted.firstValues
                // "Hapus foto" on a photo the proposal has: removed at once; only a photo of this proposal (else 404).
                if let raw = fields[PhotoUploads.removeAttachedField] {
                    guard let id = Int64(raw), photos.contains(where: { $0.id.rawValue == id }) else { throw PortalError.notFound }
                    try service.removePhoto(ProposalPhotoID(id), by: signedIn.actor)
                    photos = try service.photos(of: .id(proposal.id), viewer: .actor(signedIn.actor))
                }
                var answers = ProposalAnswers(fields: fields)
                answers.rtId = place.rtId.rawValue
                let version = fields["versi"].flatMap { Int64($0) } ?? proposal.version
                let target = ProposalFormTarget.edit(code: proposal.trackingCode.description, version: version, photos: photos)
                    .with(uploads)
                do {
                    return try proposalFormStep(context, fields: fields, answers: answers, place: place, target: target,
                                                photoErrors: uploads.errors) { content, send in
                        try service.transactionInGroup { tx in
                            let edited = try tx.apply(TransitionInput(.ubah, expectedVersion: version, edit: content), to: .id(proposal.id),
                                                      by: signedIn.actor)
                            try tx.attachPendingPhotos(formToken: uploads.token, to: .id(proposal.id), by: signedIn.actor)
                            if send { try tx.apply(.ajukan, to: .id(proposal.id), by: signedIn.actor, expectedVersion: edited.version) }
                        }
                        try flash(send ? "Usulan \(proposal.trackingCode) dikirim lagi." : "Perubahan usulan \(proposal.trackingCode) tersimpan.",
                                  context)
                        return .redirect(to: "/usulan/saya")
                    }
                } catch DomainError.staleVersion {
                    let current = try service.proposalDetail(.id(proposal.id), viewer: .actor(signedIn.actor)).proposal
                    return message(context, .conflict, "Usulan sudah berubah",
                                   "Usulan \(proposal.trackingCode) baru saja diubah (sekarang: \(current.state.displayName)). "
                                   + "Perubahan Anda belum disimpan.",
                                   next: "Buka <a href=\"/usulan/\(Self.queryEncode(proposal.trackingCode.description))/ubah\">usulan terbaru</a> lalu ulangi perubahan Anda.")
                }
            }
        }
    }

    /// The signed-in resident's own proposal while it may be edited (draft or returned), with its place; 404 for
    /// anyone else, 409 when it has moved on.
    private func editable(_ context: RequestContext) throws -> (SignedIn, Proposal, ProposalPlace) {
        let signedIn = try residentOnly(context)
        guard let code = context.request.pathParameters["kode"].flatMap(TrackingCode.init(parsing:)) else { throw PortalError.notFound }
        let proposal = try service.proposalDetail(.code(code), viewer: .actor(signedIn.actor)).proposal
        guard proposal.proposerAccountId == signedIn.actor.accountId else { throw PortalError.notFound }
        let editableStates = [ProposalState(.praMusrenbang, .draft), ProposalState(.praMusrenbang, .dikembalikan),
                              ProposalState(.kelurahan, .dikembalikan)]
        guard editableStates.contains(proposal.state) else {
            throw PortalError.conflict("Usulan \(code) sudah \(proposal.state.displayName.lowercased()) dan tidak dapat diubah lagi.")
        }
        guard let rt = proposal.origin.rtId, let place = try ProposalPlace.of(rt.rawValue, database: service.database) else {
            throw PortalError.notFound
        }
        return (signedIn, proposal, place)
    }
}
