import Foundation
import Storage

/// A stored allocation run (header; its decisions are in `allocation_decisions`).
public struct AllocationRun: Hashable, Sendable {
    public var id: Int64
    public var cycleId: CycleID
    public var envelope: FundingEnvelope
    public var envelopeAmount: Int64
    public var fundedTotal: Int64
    public var remaining: Int64
    public var runBy: AccountID
    public var runAt: Date
    /// The shares the run used, in their stored form (`GroupShare.json` of each, as a JSON array).
    public var sharesJSON: String
}

/// Allocation runs and their decisions (every run is kept; the latest one is in force).
public struct AllocationRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Stores one run with its decisions; returns the run id.
    public func save(_ result: AllocationResult, cycleId: CycleID, envelope: FundingEnvelope, by accountId: AccountID,
                     at now: Date) throws -> Int64 {
        let shares = Self.sharesJSON(result.shares)
        try db.execute("""
            INSERT INTO allocation_runs (cycle_id, level, owner_id, envelope_amount, funded_total, remaining, shares_json,
                run_by, run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [cycleId.rawValue, envelope.level.rawValue, envelope.ownerId, result.envelopeAmount, result.fundedTotal,
                  result.remaining, shares, accountId.rawValue, Stored.text(now)])
        let runId = db.lastInsertRowID
        // The decisions in statements of `rowsPerInsert` rows (the rest one by one): SQLite then starts its program
        // and opens its cursors once per batch instead of once per row. Cached statements, positional binding, only
        // numbers (the reason is built from them when read): a city run writes one row per candidate (175,000), so
        // nothing here is made per row.
        /// Binds decision `d` as row `row` of a statement whose rows take `?1` (the run) and 11 parameters each.
        func bind(_ d: AllocationDecision, row: Int32, to insert: PreparedStatement) throws {
            let base = 2 + row * Int32(Self.parametersPerRow)
            try insert.bind(Int64(d.position), at: base)
            try insert.bind(d.proposalId.rawValue, at: base + 1)
            try insert.bind(Int64(d.rank == Int.max ? 0 : d.rank), at: base + 2)
            try insert.bind(d.cost, at: base + 3)
            try insert.bind(d.funded, at: base + 4)
            try insert.bind(d.remainingBefore, at: base + 5)
            try insert.bind(d.remainingAfter, at: base + 6)
            try insert.bind(d.blockingGroup?.description, at: base + 7)
            try insert.bind(d.blockingGroup == nil ? nil : d.groupRemaining, at: base + 8)
            try insert.bind(d.blockingGroup == nil ? nil : d.blockingBound?.rawValue, at: base + 9)
            try insert.bind(d.fundedFromReleasedReserve, at: base + 10)
        }
        let decisions = result.decisions
        let batched = decisions.count - decisions.count % Self.rowsPerInsert
        if batched > 0 {
            try db.withPrepared(Self.insertDecisions(rows: Self.rowsPerInsert)) { insert in
                try insert.bind(runId, at: 1)
                for start in stride(from: 0, to: batched, by: Self.rowsPerInsert) {
                    for row in 0..<Self.rowsPerInsert { try bind(decisions[start + row], row: Int32(row), to: insert) }
                    try insert.step()
                    insert.reset()
                }
            }
        }
        if batched < decisions.count {
            try db.withPrepared(Self.insertDecisions(rows: 1)) { insert in
                try insert.bind(runId, at: 1)
                for d in decisions[batched...] {
                    try bind(d, row: 0, to: insert)
                    try insert.step()
                    insert.reset()
                }
            }
        }
        return runId
    }

    /// Decisions per multi-row INSERT (x 11 parameters, + 1 for the run: far below SQLite's limits).
    static let rowsPerInsert = 32
    static let parametersPerRow = 11

    /// The stored form of a run's shares (compared by the berita acara with the shares in force).
    public static func sharesJSON(_ shares: [GroupShare]) -> String {
        GroupShare.json(shares)
    }

    /// `INSERT INTO allocation_decisions ... VALUES (?1, ?2, ... ?10), (?1, ?11, ... ?19), ...` for `rows` rows.
    static func insertDecisions(rows: Int) -> String {
        "INSERT INTO allocation_decisions (run_id, position, proposal_id, rank, cost, funded, remaining_before, "
            + "remaining_after, blocking_group, group_remaining, blocking_bound, reserve_released) VALUES "
            + (0..<rows).map { row in
                "(?1, " + (0..<parametersPerRow).map { "?\(2 + row * parametersPerRow + $0)" }.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
    }

    /// Decisions that name no stored proposal: the link the schema does not enforce (Migrations/0004 dropped that
    /// foreign key for speed), checked by `musrenbang check` like SQLite's own `foreign_key_check`.
    public func decisionsWithoutProposal() throws -> Int {
        try db.scalar("""
            SELECT count(*) FROM allocation_decisions d WHERE NOT EXISTS (SELECT 1 FROM proposals p WHERE p.id = d.proposal_id)
            """) ?? 0
    }

    /// The latest run of an envelope, if any.
    public func latestRun(cycleId: CycleID, envelope: FundingEnvelope) throws -> AllocationRun? {
        guard let row = try db.queryOne("""
            SELECT * FROM allocation_runs WHERE cycle_id = ? AND level = ? AND owner_id = ? ORDER BY id DESC LIMIT 1
            """, [cycleId.rawValue, envelope.level.rawValue, envelope.ownerId]) else { return nil }
        return try Self.run(row)
    }

    /// One run by id, if it exists.
    public func run(id: Int64) throws -> AllocationRun? {
        try db.queryOne("SELECT * FROM allocation_runs WHERE id = ?", [id]).map(Self.run)
    }

    private static func run(_ row: Row) throws -> AllocationRun {
        let level: Level = try Stored.value(row, "level")
        guard let envelope = FundingEnvelope(level: level, ownerId: try row.get("owner_id")) else {
            throw PersistenceError.corrupt("allocation_runs.level \(level)")
        }
        return AllocationRun(id: try row.get("id"), cycleId: CycleID(try row.get("cycle_id")), envelope: envelope,
                             envelopeAmount: try row.get("envelope_amount"), fundedTotal: try row.get("funded_total"),
                             remaining: try row.get("remaining"), runBy: AccountID(try row.get("run_by")),
                             runAt: try Stored.date(row, "run_at"), sharesJSON: try row.get("shares_json"))
    }

    /// A run's decisions as stored (numbers only), in processing order; the reason of each is built from them.
    public func storedDecisions(runId: Int64) throws -> [AllocationDecision] {
        try db.query("""
            SELECT position, proposal_id, rank, cost, funded, remaining_before, remaining_after, blocking_group,
                group_remaining, blocking_bound, reserve_released FROM allocation_decisions WHERE run_id = ? ORDER BY position
            """, [runId]).map { row in
            var group: AllocationGroup?
            if let stored: String = try row.get("blocking_group") {
                guard let parsed = AllocationGroup(stored: stored) else { throw PersistenceError.corrupt("blocking_group \(stored)") }
                group = parsed
            }
            let bound: String? = try row.get("blocking_bound")
            let rank: Int = try row.get("rank")
            return AllocationDecision(
                proposalId: ProposalID(try row.get("proposal_id")), position: try row.get("position"),
                rank: rank == 0 ? Int.max : rank, cost: try row.get("cost"), funded: try row.get("funded"),
                remainingBefore: try row.get("remaining_before"), remainingAfter: try row.get("remaining_after"),
                blockingGroup: group, blockingBound: bound.flatMap(GroupShare.Bound.init(rawValue:)),
                groupRemaining: try row.get("group_remaining"), fundedFromReleasedReserve: try row.get("reserve_released"))
        }
    }

    /// What a run funded per fisik/non-fisik and bidang (the attributes a group share counts), summed in one grouped read:
    /// a screen showing each share's use then reads no proposal one by one (2,000 of them on a kecamatan).
    public func fundedByGroup(runId: Int64) throws -> [(isFisik: Bool, bidangId: BidangID, cost: Int64)] {
        try db.query("""
            SELECT p.is_fisik, p.bidang_id, sum(d.cost) AS cost FROM allocation_decisions d JOIN proposals p ON p.id = d.proposal_id
            WHERE d.run_id = ? AND d.funded = 1 GROUP BY p.is_fisik, p.bidang_id
            """, [runId]).map { row in
            (isFisik: try row.get("is_fisik"), bidangId: BidangID(try row.get("bidang_id")), cost: try row.get("cost"))
        }
    }

    /// The decisions of a run, in processing order: (proposal, funded, reason).
    /// The reason is the stored text of rows written before Migrations/0004, else built from the decision's numbers.
    public func decisions(runId: Int64) throws -> [(proposalId: ProposalID, funded: Bool, reason: String)] {
        try explainedDecisions(runId: runId).map { ($0.decision.proposalId, $0.decision.funded, $0.reason) }
    }

    /// A run's decisions with the reason each shows (stored text before 0004, else built from the numbers).
    public func explainedDecisions(runId: Int64) throws -> [(decision: AllocationDecision, reason: String)] {
        let legacy: [Int64: String] = try Dictionary(uniqueKeysWithValues: db.query("""
            SELECT position, reason FROM allocation_decisions WHERE run_id = ? AND reason IS NOT NULL
            """, [runId]).map { (try $0.get("position"), try $0.get("reason")) })
        return try storedDecisions(runId: runId).map { d in (d, legacy[Int64(d.position)] ?? d.reason) }
    }
}
