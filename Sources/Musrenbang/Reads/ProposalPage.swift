/// A page of a proposal list with the total and the counts per state of the same filter without its states.
public struct ProposalPage: Hashable, Sendable {
    public var rows: [ProposalSummary]
    /// Rows matching the whole query (all pages).
    public var total: Int
    public var page: Int
    public var pageSize: Int
    /// Counts per state for the query without its state filter (the tabs of a work list).
    public var countsByState: [ProposalState: Int]

    /// Number of pages (at least 1).
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
