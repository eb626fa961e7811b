import Foundation
import Storage

/// Scoring-criterion changes for the master-data API (`MusrenbangService+Cycles`).
extension CycleRepository {
    /// A criterion with the cycle it belongs to.
    public func scoringCriterion(id: ScoringCriterionID) throws -> (criterion: ScoringCriterion, cycleId: CycleID) {
        guard let row = try db.queryOne("SELECT cycle_id, code, name, weight FROM scoring_criteria WHERE id = ?",
                                        [id.rawValue]) else {
            throw PersistenceError.notFound("kriteria penilaian \(id)")
        }
        return (ScoringCriterion(id: id, code: try row.get("code"), name: try row.get("name"), weight: try row.get("weight")),
                CycleID(try row.get("cycle_id")))
    }

    /// The position after the cycle's last criterion.
    public func nextCriterionPosition(cycleId: CycleID) throws -> Int {
        try db.scalar("SELECT ifnull(max(position), -1) + 1 FROM scoring_criteria WHERE cycle_id = ?", [cycleId.rawValue]) ?? 0
    }

    /// Writes a criterion's name and weight.
    public func updateScoringCriterion(_ criterion: ScoringCriterion) throws {
        try db.execute("UPDATE scoring_criteria SET name = ?, weight = ? WHERE id = ?",
                       [criterion.name, criterion.weight, criterion.id.rawValue])
    }

    /// Deletes a criterion (the caller checks that no score uses it).
    public func deleteScoringCriterion(_ id: ScoringCriterionID) throws {
        try db.execute("DELETE FROM scoring_criteria WHERE id = ?", [id.rawValue])
    }

    /// How many stored scores use a criterion.
    public func scoreCount(criterionId: ScoringCriterionID) throws -> Int {
        try db.scalar("SELECT count(*) FROM proposal_scores WHERE criterion_id = ?", [criterionId.rawValue]) ?? 0
    }
}
