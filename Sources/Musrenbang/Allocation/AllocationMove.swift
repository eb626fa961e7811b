import Foundation

/// The part of a proposal an allocation move reads and changes: where it is (cycle, area, routing,
/// envelope), its state and version. Loaded as a light row, so that a whole city's allocation does not
/// load and rewrite full proposals.
public struct ProposalPlacement: Hashable, Sendable {
    public var proposalId: ProposalID
    public var cycleId: CycleID
    public var origin: Origin
    public var proposerAccountId: AccountID?
    public var state: ProposalState
    public var version: Int64
    public var routedOPDId: OPDID?
    public var envelope: FundingEnvelope?

    public init(proposalId: ProposalID, cycleId: CycleID, origin: Origin, proposerAccountId: AccountID?,
                state: ProposalState, version: Int64, routedOPDId: OPDID?, envelope: FundingEnvelope?) {
        self.proposalId = proposalId; self.cycleId = cycleId; self.origin = origin
        self.proposerAccountId = proposerAccountId; self.state = state; self.version = version
        self.routedOPDId = routedOPDId; self.envelope = envelope
    }

    /// The placement of a full proposal.
    public init(_ p: Proposal) {
        self.init(proposalId: p.id, cycleId: p.cycleId, origin: p.origin, proposerAccountId: p.proposerAccountId,
                  state: p.state, version: p.version, routedOPDId: p.routedOPDId, envelope: p.envelope)
    }
}

/// One allocation transition in its lean form: the placement after the move (state, version + 1,
/// envelope, routing) and the event to append. Exactly what `Workflow.apply(.alokasiF1/.alokasiF2)`
/// returns for the same proposal (tested), without the rest of the proposal.
public struct AllocationMove: Hashable, Sendable {
    /// The version the stored row must still have (the write is refused otherwise: `staleVersion`).
    public var expectedVersion: Int64
    /// The placement after the move (its `version` is `expectedVersion + 1`).
    public var placement: ProposalPlacement
    public var event: ProposalEvent
}
