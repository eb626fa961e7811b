import Foundation

/// A ranking criterion (urgency, beneficiaries, fit with city priorities, ...) scored 1-5, with its weight.
/// Criteria and weights are settings of the cycle.
public struct ScoringCriterion: Hashable, Sendable {
    public var id: ScoringCriterionID
    public var code: String
    public var name: String
    /// Relative integer weight (> 0).
    public var weight: Int

    public init(id: ScoringCriterionID, code: String, name: String, weight: Int) {
        self.id = id; self.code = code; self.name = name; self.weight = weight
    }

    /// Valid scores.
    public static let scoreRange = 1...5
}

public typealias ScoringCriterionID = Identifier<ScoringCriterion>

/// One proposal's scores at a level, with its submission time (ties go to earlier submission).
public struct ScoreSheet: Hashable, Sendable {
    public var proposalId: ProposalID
    public var submittedAt: Date?
    public var scores: [ScoringCriterionID: Int]

    public init(proposalId: ProposalID, submittedAt: Date?, scores: [ScoringCriterionID: Int]) {
        self.proposalId = proposalId; self.submittedAt = submittedAt; self.scores = scores
    }
}
