/// One row of the transition table: from `from`, `action` by one of `roles` leads to `next`.
/// `actingStage` is the stage whose owner acts: its window and its level lock are the guards
/// (it differs from `from.stage` only for Bappeda's `koreksi` and the proposer's carry-over mark).
public struct TransitionRule: Hashable, Sendable {
    /// Where the proposal goes.
    public enum Next: Hashable, Sendable {
        case state(ProposalState)
        /// Stays where it is (edits, reorder, carry-over mark).
        case same
        /// Bappeda correction: the target given in the input.
        case requested
    }

    public let from: ProposalState
    public let action: Action
    public let roles: Set<Role>
    public let actingStage: Stage
    public let next: Next
    /// Refused outside the acting stage's window.
    public let checksWindow: Bool
    /// Refused once the acting level is locked by its berita acara.
    public let checksLock: Bool

    public init(from: ProposalState, action: Action, roles: Set<Role>, actingStage: Stage, next: Next,
                checksWindow: Bool = true, checksLock: Bool = true) {
        self.from = from; self.action = action; self.roles = roles; self.actingStage = actingStage
        self.next = next; self.checksWindow = checksWindow
        self.checksLock = checksLock && actingStage.level != nil
    }

    /// The state after the transition (`requested` is the correction's target).
    public func nextState(requested: ProposalState?) -> ProposalState? {
        switch next {
        case .state(let state): state
        case .same: from
        case .requested: requested
        }
    }
}
