import Foundation
import Storage

/// The open data reads (docs/open-data.md): only what the public may see (`Visibility` as `Viewer.public`), read so that
/// an export of a whole city streams: a page of rows per read transaction, handed on outside it, so that a slow download
/// never holds one of the database's few readers.
extension MusrenbangService {
    /// Every cycle, oldest plan year first; only those of `planYear` (the year in the tracking codes) when given.
    public func cycles(planYear: Int? = nil) throws -> [Cycle] {
        try database.read { db in try CycleCache.shared.all(db) }
            .filter { planYear == nil || $0.planYear == planYear }
            .sorted { ($0.planYear, $0.id.rawValue) < ($1.planYear, $1.id.rawValue) }
    }

    /// The cycles whose proposals are public now (their kecamatan Musrenbang has opened), as `cycles(planYear:)`.
    public func publishedCycles(planYear: Int? = nil) throws -> [Cycle] {
        let now = clock.now()
        return try cycles(planYear: planYear).filter { Visibility.kelurahanResultsArePublic(cycle: $0, at: now) }
    }

    /// Hands the published proposals of `cycles` to `body`, `pageSize` at a time in id order, each page read in its own
    /// read transaction and `body` called outside it. A cycle that is not public (now) gives nothing.
    public func forEachPublishedProposalPage(of cycles: [Cycle], pageSize: Int = 500,
                                             _ body: ([OpenDataProposal]) throws -> Void) throws {
        let limit = min(max(pageSize, 1), 5_000)
        for cycle in cycles {
            var after: ProposalID?
            while true {
                let now = clock.now()
                let page = try database.read { db -> [OpenDataProposal] in
                    let current = try CycleCache.shared.cycle(id: cycle.id, db)
                    guard Visibility.kelurahanResultsArePublic(cycle: current, at: now) else { return [] }
                    return try OpenDataRepository(db).publishedProposals(cycle: current, after: after, limit: limit)
                }
                guard let last = page.last else { break }
                try body(page)
                if page.count < limit { break }
                after = last.id
            }
        }
    }

    /// The envelopes of the published cycles (only `planYear`'s when given) whose berita acara is signed with a run and
    /// whose level's results are public: what the Pabulib export offers.
    public func publicEnvelopeResults(planYear: Int? = nil) throws -> [EnvelopeResultEntry] {
        let cycles = try publishedCycles(planYear: planYear)
        let now = clock.now()
        return try database.read { db in
            var entries: [EnvelopeResultEntry] = []
            for cycle in cycles {
                try db.forEachRow("""
                    SELECT l.level, l.owner_id, r.envelope_amount, r.funded_total FROM level_locks l
                    JOIN allocation_runs r ON r.id = l.run_id WHERE l.cycle_id = ? ORDER BY l.level, l.owner_id
                    """, [cycle.id.rawValue]) { row in
                    guard let envelope = FundingEnvelope(level: try Stored.value(row, "level"), ownerId: try row.get("owner_id")),
                          Visibility.canViewResults(of: envelope.lockKey, viewer: .public, cycle: cycle, at: now) else { return }
                    entries.append(EnvelopeResultEntry(planYear: cycle.planYear, envelope: envelope,
                                                       unitName: try Self.unitName(envelope, cycleId: cycle.id, db: db),
                                                       budget: try row.get("envelope_amount"), fundedTotal: try row.get("funded_total")))
                }
            }
            return entries.sorted { ($0.planYear, $0.envelope.level, $0.unitName) < ($1.planYear, $1.envelope.level, $1.unitName) }
        }
    }

