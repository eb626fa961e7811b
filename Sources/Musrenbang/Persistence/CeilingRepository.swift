import Foundation
import Storage

/// Ceiling settings and criteria inputs (Bappeda), the computed kelurahan/kecamatan ceilings and the
/// OPD Musrenbang ceilings.
public struct CeilingRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Sets a level's total and formula (kelurahan or kecamatan).
    public func saveSettings(cycleId: CycleID, level: Level, total: Int64, formula: CeilingFormula) throws {
        guard level == .kelurahan || level == .kecamatan else {
            throw DomainError.invalidInput(field: "tingkat", detail: "pagu kewilayahan hanya kelurahan dan kecamatan")
        }
        try db.execute("""
            INSERT OR REPLACE INTO ceiling_settings (cycle_id, level, total, base_share_bp, weight_population, weight_area,
                weight_pbb_realisation, weight_poor_households, rounding_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [cycleId.rawValue, level.rawValue, total, formula.baseShareBasisPoints, formula.weight(.population),
                  formula.weight(.area), formula.weight(.pbbRealisation), formula.weight(.poorHouseholds), formula.roundingUnit])
    }

    /// A level's total and formula, if set.
    public func settings(cycleId: CycleID, level: Level) throws -> (total: Int64, formula: CeilingFormula)? {
        guard let row = try db.queryOne("SELECT * FROM ceiling_settings WHERE cycle_id = ? AND level = ?",
                                        [cycleId.rawValue, level.rawValue]) else { return nil }
        let formula = CeilingFormula(
            baseShareBasisPoints: try row.get("base_share_bp"),
            weights: [.population: try row.get("weight_population"), .area: try row.get("weight_area"),
                      .pbbRealisation: try row.get("weight_pbb_realisation"),
                      .poorHouseholds: try row.get("weight_poor_households")],
            roundingUnit: try row.get("rounding_unit"))
        return (try row.get("total"), formula)
    }

    /// Stores one kelurahan's criteria (areaId is the kelurahan id).
    public func saveInput(cycleId: CycleID, _ input: CeilingInput) throws {
        try db.execute("""
            INSERT OR REPLACE INTO ceiling_inputs (cycle_id, kelurahan_id, population, area_m2, pbb_realisation, poor_households)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [cycleId.rawValue, input.areaId, input.value(.population), input.value(.area),
                  input.value(.pbbRealisation), input.value(.poorHouseholds)])
    }

    /// The kelurahan inputs of a cycle, by kelurahan id.
    public func inputs(cycleId: CycleID) throws -> [CeilingInput] {
        try db.query("SELECT * FROM ceiling_inputs WHERE cycle_id = ? ORDER BY kelurahan_id", [cycleId.rawValue]).map {
            CeilingInput(areaId: try $0.get("kelurahan_id"), population: try $0.get("population"), area: try $0.get("area_m2"),
                         pbbRealisation: try $0.get("pbb_realisation"), poorHouseholds: try $0.get("poor_households"))
        }
    }

    /// Replaces a level's computed ceilings with `allocation`.
    public func saveCeilings(cycleId: CycleID, level: Level, allocation: CeilingAllocation, at now: Date) throws {
        let table: String
        switch level {
        case .kelurahan: table = "kelurahan_ceilings"
        case .kecamatan: table = "kecamatan_ceilings"
        default: throw DomainError.invalidInput(field: "tingkat", detail: "pagu kewilayahan hanya kelurahan dan kecamatan")
        }
        let owner = level == .kelurahan ? "kelurahan_id" : "kecamatan_id"
        try db.execute("DELETE FROM \(table) WHERE cycle_id = ?", [cycleId.rawValue])
        for line in allocation.lines {
            try db.execute("""
                INSERT INTO \(table) (cycle_id, \(owner), base_part, population_part, area_part, pbb_part, poor_part,
                    exact_share_micros, rounded_down, remainder_bonus, amount, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, StatementArguments([
                    cycleId.rawValue, line.areaId, line.basePart, line.criterionParts[.population] ?? 0,
                    line.criterionParts[.area] ?? 0, line.criterionParts[.pbbRealisation] ?? 0,
                    line.criterionParts[.poorHouseholds] ?? 0, line.exactShareMicros, line.roundedDown,
                    line.remainderBonus, line.amount, Stored.text(now),
                ]))
        }
    }

    /// Sets an OPD's Musrenbang ceiling.
    public func setOPDCeiling(cycleId: CycleID, opdId: OPDID, amount: Int64) throws {
        try db.execute("INSERT OR REPLACE INTO opd_ceilings (cycle_id, opd_id, amount) VALUES (?, ?, ?)",
                       [cycleId.rawValue, opdId.rawValue, amount])
    }

    /// The amount of an envelope (nil when not computed / not set).
    public func amount(of envelope: FundingEnvelope, cycleId: CycleID) throws -> Int64? {
        switch envelope {
        case .kelurahan(let id):
            try db.scalar("SELECT amount FROM kelurahan_ceilings WHERE cycle_id = ? AND kelurahan_id = ?", [cycleId.rawValue, id.rawValue])
        case .kecamatan(let id):
            try db.scalar("SELECT amount FROM kecamatan_ceilings WHERE cycle_id = ? AND kecamatan_id = ?", [cycleId.rawValue, id.rawValue])
        case .opd(let id):
            try db.scalar("SELECT amount FROM opd_ceilings WHERE cycle_id = ? AND opd_id = ?", [cycleId.rawValue, id.rawValue])
        }
    }

    /// Every envelope of a level with its amount, by owner id.
    public func envelopes(cycleId: CycleID, level: Level) throws -> [(envelope: FundingEnvelope, amount: Int64)] {
        let sql: String
        switch level {
        case .kelurahan: sql = "SELECT kelurahan_id AS owner, amount FROM kelurahan_ceilings WHERE cycle_id = ? ORDER BY owner"
        case .kecamatan: sql = "SELECT kecamatan_id AS owner, amount FROM kecamatan_ceilings WHERE cycle_id = ? ORDER BY owner"
        case .opd: sql = "SELECT opd_id AS owner, amount FROM opd_ceilings WHERE cycle_id = ? ORDER BY owner"
        case .kota: return []
        }
        return try db.query(sql, [cycleId.rawValue]).compactMap { row in
            guard let envelope = FundingEnvelope(level: level, ownerId: try row.get("owner")) else { return nil }
            return (envelope, try row.get("amount"))
        }
    }
}
