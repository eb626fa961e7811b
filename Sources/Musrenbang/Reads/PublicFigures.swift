/// The headline figures of a cycle's published proposals: the home page's "how many, how many funded, for how much".
public struct PublicFigures: Hashable, Sendable {
    /// Proposals out of draft (all of them public once the cycle's kecamatan Musrenbang has opened).
    public var published: Int
    /// Funded (`ProposalStatus.funded`: in an envelope, or ratified) and the sum of their costs in force.
    public var funded: Int
    public var fundedAmount: Int64

    public init(published: Int, funded: Int, fundedAmount: Int64) {
        self.published = published; self.funded = funded; self.fundedAmount = fundedAmount
    }

    /// The totals of a recap by status without drafts.
    init(statusRecap rows: [RecapRow]) {
        self.init(published: rows.reduce(0) { $0 + $1.count }, funded: rows.reduce(0) { $0 + $1.fundedCount },
                  fundedAmount: rows.reduce(0) { $0 + $1.fundedCost })
    }
}
