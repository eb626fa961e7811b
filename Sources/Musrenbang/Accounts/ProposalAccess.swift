/// How much of a proposal a viewer may see.
public enum ProposalAccess: Hashable, Sendable {
    /// Nothing: to this viewer the proposal does not exist.
    case hidden
    /// Only the public read model (`PublicProposal`): no account ids, no proposer name.
    case publicOnly
    /// The whole proposal with its history and attachments (its proposer, its scoped staff, Bappeda).
    case full
}
