import Foundation
import Musrenbang
import Storage

// Benchmark of the persistence layer at 10x Surabaya's yearly Musrenbang volume: 31 kecamatan,
// 154 kelurahan, 100,000 proposals. Not a test: it prints measured figures (see bench/domain.sh).
// Usage: MusrenbangBench [--db FILE] [--migrations DIR] [--proposals N] [--single N] [--one-transaction yes] [--checkpoint yes]
//                        [--lists-only yes]   (with --db FILE of an earlier run: only the proposal lists)
//                        [--reject-share F]   (the kelurahan rejects that share, 0-1, with one of five reasons; default 0)
//                        [--public-now yes]   (the schedule placed so that the wall clock is in the OPD forum when the
//                                              city is built: a server on --db FILE shows every proposal publicly)
//                        [--stop-at-kecamatan yes] (the wall clock in the kecamatan Musrenbang, and the city left there:
//                                              the kecamatan candidates ranked, no kecamatan allocation yet; for the
//                                              staff pages' benchmarks, bench/kecamatan-city.sh)

struct BenchOptions {
    var db: String?
    var migrations: String?
    var proposals = 100_000
    var single = 20_000
    /// Run each stage's first allocation of every envelope in one transaction instead of one per envelope.
    var oneTransaction = false
    /// Also time the recaps again after checkpointing the WAL (TRUNCATE).
    var checkpoint = false
    /// Only time the proposal lists, on the city a previous run left in `--db`.
    var listsOnly = false
    /// The share of proposals the kelurahan rejects (with a reason) instead of accepting (bench/recap.sh: 0.1).
    var rejectShare = 0.0
    /// Place the schedule around the wall clock (the OPD forum open now) instead of around 1 January 2027, so that the
    /// city left in `--db` is public to a server reading the real time (bench/public-browse.sh).
    var publicNow = false
    /// Stop once every kecamatan has ranked its candidates, with the schedule placed so that the wall clock is inside
    /// the kecamatan Musrenbang: a server on the city lets a Camat run its allocation (bench/allocation-screen.sh).
    var stopAtKecamatan = false

