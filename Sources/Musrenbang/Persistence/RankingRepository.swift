import Foundation
import Storage

/// Criterion scores (1-5) per proposal and level, and the computed rankings.
public struct RankingRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Stores (or replaces) one score.
    public func saveScore(proposalId: ProposalID, level: Level, criterionId: ScoringCriterionID, score: Int,
                          by accountId: AccountID, at now: Date) throws {
        try db.execute("""
            INSERT OR REPLACE INTO proposal_scores (proposal_id, level, criterion_id, score, scored_by, scored_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [proposalId.rawValue, level.rawValue, criterionId.rawValue, score, accountId.rawValue, Stored.text(now)])
    }

    /// Stores many scores with one prepared statement (a meeting scores a whole envelope at once).
    public func saveScores(_ scores: [(proposalId: ProposalID, criterionId: ScoringCriterionID, score: Int)], level: Level,
                           by accountId: AccountID, at now: Date) throws {
        if scores.isEmpty { return }
        let insert = try db.prepare("""
            INSERT OR REPLACE INTO proposal_scores (proposal_id, level, criterion_id, score, scored_by, scored_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        try insert.bind(level.rawValue, at: 2)
        try insert.bind(accountId.rawValue, at: 5)
        try insert.bind(Stored.text(now), at: 6)
        for entry in scores {
            try insert.bind(entry.proposalId.rawValue, at: 1)
            try insert.bind(entry.criterionId.rawValue, at: 3)
            try insert.bind(Int64(entry.score), at: 4)
            try insert.step()
            insert.reset()
        }
    }

    /// Stores a computed ranking of many proposals with one prepared statement (same rows as `saveRanking`).
    public func saveRankings(_ ranked: [RankedProposal], level: Level) throws {
        if ranked.isEmpty { return }
        let insert = try db.prepare("""
            INSERT OR REPLACE INTO proposal_rankings (proposal_id, level, score_millis, rank, manual) VALUES (?, ?, ?, ?, 0)
            """)
        try insert.bind(level.rawValue, at: 2)
        for entry in ranked {
            try insert.bind(entry.proposalId.rawValue, at: 1)
            try insert.bind(entry.scoreMillis, at: 3)
            try insert.bind(Int64(entry.rank), at: 4)
            try insert.step()
            insert.reset()
        }
    }

    /// Score sheets of `proposals` at `level` (a proposal without scores gets an empty sheet).
    public func sheets(for proposals: [Proposal], level: Level) throws -> [ScoreSheet] {
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for proposal in proposals {
            try db.forEachRow("SELECT criterion_id, score FROM proposal_scores WHERE proposal_id = ? AND level = ?",
                              [proposal.id.rawValue, level.rawValue]) { row in
                scores[proposal.id, default: [:]][ScoringCriterionID(try row.get("criterion_id"))] = try row.get("score")
            }
        }
        return proposals.map { ScoreSheet(proposalId: $0.id, submittedAt: $0.submittedAt, scores: scores[$0.id] ?? [:]) }
    }

    /// Stores a computed ranking (replacing a manual one: the meeting re-ranks from the scores).
    public func saveRanking(_ ranked: RankedProposal, level: Level) throws {
        try db.execute("""
            INSERT OR REPLACE INTO proposal_rankings (proposal_id, level, score_millis, rank, manual) VALUES (?, ?, ?, ?, 0)
            """, [ranked.proposalId.rawValue, level.rawValue, ranked.scoreMillis, ranked.rank])
    }

    /// Removes a proposal's rank at a level (it is no longer a candidate there).
    public func removeRanking(proposalId: ProposalID, level: Level) throws {
        try db.execute("DELETE FROM proposal_rankings WHERE proposal_id = ? AND level = ?", [proposalId.rawValue, level.rawValue])
    }
}
