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

/// The recap queries of the portal. Counts and sums come from the groups kept in `recap_cells` (Migrations/0019),
/// read at once and folded in Swift (`RecapCells`) into every dimension.
public struct RecapRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Counts and sums of a cycle's proposals grouped by `dimension`, ordered by name (status: by key).
    public func recap(cycleId: CycleID, by dimension: RecapDimension, includeDrafts: Bool = true) throws -> [RecapRow] {
        RecapCells(try cells(cycleId: cycleId, includeDrafts: includeDrafts))
            .rows(by: dimension, names: dimension == .status ? [:] : try names(dimension))
    }

    /// A cycle's proposals (of one kecamatan, when given) grouped by area, bidang, OPD, state and funding level: the rows
    /// of `recap_cells` (Migrations/0019), which triggers keep in step with every proposal written, in key order.
    public func cells(cycleId: CycleID, kecamatanId: KecamatanID? = nil, includeDrafts: Bool = true) throws -> [RecapCell] {
        let narrowed = kecamatanId.map { _ in " AND kecamatan_id = ?2" } ?? ""
        let sql = """
            SELECT kecamatan_id, kelurahan_id, bidang_id, opd_id, stage || ':' || status, envelope_level, proposals, cost, effective_cost
            FROM recap_cells WHERE cycle_id = ?1\(narrowed) AND proposals > 0
            """
        var cells: [RecapCell] = []
        try db.withPrepared(sql) { statement in
            try statement.bind(cycleId.rawValue, at: 1)
            if let kecamatanId { try statement.bind(kecamatanId.rawValue, at: 2) }
            while try statement.step() {
                // One text and one lookup per group for its state (the groups are thousands at city scale).
                guard let state = statement.text(at: 4).flatMap(ProposalState.init(parsing:)) else {
                    throw PersistenceError.corrupt("recap_cells: unknown stage or status")
                }
                if !includeDrafts && state == Visibility.draft { continue }
                cells.append(RecapCell(
                    kecamatanId: KecamatanID(statement.int64(at: 0)), kelurahanId: KelurahanID(statement.int64(at: 1)),
                    bidangId: BidangID(statement.int64(at: 2)), opdId: OPDID(statement.int64(at: 3)), state: state,
                    envelopeLevel: statement.text(at: 5).flatMap(Level.init(rawValue:)),  // '' (none) is no level
                    count: Int(statement.int64(at: 6)), originalCost: statement.int64(at: 7), effectiveCost: statement.int64(at: 8)))
            }
        }
        return cells
    }

    /// The names of a dimension's groups by key (the row id as text): kecamatan, kelurahan and bidang by name, OPD by
    /// short name; none for the status.
    public func names(_ dimension: RecapDimension) throws -> [String: String] {
        let table: String, column: String
        switch dimension {
        case .kecamatan: (table, column) = ("kecamatan", "name")
        case .kelurahan: (table, column) = ("kelurahan", "name")
        case .bidang: (table, column) = ("bidang", "name")
        case .opd: (table, column) = ("opd", "short_name")
        case .status: return [:]
        }
        var names: [String: String] = [:]
        try db.forEachRow("SELECT id, \(column) FROM \(table)") { row in
            names[String(try row.get(0, as: Int64.self))] = try row.get(1)
        }
        return names
    }

    /// The `limit` most frequent reasons of a cycle's rejection decisions (`tolak` at any level, `tidak_tetapkan`),
    /// word for word, most frequent first (ties by the text); of one kecamatan's proposals when given. Reads the partial
    /// index `proposal_events_rejections` (Migrations/0019), which holds only those events.
    public func rejectionReasons(cycleId: CycleID, kecamatanId: KecamatanID? = nil, limit: Int) throws -> [RejectionReason] {
        let narrowed = kecamatanId.map { _ in " AND proposal_id IN (SELECT id FROM proposals WHERE cycle_id = ?1 AND kecamatan_id = ?3)" } ?? ""
        var arguments: [(any SQLBindable)?] = [cycleId.rawValue, limit]
        if let kecamatanId { arguments.append(kecamatanId.rawValue) }
        return try db.query("""
            SELECT note, count(*) AS n FROM proposal_events INDEXED BY proposal_events_rejections
            WHERE cycle_id = ?1 AND action IN ('tolak', 'tidak_tetapkan')\(narrowed)
            GROUP BY note ORDER BY n DESC, note LIMIT ?2
            """, StatementArguments(arguments)).map { row in
            RejectionReason(reason: try row.get("note") ?? "", count: try row.get("n"))
        }
    }

    /// The states a proposal ends unfunded in (carry-over eligible), as an SQL condition over `p`.
    private static var unfundedCondition: SQLFragment { .or(ProposalState.all.filter(\.isCarryOverEligible).map { state in
        SQLFragment("p.stage = ? AND p.status = ?", [state.stage.rawValue, state.status.rawValue])
    }) }

    /// The carried proposal `c` of `p` counts when it is in `intoCycle` and submitted there (a draft stays private).
    private static let carriedJoin = """
        LEFT JOIN proposals c ON c.carried_from_id = p.id AND c.cycle_id = ? AND NOT (c.stage = 'pra_musrenbang' AND c.status = 'draft')
        """

    /// A cycle's unfunded proposals per kecamatan (of one kecamatan, when given): how many, their cost in force, and
    /// how many were carried into `intoCycle` and submitted there. Ordered by kecamatan name.
    public func unfundedTallies(cycleId: CycleID, intoCycle: CycleID, kecamatanId: KecamatanID? = nil) throws -> [UnfundedTally] {
        var condition = Self.unfundedCondition
        if let kecamatanId { condition = .and([condition, SQLFragment("p.kecamatan_id = ?", [kecamatanId.rawValue])]) }
        return try db.query("""
            SELECT p.kecamatan_id AS id, k.name AS name, count(*) AS n, sum(p.cost) AS original, sum(p.effective_cost) AS effective,
                count(c.id) AS carried
            FROM proposals p JOIN kecamatan k ON k.id = p.kecamatan_id \(Self.carriedJoin)
            WHERE p.cycle_id = ? AND (\(condition.sql))
            GROUP BY p.kecamatan_id ORDER BY k.name
            """, StatementArguments([intoCycle.rawValue, cycleId.rawValue] + condition.values)).map { row in
            UnfundedTally(kecamatanId: KecamatanID(try row.get("id")), kecamatanName: try row.get("name"),
                          tally: RecapTally(count: try row.get("n"), originalCost: try row.get("original"),
                                            effectiveCost: try row.get("effective")),
                          carried: try row.get("carried"))
        }
    }

    /// One kecamatan's unfunded proposals of a cycle, at most `limit`, by kelurahan name and code: public facts only,
    /// with the code of the submitted proposal of `intoCycle` each was carried into.
    public func unfundedLines(cycleId: CycleID, intoCycle: CycleID, kecamatanId: KecamatanID, limit: Int) throws -> [UnfundedLine] {
        let condition = Self.unfundedCondition
        return try db.query("""
            SELECT p.tracking_code AS code, p.title, l.name AS kelurahan, p.stage, p.status, p.effective_cost, c.tracking_code AS carried
            FROM proposals p JOIN kelurahan l ON l.id = p.kelurahan_id \(Self.carriedJoin)
            WHERE p.cycle_id = ? AND p.kecamatan_id = ? AND (\(condition.sql))
            ORDER BY l.name, p.tracking_code LIMIT ?
            """, StatementArguments([intoCycle.rawValue, cycleId.rawValue, kecamatanId.rawValue] + condition.values + [limit]))
            .compactMap { row in
                guard let code = TrackingCode(parsing: try row.get("code")),
                      let stage = Stage(rawValue: try row.get("stage")), let status = ProposalStatus(rawValue: try row.get("status")) else {
                    return nil
                }
                return UnfundedLine(code: code, title: try row.get("title"), kelurahanName: try row.get("kelurahan"),
                                    state: ProposalState(stage, status), effectiveCost: try row.get("effective_cost"),
                                    carriedInto: (try row.get("carried") as String?).flatMap(TrackingCode.init(parsing:)))
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
