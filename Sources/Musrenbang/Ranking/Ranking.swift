import Foundation

/// A proposal's place in a level's priority list.
public struct RankedProposal: Hashable, Sendable {
    public var proposalId: ProposalID
    /// Sum of weight x score (the exact comparison key).
    public var weightedSum: Int64
    /// Weighted mean score in thousandths (3.750 -> 3750), for display and `Proposal.scores`.
    public var scoreMillis: Int64
    /// 1 = first.
    public var rank: Int
}

/// Ranking by weighted score over criteria scored 1-5; ties by earlier submission (a proposal never
/// submitted comes after), then by smaller proposal id. Manual reorders go through `applyManualOrder`,
/// which logs one event per moved proposal.
public enum Ranking {
    /// Weighted sum and weighted mean (thousandths) of one score sheet; every criterion must be scored 1-5.
    public static func score(_ sheet: ScoreSheet, criteria: [ScoringCriterion]) throws(DomainError) -> (sum: Int64, millis: Int64) {
        try validate(criteria)
        var sum: Int64 = 0
        var weights: Int64 = 0
        for criterion in criteria {
            guard let score = sheet.scores[criterion.id] else { throw .incompleteScores(sheet.proposalId) }
            guard ScoringCriterion.scoreRange.contains(score) else {
                throw .invalidInput(field: "nilai \(criterion.name)", detail: "1 sampai 5")
            }
            sum += Int64(criterion.weight) * Int64(score)
            weights += Int64(criterion.weight)
        }
        return (sum, sum * 1000 / weights)
    }

    /// Ranks the sheets (deterministic for any input order).
    public static func rank(_ sheets: [ScoreSheet], criteria: [ScoringCriterion]) throws(DomainError) -> [RankedProposal] {
        guard Set(sheets.map(\.proposalId)).count == sheets.count else {
            throw .invalidInput(field: "penilaian", detail: "usulan ganda")
        }
        var scored: [(sheet: ScoreSheet, sum: Int64, millis: Int64)] = []
        for sheet in sheets {
            let (sum, millis) = try score(sheet, criteria: criteria)
            scored.append((sheet, sum, millis))
        }
        scored.sort { a, b in
            if a.sum != b.sum { return a.sum > b.sum }
            switch (a.sheet.submittedAt, b.sheet.submittedAt) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.sheet.proposalId < b.sheet.proposalId
            }
        }
        return scored.enumerated().map { index, entry in
            RankedProposal(proposalId: entry.sheet.proposalId, weightedSum: entry.sum, scoreMillis: entry.millis, rank: index + 1)
        }
    }

    /// Moves `proposalId` to 1-based `position` in `order`, shifting the others.
    public static func reorder(_ order: [ProposalID], moving proposalId: ProposalID, to position: Int) throws(DomainError) -> [ProposalID] {
        guard let from = order.firstIndex(of: proposalId) else { throw .invalidInput(field: "peringkat", detail: "usulan tidak ada dalam daftar") }
        guard (1...order.count).contains(position) else { throw .invalidInput(field: "peringkat", detail: "1 sampai \(order.count)") }
        var result = order
        result.remove(at: from)
        result.insert(proposalId, at: position - 1)
        return result
    }

    /// Records a manual order decided by the meeting: every proposal whose rank at `level` changes gets
    /// an `ubahPeringkat` transition (guards: role, scope, window, lock). `note` explains the decision.
    public static func applyManualOrder(_ order: [ProposalID], proposals: [Proposal], level: Level, note: String?,
                                        by actor: Actor, at now: Date, context: WorkflowContext) throws(DomainError) -> [TransitionResult] {
        guard Set(order).count == order.count else { throw .invalidInput(field: "peringkat", detail: "usulan ganda") }
        var byId: [ProposalID: Proposal] = [:]
        for proposal in proposals { byId[proposal.id] = proposal }
        var results: [TransitionResult] = []
        for (index, id) in order.enumerated() {
            guard let proposal = byId[id] else { throw .invalidInput(field: "peringkat", detail: "usulan \(id) tidak dikenal") }
            guard proposal.ranks[level] != index + 1 else { continue }
            let input = TransitionInput(.ubahPeringkat, expectedVersion: proposal.version, reason: note, rank: index + 1)
            results.append(try Workflow.apply(input, to: proposal, by: actor, at: now, context: context))
        }
        return results
    }

    private static func validate(_ criteria: [ScoringCriterion]) throws(DomainError) {
        guard !criteria.isEmpty else { throw .missingInput(field: "kriteria pemeringkatan") }
        for criterion in criteria where criterion.weight <= 0 || criterion.weight > 1_000_000 {
            throw .invalidInput(field: "bobot \(criterion.name)", detail: "1 sampai 1.000.000")
        }
    }
}
