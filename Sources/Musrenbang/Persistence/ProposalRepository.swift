import Foundation
import Storage

/// Which proposals to list. Every field narrows the list; nil means "any".
public struct ProposalFilter: Sendable {
    public var cycleId: CycleID
    public var kecamatanId: KecamatanID?
    public var kelurahanId: KelurahanID?
    public var routedOPDId: OPDID?
    public var bidangId: BidangID?
    public var proposerAccountId: AccountID?
    /// Only these states (empty: any).
    public var states: [ProposalState]
    /// At most this many, in id order.
    public var limit: Int?

    public init(cycleId: CycleID, kecamatanId: KecamatanID? = nil, kelurahanId: KelurahanID? = nil,
                routedOPDId: OPDID? = nil, bidangId: BidangID? = nil, proposerAccountId: AccountID? = nil,
                states: [ProposalState] = [], limit: Int? = nil) {
        self.cycleId = cycleId; self.kecamatanId = kecamatanId; self.kelurahanId = kelurahanId
        self.routedOPDId = routedOPDId; self.bidangId = bidangId; self.proposerAccountId = proposerAccountId
        self.states = states; self.limit = limit
    }
}

/// Proposals with their recommendations and rankings: creation with the tracking-code sequence, loading,
/// optimistic-concurrency updates and lists.
public struct ProposalRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Bumps the tracking sequence of (kota, year) and returns the next code. Call inside the transaction
    /// that inserts the proposal, so that a failed insert rolls the number back (codes stay gap-free).
    public func nextTrackingCode(kotaId: KotaID, cityCode: String, year: Int) throws -> TrackingCode {
        let next: Int = try db.scalar("""
            INSERT INTO tracking_sequences (kota_id, year, last_sequence) VALUES (?1, ?2, 1)
            ON CONFLICT (kota_id, year) DO UPDATE SET last_sequence = last_sequence + 1
            RETURNING last_sequence
            """, [kotaId.rawValue, year]) ?? 0
        return try TrackingCode(cityCode: cityCode, year: year, sequence: next)
    }

    /// The id the next inserted proposal gets (the writer is serialized, so this is stable in a transaction).
    public func nextId() throws -> ProposalID {
        ProposalID(try db.scalar("SELECT ifnull(max(id), 0) + 1 FROM proposals") ?? 1)
    }

    /// Inserts a new proposal (from `Workflow.create` or `CarryOver.carry`) with its recommendations.
    public func insert(_ p: Proposal) throws {
        try db.execute("""
            INSERT INTO proposals (id, tracking_code, cycle_id, kecamatan_id, kelurahan_id, rw_id, rt_id, proposer_account_id,
                proposer_name, entered_by, title, problem, kamus_id, bidang_id, opd_id, is_fisik, satuan, unit_price, volume,
                cost, location_text, latitude, longitude, beneficiaries, stage, status, routed_opd_id, envelope_level,
                envelope_owner_id, carried_from_id, created_at, submitted_at, updated_at, version, effective_cost, expected_output,
                expected_outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, StatementArguments([
                p.id.rawValue, p.trackingCode.description, p.cycleId.rawValue, p.origin.kecamatanId.rawValue,
                p.origin.kelurahanId.rawValue, p.origin.rwId?.rawValue, p.origin.rtId?.rawValue, p.proposerAccountId?.rawValue,
                p.proposerName, p.enteredBy.rawValue, p.title, p.problem, p.kamusId.rawValue, p.bidangId.rawValue,
                p.opdId.rawValue, p.isFisik, p.unit, p.unitPrice, p.volume, p.cost, p.locationText, p.latitude, p.longitude,
                p.beneficiaries, p.stage.rawValue, p.status.rawValue, p.routedOPDId?.rawValue, p.envelope?.level.rawValue,
                p.envelope?.ownerId, p.carriedFrom?.rawValue, Stored.text(p.createdAt), p.submittedAt.map(Stored.text),
                Stored.text(p.updatedAt), p.version, p.effectiveCost, p.expectedOutput, p.expectedOutcome,
            ]))
        for recommendation in p.recommendations.values { try upsert(recommendation, proposalId: p.id) }
    }

    /// Writes `new` over `old` when the stored version is still `old.version`; otherwise throws
    /// `DomainError.staleVersion` and changes nothing (no lost update). Changed recommendations and
    /// manual ranks are upserted.
    public func update(from old: Proposal, to p: Proposal) throws {
        try db.execute("""
            UPDATE proposals SET title = ?, problem = ?, kamus_id = ?, bidang_id = ?, opd_id = ?, is_fisik = ?, satuan = ?,
                unit_price = ?, volume = ?, cost = ?, location_text = ?, latitude = ?, longitude = ?, beneficiaries = ?,
                stage = ?, status = ?, routed_opd_id = ?, envelope_level = ?, envelope_owner_id = ?, submitted_at = ?,
                updated_at = ?, version = ?, effective_cost = ?, expected_output = ?, expected_outcome = ?
            WHERE id = ? AND version = ?
            """, StatementArguments([
                p.title, p.problem, p.kamusId.rawValue, p.bidangId.rawValue, p.opdId.rawValue, p.isFisik, p.unit,
                p.unitPrice, p.volume, p.cost, p.locationText, p.latitude, p.longitude, p.beneficiaries,
                p.stage.rawValue, p.status.rawValue, p.routedOPDId?.rawValue, p.envelope?.level.rawValue,
                p.envelope?.ownerId, p.submittedAt.map(Stored.text), Stored.text(p.updatedAt), p.version,
                p.effectiveCost, p.expectedOutput, p.expectedOutcome, p.id.rawValue, old.version,
            ]))
        guard db.changes == 1 else {
            let actual: Int64 = try db.scalar("SELECT version FROM proposals WHERE id = ?", [p.id.rawValue]) ?? 0
            throw DomainError.staleVersion(expected: old.version, actual: actual)
        }
        // Only a proposer correction changes these (rarely): a statement of their own keeps the hot update as it was.
        if p.proposerName != old.proposerName || p.origin != old.origin {
            // The kelurahan never changes (Workflow.proposerCorrectionErrors), only the RT and RW inside it.
            try db.execute("UPDATE proposals SET proposer_name = ?, rw_id = ?, rt_id = ? WHERE id = ?",
                           StatementArguments([p.proposerName, p.origin.rwId?.rawValue, p.origin.rtId?.rawValue, p.id.rawValue]))
        }
        for (level, recommendation) in p.recommendations where old.recommendations[level] != recommendation {
            try upsert(recommendation, proposalId: p.id)
        }
        for (level, rank) in p.ranks where old.ranks[level] != rank && level != .kota {
            try db.execute("""
                INSERT INTO proposal_rankings (proposal_id, level, score_millis, rank, manual) VALUES (?, ?, ?, ?, 1)
                ON CONFLICT (proposal_id, level) DO UPDATE SET rank = excluded.rank, manual = 1
                """, [p.id.rawValue, level.rawValue, p.scores[level] ?? 0, rank])
        }
    }

    private func upsert(_ r: Recommendation, proposalId: ProposalID) throws {
        try db.execute("""
            INSERT INTO proposal_recommendations (proposal_id, level, volume, cost, note, flagged_above_tolerance,
                recommended_by, recommended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (proposal_id, level) DO UPDATE SET volume = excluded.volume, cost = excluded.cost,
                note = excluded.note, flagged_above_tolerance = excluded.flagged_above_tolerance,
                recommended_by = excluded.recommended_by, recommended_at = excluded.recommended_at
            """, [proposalId.rawValue, r.level.rawValue, r.volume, r.cost, r.note, r.flaggedAboveTolerance,
                  r.recommendedBy.rawValue, Stored.text(r.recommendedAt)])
    }

    /// Loads one proposal by id.
    public func proposal(id: ProposalID) throws -> Proposal {
        guard let p = try load(where: "p.id = ?", [id.rawValue]).first else {
            throw PersistenceError.notFound("usulan \(id)")
        }
        return p
    }

    /// Loads one proposal by tracking code (any case).
    public func proposal(trackingCode: TrackingCode) throws -> Proposal {
        guard let p = try load(where: "p.tracking_code = ?", [trackingCode.description]).first else {
            throw PersistenceError.notFound("usulan \(trackingCode)")
        }
        return p
    }

    /// The proposals matching `filter`, in id order.
    public func list(_ filter: ProposalFilter) throws -> [Proposal] {
        let (sql, arguments) = condition(filter)
        return try load(where: sql, arguments)
    }

    /// The score sheets at `level` of the proposals matching `filter` (id, submission time, scores), in id
    /// order: two queries whatever the count (ranking a whole city reads 100,000 sheets).
    public func scoreSheets(_ filter: ProposalFilter, level: Level) throws -> [ScoreSheet] {
        let (sql, arguments) = condition(filter)
        var sheets: [ScoreSheet] = []
        var index: [Int64: Int] = [:]
        try db.forEachRow("SELECT p.id, p.submitted_at FROM proposals p WHERE \(sql) ORDER BY p.id", arguments) { row in
            let id: Int64 = try row.get(0)
            let submitted: String? = try row.get(1)
            let submittedAt = try submitted.map { text in
                guard let date = WIBTime.parseISO8601(text) else { throw PersistenceError.corrupt("submitted_at = \(text)") }
                return date
            }
            index[id] = sheets.count
            sheets.append(ScoreSheet(proposalId: ProposalID(id), submittedAt: submittedAt, scores: [:]))
        }
        if sheets.isEmpty { return [] }
        // The level is one of a closed enumeration, written as a literal (no user text reaches this SQL).
        try db.forEachRow("""
            SELECT s.proposal_id, s.criterion_id, s.score FROM proposals p
            JOIN proposal_scores s ON s.proposal_id = p.id AND s.level = '\(level.rawValue)' WHERE \(sql)
            """, arguments) { row in
            if let i = index[try row.get(0)] { sheets[i].scores[ScoringCriterionID(try row.get(1))] = try row.get(2) }
        }
        return sheets
    }

    /// The candidates of an allocation run (id, cost in force, group, rank at `level`), in id order: the lean
    /// read of a draft run, which moves nothing (the berita acara reads `allocationPlacements`).
    public func allocationCandidates(_ filter: ProposalFilter, level: Level) throws -> [AllocationCandidate] {
        let (sql, arguments) = condition(filter)
        // Cached (one SQL text per envelope kind and level): a whole city runs it 201 times. Every column but the
        // rank comes from the envelope's covering index (Migrations/0004), so no table row is read; the rank is a
        // join (one cursor for the whole query), not a correlated subquery run per row (about 30% slower).
        var candidates: [AllocationCandidate] = []
        try db.withPrepared("""
            SELECT p.id, p.effective_cost, p.is_fisik, p.bidang_id, k.rank FROM proposals p
            LEFT JOIN proposal_rankings k ON k.proposal_id = p.id AND k.level = '\(level.rawValue)'
            WHERE \(sql)
            """) { query in
            try query.bind(arguments)
            while try query.step() {
                candidates.append(AllocationCandidate(proposalId: ProposalID(query.int64(at: 0)),
                                                      rank: query.isNull(at: 4) ? Int.max : Int(query.int64(at: 4)),
                                                      cost: query.int64(at: 1), isFisik: query.int64(at: 2) != 0,
                                                      bidangId: BidangID(query.int64(at: 3))))
            }
        }
        // No ORDER BY: see `allocationPlacements`.
        candidates.sort { $0.proposalId.rawValue < $1.proposalId.rawValue }
        return candidates
    }

    /// Allocation candidates with their placements (light rows: no full proposal is loaded), in id order.
    public func allocationPlacements(_ filter: ProposalFilter, level: Level) throws
        -> [(candidate: AllocationCandidate, placement: ProposalPlacement)] {
        let (sql, arguments) = condition(filter)
        var rows: [(candidate: AllocationCandidate, placement: ProposalPlacement)] = []
        // Prepared and read by position: no `Row` per candidate (a city run reads 175,000 of them). The state and
        // the envelope level come back as small integers (indexes into `states` and `levels`), so no text is
        // decoded or matched per row; both lists are closed enumerations written as literals, like the level.
        let states = filter.states.isEmpty ? ProposalState.all : filter.states
        let levels = Level.allCases
        // Raw values of the enumerations (lower-case words and underscores): no quote to escape.
        func literal(_ text: String) -> String { "'" + text + "'" }
        let stateCase = "CASE " + states.enumerated().map {
            "WHEN p.stage = \(literal($0.element.stage.rawValue)) AND p.status = \(literal($0.element.status.rawValue)) THEN \($0.offset) "
        }.joined() + "ELSE -1 END"
        let levelCase = "CASE p.envelope_level "
            + levels.enumerated().map { "WHEN \(literal($0.element.rawValue)) THEN \($0.offset) " }.joined() + "ELSE -1 END"
        let query = try db.prepare("""
            SELECT p.id, \(stateCase), p.effective_cost, p.is_fisik, p.bidang_id,
                (SELECT k.rank FROM proposal_rankings k WHERE k.proposal_id = p.id AND k.level = '\(level.rawValue)') AS rank,
                p.cycle_id, p.kecamatan_id, p.kelurahan_id, p.rw_id, p.rt_id, p.proposer_account_id, p.version,
                p.routed_opd_id, \(levelCase), p.envelope_owner_id, p.envelope_level IS NULL
            FROM proposals p WHERE \(sql)
            """)
        try query.bind(arguments)
        func optional(_ column: Int32) -> Int64? { query.isNull(at: column) ? nil : query.int64(at: column) }
        while try query.step() {
            let id = ProposalID(query.int64(at: 0))
            let stateIndex = Int(query.int64(at: 1))
            guard states.indices.contains(stateIndex) else { throw PersistenceError.corrupt("state of proposal \(id)") }
            let candidate = AllocationCandidate(proposalId: id, rank: optional(5).map { Int($0) } ?? Int.max,
                                                cost: query.int64(at: 2), isFisik: query.int64(at: 3) != 0,
                                                bidangId: BidangID(query.int64(at: 4)))
            var envelope: FundingEnvelope?
            if query.int64(at: 16) == 0 {
                let levelIndex = Int(query.int64(at: 14))
                guard levels.indices.contains(levelIndex) else { throw PersistenceError.corrupt("envelope_level of proposal \(id)") }
                envelope = FundingEnvelope(level: levels[levelIndex], ownerId: query.int64(at: 15))
            }
            let origin = Origin(kecamatanId: KecamatanID(query.int64(at: 7)), kelurahanId: KelurahanID(query.int64(at: 8)),
                                rwId: optional(9).map { RWID($0) }, rtId: optional(10).map { RTID($0) })
            let placement = ProposalPlacement(
                proposalId: id, cycleId: CycleID(query.int64(at: 6)), origin: origin,
                proposerAccountId: optional(11).map { AccountID($0) }, state: states[stateIndex],
                version: query.int64(at: 12), routedOPDId: optional(13).map { OPDID($0) }, envelope: envelope)
            rows.append((candidate, placement))
        }
        // In id order, sorted here: SQLite's ORDER BY sorts the whole wide result rows in a temporary b-tree,
        // several times slower than reading them in index order.
        rows.sort { $0.candidate.proposalId.rawValue < $1.candidate.proposalId.rawValue }
        return rows
    }

    /// Writes allocation moves: for each, the placement columns, `updated_at` and the bumped version,
    /// only while the stored version is still `expectedVersion` (otherwise `DomainError.staleVersion`, and
    /// the caller's transaction rolls back). One prepared statement; no other column changes.
    public func apply(_ moves: [AllocationMove], at now: Date) throws {
        if moves.isEmpty { return }
        let update = try db.prepare("""
            UPDATE proposals SET stage = ?1, status = ?2, routed_opd_id = ?3, envelope_level = ?4, envelope_owner_id = ?5,
                updated_at = ?6, version = ?7 WHERE id = ?8 AND version = ?9
            """)
        try update.bind(Stored.text(now), at: 6)
        for move in moves {
            let p = move.placement
            try update.bind(p.state.stage.rawValue, at: 1)
            try update.bind(p.state.status.rawValue, at: 2)
            try update.bind(p.routedOPDId?.rawValue, at: 3)
            try update.bind(p.envelope?.level.rawValue, at: 4)
            try update.bind(p.envelope?.ownerId, at: 5)
            try update.bind(p.version, at: 7)
            try update.bind(p.proposalId.rawValue, at: 8)
            try update.bind(move.expectedVersion, at: 9)
            try update.step()
            update.reset()
            guard db.changes == 1 else {
                let actual: Int64 = try db.scalar("SELECT version FROM proposals WHERE id = ?", [p.proposalId.rawValue]) ?? 0
                throw DomainError.staleVersion(expected: move.expectedVersion, actual: actual)
            }
        }
    }

    /// What is funded from `envelope` (effective cost of its proposals funded or ratified), without `excluded`.
    public func fundedTotal(of envelope: FundingEnvelope, cycleId: CycleID, excluding excluded: ProposalID? = nil) throws -> Int64 {
        try db.scalar("""
            SELECT ifnull(sum(effective_cost), 0) FROM proposals WHERE cycle_id = ? AND envelope_level = ? AND envelope_owner_id = ?
                AND status IN \(ProposalStatus.fundedSQLList) AND id IS NOT ?
            """, [cycleId.rawValue, envelope.level.rawValue, envelope.ownerId, excluded?.rawValue]) ?? 0
    }

    /// How many proposals match `filter`, and the tracking codes of the first `limit` of them (by id): what a
    /// refusal names ("masih ada 12 usulan menunggu: TGS-2027-000004, ...").
    public func trackingCodes(_ filter: ProposalFilter, limit: Int) throws -> (count: Int, codes: [String]) {
        let (sql, arguments) = condition(filter)
        let count: Int = try db.scalar("SELECT count(*) FROM proposals p WHERE \(sql)", arguments) ?? 0
        let codes: [String] = try db.query("SELECT p.tracking_code FROM proposals p WHERE \(sql) ORDER BY p.id LIMIT \(max(0, limit))",
                                           arguments).map { try $0.get(0) }
        return (count, codes)
    }

    /// How many proposals matching `filter` hold a rank set by hand at `level` (a manual order).
    public func manualRankCount(_ filter: ProposalFilter, level: Level) throws -> Int {
        let (sql, arguments) = condition(filter)
        return try db.scalar("""
            SELECT count(*) FROM proposals p JOIN proposal_rankings k ON k.proposal_id = p.id AND k.level = '\(level.rawValue)'
            WHERE k.manual = 1 AND \(sql)
            """, arguments) ?? 0
    }

    /// The tracking codes of `ids` (at most `limit`), in id order.
    public func trackingCodes(ids: [ProposalID], limit: Int) throws -> [String] {
        if ids.isEmpty { return [] }
        let json = "[" + ids.prefix(max(0, limit)).map { String($0.rawValue) }.joined(separator: ",") + "]"
        return try db.query("SELECT tracking_code FROM proposals WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                            [json]).map { try $0.get(0) }
    }

    /// The proposals with these ids, in id order (one bound JSON array, whatever the count).
    public func proposals(ids: [ProposalID]) throws -> [Proposal] {
        if ids.isEmpty { return [] }
        let json = "[" + ids.map { String($0.rawValue) }.joined(separator: ",") + "]"
        return try load(where: "p.id IN (SELECT value FROM json_each(?))", [json])
    }

    private func condition(_ filter: ProposalFilter) -> (String, StatementArguments) {
        var clauses = ["p.cycle_id = ?"]
        var values: [(any SQLBindable)?] = [filter.cycleId.rawValue]
        func add(_ clause: String, _ value: Int64?) {
            guard let value else { return }
            clauses.append(clause); values.append(value)
        }
        add("p.kecamatan_id = ?", filter.kecamatanId?.rawValue)
        add("p.kelurahan_id = ?", filter.kelurahanId?.rawValue)
        add("p.routed_opd_id = ?", filter.routedOPDId?.rawValue)
        add("p.bidang_id = ?", filter.bidangId?.rawValue)
        add("p.proposer_account_id = ?", filter.proposerAccountId?.rawValue)
        let stages = Array(Set(filter.states.map(\.stage.rawValue))).sorted()
        if stages.count == 1 {
            // The usual case (an envelope's candidates, the states of one stage): `stage = ? AND status IN (...)` lets SQLite
            // seek the (…, stage, status) indexes once per status instead of reading every status of the stage.
            clauses.append("p.stage = ?")
            values.append(stages[0])
            clauses.append("p.status IN (" + filter.states.map { _ in "?" }.joined(separator: ", ") + ")")
            values.append(contentsOf: filter.states.map(\.status.rawValue))
        } else if !filter.states.isEmpty {
            // One bound parameter per state; the SQL text only depends on how many there are.
            // The stage list lets SQLite use the (…, stage, status) indexes; the pair list is exact.
            clauses.append("p.stage IN (" + stages.map { _ in "?" }.joined(separator: ", ") + ")")
            values.append(contentsOf: stages)
            clauses.append("(p.stage || ':' || p.status) IN (" + filter.states.map { _ in "?" }.joined(separator: ", ") + ")")
            values.append(contentsOf: filter.states.map { $0.description })
        }
        var sql = clauses.joined(separator: " AND ")
        if let limit = filter.limit {
            sql = "p.id IN (SELECT p.id FROM proposals p WHERE \(sql) ORDER BY p.id LIMIT \(max(0, limit)))"
        }
        return (sql, StatementArguments(values))
    }

    /// The scores and ranks of proposal `id` per level.
    func rankings(of id: ProposalID) throws -> (scores: [Level: Int64], ranks: [Level: Int]) {
        var scores: [Level: Int64] = [:], ranks: [Level: Int] = [:]
        try db.forEachRow("SELECT level, score_millis, rank FROM proposal_rankings WHERE proposal_id = ?", [id.rawValue]) { row in
            let level: Level = try Stored.value(row, "level")
            scores[level] = try row.get("score_millis")
            ranks[level] = try row.get("rank")
        }
        return (scores, ranks)
    }

    /// Loads proposals whose row matches `condition` (SQL over alias `p`, written by this type only).
    func load(where condition: String, _ arguments: StatementArguments) throws -> [Proposal] {
        var rows: [Row] = []
        try db.forEachRow("SELECT p.* FROM proposals p WHERE \(condition) ORDER BY p.id", arguments) { rows.append($0) }
        if rows.isEmpty { return [] }
        var recommendations: [Int64: [Level: Recommendation]] = [:]
        try db.forEachRow("""
            SELECT r.* FROM proposal_recommendations r JOIN proposals p ON p.id = r.proposal_id WHERE \(condition)
            """, arguments) { row in
            let level: Level = try Stored.value(row, "level")
            recommendations[try row.get("proposal_id"), default: [:]][level] = Recommendation(
                level: level, volume: try row.get("volume"), cost: try row.get("cost"), note: try row.get("note"),
                flaggedAboveTolerance: try row.get("flagged_above_tolerance"),
                recommendedBy: AccountID(try row.get("recommended_by")), recommendedAt: try Stored.date(row, "recommended_at"))
        }
        var rankings: [Int64: [(Level, Int64, Int)]] = [:]
        try db.forEachRow("""
            SELECT k.proposal_id, k.level, k.score_millis, k.rank FROM proposal_rankings k
            JOIN proposals p ON p.id = k.proposal_id WHERE \(condition)
            """, arguments) { row in
            rankings[try row.get("proposal_id"), default: []].append(
                (try Stored.value(row, "level"), try row.get("score_millis"), try row.get("rank")))
        }
        return try rows.map { row in
            let id: Int64 = try row.get("id")
            var scores: [Level: Int64] = [:], ranks: [Level: Int] = [:]
            for (level, score, rank) in rankings[id] ?? [] { scores[level] = score; ranks[level] = rank }
            return try Self.proposal(row, recommendations: recommendations[id] ?? [:], scores: scores, ranks: ranks)
        }
    }

    private static func proposal(_ row: Row, recommendations: [Level: Recommendation], scores: [Level: Int64],
                                 ranks: [Level: Int]) throws -> Proposal {
        let codeText: String = try row.get("tracking_code")
        guard let code = TrackingCode(parsing: codeText) else { throw PersistenceError.corrupt("tracking_code \(codeText)") }
        let envelope: FundingEnvelope?
        if let levelText: String = try row.get("envelope_level") {
            guard let level = Level(rawValue: levelText) else { throw PersistenceError.corrupt("envelope_level \(levelText)") }
            envelope = FundingEnvelope(level: level, ownerId: try row.get("envelope_owner_id"))
        } else {
            envelope = nil
        }
        let origin = Origin(kecamatanId: KecamatanID(try row.get("kecamatan_id")),
                            kelurahanId: KelurahanID(try row.get("kelurahan_id")),
                            rwId: (try row.get("rw_id", as: Int64?.self)).map { RWID($0) },
                            rtId: (try row.get("rt_id", as: Int64?.self)).map { RTID($0) })
        let id: Int64 = try row.get("id"), cycleId: Int64 = try row.get("cycle_id")
        let proposer: Int64? = try row.get("proposer_account_id"), enteredBy: Int64 = try row.get("entered_by")
        let kamusId: Int64 = try row.get("kamus_id"), bidangId: Int64 = try row.get("bidang_id")
        let opdId: Int64 = try row.get("opd_id"), routed: Int64? = try row.get("routed_opd_id")
        let carried: Int64? = try row.get("carried_from_id")
        let stage: Stage = try Stored.value(row, "stage"), status: ProposalStatus = try Stored.value(row, "status")
        let title: String = try row.get("title"), problem: String = try row.get("problem")
        let proposerName: String = try row.get("proposer_name"), unit: String = try row.get("satuan")
        let isFisik: Bool = try row.get("is_fisik"), unitPrice: Int64 = try row.get("unit_price")
        let volume: Int64 = try row.get("volume"), cost: Int64 = try row.get("cost")
        let location: String = try row.get("location_text"), beneficiaries: Int64 = try row.get("beneficiaries")
        let latitude: Double? = try row.get("latitude"), longitude: Double? = try row.get("longitude")
        let createdAt = try Stored.date(row, "created_at"), updatedAt = try Stored.date(row, "updated_at")
        let submittedAt = try Stored.optionalDate(row, "submitted_at"), version: Int64 = try row.get("version")
        var proposal = Proposal(
            id: ProposalID(id), trackingCode: code, cycleId: CycleID(cycleId), origin: origin,
            proposerAccountId: proposer.map { AccountID($0) }, proposerName: proposerName, enteredBy: AccountID(enteredBy),
            title: title, problem: problem, kamusId: KamusID(kamusId), bidangId: BidangID(bidangId), opdId: OPDID(opdId),
            isFisik: isFisik, unit: unit, unitPrice: unitPrice, volume: volume, cost: cost, locationText: location,
            latitude: latitude, longitude: longitude, beneficiaries: beneficiaries, attachments: [], stage: stage,
            status: status, recommendations: recommendations, scores: scores, ranks: ranks,
            routedOPDId: routed.map { OPDID($0) }, envelope: envelope, carriedFrom: carried.map { ProposalID($0) },
            createdAt: createdAt, submittedAt: submittedAt, updatedAt: updatedAt, version: version)
        proposal.expectedOutput = try row.get("expected_output")
        proposal.expectedOutcome = try row.get("expected_outcome")
        return proposal
    }
}
