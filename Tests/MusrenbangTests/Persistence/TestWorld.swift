import Foundation
import Storage
@testable import Musrenbang

/// The repository's Migrations/ directory, found from this file.
let migrationsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Migrations").path

/// A migrated database file in a fresh temporary directory (removed by `close`).
final class TemporaryDatabase: @unchecked Sendable {
    let directory: String
    let path: String
    private(set) var database: Database?

    init() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("test.sqlite")
        let database = try Database(path: path)
        try Migrator(directory: migrationsDirectory).migrate(database)
        self.database = database
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// A small city for service tests: kota TGS, 2 kecamatan x 2 kelurahan, RW 1-2 x RT 1-2 each, 2 OPD, 2 kamus
/// items, a 2027 cycle whose windows are the months of `Fixture.windows`, ceilings, scoring criteria, and
/// one account per role (cheap yescrypt cost, tests only).
final class TestWorld: @unchecked Sendable {
    let temporary: TemporaryDatabase
    let clock: ManualClock
    let service: MusrenbangService
    var database: Database { temporary.database! }
    let password = "rahasia-uji-123"

    var kota: KotaID!
    var kecamatan: [KecamatanID] = []
    var kelurahan: [KelurahanID] = []          // [k0 of kec0, k1 of kec0, k2 of kec1, k3 of kec1]
    var rts: [KelurahanID: [(RWID, RTID)]] = [:]
    var opd: [OPDID] = []
    var kamus: [KamusItem] = []
    var cycle: Cycle!
    var criteria: [ScoringCriterion] = []
    var actors: [String: Actor] = [:]

    init() throws {
        temporary = try TemporaryDatabase()
        clock = ManualClock(Fixture.inside(.praMusrenbang))
        service = try MusrenbangService(database: temporary.database!, clock: .manual(clock), hasher: PasswordHasher(cost: 1))
        try build()
    }

    private func build() throws {
        try database.write { db in
            let wilayah = WilayahRepository(db), catalog = CatalogRepository(db)
            kota = try wilayah.insertKota(code: "TGS", name: "Kota Tangerang Selatan")
            for k in 0..<2 {
                let kec = try wilayah.insertKecamatan(kotaId: kota, code: "K\(k)", name: "Kecamatan \(k)")
                kecamatan.append(kec)
                for l in 0..<2 {
                    let kel = try wilayah.insertKelurahan(kecamatanId: kec, code: "L\(k)\(l)", name: "Kelurahan \(k)\(l)")
                    kelurahan.append(kel)
                    for w in 1...2 {
                        let rw = try wilayah.insertRW(kelurahanId: kel, number: w)
                        for t in 1...2 { rts[kel, default: []].append((rw, try wilayah.insertRT(rwId: rw, number: t))) }
                    }
                }
            }
            let bidang = try catalog.insertBidang(code: "FP", name: "Fisik dan Prasarana")
            for code in ["DPUPR", "DINKES"] { opd.append(try catalog.insertOPD(code: code, name: "Dinas \(code)", shortName: code)) }
            for (index, price) in [Int64(1_000_000), 500_000].enumerated() {
                var item = KamusItem(id: KamusID(0), code: "K-\(index)", name: "Kegiatan \(index)", bidangId: bidang,
                                     opdId: opd[index], unit: "unit", unitPrice: price, isFisik: index == 0)
                item.id = try catalog.insertKamus(item)
                kamus.append(item)
            }
            let cycles = CycleRepository(db)
            cycle = try cycles.insert(kotaId: kota, planYear: 2027, budgetYear: 2028, name: "Musrenbang 2027",
                                      windows: Fixture.windows, at: Fixture.inside(.praMusrenbang))
            for (i, (code, weight)) in [("urgensi", 3), ("manfaat", 2)].enumerated() {
                let id = try cycles.insertScoringCriterion(cycleId: cycle.id, code: code, name: code, weight: weight, position: i)
                criteria.append(ScoringCriterion(id: id, code: code, name: code, weight: weight))
            }
            let ceilings = CeilingRepository(db)
            let formula = CeilingFormula(baseShareBasisPoints: 5000, weights: [.population: 1], roundingUnit: 1_000_000)
            try ceilings.saveSettings(cycleId: cycle.id, level: .kelurahan, total: 40_000_000, formula: formula)
            try ceilings.saveSettings(cycleId: cycle.id, level: .kecamatan, total: 20_000_000, formula: formula)
            for (i, kel) in kelurahan.enumerated() {
                try ceilings.saveInput(cycleId: cycle.id, CeilingInput(areaId: kel.rawValue, population: Int64(1000 * (i + 1)),
                                                                      area: 100, pbbRealisation: 100, poorHouseholds: 10))
            }
            for id in opd { try ceilings.setOPDCeiling(cycleId: cycle.id, opdId: id, amount: 10_000_000) }
        }
        let k0 = kelurahan[0], (rw, rt) = rts[k0]![0]
        let accounts: [(String, Role, Scope)] = [
            ("warga", .warga, .selfOnly), ("warga2", .warga, .selfOnly), ("ketua.rt", .ketuaRT, .rt(rt)), ("ketua.rw", .ketuaRW, .rw(rw)),
            ("op.kel0", .operatorKelurahan, .kelurahan(k0)), ("lurah", .verifikatorKelurahan, .kelurahan(k0)),
            ("op.kel1", .operatorKelurahan, .kelurahan(kelurahan[1])), ("lurah1", .verifikatorKelurahan, .kelurahan(kelurahan[1])),
            ("camat", .camat, .kecamatan(kecamatan[0])), ("opd", .verifikatorOPD, .opd(opd[0])),
            ("bappeda", .bappeda, .kota), ("admin", .adminSistem, .system),
        ]
        for (name, role, scope) in accounts {
            let id = try service.createAccount(username: name, displayName: "Akun \(name)",
                                               roles: [try RoleAssignment(role: role, scope: scope)], password: password)
            actors[name] = Actor(accountId: id, role: role, scope: scope)
        }
        _ = try service.computeCeilings(cycleId: cycle.id, by: actors["bappeda"]!)
    }

