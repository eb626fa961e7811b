import Foundation

/// Who may see what (domain.md "Visibility"). Pure: the clock is a parameter.
public enum Visibility {
    /// Kelurahan verification results become public when the kecamatan Musrenbang opens.
    public static func kelurahanResultsArePublic(cycle: Cycle, at now: Date) -> Bool {
        guard let opens = cycle.windows[.kecamatan]?.opensAt else { return false }
        return now >= opens
    }

    /// Whether a proposal's page (timeline, decisions) is public: once it left the draft and the
    /// kelurahan results are public, or once it reached the kecamatan stage or beyond.
    public static func isPublic(_ proposal: Proposal, cycle: Cycle, at now: Date) -> Bool {
        if proposal.state == ProposalState(.praMusrenbang, .draft) { return false }
        return proposal.stage >= .kecamatan || kelurahanResultsArePublic(cycle: cycle, at: now)
    }

    /// Whether `actor` (nil: the public) may see `proposal`: its proposer always; staff whose scope covers
    /// it (a kelurahan's staff see its results before they are public); Bappeda everything; others only
    /// what is public. Drafts are seen by their proposer and the kelurahan's operator only.
    public static func canView(_ proposal: Proposal, actor: Actor?, cycle: Cycle, at now: Date) -> Bool {
        if let actor {
            if actor.role == .warga && proposal.proposerAccountId == actor.accountId { return true }
            if proposal.enteredBy == actor.accountId { return true }
            if actor.role == .bappeda { return true }
            if proposal.state == ProposalState(.praMusrenbang, .draft) {
                return actor.role == .operatorKelurahan && actor.covers(proposal)
            }
            if actor.role != .warga && actor.role != .adminSistem && actor.covers(proposal) { return true }
        }
        return isPublic(proposal, cycle: cycle, at: now)
    }
}
