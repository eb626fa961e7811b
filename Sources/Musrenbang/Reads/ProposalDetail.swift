/// A proposal with everything its staff and its proposer see: the whole record, the history with account ids,
/// and the attachments' metadata. Only for viewers with `ProposalAccess.full`.
public struct ProposalDetail: Hashable, Sendable {
    public var proposal: Proposal
    /// Oldest first.
    public var history: [ProposalEvent]
    /// Oldest first.
    public var attachments: [Attachment]
}
