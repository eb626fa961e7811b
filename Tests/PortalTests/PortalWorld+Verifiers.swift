import Foundation
import Musrenbang
@testable import Portal
import Storage

/// The verifiers' side of the test city, over `ResidentScene`: a second kelurahan (Cempaka Putih) in the same
/// kecamatan and a second kecamatan; one account per verifying role and unit (single role each, so no role choice),
/// an operator kelurahan, Bappeda (whose correction places a proposal at the kecamatan or OPD stage directly), a
/// second OPD and a cheaper non-fisik kamus item. Proposals reach a level through the service.
struct VerifierScene {
    let residents: ResidentScene
    var world: PortalWorld { residents.world }
    let otherKelurahan: KelurahanID
    let otherKecamatan: KecamatanID
    let otherRT: RTID
    let opd: OPDID
    let otherOPD: OPDID
    let training: KamusID
    let kelurahanVerifier: Actor
    let otherKelurahanVerifier: Actor
    let camat: Actor
    let otherCamat: Actor
    let opdVerifier: Actor
    let otherOPDVerifier: Actor
    let operatorKelurahan: Actor
    let bappeda: Actor

    /// 8 December 2026, 09.00 WIB: inside the kelurahan window (6 - 11 December).
    static let insideKelurahan = WIBTime.date(year: 2026, month: 12, day: 8, hour: 9)
    /// 13 December: the kecamatan window (11 - 16 December).
    static let insideKecamatan = WIBTime.date(year: 2026, month: 12, day: 13, hour: 9)
    /// 18 December: the OPD forum (16 - 21 December).
    static let insideOPD = WIBTime.date(year: 2026, month: 12, day: 18, hour: 9)

    init(_ world: PortalWorld) throws {
        residents = try world.residents()
        let (otherKelurahan, otherKecamatan, otherRT, otherOPD, training, opd) = try world.database.write { db in
            let wilayah = WilayahRepository(db)
            let kota: Int64 = try db.scalar("SELECT id FROM kota LIMIT 1") ?? 0
            let otherKelurahan = try wilayah.insertKelurahan(kecamatanId: world.kecamatan, code: "CP", name: "Cempaka Putih")
            let otherRW = try wilayah.insertRW(kelurahanId: otherKelurahan, number: 3)
            let otherRT = try wilayah.insertRT(rwId: otherRW, number: 4)
            let otherKecamatan = try wilayah.insertKecamatan(kotaId: KotaID(kota), code: "SRP", name: "Serpong")
            let catalog = CatalogRepository(db)
            let otherOPD = try catalog.insertOPD(code: "DINKES", name: "Dinas Kesehatan", shortName: "DINKES")
            let bidang = try catalog.insertBidang(code: "SOS", name: "Sosial Budaya")
            let training = try catalog.insertKamus(KamusItem(id: KamusID(0), code: "PL-01", name: "Pelatihan kader posyandu",
                                                             bidangId: bidang, opdId: otherOPD, unit: "orang", unitPrice: 500_000,
                                                             isFisik: false))
            let opd: Int64 = try db.scalar("SELECT id FROM opd WHERE code = 'DPUPR'") ?? 0
            return (otherKelurahan, otherKecamatan, otherRT, otherOPD, training, OPDID(opd))
        }
        self.otherKelurahan = otherKelurahan
        self.otherKecamatan = otherKecamatan
        self.otherRT = otherRT
        self.otherOPD = otherOPD
        self.training = training
        self.opd = opd
        let service = world.service
        func account(_ username: String, _ name: String, _ role: Role, _ scope: Scope) throws -> Actor {
            let id = try service.createAccount(username: username, displayName: name, roles: [try RoleAssignment(role: role, scope: scope)],
                                               password: world.password)
            return Actor(accountId: id, role: role, scope: scope)
        }
        kelurahanVerifier = try account("verif.pk", "Lurah Pondok Karya", .verifikatorKelurahan, .kelurahan(world.kelurahan))
        otherKelurahanVerifier = try account("verif.cp", "Lurah Cempaka Putih", .verifikatorKelurahan, .kelurahan(otherKelurahan))
        camat = try account("camat.cpt", "Camat Ciputat Timur", .camat, .kecamatan(world.kecamatan))
        otherCamat = try account("camat.srp", "Camat Serpong", .camat, .kecamatan(otherKecamatan))
        opdVerifier = try account("opd.pu", "Verifikator DPUPR", .verifikatorOPD, .opd(opd))
        otherOPDVerifier = try account("opd.kes", "Verifikator Dinkes", .verifikatorOPD, .opd(otherOPD))
        operatorKelurahan = try account("opkel.pk", "Operator Pondok Karya", .operatorKelurahan, .kelurahan(world.kelurahan))
        bappeda = try account("bappeda", "Staf Bappeda", .bappeda, .kota)
    }

    /// A paper form of Pondok Karya entered by its operator in the pra-Musrenbang: straight to the kelurahan's
    /// verification. `kamus` defaults to the road repair (Rp 350.000 per meter).
    @discardableResult
    func paperForm(_ title: String, volume: Int64 = 120, kamus: KamusID? = nil, problem: String = "Jalan berlubang, tergenang saat hujan.")
        throws -> Proposal {
        world.clock.set(ResidentScene.insidePra)
        let new = NewProposal(origin: Origin(kecamatanId: world.kecamatan, kelurahanId: world.kelurahan, rwId: residents.rw, rtId: residents.rt),
                              proposerAccountId: nil, proposerName: "Pak Joko", title: title, problem: problem,
                              kamusId: kamus ?? residents.kamus, volume: volume, locationText: "Gang Mawar", beneficiaries: 80)
        return try world.service.submit(new, cycleId: residents.cycleId, by: operatorKelurahan)
    }

    /// A resident's proposal endorsed by RT and RW: waiting for the kelurahan's verification; the clock then inside
    /// the kelurahan window.
    func atKelurahan(_ title: String) throws -> Proposal {
        let service = world.service
        var proposal = try residents.propose(title, by: residents.ani)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: residents.rtHead, expectedVersion: proposal.version)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: residents.rwHead, expectedVersion: proposal.version)
        world.clock.set(Self.insideKelurahan)
        return proposal
    }

    /// A proposal placed by Bappeda's correction in `state` (kecamatan or OPD verification; the OPD is the kamus item's).
    func placed(_ title: String, in state: ProposalState, kamus: KamusID? = nil) throws -> Proposal {
        let proposal = try paperForm(title, kamus: kamus)
        let input = TransitionInput(.koreksi, expectedVersion: proposal.version, reason: "Penempatan untuk uji.", target: state)
        let placed = try world.service.apply(input, to: .id(proposal.id), by: bappeda)
        world.clock.set(state.stage == .opd ? Self.insideOPD : Self.insideKecamatan)
        return placed
    }

    /// The proposal as the engine holds it now.
    func current(_ proposal: Proposal) throws -> Proposal {
        try world.service.proposalDetail(.id(proposal.id), viewer: .actor(bappeda)).proposal
    }

    /// Signs `level`'s berita acara lock in directly (the allocation that normally precedes it is not this suite's).
    func lock(_ key: LockKey) throws {
        try world.database.write { db in
            try LockRepository(db).insert(LevelLock(cycleId: residents.cycleId, key: key, documentNumber: "BA/UJI/1",
                                                    lockedBy: bappeda.accountId, lockedAt: world.clock.now))
        }
    }
}

extension PortalWorld {
    /// This world with the residents' and the verifiers' sides added (see `VerifierScene`).
    func verifiers() throws -> VerifierScene { try VerifierScene(self) }
}
