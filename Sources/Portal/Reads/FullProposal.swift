import Musrenbang

/// A proposal as its proposer and its area's heads see it: the whole record (version, proposer, attachments) and
/// its public reading (names of its area, bidang and kamus item, recommendations, the timeline with role labels).
struct FullProposal {
    let detail: ProposalDetail

    /// The proposal in words (area, activity and actors named).
    var named: PublicProposal { detail.publicView }
    /// Its photos (small versions with their sizes).
    var photos: [ProposalPhoto] { detail.photos }

    var proposal: Proposal { detail.proposal }
    var code: TrackingCode { proposal.trackingCode }
}

extension Portal {
    /// The proposal behind `code` (a path segment) with full access for `actor`; `notFound` for a malformed code,
    /// a missing proposal, or one this actor may not see in full.
    func fullProposal(_ code: String?, actor: Actor) throws -> FullProposal {
        guard let code, let parsed = TrackingCode(parsing: code) else { throw PortalError.notFound }
        return FullProposal(detail: try service.proposalDetail(.code(parsed), viewer: .actor(actor)))
    }
}
