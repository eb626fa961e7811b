import Foundation
import Storage

/// Criterion scores (1-5) per proposal and level, and the computed rankings.
public struct RankingRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Stores many scores with one prepared statement (a meeting scores a whole envelope at once); each score that
    /// differs from `previous` is also appended to `proposal_score_history` with the one it replaced.
    public func saveScores(_ scores: [(proposalId: ProposalID, criterionId: ScoringCriterionID, score: Int)],
                           previous: [ProposalID: [ScoringCriterionID: Int]] = [:], level: Level,
                           by accountId: AccountID, at now: Date) throws {
        if scores.isEmpty { return }
        let insert = try db.prepare("""
            INSERT OR REPLACE INTO proposal_scores (proposal_id, level, criterion_id, score, scored_by, scored_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        let history = try db.prepare("""
            INSERT INTO proposal_score_history (proposal_id, level, criterion_id, score, previous_score, scored_by, scored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.bind(level.rawValue, at: 2)
        try insert.bind(accountId.rawValue, at: 5)
        try insert.bind(Stored.text(now), at: 6)
        try history.bind(level.rawValue, at: 2)
        try history.bind(accountId.rawValue, at: 6)
        try history.bind(Stored.text(now), at: 7)
        for entry in scores {
            let old = previous[entry.proposalId]?[entry.criterionId]
            if old == entry.score { continue }
            try insert.bind(entry.proposalId.rawValue, at: 1)
            try insert.bind(entry.criterionId.rawValue, at: 3)
            try insert.bind(Int64(entry.score), at: 4)
            try insert.step()
            insert.reset()
            try history.bind(entry.proposalId.rawValue, at: 1)
            try history.bind(entry.criterionId.rawValue, at: 3)
            try history.bind(Int64(entry.score), at: 4)
            try history.bind(old.map(Int64.init), at: 5)
            try history.step()
            history.reset()
        }
    }

    /// Logs that a re-rank from the scores replaced the envelope's manual order (append-only).
    public func logReset(cycleId: CycleID, envelope: FundingEnvelope, reason: String, by accountId: AccountID, at now: Date) throws {
        try db.execute("""
            INSERT INTO ranking_resets (cycle_id, level, owner_id, reason, reset_by, reset_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [cycleId.rawValue, envelope.level.rawValue, envelope.ownerId, reason, accountId.rawValue, Stored.text(now)])
    }

    /// The score history of a proposal at a level, oldest first: (criterion, score, previous score, by, at).
    public func scoreHistory(proposalId: ProposalID, level: Level) throws
        -> [(criterionId: ScoringCriterionID, score: Int, previous: Int?, by: AccountID, at: Date)] {
        try db.query("""
            SELECT criterion_id, score, previous_score, scored_by, scored_at FROM proposal_score_history
            WHERE proposal_id = ? AND level = ? ORDER BY id
            """, [proposalId.rawValue, level.rawValue]).map { row in
            (ScoringCriterionID(try row.get("criterion_id")), try row.get("score"), try row.get("previous_score"),
             AccountID(try row.get("scored_by")), try Stored.date(row, "scored_at"))
        }
    }

    /// Removes the ranks of `ids` at `level` (their scores are incomplete: they hold no place in the order).
    public func removeRankings(_ ids: [ProposalID], level: Level) throws {
        if ids.isEmpty { return }
        let json = "[" + ids.map { String($0.rawValue) }.joined(separator: ",") + "]"
        try db.execute("DELETE FROM proposal_rankings WHERE level = ? AND proposal_id IN (SELECT value FROM json_each(?))",
                       [level.rawValue, json])
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

}
