/// Who may add or remove a proposal's attachments: its proposer while it is a draft or returned to them, and the
/// operators of its kelurahan (paper forms and scans), but not on a resident's own online draft.
public enum AttachmentRules {
    /// The states in which a proposer may still change the attachments.
    public static let proposerStates: Set<ProposalState> = [
        ProposalState(.praMusrenbang, .draft), ProposalState(.praMusrenbang, .dikembalikan),
        ProposalState(.kelurahan, .dikembalikan),
    ]

    /// Throws the rule that refuses `actor` changing the attachments of `proposal`.
    public static func requireManage(_ proposal: Proposal, by actor: Actor) throws(DomainError) {
        let action = "ubah lampiran"
        if actor.role == .warga {
            guard proposal.proposerAccountId == actor.accountId else { throw .notInScope }
            guard proposerStates.contains(proposal.state) else {
                throw .invalidTransition(from: proposal.state, action: action)
            }
            return
        }
        guard actor.role == .operatorKelurahan else { throw .roleNotAllowed(role: actor.role, action: action) }
        guard actor.covers(proposal) else { throw .notInScope }
        guard proposal.state != ProposalState(.praMusrenbang, .draft) || !proposal.isEnteredByProposer else {
            throw .roleNotAllowed(role: actor.role, action: action)
        }
    }
}