    init(_ arguments: [String]) {
        var i = 0
        while i + 1 < arguments.count {
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--db": db = value
            case "--migrations": migrations = value
            case "--proposals": proposals = Int(value) ?? proposals
            case "--single": single = Int(value) ?? single
            case "--one-transaction": oneTransaction = value == "yes"
            case "--checkpoint": checkpoint = value == "yes"
            case "--lists-only": listsOnly = value == "yes"
            case "--reject-share": rejectShare = min(1, max(0, Double(value) ?? 0))
            case "--public-now": publicNow = value == "yes"
            case "--stop-at-kecamatan": stopAtKecamatan = value == "yes"
            default: break
            }
            i += 2
        }
        single = min(single, proposals)
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds (user + system) this process has used so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

struct Line { var metric: String; var value: String; var goal: String; var ok: String }
var lines: [Line] = []
@MainActor func report(_ metric: String, _ value: String, goal: String = "", ok: Bool? = nil) {
    lines.append(Line(metric: metric, value: value, goal: goal, ok: ok.map { $0 ? "ok" : "MISSED" } ?? ""))
    print("  \(metric): \(value)")
}

let options = BenchOptions(Array(CommandLine.arguments.dropFirst()))
let directory = NSTemporaryDirectory() + "musrenbang-bench-\(UUID().uuidString)"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let path = options.db ?? (directory as NSString).appendingPathComponent("bench.sqlite")
defer { if options.db == nil { try? FileManager.default.removeItem(atPath: directory) } }
let migrations = try MigrationsDirectory.locate(explicit: options.migrations,
                                                currentDirectory: FileManager.default.currentDirectoryPath,
                                                executablePath: MigrationsDirectory.currentExecutablePath())
let database = try Database(path: path)
try Migrator(directory: migrations).migrate(database)

// The schedule of Fixture-like windows; the clock is moved into each stage as the city progresses.
let d = 86_400.0
// With --public-now the OPD forum (days 59 to 79) holds the wall clock: 65 days after the kelurahan stage opened.
// With --stop-at-kecamatan the kecamatan Musrenbang (days 31 to 59) holds it: 40 days after.
let base = options.publicNow ? Date().addingTimeInterval(-65 * 86_400)
    : options.stopAtKecamatan ? Date().addingTimeInterval(-40 * 86_400) : WIBTime.date(year: 2027, month: 1, day: 1)
let windows = [
    StageWindow(stage: .praMusrenbang, opensAt: base.addingTimeInterval(-31 * d), closesAt: base),
    StageWindow(stage: .kelurahan, opensAt: base, closesAt: base.addingTimeInterval(31 * d)),
    StageWindow(stage: .kecamatan, opensAt: base.addingTimeInterval(31 * d), closesAt: base.addingTimeInterval(59 * d)),
    StageWindow(stage: .opd, opensAt: base.addingTimeInterval(59 * d), closesAt: base.addingTimeInterval(79 * d)),
    StageWindow(stage: .kota, opensAt: base.addingTimeInterval(79 * d), closesAt: base.addingTimeInterval(90 * d)),
]
let clock = ManualClock(base.addingTimeInterval(-20 * d))
@MainActor func enter(_ stage: Stage) { clock.set(windows.first { $0.stage == stage }!.opensAt.addingTimeInterval(3600)) }
let service = try MusrenbangService(database: database, clock: .manual(clock), hasher: PasswordHasher(cost: 1))
var random = SeededRandom(seed: 10)

// Portal lists (MusrenbangService.proposals(_:viewer:)): one page of 20 with its total and counts per state, the viewer's
// visibility as SQL, the free text through FTS5 (Migrations/0007). The clock is in the OPD forum: everything submitted
// is public. Median of 9 runs each.
@MainActor func listCases(cycleId: CycleID, kelurahan firstKelurahan: KelurahanID, kecamatan: KecamatanID,
                          lurah: (KelurahanID) throws -> Actor, verifier: (OPDID) throws -> Actor) throws {
    print("Proposal lists (median of 9 runs)")
    enter(.opd)
    /// The public's pages are kept while the cycle's proposals do not change (GenerationCache): each timed run
    /// first moves the cycle's generation, as any write to one of its proposals does, so that the read is measured.
    func forgetKeptPages() throws {
        try database.write { db in
            try db.execute("UPDATE cache_generations SET generation = generation + 1 WHERE name = ?", ["proposals:\(cycleId.rawValue)"])
        }
    }
    func list(_ label: String, _ query: ProposalQuery, viewer: Viewer) throws {
        var total = 0
        let times = try (0..<9).map { _ in
            try forgetKeptPages()
            return try seconds { total = try service.proposals(query, viewer: viewer).total }
        }
        report("\(label) (\(total) matching)", String(format: "%.1f ms", median(times) * 1000), goal: "< 50 ms", ok: median(times) < 0.05)
    }
    try list("public browse, no filter, newest, page 1", ProposalQuery(cycleId: cycleId), viewer: .public)
    let kept = ProposalQuery(cycleId: cycleId, kecamatanId: kecamatan, text: "jalan")
    try list("public kecamatan + text \"jalan\", newest, page 1 (/usulan's benchmark)", kept, viewer: .public)
    _ = try service.proposals(kept, viewer: .public)
    let keptTimes = try (0..<9).map { _ in try seconds { _ = try service.proposals(kept, viewer: .public) } }
    report("public kecamatan + text \"jalan\", page 1, kept (nothing changed since the first read)",
           String(format: "%.2f ms", median(keptTimes) * 1000))
    try list("public text search \"jalan lingkungan\", newest, page 1", ProposalQuery(cycleId: cycleId, text: "jalan lingkungan"),
             viewer: .public)
    try list("public text search prefix \"posyan\", cost descending, page 3",
             ProposalQuery(cycleId: cycleId, text: "posyan", sort: .costDescending, page: 3), viewer: .public)
    try list("public browse, no filter, cost descending, page 1", ProposalQuery(cycleId: cycleId, sort: .costDescending),
             viewer: .public)
    try list("resident browse (own or public), newest, page 50", ProposalQuery(cycleId: cycleId, page: 50),
             viewer: .actor(Actor(accountId: AccountID(999_999), role: .warga, scope: .selfOnly)))
    try list("public filtered page: kecamatan, fisik, cost 10-500 million, cost ascending, page 5",
             ProposalQuery(cycleId: cycleId, kecamatanId: kecamatan, isFisik: true, minCost: 10_000_000,
                           maxCost: 500_000_000, sort: .costAscending, page: 5), viewer: .public)
    try list("verifikator kelurahan work list: own kelurahan, funded, by rank, page 2",
             ProposalQuery(cycleId: cycleId, kelurahanId: firstKelurahan, states: [ProposalState(.kelurahan, .didanai)],
                           sort: .rank(.kelurahan), page: 2), viewer: .actor(try lurah(firstKelurahan)))
    let busiestOPD = OPDID(try database.read { db in
        try db.scalar("SELECT routed_opd_id FROM proposals WHERE routed_opd_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1") ?? 0
    })
    try list("OPD verifier work list: routed to it, cost descending, page 2",
             ProposalQuery(cycleId: cycleId, routedOPDId: busiestOPD, sort: .costDescending, page: 2),
             viewer: .actor(try verifier(busiestOPD)))
}

if options.listsOnly {
    // The city of an earlier run (--db): its first cycle, first kelurahan, and the accounts it created.
    func actor(_ username: String) throws -> Actor {
        guard let (account, _) = try database.read({ db in try AccountRepository(db).credentials(username: username) }),
              let role = account.roles.first else { throw PersistenceError.notFound("akun \(username)") }
        return Actor(accountId: account.id, role: role.role, scope: role.scope)
    }
    let first = try database.read { db in try WilayahRepository(db).kelurahanList() }.sorted { $0.id < $1.id }[0]
    try listCases(cycleId: CycleID(1), kelurahan: first.id, kecamatan: first.kecamatanId, lurah: { try actor("lurah.\($0)") },
                  verifier: { try actor("opd.\($0)") })
    for line in lines { print("| \(line.metric) | \(line.value) | \(line.goal) | \(line.ok) |") }
    exit(0)
}

print("Generating the city (31 kecamatan, 154 kelurahan) in \(path)")
var kelurahan: [(id: KelurahanID, kecamatan: KecamatanID)] = []
var origins: [KelurahanID: [Origin]] = [:]
var kamus: [(item: KamusItem, typical: ClosedRange<Int64>)] = []
var opds: [OPDID] = []
var cycle: Cycle!
var kecamatan: [KecamatanID] = []
try database.write { db in
    let wilayah = WilayahRepository(db), catalog = CatalogRepository(db)
    let kota = try wilayah.insertKota(code: "SBY", name: "Kota Surabaya x10")
    for k in 0..<31 {
        let kec = try wilayah.insertKecamatan(kotaId: kota, code: String(format: "%02d", k + 1), name: "Kecamatan \(k + 1)")
        kecamatan.append(kec)
        let count = k < 30 ? 5 : 4                       // 30 x 5 + 4 = 154
        for l in 0..<count {
            let kel = try wilayah.insertKelurahan(kecamatanId: kec, code: "\(k + 1).\(l + 1)", name: "Kelurahan \(k + 1)-\(l + 1)")
            kelurahan.append((kel, kec))
            for w in 1...5 {
                let rw = try wilayah.insertRW(kelurahanId: kel, number: w)
                for t in 1...5 {
                    origins[kel, default: []].append(Origin(kecamatanId: kec, kelurahanId: kel, rwId: rw,
                                                            rtId: try wilayah.insertRT(rwId: rw, number: t)))
                }
            }
        }
    }
    var bidang: [BidangID] = []
    for (i, name) in TangselReference.bidang.enumerated() { bidang.append(try catalog.insertBidang(code: "B\(i)", name: name)) }
    var opdByCode: [String: OPDID] = [:]
    for pd in TangselReference.perangkatDaerah {
        opdByCode[pd.code] = try catalog.insertOPD(code: pd.code, name: pd.name, shortName: pd.code)
        opds.append(opdByCode[pd.code]!)
    }
    for (i, k) in TangselReference.kamus.enumerated() {
        var item = KamusItem(id: KamusID(0), code: "K\(i)", name: k.name, bidangId: bidang[k.bidang], opdId: opdByCode[k.opd]!,
                             unit: k.satuan, unitPrice: k.unitPrice, isFisik: k.fisik)
        item.id = try catalog.insertKamus(item)
        kamus.append((item, k.typicalVolume))
    }
    let cycles = CycleRepository(db), ceilings = CeilingRepository(db)
    cycle = try cycles.insert(kotaId: kota, planYear: 2027, budgetYear: 2028, name: "Bench", windows: windows, at: clock.now)
    for (i, w) in [40, 30, 30].enumerated() {
        _ = try cycles.insertScoringCriterion(cycleId: cycle.id, code: "c\(i)", name: "Kriteria \(i)", weight: w, position: i)
    }
    let formula = CeilingFormula(baseShareBasisPoints: 4000, weights: [.population: 40, .area: 20, .pbbRealisation: 20, .poorHouseholds: 20],
                                 roundingUnit: 1_000_000)
    try ceilings.saveSettings(cycleId: cycle.id, level: .kelurahan, total: 4_000_000_000_000, formula: formula)
    try ceilings.saveSettings(cycleId: cycle.id, level: .kecamatan, total: 1_500_000_000_000, formula: formula)
    for kel in kelurahan {
        let population = random.int64(20_000...60_000)
        try ceilings.saveInput(cycleId: cycle.id, CeilingInput(areaId: kel.id.rawValue, population: population,
                                                              area: random.int64(1_000_000...5_000_000),
                                                              pbbRealisation: population * 300_000, poorHouseholds: population / 50))
    }
    for opd in opds { try ceilings.setOPDCeiling(cycleId: cycle.id, opdId: opd, amount: 60_000_000_000) }
    try cycles.insertGroupShare(cycleId: cycle.id, level: .kelurahan, share: GroupShare(group: .fisik, capBasisPoints: 7000))
}
let criteria = try database.read { db in try CycleRepository(db).scoringCriteria(cycleId: cycle.id) }

// Accounts: an operator and a lurah per kelurahan, a camat per kecamatan, a verifier per OPD, Bappeda.
@MainActor func account(_ name: String, _ role: Role, _ scope: Scope) throws -> Actor {
    let id = try service.createAccount(username: name, displayName: name, roles: [try RoleAssignment(role: role, scope: scope)],
                                       passwordHash: "!")
    return Actor(accountId: id, role: role, scope: scope)
}
var operatorOf: [KelurahanID: Actor] = [:], lurahOf: [KelurahanID: Actor] = [:], camatOf: [KecamatanID: Actor] = [:]
var verifierOf: [OPDID: Actor] = [:]
for kel in kelurahan {
    operatorOf[kel.id] = try account("op.\(kel.id)", .operatorKelurahan, .kelurahan(kel.id))
    lurahOf[kel.id] = try account("lurah.\(kel.id)", .verifikatorKelurahan, .kelurahan(kel.id))
}
for kec in kecamatan { camatOf[kec] = try account("camat.\(kec)", .camat, .kecamatan(kec)) }
for opd in opds { verifierOf[opd] = try account("opd.\(opd)", .verifikatorOPD, .opd(opd)) }
let bappeda = try account("bappeda", .bappeda, .kota)
_ = try service.computeCeilings(cycleId: cycle.id, by: bappeda)

@MainActor func newProposal(_ index: Int) -> (NewProposal, Actor) {
    let kel = kelurahan[index % kelurahan.count]
    let origin = random.pick(origins[kel.id]!)
    let entry = random.pick(kamus)
    let new = NewProposal(origin: origin, proposerAccountId: nil, proposerName: "Warga \(index)",
                          title: "\(entry.item.name) RT \(origin.rtId!)", problem: "Kondisi lingkungan memerlukan penanganan.",
                          kamusId: entry.item.id, volume: random.int64(entry.typical), locationText: "Jl. Uji \(index)",
                          beneficiaries: Int64(random.int(10...500)))
    return (new, operatorOf[kel.id]!)
}

print("Submissions")
enter(.praMusrenbang)
let single = try seconds {
    for i in 0..<options.single {
        let (new, op) = newProposal(i)
        _ = try service.submit(new, cycleId: cycle.id, by: op)
    }
}
report("submit, one transaction each (create + ajukan, 2 events)", String(format: "%.0f /s (%d in %.2f s)", Double(options.single) / single, options.single, single),
       goal: ">= 2000 /s", ok: Double(options.single) / single >= 2000)
let batchedCount = options.proposals - options.single
let batched = try seconds {
    var i = options.single
    while i < options.proposals {
        let end = min(i + 1000, options.proposals)
        try service.transaction { session in
            for j in i..<end {
                let (new, op) = newProposal(j)
                _ = try session.submit(new, cycleId: cycle.id, by: op)
            }
        }
        i = end
    }
}
if batchedCount > 0 {
    report("submit, batches of 1,000 per transaction", String(format: "%.0f /s (%d in %.2f s)", Double(batchedCount) / batched, batchedCount, batched))
}

/// Applies `action` to every proposal in `states`, 1,000 per transaction, by the actor `who` picks.
@MainActor func everyone(in states: [ProposalState], _ action: Action, who: (Proposal) -> Actor, input: ((Proposal) -> TransitionInput)? = nil) throws -> (Int, Double) {
    let proposals = try database.read { db in try ProposalRepository(db).list(ProposalFilter(cycleId: cycle.id, states: states)) }
    let time = try seconds {
        for chunk in stride(from: 0, to: proposals.count, by: 1000) {
            try service.transaction { session in
                for p in proposals[chunk..<min(chunk + 1000, proposals.count)] {
                    _ = try session.apply(input?(p) ?? TransitionInput(action, expectedVersion: p.version), to: .id(p.id), by: who(p))
                }
            }
        }
    }
    return (proposals.count, time)
}

print("Kelurahan stage")
enter(.kelurahan)
// With --reject-share, every n-th proposal (by id) is rejected with one of five reasons instead (the recap's reasons).
let rejectPerMille = Int64(options.rejectShare * 1000)
let rejectReasons = ["Usulan ganda dengan usulan lain dari RW yang sama.", "Lokasi berada di jalan provinsi.",
                     "Sudah dianggarkan pada tahun berjalan.", "Data volume tidak dapat diverifikasi.", "Bukan kewenangan kota."]
let (verified, verifyTime) = try everyone(in: [ProposalState(.kelurahan, .verifikasi)], .terima, who: { lurahOf[$0.origin.kelurahanId]! },
                                          input: { p in
    p.id.rawValue % 1000 < rejectPerMille
        ? TransitionInput(.tolak, expectedVersion: p.version, reason: rejectReasons[Int(p.id.rawValue / 1000 % 5)])
        : TransitionInput(.terima, expectedVersion: p.version)
})
report("transition (terima), batches of 1,000", String(format: "%.0f /s (%d in %.2f s)", Double(verified) / verifyTime, verified, verifyTime))

// Ranking: scores for every candidate, one transaction per envelope (allocation refuses unranked candidates).
@MainActor func rankAll(_ envelopes: [(FundingEnvelope, Actor)]) throws {
    for (envelope, actor) in envelopes {
        let candidates = try service.candidates(for: envelope, cycleId: cycle.id, viewer: .actor(actor))
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for p in candidates { scores[p.id] = Dictionary(uniqueKeysWithValues: criteria.map { ($0.id, random.int(1...5)) }) }
        try service.rank(envelope, cycleId: cycle.id, scores: scores, by: actor)
    }
}
let rankTime = try seconds { try rankAll(kelurahan.map { (FundingEnvelope.kelurahan($0.id), lurahOf[$0.id]!) }) }
report("ranking (score + rank) of all 154 kelurahan", String(format: "%.2f s", rankTime))

// Every stage: the draft allocation of each envelope (compute, store the run and every decision; nothing moves),
// the pure compute, a second draft run (a re-run as a meeting does after a manual reorder), then the berita acara of
// each envelope (`lockLevel`: the final run, applied: F1 funded, F2 passed up, one event per proposal).
var allocationTotal = 0.0, allocationCPU = 0.0, computeTotal = 0.0, computeCPU = 0.0, rerunTotal = 0.0
var lockTotal = 0.0, lockCPU = 0.0, lockMoved = 0, slowestLock = 0.0
/// Draft runs of `envelopes`: one transaction each, or all in one with --one-transaction yes. Returns the seconds.
/// The latest draft run of each envelope: the one its berita acara applies.
var reviewedRun: [FundingEnvelope: Int64] = [:]
@MainActor func draftRuns(_ envelopes: [(FundingEnvelope, Actor)]) throws -> Double {
    try seconds {
        if options.oneTransaction {
            try service.transaction { session in
                for (envelope, actor) in envelopes {
                    reviewedRun[envelope] = try session.runAllocation(envelope, cycleId: cycle.id, by: actor).runId
                }
            }
        } else {
            for (envelope, actor) in envelopes {
                reviewedRun[envelope] = try service.runAllocation(envelope, cycleId: cycle.id, by: actor).runId
            }
        }
    }
}
/// The pure compute of every envelope: load its candidates and run `Allocation.run`, nothing written.
@MainActor func compute(_ envelopes: [FundingEnvelope]) throws -> Double {
    try seconds {
        try database.read { db in
            let proposals = ProposalRepository(db), cycles = CycleRepository(db), ceilings = CeilingRepository(db)
            for envelope in envelopes {
                let candidates = try proposals.allocationCandidates(MusrenbangTransaction.candidateFilter(envelope, cycleId: cycle.id),
                                                                    level: envelope.level)
                let shares = try cycles.groupShares(cycleId: cycle.id, envelope: envelope)
                _ = try Allocation.run(envelope: try ceilings.amount(of: envelope, cycleId: cycle.id) ?? 0,
                                       candidates: candidates, shares: shares)
            }
        }
    }
}
/// One stage's allocation: draft runs (timed), compute only, re-runs, then every envelope's berita acara.
@MainActor func allocate(_ envelopes: [(FundingEnvelope, Actor)], _ label: String) throws {
    var cpu = cpuSeconds()
    let first = try draftRuns(envelopes)
    allocationTotal += first
    allocationCPU += cpuSeconds() - cpu
    cpu = cpuSeconds()
    computeTotal += try compute(envelopes.map(\.0))
    computeCPU += cpuSeconds() - cpu
    rerunTotal += try draftRuns(envelopes)
    let before: Int = try database.read { db in try db.scalar("SELECT count(*) FROM proposal_events") ?? 0 }
    cpu = cpuSeconds()
    let locking = try seconds {
        for (envelope, actor) in envelopes {
            let one = try seconds {
                try service.lockLevel(envelope.lockKey, cycleId: cycle.id, runId: reviewedRun[envelope], documentNumber: "BA/\(envelope)",
                                      by: actor)
            }
            slowestLock = max(slowestLock, one)
        }
    }
    lockCPU += cpuSeconds() - cpu
    lockTotal += locking
    let moved: Int = try database.read { db in try db.scalar("SELECT count(*) FROM proposal_events") ?? 0 } - before
    lockMoved += moved
    report("allocation (draft run) of \(envelopes.count) \(label) envelopes", String(format: "%.3f s", first))
    report("berita acara of \(envelopes.count) \(label) envelopes (final run + \(moved) proposals moved)", String(format: "%.3f s", locking))
}
/// Moves the WAL into the database file and truncates it, so readers find every page there.
@MainActor func checkpoint() throws {
    try database.withWriter { db in _ = try db.query("PRAGMA wal_checkpoint(TRUNCATE)") }
}
let kelurahanEnvelopes = kelurahan.map { (FundingEnvelope.kelurahan($0.id), lurahOf[$0.id]!) }
let kecamatanEnvelopes = kecamatan.map { (FundingEnvelope.kecamatan($0), camatOf[$0]!) }
let opdEnvelopes = opds.map { (FundingEnvelope.opd($0), verifierOf[$0]!) }
let mode = options.oneTransaction ? "one transaction per stage" : "one transaction per envelope"
try allocate(kelurahanEnvelopes, "kelurahan")

print("Kecamatan stage")
enter(.kecamatan)
_ = try everyone(in: [ProposalState(.kecamatan, .verifikasi)], .terima, who: { camatOf[$0.origin.kecamatanId]! })
try rankAll(kecamatanEnvelopes)
if options.stopAtKecamatan {
    let candidates: Int = try database.read { db in
        try db.scalar("SELECT count(*) FROM proposals WHERE stage = 'kecamatan' AND status IN ('diterima', 'diterima_dengan_perubahan')") ?? 0
    }
    print("Stopped in the kecamatan Musrenbang: \(candidates) kecamatan candidates ranked, no kecamatan allocation yet")
    for line in lines { print("| \(line.metric) | \(line.value) | \(line.goal) | \(line.ok) |") }
    exit(0)
}
try allocate(kecamatanEnvelopes, "kecamatan")
_ = try everyone(in: [ProposalState(.kecamatan, .f2)], .rutekanOPD, who: { camatOf[$0.origin.kecamatanId]! })

print("Forum Perangkat Daerah")
enter(.opd)
_ = try everyone(in: [ProposalState(.opd, .verifikasi)], .terima, who: { verifierOf[$0.routedOPDId!]! })
try rankAll(opdEnvelopes)
try allocate(opdEnvelopes, "OPD")
report("allocation of the whole city (201 envelopes, draft runs: compute + store run and decisions, \(mode))",
       String(format: "%.3f s (CPU %.3f s)", allocationTotal, allocationCPU), goal: "< 1 s", ok: allocationTotal < 1)
report("allocation compute only (load candidates + Allocation.run, 201 envelopes)",
       String(format: "%.3f s (CPU %.3f s)", computeTotal, computeCPU))
report("allocation re-run of the whole city (201 envelopes, \(mode))", String(format: "%.3f s", rerunTotal),
       goal: "< 1 s", ok: rerunTotal < 1)
report("berita acara of every envelope (201 final runs, \(lockMoved) proposals moved with their events)",
       String(format: "%.3f s (CPU %.3f s); slowest envelope %.3f s", lockTotal, lockCPU, slowestLock))
let proposalCount: Int = try database.read { db in try db.scalar("SELECT count(*) FROM proposals") ?? 0 }
/// Times every recap query; `label` tells the WAL's state.
@MainActor func recaps(_ label: String) throws {
    for dimension in RecapDimension.allCases {
        var rows = 0
        let times = try (0..<9).map { _ in try seconds { rows = try service.recap(cycleId: cycle.id, by: dimension, viewer: .public).count } }
        report("recap by \(dimension.rawValue) (\(rows) rows over \(proposalCount) proposals\(label))", String(format: "%.1f ms", median(times) * 1000),
               goal: "< 50 ms", ok: median(times) < 0.05)
    }
    var groups = 0
    let whole = try (0..<9).map { _ in try seconds { groups = try service.cycleRecap(cycleId: cycle.id, viewer: .public)?.cells.cells.count ?? 0 } }
    report("whole-city recap of /rekap (cycleRecap: \(groups) groups read and folded, names, reasons, every envelope's use\(label))",
           String(format: "%.1f ms", median(whole) * 1000), goal: "< 100 ms", ok: median(whole) < 0.1)
    for level in [Level.kelurahan, .kecamatan, .opd] {
        var rows = 0
        let times = try (0..<9).map { _ in try seconds { rows = try service.ceilingUsage(cycleId: cycle.id, level: level, viewer: .public).count } }
        report("ceiling used vs available, \(level.rawValue) (\(rows) envelopes\(label))", String(format: "%.1f ms", median(times) * 1000),
               goal: "< 50 ms", ok: median(times) < 0.05)
    }
}
let walBytes = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil) ?? 0
print("Recaps (median of 9 runs; WAL \(walBytes / 1_048_576) MiB)")
try recaps("")
if options.checkpoint {
    try checkpoint()
    print("Recaps after PRAGMA wal_checkpoint(TRUNCATE)")
    try recaps(", WAL checkpointed")
}

try listCases(cycleId: cycle.id, kelurahan: kelurahan[0].id, kecamatan: kelurahan[0].kecamatan,
              lurah: { lurahOf[$0]! }, verifier: { verifierOf[$0] ?? bappeda })

let events: Int = try database.read { db in try db.scalar("SELECT count(*) FROM proposal_events") ?? 0 }
let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil) ?? 0
print("")
print("| metric | measured | goal | |")
print("|---|---|---|---|")
for line in lines { print("| \(line.metric) | \(line.value) | \(line.goal) | \(line.ok) |") }
print("")
print("\(proposalCount) proposals, \(events) events, database \(size / 1_048_576) MiB (WAL not included)")
