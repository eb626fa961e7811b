import Foundation
import Storage

/// Cycles with their stage windows, window extensions, settings, scoring criteria and group shares.
public struct CycleRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Inserts a cycle and its windows; returns it as stored.
    public func insert(kotaId: KotaID, planYear: Int, budgetYear: Int, name: String, windows: [StageWindow],
                       settings: CycleSettings = CycleSettings(), at now: Date) throws -> Cycle {
        try db.execute("""
            INSERT INTO cycles (kota_id, plan_year, budget_year, name, cost_tolerance_bp, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [kotaId.rawValue, planYear, budgetYear, name, settings.costToleranceBasisPoints, Stored.text(now)])
        let id = CycleID(db.lastInsertRowID)
        for window in windows {
            try db.execute("INSERT INTO stage_windows (cycle_id, stage, opens_at, closes_at) VALUES (?, ?, ?, ?)",
                           [id.rawValue, window.stage.rawValue, Stored.text(window.opensAt), Stored.text(window.closesAt)])
        }
        return try cycle(id: id)
    }

    /// Loads a cycle with its windows, extension log and settings.
    public func cycle(id: CycleID) throws -> Cycle {
        guard let row = try db.queryOne("SELECT * FROM cycles WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("siklus \(id)")
        }
        let windows = try db.query("SELECT stage, opens_at, closes_at FROM stage_windows WHERE cycle_id = ?", [id.rawValue])
            .map { StageWindow(stage: try Stored.value($0, "stage"), opensAt: try Stored.date($0, "opens_at"),
                               closesAt: try Stored.date($0, "closes_at")) }
        let extensions = try db.query("SELECT * FROM window_extensions WHERE cycle_id = ? ORDER BY id", [id.rawValue])
            .map { WindowExtension(cycleId: id, stage: try Stored.value($0, "stage"),
                                   previousClosesAt: try Stored.date($0, "previous_closes_at"),
                                   newClosesAt: try Stored.date($0, "new_closes_at"), reason: try $0.get("reason"),
                                   extendedBy: AccountID(try $0.get("extended_by")), extendedAt: try Stored.date($0, "extended_at")) }
        return Cycle(id: id, kotaId: KotaID(try row.get("kota_id")), planYear: try row.get("plan_year"),
                     budgetYear: try row.get("budget_year"), name: try row.get("name"), windows: windows,
                     extensions: extensions,
                     settings: CycleSettings(costToleranceBasisPoints: try row.get("cost_tolerance_bp")))
    }

    /// The cycle of a kota planning `budgetYear`, if any.
    public func cycle(kotaId: KotaID, budgetYear: Int) throws -> Cycle? {
        guard let id: Int64 = try db.scalar("SELECT id FROM cycles WHERE kota_id = ? AND budget_year = ?",
                                            [kotaId.rawValue, budgetYear]) else { return nil }
        return try cycle(id: CycleID(id))
    }

    /// Stores an extension made by `Cycle.extending`: the new close of the window and the log entry.
    public func saveExtension(_ entry: WindowExtension) throws {
        try db.execute("UPDATE stage_windows SET closes_at = ? WHERE cycle_id = ? AND stage = ?",
                       [Stored.text(entry.newClosesAt), entry.cycleId.rawValue, entry.stage.rawValue])
        try db.execute("""
            INSERT INTO window_extensions (cycle_id, stage, previous_closes_at, new_closes_at, reason, extended_by, extended_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [entry.cycleId.rawValue, entry.stage.rawValue, Stored.text(entry.previousClosesAt),
                  Stored.text(entry.newClosesAt), entry.reason, entry.extendedBy.rawValue, Stored.text(entry.extendedAt)])
    }

    public func insertScoringCriterion(cycleId: CycleID, code: String, name: String, weight: Int, position: Int) throws
        -> ScoringCriterionID {
        try db.execute("INSERT INTO scoring_criteria (cycle_id, code, name, weight, position) VALUES (?, ?, ?, ?, ?)",
                       [cycleId.rawValue, code, name, weight, position])
        return ScoringCriterionID(db.lastInsertRowID)
    }

    /// The cycle's ranking criteria in display order.
    public func scoringCriteria(cycleId: CycleID) throws -> [ScoringCriterion] {
        try db.query("SELECT id, code, name, weight FROM scoring_criteria WHERE cycle_id = ? ORDER BY position, id",
                     [cycleId.rawValue]).map {
            ScoringCriterion(id: ScoringCriterionID(try $0.get("id")), code: try $0.get("code"), name: try $0.get("name"),
                             weight: try $0.get("weight"))
        }
    }

    /// Sets a share (a maximum or a minimum of a group) for every envelope of `level`, or for one envelope
    /// (`ownerId`: its kelurahan, kecamatan or OPD id).
    public func insertGroupShare(cycleId: CycleID, level: Level, ownerId: Int64? = nil, share: GroupShare) throws {
        let (kind, bidang): (String, Int64?) = switch share.group {
        case .fisik: ("fisik", nil)
        case .nonFisik: ("non_fisik", nil)
        case .bidang(let id): ("bidang", id.rawValue)
        }
        try db.execute("""
            INSERT INTO group_shares (cycle_id, level, owner_id, group_kind, bidang_id, bound, cap_bp) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [cycleId.rawValue, level.rawValue, ownerId, kind, bidang, share.bound.rawValue, share.capBasisPoints])
    }

    /// The shares set for every envelope of a level (not those of single envelopes).
    public func groupShares(cycleId: CycleID, level: Level) throws -> [GroupShare] {
        try shares(where: "cycle_id = ? AND level = ? AND owner_id IS NULL", [cycleId.rawValue, level.rawValue])
    }

    /// The shares set for a level (`ownerId` nil) or for exactly one envelope, in the order they were set.
    public func groupShares(cycleId: CycleID, level: Level, ownerId: Int64?) throws -> [GroupShare] {
        guard let ownerId else { return try groupShares(cycleId: cycleId, level: level) }
        return try shares(where: "cycle_id = ? AND level = ? AND owner_id = ?", [cycleId.rawValue, level.rawValue, ownerId])
    }

    /// Replaces the shares of a level (`ownerId` nil) or of one envelope.
    public func replaceGroupShares(cycleId: CycleID, level: Level, ownerId: Int64?, shares: [GroupShare]) throws {
        try db.execute("DELETE FROM group_shares WHERE cycle_id = ? AND level = ? AND owner_id IS ?",
                       [cycleId.rawValue, level.rawValue, ownerId])
        for share in shares { try insertGroupShare(cycleId: cycleId, level: level, ownerId: ownerId, share: share) }
    }

    /// The shares in force for one envelope: its own when it has any, else its level's.
    public func groupShares(cycleId: CycleID, envelope: FundingEnvelope) throws -> [GroupShare] {
        let own = try shares(where: "cycle_id = ? AND level = ? AND owner_id = ?",
                             [cycleId.rawValue, envelope.level.rawValue, envelope.ownerId])
        return own.isEmpty ? try groupShares(cycleId: cycleId, level: envelope.level) : own
    }

    private func shares(where condition: String, _ arguments: StatementArguments) throws -> [GroupShare] {
        try db.query("SELECT group_kind, bidang_id, bound, cap_bp FROM group_shares WHERE \(condition) ORDER BY id",
                     arguments).map { row in
            let kind: String = try row.get("group_kind")
            let group: AllocationGroup
            switch kind {
            case "fisik": group = .fisik
            case "non_fisik": group = .nonFisik
            default: group = .bidang(BidangID(try row.get("bidang_id")))
            }
            let bound: String = try row.get("bound")
            guard let parsed = GroupShare.Bound(rawValue: bound) else { throw PersistenceError.corrupt("group_shares.bound \(bound)") }
            return GroupShare(group: group, capBasisPoints: try row.get("cap_bp"), bound: parsed)
        }
    }
}

extension CycleRepository {
    /// Every cycle, newest budget year first.
    public func all() throws -> [Cycle] {
        try db.query("SELECT id FROM cycles ORDER BY budget_year DESC, id DESC").map { try cycle(id: CycleID(try $0.get("id"))) }
    }
}
