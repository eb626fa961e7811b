import Foundation
import Storage

/// Single-row reads and the funded sums that ceiling changes are checked against.
extension CeilingRepository {
    /// One kelurahan's inputs for a cycle, if set.
    public func input(cycleId: CycleID, kelurahanId: KelurahanID) throws -> CeilingInput? {
        try db.queryOne("SELECT * FROM ceiling_inputs WHERE cycle_id = ? AND kelurahan_id = ?",
                        [cycleId.rawValue, kelurahanId.rawValue]).map {
            CeilingInput(areaId: try $0.get("kelurahan_id"), population: try $0.get("population"), area: try $0.get("area_m2"),
                         pbbRealisation: try $0.get("pbb_realisation"), poorHouseholds: try $0.get("poor_households"))
        }
    }

    /// The stored amounts of a level's envelopes, by owner id.
    public func amounts(cycleId: CycleID, level: Level) throws -> [Int64: Int64] {
        var amounts: [Int64: Int64] = [:]
        for (envelope, amount) in try envelopes(cycleId: cycleId, level: level) { amounts[envelope.ownerId] = amount }
        return amounts
    }

    /// What is already funded from each envelope of a level, by owner id: the sum of `effective_cost` of its proposals
    /// funded or ratified (`ProposalStatus.funded`, the same count as the recap's and the ceiling check's).
    public func funded(cycleId: CycleID, level: Level) throws -> [Int64: Int64] {
        var funded: [Int64: Int64] = [:]
        try db.forEachRow("""
            SELECT envelope_owner_id AS owner, sum(effective_cost) AS funded FROM proposals
            WHERE cycle_id = ? AND envelope_level = ? AND status IN \(ProposalStatus.fundedSQLList) GROUP BY envelope_owner_id
            """, [cycleId.rawValue, level.rawValue]) { row in
            funded[try row.get("owner")] = try row.get("funded")
        }
        return funded
    }
}

extension CeilingRepository {
    /// A level's stored ceilings (kelurahan or kecamatan) with their breakdown, by area id, and when they were computed;
    /// none for the other levels (their ceilings are set, not computed) or before the first computation.
    public func storedLines(cycleId: CycleID, level: Level) throws -> (lines: [CeilingLine], computedAt: Date?) {
        let (table, owner): (String, String)
        switch level {
        case .kelurahan: (table, owner) = ("kelurahan_ceilings", "kelurahan_id")
        case .kecamatan: (table, owner) = ("kecamatan_ceilings", "kecamatan_id")
        case .opd, .kota: return ([], nil)
        }
        var computedAt: Date?
        let lines = try db.query("SELECT * FROM \(table) WHERE cycle_id = ? ORDER BY \(owner)", [cycleId.rawValue]).map { row in
            let at = try Stored.date(row, "computed_at")
            if computedAt.map({ at > $0 }) ?? true { computedAt = at }
            return CeilingLine(areaId: try row.get(owner), basePart: try row.get("base_part"),
                               criterionParts: [.population: try row.get("population_part"), .area: try row.get("area_part"),
                                                .pbbRealisation: try row.get("pbb_part"), .poorHouseholds: try row.get("poor_part")],
                               exactShareMicros: try row.get("exact_share_micros"), roundedDown: try row.get("rounded_down"),
                               remainderBonus: try row.get("remainder_bonus"), amount: try row.get("amount"))
        }
        return (lines, computedAt)
    }
}
