import Foundation
import Musrenbang

/// A paper form of the operator's kelurahan that the kelurahan verifier returned (`kelurahan:dikembalikan`), with
/// the verifier's note. Loading one is the screen's check (404 for a proposal the operator may not see or a resident's
/// own online proposal; the routes answer 409 once it is no longer returned); the engine checks role, scope, state, window and version
/// again on every change.
struct ReturnedPaperForm {
    let proposal: Proposal
    /// The verifier's note of the latest return ("" when it had none).
    let note: String
    /// When it was returned and by whom, in words ("Verifikator Kelurahan Pondok Karya").
    let returnedAt: Date?
    let returnedBy: String

    static let state = ProposalState(.kelurahan, .dikembalikan)

    /// The proposer as stored, as the correction form's fields.
    var proposer: ProposerAnswers {
        ProposerAnswers(name: proposal.proposerName, rtId: proposal.origin.rtId.map { String($0.rawValue) } ?? "")
    }

    /// Still waiting for the operator's correction.
    var isReturned: Bool { proposal.state == Self.state }

    init(_ detail: ProposalDetail) {
        proposal = detail.proposal
        let event = detail.history.last { $0.action == .kembalikan }
        note = event?.note ?? ""
        returnedAt = event?.at
        returnedBy = detail.publicView.events.last { $0.action == .kembalikan }?.actor ?? ""
    }

    /// The returned paper form `code` as `worker` may correct it.
    static func load(_ code: TrackingCode, for worker: KelurahanOperator, service: MusrenbangService) throws -> ReturnedPaperForm {
        let detail: ProposalDetail
        do {
            detail = try service.proposalDetail(.code(code), viewer: .actor(worker.actor))
        } catch PersistenceError.notFound {
            throw PortalError.notFound
        }
        let proposal = detail.proposal
        // Another kelurahan's proposal or a resident's own: the operator does not correct it (the resident does).
        guard proposal.origin.kelurahanId == worker.kelurahanId, !proposal.isEnteredByProposer else { throw PortalError.notFound }
        return ReturnedPaperForm(detail)
    }
}
