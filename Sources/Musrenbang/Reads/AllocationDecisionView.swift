/// One decision of a run: which proposal, its rank and cost, funded or not, and the reason in words.
public struct AllocationDecisionView: Hashable, Sendable {
    public var position: Int
    public var trackingCode: TrackingCode
    public var title: String
    /// Nil when the proposal had no rank.
    public var rank: Int?
    public var cost: Int64
    public var funded: Bool
    public var reason: String
}
