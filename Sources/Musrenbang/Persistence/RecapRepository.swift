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
    public var used: Int64
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

    private static let fundedStatuses = "('didanai', 'ditetapkan')"

    /// Counts and sums of a cycle's proposals grouped by `dimension`, ordered by name (status: by key).
    public func recap(cycleId: CycleID, by dimension: RecapDimension) throws -> [RecapRow] {
        let aggregates = """
            count(*) AS n, total(cost) AS original, total(effective_cost) AS effective,
            sum(status IN \(Self.fundedStatuses)) AS funded_n,
            total(CASE WHEN status IN \(Self.fundedStatuses) THEN effective_cost ELSE 0 END) AS funded_cost
            """
        let sql: String
        switch dimension {
        case .status:
            sql = """
                SELECT stage || ':' || status AS key, stage || ':' || status AS name, \(aggregates)
                FROM proposals INDEXED BY proposals_kecamatan WHERE cycle_id = ? GROUP BY stage, status ORDER BY key
                """
        case .kecamatan, .kelurahan, .bidang, .opd:
            let (column, table, nameColumn) = switch dimension {
            case .kecamatan: ("kecamatan_id", "kecamatan", "name")
            case .kelurahan: ("kelurahan_id", "kelurahan", "name")
            case .bidang: ("bidang_id", "bidang", "name")
            default: ("opd_id", "opd", "short_name")
            }
            sql = """
                SELECT a.*, t.\(nameColumn) AS name FROM (
                    SELECT \(column) AS key, \(aggregates) FROM proposals WHERE cycle_id = ? GROUP BY \(column)
                ) a JOIN \(table) t ON t.id = a.key ORDER BY t.\(nameColumn), a.key
                """
        }
        return try db.query(sql, [cycleId.rawValue]).map { row in
            let key: String = switch row[0] {
            case .integer(let id): String(id)
            case .text(let text): text
            default: row[0].description
            }
            return RecapRow(key: key, name: try row.get("name"), count: try row.get("n"),
                            originalCost: Int64(try row.get("original", as: Double.self)),
                            effectiveCost: Int64(try row.get("effective", as: Double.self)),
                            fundedCount: try row.get("funded_n"),
                            fundedCost: Int64(try row.get("funded_cost", as: Double.self)))
        }
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
                       WHERE cycle_id = ?1 AND envelope_level = ?2 AND status IN \(Self.fundedStatuses)
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
