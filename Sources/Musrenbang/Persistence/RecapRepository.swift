import Foundation
import Storage

/// What a recap groups proposals by.
public enum RecapDimension: String, CaseIterable, Sendable {
    case kecamatan, kelurahan, bidang, opd, status
}

/// One line of a recap: a group with its count and amounts. `originalCost` sums the proposed costs,
/// `effectiveCost` the costs in force (latest recommendation); funded = didanai or ditetapkan.
public struct RecapRow: Hashable, Sendable {
    /// The group's id (area, bidang, OPD) or "stage:status".
    public var key: String
    public var name: String
    public var count: Int
    public var originalCost: Int64
    public var effectiveCost: Int64
    public var fundedCount: Int
    public var fundedCost: Int64
}

/// An envelope's ceiling against what is funded from it.
public struct CeilingUsage: Hashable, Sendable {
    public var envelope: FundingEnvelope
    public var name: String
    public var amount: Int64
    /// Funded from it (0 when `resultsVisible` is false).
    public var used: Int64
    /// Whether the viewer may see what the envelope funds (its level's results); the ceiling itself is public.
    public var resultsVisible: Bool = true
    public var remaining: Int64 { amount - used }
}

/// A last-cycle proposal that was not funded, for the kecamatan recap ("usulan tahun lalu yang ditolak").
public struct UnfundedProposal: Hashable, Sendable {
    public var proposal: Proposal
    /// The tracking code of the proposal it was carried into, if it was.
    public var carriedInto: TrackingCode?
}

/// The recap queries of the portal. Each is one aggregate over covering indexes (Migrations/0002).
public struct RecapRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }


    /// Counts and sums of a cycle's proposals grouped by `dimension`, ordered by name (status: by key).
    /// The database groups in index order by (group, stage, status), which needs no sorting and no
    /// per-row expressions; the funded figures and the final grouping are folded here.
    public func recap(cycleId: CycleID, by dimension: RecapDimension, includeDrafts: Bool = true) throws -> [RecapRow] {
        let (column, index, table, nameColumn): (String, String, String, String) = switch dimension {
        case .kecamatan, .status: ("kecamatan_id", "proposals_kecamatan", "kecamatan", "name")
        case .kelurahan: ("kelurahan_id", "proposals_kelurahan", "kelurahan", "name")
        case .bidang: ("bidang_id", "proposals_bidang", "bidang", "name")
        case .opd: ("opd_id", "proposals_opd", "opd", "short_name")
        }
        var rows: [String: RecapRow] = [:]
        var order: [String] = []
        try db.forEachRow("""
            SELECT \(column), stage, status, count(*), sum(cost), sum(effective_cost) FROM proposals INDEXED BY \(index)
            WHERE cycle_id = ? GROUP BY \(column), stage, status
            """, [cycleId.rawValue]) { row in
            let stage: String = try row.get(1), status: String = try row.get(2)
            if !includeDrafts && stage == Stage.praMusrenbang.rawValue && status == ProposalStatus.draft.rawValue { return }
            let key = dimension == .status ? "\(stage):\(status)" : String(try row.get(0, as: Int64.self))
            let count: Int = try row.get(3), original: Int64 = try row.get(4), effective: Int64 = try row.get(5)
            let funded = ProposalStatus(rawValue: status).map(ProposalStatus.funded.contains) ?? false
            if rows[key] == nil {
                order.append(key)
                rows[key] = RecapRow(key: key, name: key, count: 0, originalCost: 0, effectiveCost: 0, fundedCount: 0, fundedCost: 0)
            }
            rows[key]!.count += count
            rows[key]!.originalCost += original
            rows[key]!.effectiveCost += effective
            if funded { rows[key]!.fundedCount += count; rows[key]!.fundedCost += effective }
        }
        if dimension == .status { return order.sorted().map { rows[$0]! } }
        var names: [String: String] = [:]
        try db.forEachRow("SELECT id, \(nameColumn) FROM \(table)") { row in
            names[String(try row.get(0, as: Int64.self))] = try row.get(1)
        }
        return rows.values.map { row in
            var named = row
            named.name = names[row.key] ?? row.key
            return named
        }.sorted { ($0.name, $0.key) < ($1.name, $1.key) }
    }

    /// Every envelope of `level` with its ceiling and the effective cost funded from it.
    public func ceilingUsage(cycleId: CycleID, level: Level) throws -> [CeilingUsage] {
        let (ceilings, owner, names, nameColumn): (String, String, String, String)
        switch level {
        case .kelurahan: (ceilings, owner, names, nameColumn) = ("kelurahan_ceilings", "kelurahan_id", "kelurahan", "name")
        case .kecamatan: (ceilings, owner, names, nameColumn) = ("kecamatan_ceilings", "kecamatan_id", "kecamatan", "name")
        case .opd: (ceilings, owner, names, nameColumn) = ("opd_ceilings", "opd_id", "opd", "short_name")
        case .kota: return []
        }
        return try db.query("""
            SELECT c.\(owner) AS owner, c.amount, t.\(nameColumn) AS name, ifnull(u.used, 0) AS used
            FROM \(ceilings) c JOIN \(names) t ON t.id = c.\(owner)
            LEFT JOIN (SELECT envelope_owner_id, sum(effective_cost) AS used FROM proposals
                       WHERE cycle_id = ?1 AND envelope_level = ?2 AND status IN \(ProposalStatus.fundedSQLList)
                       GROUP BY envelope_owner_id) u ON u.envelope_owner_id = c.\(owner)
            WHERE c.cycle_id = ?1 ORDER BY t.\(nameColumn)
            """, [cycleId.rawValue, level.rawValue]).compactMap { row in
            guard let envelope = FundingEnvelope(level: level, ownerId: try row.get("owner")) else { return nil }
            return CeilingUsage(envelope: envelope, name: try row.get("name"), amount: try row.get("amount"),
                                used: try row.get("used"))
        }
    }

    /// The proposals of `kecamatanId` in `cycleId` that were not funded (rejected, F2, not ratified, ...),
    /// with the code they were carried into.
    public func unfunded(cycleId: CycleID, kecamatanId: KecamatanID) throws -> [UnfundedProposal] {
        let states = ProposalState.all.filter { $0.isCarryOverEligible && $0.stage != .praMusrenbang }
        let proposals = try ProposalRepository(db).list(ProposalFilter(cycleId: cycleId, kecamatanId: kecamatanId, states: states))
        return try proposals.map { p in
            let code: String? = try db.scalar("SELECT tracking_code FROM proposals WHERE carried_from_id = ?", [p.id.rawValue])
            return UnfundedProposal(proposal: p, carriedInto: code.flatMap { TrackingCode(parsing: $0) })
        }
    }
}
