import Foundation
import Storage

/// Cycles and their scoring criteria by Bappeda. Each change is one transaction with its admin-log row.
extension MusrenbangService {
    /// Opens a planning cycle with one window per stage (every invalid field reported at once).
    public func createCycle(_ new: NewCycle, by actor: Actor) throws -> Cycle {
        try administer(.bappeda, "buat siklus", by: actor) { change in
            let new = try new.validated()
            _ = try WilayahRepository(change.db).kota(id: new.kotaId)
            let cycle = try change.unique("siklus tahun anggaran \(new.budgetYear)") {
                try CycleRepository(change.db).insert(kotaId: new.kotaId, planYear: new.planYear, budgetYear: new.budgetYear,
                                                      name: new.name, windows: new.windows, settings: new.settings, at: change.now)
            }
            try change.log(.cycle, key: "\(cycle.id)", .create, before: nil, after: AdminSnapshot(cycle), cycleId: cycle.id)
            return cycle
        }
    }

    /// Adds a ranking criterion (scored 1-5) with its weight at the end of the cycle's list.
    public func addScoringCriterion(cycleId: CycleID, code: String, name: String, weight: Int, by actor: Actor) throws
        -> ScoringCriterion {
        try administer(.bappeda, "tambah kriteria penilaian", by: actor) { change in
            var errors = FieldErrors()
            let code = errors.text(code, "kode", maxLength: 32), name = errors.text(name, "nama kriteria")
            errors.range(weight, 1...1_000_000, "bobot")
            try errors.throwIfAny()
            let cycles = CycleRepository(change.db)
            _ = try cycles.cycle(id: cycleId)
            let id = try change.unique("kriteria \(code)") {
                try cycles.insertScoringCriterion(cycleId: cycleId, code: code, name: name, weight: weight,
                                                  position: try cycles.nextCriterionPosition(cycleId: cycleId))
            }
            let created = ScoringCriterion(id: id, code: code, name: name, weight: weight)
            try change.log(.scoringCriteria, key: "\(id)", .create, before: nil, after: AdminSnapshot(created), cycleId: cycleId)
            return created
        }
    }

    /// Changes a criterion's name and/or weight (nil: unchanged). Ranks already stored change at the next ranking.
    public func changeScoringCriterion(_ id: ScoringCriterionID, name: String? = nil, weight: Int? = nil, by actor: Actor) throws
        -> ScoringCriterion {
        try administer(.bappeda, "ubah kriteria penilaian", by: actor) { change in
            let cycles = CycleRepository(change.db)
            let (before, cycleId) = try cycles.scoringCriterion(id: id)
            var after = before, errors = FieldErrors()
            if let name { after.name = errors.text(name, "nama kriteria") }
            if let weight { errors.range(weight, 1...1_000_000, "bobot"); after.weight = weight }
            try errors.throwIfAny()
            guard after != before else { throw DomainError.changeRequired }
            try cycles.updateScoringCriterion(after)
            try change.log(.scoringCriteria, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after),
                           cycleId: cycleId)
            return after
        }
    }

    /// Removes a criterion while no stored score uses it.
    public func removeScoringCriterion(_ id: ScoringCriterionID, by actor: Actor) throws {
        try administer(.bappeda, "hapus kriteria penilaian", by: actor) { change in
            let cycles = CycleRepository(change.db)
            let (before, cycleId) = try cycles.scoringCriterion(id: id)
            let used = try cycles.scoreCount(criterionId: id)
            guard used == 0 else {
                throw DomainError.invalidInput(field: "kriteria \(before.name)", detail: "sudah dipakai dalam \(used) penilaian")
            }
            try cycles.deleteScoringCriterion(id)
            try change.log(.scoringCriteria, key: "\(id)", .remove, before: AdminSnapshot(before), after: nil, cycleId: cycleId)
        }
    }
}
