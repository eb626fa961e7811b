/// One row of a proposal list: what a list shows, public-safe for every viewer (no account, no proposer name).
public struct ProposalSummary: Hashable, Sendable {
    public var id: ProposalID
    public var trackingCode: TrackingCode
    public var title: String
    public var state: ProposalState
    public var kecamatanName: String
    public var kelurahanName: String
    public var rwNumber: Int?
    public var rtNumber: Int?
    public var bidangName: String
    public var kamusName: String
    public var isFisik: Bool
    /// As proposed, and in force (latest recommendation).
    public var cost: Int64
    public var effectiveCost: Int64
    public var routedOPDName: String?
    /// Rank at the level the list is sorted by (nil when not sorted by rank or unranked).
    public var rank: Int?
    /// Optimistic-concurrency version, for an action form on the row.
    public var version: Int64
    /// Entered by its proposer in the portal (`Proposal.isEnteredByProposer`); false for a paper form or a live entry
    /// typed by the kelurahan operator.
    public var enteredByProposer: Bool
}
