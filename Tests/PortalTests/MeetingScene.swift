import Foundation
import Musrenbang
@testable import Portal
import Storage

/// A kelurahan meeting ready to score: Kelurahan Pondok Karya (ceiling Rp 10.000.000) with three paper proposals
/// accepted by its Lurah (A: Rp 4.000.000, B: Rp 5.000.000, C: Rp 3.000.000), two criteria (urgensi weight 3, manfaat
/// weight 2), a second kelurahan with its own verifier (out of scope), and the other roles. The clock is inside the
/// kelurahan Musrenbang (6 - 11 December).
struct MeetingScene {
    let world: PortalWorld
    let cycleId: CycleID
    let criteria: [ScoringCriterion]
    let otherKelurahan: KelurahanID
    let opd: OPDID
    let kamus: KamusID
    let origin: Origin
    let lurah: Actor
    let operatorKelurahan: Actor
    let camat: Actor
    let bappeda: Actor
    let a: Proposal, b: Proposal, c: Proposal

    static let insidePra = WIBTime.date(year: 2026, month: 12, day: 3, hour: 9)
    static let insideKelurahan = WIBTime.date(year: 2026, month: 12, day: 8, hour: 9)
    static let insideKecamatan = WIBTime.date(year: 2026, month: 12, day: 13, hour: 9)

