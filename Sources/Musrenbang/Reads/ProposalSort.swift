/// The order of a proposal list; ties are broken by id so that pages never overlap.
public enum ProposalSort: Hashable, Sendable {
    case newest, oldest
    /// By the cost in force.
    case costAscending, costDescending
    /// By rank at a level (unranked last).
    case rank(Level)
    case trackingCode
    /// By title, letters' case ignored.
    case title
}
