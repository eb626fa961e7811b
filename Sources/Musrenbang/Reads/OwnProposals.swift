/// A resident's own proposals of one cycle (proposed or entered by its account), newest first.
public struct OwnProposals: Hashable, Sendable {
    public var cycle: Cycle
    public var proposals: [ProposalSummary]
}