    /// What `envelope`'s meeting decided in the published cycle of `planYear`, for the public; `notFound` unless its
    /// berita acara is signed with a run and its level's results are public.
    public func publicEnvelopeResult(_ envelope: FundingEnvelope, planYear: Int) throws -> EnvelopeResult {
        let now = clock.now()
        let missing = PersistenceError.notFound("hasil \(envelope) \(planYear)")
        guard let cycle = try publishedCycles(planYear: planYear).last else { throw missing }
        return try database.read { db in
            guard Visibility.canViewResults(of: envelope.lockKey, viewer: .public, cycle: cycle, at: now),
                  let lock = try db.queryOne("""
                      SELECT l.document_number, l.locked_at, l.run_id, d.meeting_date FROM level_locks l
                      LEFT JOIN berita_acara_details d ON d.lock_id = l.id
                      WHERE l.cycle_id = ? AND l.level = ? AND l.owner_id = ? AND l.run_id IS NOT NULL
                      """, [cycle.id.rawValue, envelope.level.rawValue, envelope.ownerId]),
                  let run = try AllocationRepository(db).run(id: try lock.get("run_id")) else { throw missing }
            let decisions = try AllocationRepository(db).storedDecisions(runId: run.id)
            let json = "[" + decisions.map { String($0.proposalId.rawValue) }.joined(separator: ",") + "]"
            var facts: [Int64: (code: String, title: String, bidang: String, score: Int64?)] = [:]
            try db.forEachRow("""
                SELECT p.id, p.tracking_code, p.title, b.name, k.score_millis FROM proposals p JOIN bidang b ON b.id = p.bidang_id
                LEFT JOIN proposal_rankings k ON k.proposal_id = p.id AND k.level = ?
                WHERE p.id IN (SELECT value FROM json_each(?))
                """, [envelope.level.rawValue, json]) { row in
                facts[try row.get(0)] = (try row.get(1), try row.get(2), try row.get(3), try row.get(4))
            }
            let projects = try decisions.map { d -> EnvelopeResult.Project in
                guard let fact = facts[d.proposalId.rawValue] else {
                    throw PersistenceError.corrupt("allocation decision names proposal \(d.proposalId)")
                }
                return EnvelopeResult.Project(trackingCode: fact.code, title: fact.title, bidang: fact.bidang, cost: d.cost,
                                              scoreMillis: fact.score, rank: d.rank == Int.max ? nil : d.rank, funded: d.funded)
            }
            var scores: [Int64: [Int64: Int]] = [:]
            try db.forEachRow("""
                SELECT proposal_id, criterion_id, score FROM proposal_scores WHERE level = ? AND proposal_id IN (SELECT value FROM json_each(?))
                """, [envelope.level.rawValue, json]) { row in
                scores[try row.get(1), default: [:]][try row.get(0)] = try row.get(2)
            }
            let sheets = try CycleRepository(db).scoringCriteria(cycleId: cycle.id).compactMap { criterion -> EnvelopeResult.ScoreSheet? in
                guard let byProposal = scores[criterion.id.rawValue] else { return nil }
                let sheet = decisions.compactMap { d in
                    byProposal[d.proposalId.rawValue].map { EnvelopeResult.ScoreSheet.Score(trackingCode: facts[d.proposalId.rawValue]!.code, score: $0) }
                }
                return EnvelopeResult.ScoreSheet(code: criterion.code, name: criterion.name, weight: criterion.weight, scores: sheet)
            }
            let kota: String = try db.scalar("SELECT name FROM kota WHERE id = ?", [cycle.kotaId.rawValue]) ?? ""
            let meetingDate: String? = try lock.get("meeting_date")
            return EnvelopeResult(cycle: cycle, kotaName: kota, envelope: envelope,
                                  unitName: try Self.unitName(envelope, cycleId: cycle.id, db: db), budget: run.envelopeAmount,
                                  fundedTotal: run.fundedTotal, documentNumber: try lock.get("document_number"),
                                  lockedAt: try Stored.date(lock, "locked_at"), meetingDate: meetingDate.flatMap(MeetingDate.init(text:)),
                                  projects: projects, sheets: sheets)
        }
    }

    /// The ratified proposals (kota, ditetapkan) of a cycle, in the order of a priority list (Tabel T-D.4): by the OPD
    /// responsible (routed, else the kamus activity's; by short name), then by the weighted score at the level that
    /// funded them (highest first; unscored last), then by tracking code. The open-data exports and Bappeda's printed
    /// list both read this one order. Empty for the public while the cycle is not published; Bappeda sees it at once.
    public func ratifiedProposalIds(cycleId: CycleID, viewer: Viewer = .public) throws -> [ProposalID] {
        let now = clock.now()
        return try database.read { db in
            let published = Visibility.kelurahanResultsArePublic(cycle: try CycleCache.shared.cycle(id: cycleId, db), at: now)
            guard viewer.actor?.role == .bappeda || published else { return [] }
            return try db.query("""
                SELECT p.id FROM proposals p JOIN opd o ON o.id = coalesce(p.routed_opd_id, p.opd_id)
                LEFT JOIN proposal_rankings k ON k.proposal_id = p.id AND k.level = p.envelope_level
                WHERE p.cycle_id = ? AND p.stage = ? AND p.status = ?
                ORDER BY o.short_name, o.id, k.score_millis IS NULL, k.score_millis DESC, p.tracking_code
                """, [cycleId.rawValue, Stage.kota.rawValue, ProposalStatus.ditetapkan.rawValue]).map { ProposalID(try $0.get(0)) }
        }
    }

    /// "Kelurahan Pondok Karya", "Kecamatan Ciputat Timur", "Perangkat Daerah DPUPR".
    private static func unitName(_ envelope: FundingEnvelope, cycleId: CycleID, db: Connection) throws -> String {
        let name = try PublicReadRepository(db).unitName(envelope.lockKey, cycleId: cycleId)
        return switch envelope {
        case .kelurahan: "Kelurahan \(name)"
        case .kecamatan: "Kecamatan \(name)"
        case .opd: "Perangkat Daerah \(name)"
        }
    }
}