    init(_ world: PortalWorld) throws {
        self.world = world
        world.clock.set(Self.insidePra)
        let kelurahan = world.kelurahan, kecamatan = world.kecamatan
        let setup = try world.database.write { db in
            let cycle = CycleID(try db.scalar("SELECT id FROM cycles WHERE plan_year = 2027") ?? 0)
            let rt = RTID(try db.scalar("SELECT id FROM rt ORDER BY id LIMIT 1") ?? 0)
            let rw = RWID(try db.scalar("SELECT rw_id FROM rt WHERE id = ?", [rt.rawValue]) ?? 0)
            let wilayah = WilayahRepository(db)
            let other = try wilayah.insertKelurahan(kecamatanId: kecamatan, code: "CP", name: "Cempaka Putih")
            _ = try wilayah.insertRT(rwId: try wilayah.insertRW(kelurahanId: other, number: 1), number: 1)
            let catalog = CatalogRepository(db)
            let bidang = try catalog.insertBidang(code: "FIS", name: "Fisik dan Prasarana")
            let opd = try catalog.insertOPD(code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", shortName: "DPUPR")
            let kamus = try catalog.insertKamus(KamusItem(id: KamusID(0), code: "JL-01", name: "Perbaikan jalan lingkungan",
                                                          bidangId: bidang, opdId: opd, unit: "paket", unitPrice: 1_000_000, isFisik: true))
            let cycles = CycleRepository(db)
            var criteria: [ScoringCriterion] = []
            for (index, (code, name, weight)) in [("urgensi", "Urgensi", 3), ("manfaat", "Penerima manfaat", 2)].enumerated() {
                let id = try cycles.insertScoringCriterion(cycleId: cycle, code: code, name: name, weight: weight, position: index)
                criteria.append(ScoringCriterion(id: id, code: code, name: name, weight: weight))
            }
            let ceilings = CeilingRepository(db)
            let formula = CeilingFormula(baseShareBasisPoints: 5000, weights: [.population: 1], roundingUnit: 1_000_000)
            try ceilings.saveSettings(cycleId: cycle, level: .kelurahan, total: 20_000_000, formula: formula)
            try ceilings.saveSettings(cycleId: cycle, level: .kecamatan, total: 10_000_000, formula: formula)
            for id in [kelurahan, other] {
                try ceilings.saveInput(cycleId: cycle, CeilingInput(areaId: id.rawValue, population: 1000, area: 100, pbbRealisation: 100,
                                                                    poorHouseholds: 10))
            }
            try ceilings.setOPDCeiling(cycleId: cycle, opdId: opd, amount: 10_000_000)
            return (cycle, criteria, other, opd, kamus, Origin(kecamatanId: kecamatan, kelurahanId: kelurahan, rwId: rw, rtId: rt))
        }
        (cycleId, criteria, otherKelurahan, opd, kamus, origin) = setup
        let service = world.service
        func account(_ username: String, _ role: Role, _ scope: Scope) throws -> Actor {
            let id = try service.createAccount(username: username, displayName: "Akun \(username)",
                                               roles: [try RoleAssignment(role: role, scope: scope)], password: world.password)
            return Actor(accountId: id, role: role, scope: scope)
        }
        let lurah = try account("lurah.pk", .verifikatorKelurahan, .kelurahan(kelurahan))
        let operatorKelurahan = try account("op.kel", .operatorKelurahan, .kelurahan(kelurahan))
        self.lurah = lurah
        self.operatorKelurahan = operatorKelurahan
        camat = try account("camat.cpt", .camat, .kecamatan(kecamatan))
        bappeda = try account("bappeda", .bappeda, .kota)
        _ = try account("lurah.cp", .verifikatorKelurahan, .kelurahan(otherKelurahan))
        _ = try account("opd.pu", .verifikatorOPD, .opd(opd))
        _ = try service.computeCeilings(cycleId: setup.0, by: self.bappeda)
        let (cycleId, origin, kamus) = (setup.0, setup.5, setup.4)
        let submitted = try [("Jalan Gang Mawar", 4), ("Drainase RT 01", 5), ("Paving Gang Melati", 3)].map { title, volume in
            try service.submit(Self.newProposal(title, volume: Int64(volume), origin: origin, kamus: kamus), cycleId: cycleId,
                               by: operatorKelurahan)
        }
        world.clock.set(Self.insideKelurahan)
        let accepted = try submitted.map { try service.apply(.terima, to: .id($0.id), by: lurah, expectedVersion: $0.version) }
        (a, b, c) = (accepted[0], accepted[1], accepted[2])
    }

    static func newProposal(_ title: String, volume: Int64, origin: Origin, kamus: KamusID) -> NewProposal {
        NewProposal(origin: origin, proposerAccountId: nil, proposerName: "Pak Harun", title: title, problem: "Rusak dan tergenang.",
                    kamusId: kamus, volume: volume, locationText: "RT 01/RW 01", beneficiaries: 50)
    }

    /// A paper proposal sent during the pra-Musrenbang and still waiting for the kelurahan's verification.
    func pendingProposal(_ title: String) throws -> Proposal {
        let now = world.clock.now
        world.clock.set(Self.insidePra)
        defer { world.clock.set(now) }
        return try world.service.submit(Self.newProposal(title, volume: 2, origin: origin, kamus: kamus), cycleId: cycleId, by: operatorKelurahan)
    }

    /// A paper proposal the Lurah rejected with `reason` (the berita acara's list C).
    func rejectedProposal(_ title: String, reason: String) throws -> Proposal {
        let pending = try pendingProposal(title)
        return try world.service.apply(.tolak, to: .id(pending.id), by: lurah, expectedVersion: pending.version, reason: reason)
    }

    /// The scoring fields of the page: `scores[i]` for proposal i of (a, b, c), one value per criterion.
    func scoreFields(_ scores: [(Proposal, [String])]) -> [(String, String)] {
        scores.flatMap { proposal, values in
            zip(criteria, values).map { criterion, value in ("n-\(proposal.id.rawValue)-\(criterion.id.rawValue)", value) }
        }
    }

    /// The hidden `keadaan` of a scoring page: the scores and order it was loaded with.
    static func state(_ page: TestBrowser.Page) -> (String, String) {
        guard let range = page.body.range(of: "name=\"keadaan\" value=\"") else { return ("keadaan", "") }
        return ("keadaan", String(page.body[range.upperBound...].prefix { $0 != "\"" }))
    }

    /// A browser signed in as `username`.
    func browser(_ username: String) throws -> TestBrowser {
        let browser = world.browser()
        try browser.signIn(username, world.password)
        return browser
    }

    /// Scores A > B > C through the service and runs the allocation; returns the run id.
    @discardableResult
    func rankAndRun() throws -> Int64 {
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for (proposal, score) in [(a, 5), (b, 4), (c, 3)] {
            scores[proposal.id] = Dictionary(uniqueKeysWithValues: criteria.map { ($0.id, score) })
        }
        try world.service.rank(.kelurahan(world.kelurahan), cycleId: cycleId, scores: scores, by: lurah)
        return try world.service.runAllocation(.kelurahan(world.kelurahan), cycleId: cycleId, by: lurah).runId
    }

    /// The proposal as stored now.
    func current(_ proposal: Proposal) throws -> Proposal {
        try world.database.read { db in try ProposalRepository(db).proposal(id: proposal.id) }
    }

    /// Whether the kelurahan's berita acara is signed.
    func kelurahanLocked() throws -> Bool {
        try world.database.read { db in try LockRepository(db).keys(cycleId: cycleId).contains(.kelurahan(world.kelurahan)) }
    }

    /// The berita acara form's fields with one woman among the delegates.
    func beritaAcaraFields(runId: Int64?, number: String = "050/01/BA-MUS/2027") -> [(String, String)] {
        var fields: [(String, String)] = [("document_number", number), ("meeting_date", "2026-12-08"), ("place", "Aula Kelurahan Pondok Karya"),
                                          ("chair", "H. Ahmad Lurah"), ("delegate_name_1", "Siti Aminah"), ("delegate_gender_1", "perempuan"),
                                          ("delegate_name_2", "Budi Santoso"), ("delegate_gender_2", "laki_laki")]
        if let runId { fields.append(("alokasi", String(runId))) }
        return fields
    }
}
