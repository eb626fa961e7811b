/// A proposal with everything its staff and its proposer see: the whole record, the history with account ids,
/// and the attachments' metadata. Only for viewers with `ProposalAccess.full`.
public struct ProposalDetail: Hashable, Sendable {
    /// The whole record, its attachments' metadata loaded.
    public var proposal: Proposal
    /// Oldest first.
    public var history: [ProposalEvent]
    /// The same proposal in words (names of its area, activity and actors), as its pages show it; unlike the public
    /// model its timeline keeps a corrected proposer name's old and new values.
    public var publicView: PublicProposal
    /// Its photos by position (small versions' sizes; the bytes are read one by one).
    public var photos: [ProposalPhoto]

    /// Oldest first.
    public var attachments: [Attachment] { proposal.attachments }
}
