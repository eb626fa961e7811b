import Foundation
import Musrenbang
@testable import Portal
import Storage

/// The residents' side of the test city: residents of RT 01/RW 01 (Ani, Budi, and Citra without proposals), its
/// Ketua RT and Ketua RW, the Ketua of a second RT, a kamus item, and the clock inside the pra-Musrenbang window of
/// the cycle "Musrenbang 2027". Proposals are made through the service directly.
struct ResidentScene {
    let world: PortalWorld
    let cycleId: CycleID
    let rw: RWID
    let rt: RTID
    let kamus: KamusID
    let ani: Actor
    let budi: Actor
    let citra: Actor
    let rtHead: Actor
    let rwHead: Actor
    let otherRTHead: Actor
    let verifier: Actor

    /// Ani's personal data, which no page of her proposals shows (not even to her RT and RW heads).
    static let aniNIK = "3674014101900001"
    static let aniPhone = "+6281200000001"
    static let aniEmail = "ani.rahmawati@contoh.id"

    /// 3 December 2026, 09.00 WIB: the pra-Musrenbang window (1 - 6 December) is open.
    static let insidePra = WIBTime.date(year: 2026, month: 12, day: 3, hour: 9)

    init(_ world: PortalWorld) throws {
        self.world = world
        world.clock.set(Self.insidePra)
        let (cycleId, rw, rt, otherRT, kamus) = try world.database.write { db in
            let rt: Int64 = try db.scalar("SELECT id FROM rt ORDER BY id LIMIT 1") ?? 0
            let rw: Int64 = try db.scalar("SELECT rw_id FROM rt WHERE id = ?", [rt]) ?? 0
            let cycle: Int64 = try db.scalar("SELECT id FROM cycles WHERE plan_year = 2027") ?? 0
            let otherRT = try WilayahRepository(db).insertRT(rwId: RWID(rw), number: 2)
            let catalog = CatalogRepository(db)
            let bidang = try catalog.insertBidang(code: "FIS", name: "Fisik dan Prasarana")
            let opd = try catalog.insertOPD(code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", shortName: "DPUPR")
            let kamus = try catalog.insertKamus(KamusItem(id: KamusID(0), code: "JL-01", name: "Perbaikan jalan lingkungan",
                                                          bidangId: bidang, opdId: opd, unit: "meter", unitPrice: 350_000, isFisik: true))
            return (CycleID(cycle), RWID(rw), RTID(rt), otherRT, kamus)
        }
        self.cycleId = cycleId
        self.rw = rw
        self.rt = rt
        self.kamus = kamus
        let service = world.service
        func account(_ username: String, _ name: String, _ role: Role, _ scope: Scope, nik: String? = nil, phone: String? = nil,
                     email: String? = nil) throws -> Actor {
            let id = try service.createAccount(username: username, displayName: name, roles: [try RoleAssignment(role: role, scope: scope)],
                                               password: world.password, nik: nik, phone: phone, email: email)
            return Actor(accountId: id, role: role, scope: scope)
        }
        ani = try account("ani", "Ani Rahmawati", .warga, .selfOnly, nik: Self.aniNIK, phone: Self.aniPhone, email: Self.aniEmail)
        budi = try account("budi", "Budi Santoso", .warga, .selfOnly)
        citra = try account("citra", "Citra Lestari", .warga, .selfOnly)
        rtHead = try account("rt01", "Pak Harun", .ketuaRT, .rt(rt))
        rwHead = try account("rw01", "Bu Sri", .ketuaRW, .rw(rw))
        otherRTHead = try account("rt02", "Pak Dedi", .ketuaRT, .rt(otherRT))
        guard let operatorAccount = try service.authenticateAccount(username: "op.pk", password: world.password) else {
            throw PersistenceError.notFound("akun op.pk")
        }
        verifier = Actor(accountId: operatorAccount.id, role: .verifikatorKelurahan, scope: .kelurahan(world.kelurahan))
    }

    /// A proposal of `resident` in RT 01/RW 01 of `cycleId` (default: this scene's), submitted: waiting for the Ketua RT.
    @discardableResult
    func propose(_ title: String, by resident: Actor, cycleId: CycleID? = nil) throws -> Proposal {
        try world.service.submit(try newProposal(title, by: resident), cycleId: cycleId ?? self.cycleId, by: resident)
    }

    /// A draft of `resident` in RT 01/RW 01 of this scene's cycle, not yet sent.
    func draft(_ title: String, by resident: Actor) throws -> Proposal {
        try world.service.create(try newProposal(title, by: resident), cycleId: cycleId, by: resident)
    }

    /// The proposal `propose` and `draft` make.
    private func newProposal(_ title: String, by resident: Actor) throws -> NewProposal {
        var new = NewProposal(origin: Origin(kecamatanId: world.kecamatan, kelurahanId: world.kelurahan, rwId: rw, rtId: rt),
                              proposerAccountId: resident.accountId,
                              proposerName: try world.service.account(id: resident.accountId).displayName, title: title,
                              problem: "Jalan berlubang, tergenang saat hujan.", kamusId: kamus, volume: 120,
                              locationText: "Gang Mawar", beneficiaries: 80)
        new.content.expectedOutput = "120 meter jalan berlapis paving"
        new.content.expectedOutcome = "Warga tidak lagi terhalang genangan"
        return new
    }

    /// A finished earlier cycle ("Musrenbang 2026", all of 2025's December) holding a proposal of `resident` rejected by
    /// the kelurahan; the clock is back inside this scene's pra-Musrenbang afterwards.
    func rejectedLastCycle(by resident: Actor) throws -> Proposal {
        let previous = try world.database.write { db in
            let kota: Int64 = try db.scalar("SELECT id FROM kota LIMIT 1") ?? 0
            let windows = Stage.allCases.enumerated().map { index, stage in
                StageWindow(stage: stage, opensAt: WIBTime.date(year: 2025, month: 12, day: 1 + index * 5),
                            closesAt: WIBTime.date(year: 2025, month: 12, day: 6 + index * 5))
            }
            return try CycleRepository(db).insert(kotaId: KotaID(kota), planYear: 2026, budgetYear: 2027, name: "Musrenbang 2026",
                                                  windows: windows, at: WIBTime.date(year: 2025, month: 11, day: 1))
        }
        let service = world.service
        world.clock.set(WIBTime.date(year: 2025, month: 12, day: 3, hour: 9))
        var proposal = try propose("Lampu jalan Gang Melati", by: resident, cycleId: previous.id)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: rtHead, expectedVersion: proposal.version)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: rwHead, expectedVersion: proposal.version)
        world.clock.set(WIBTime.date(year: 2025, month: 12, day: 8, hour: 9))
        proposal = try service.apply(.tolak, to: .id(proposal.id), by: verifier, expectedVersion: proposal.version,
                                     reason: "Sudah dianggarkan dinas tahun ini.")
        world.clock.set(Self.insidePra)
        return proposal
    }
}

extension PortalWorld {
    /// This world with the residents' side added (see `ResidentScene`).
    func residents() throws -> ResidentScene { try ResidentScene(self) }
}

extension TestBrowser.Page {
    /// The value of the first hidden field `name` on the page.
    func hidden(_ name: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}