    func actor(_ name: String) -> Actor { actors[name]! }

    /// A new proposal in kelurahan `index` (RT of RW 1 / RT 1), `volume` units of kamus item `item`.
    func newProposal(kelurahan index: Int = 0, item: Int = 0, volume: Int64 = 5, title: String = "Perbaikan jalan") throws -> NewProposal {
        let (_, rt) = rts[kelurahan[index]]![0]
        let origin = try database.read { db in try WilayahRepository(db).origin(rtId: rt) }
        return NewProposal(origin: origin, proposerAccountId: nil, proposerName: "Siti Aminah", title: title,
                           problem: "Jalan rusak berlubang", kamusId: kamus[item].id, volume: volume,
                           locationText: "Jl. Kenanga RT 01/RW 01", beneficiaries: 100)
    }

    /// Moves the clock inside a stage's window.
    func at(_ stage: Stage) { clock.set(Fixture.inside(stage)) }

    /// Scores `proposals` (all 5s, so ties go by earlier submission) in `envelope`, ranks them and runs the draft
    /// allocation inside the envelope's stage; returns the run id (what the berita acara applies).
    func rankAndRun(_ envelope: FundingEnvelope, _ proposals: [Proposal], by actor: Actor) throws -> Int64 {
        at(envelope.level.stage)
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for p in proposals { scores[p.id] = Dictionary(uniqueKeysWithValues: criteria.map { ($0.id, 5) }) }
        try service.rank(envelope, cycleId: cycle.id, scores: scores, by: actor)
        return try service.runAllocation(envelope, cycleId: cycle.id, by: actor).runId
    }

    /// A proposal submitted by the operator (kelurahan:verifikasi) and accepted by the lurah (kelurahan:diterima).
    func acceptedProposal(kelurahan index: Int = 0, volume: Int64 = 5) throws -> Proposal {
        at(.praMusrenbang)
        let op = index == 0 ? actor("op.kel0") : actor("op.kel1"), lurah = index == 0 ? actor("lurah") : actor("lurah1")
        let submitted = try service.submit(try newProposal(kelurahan: index, volume: volume), cycleId: cycle.id, by: op)
        at(.kelurahan)
        return try service.apply(.terima, to: .id(submitted.id), by: lurah, expectedVersion: submitted.version)
    }
}

/// Runs `body(index)` on `count` threads at once and waits; returns what each thread threw (nil: success).
func runConcurrently(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [Error?] {
    let results = LockedBox<[Error?]>(Array(repeating: nil, count: count))
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            do { try body(index) } catch { results.update { $0[index] = error } }
            group.leave()
        }.start()
    }
    group.wait()
    return results.value
}

/// A lock-guarded value for test threads.
final class LockedBox<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
