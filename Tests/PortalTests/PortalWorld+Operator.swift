import Foundation
import Musrenbang
@testable import Portal
import Storage

/// The kelurahan operator's side of the test city, on top of the residents' scene (RT 01 and 02 of RW 01 in Pondok
/// Karya, the kamus item JL-01, the clock inside the pra-Musrenbang): an operator with that one role (`op1`), the
/// operator of a second kelurahan (`op2`, Cempaka Putih), a verifier of Pondok Karya (`verif1`), and a second kamus
/// item (PL-01, in another bidang).
struct OperatorScene {
    let residents: ResidentScene
    let world: PortalWorld
    let operatorActor: Actor
    let otherKelurahan: KelurahanID
    let streetLight: KamusID

    static let pdf: [UInt8] = Array("%PDF-1.4\nformulir bertanda tangan".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 24)

    init(_ world: PortalWorld) throws {
        self.world = world
        residents = try world.residents()
        let (other, light) = try world.database.write { db in
            let wilayah = WilayahRepository(db)
            let other = try wilayah.insertKelurahan(kecamatanId: world.kecamatan, code: "CP", name: "Cempaka Putih")
            let rw = try wilayah.insertRW(kelurahanId: other, number: 1)
            _ = try wilayah.insertRT(rwId: rw, number: 1)
            let catalog = CatalogRepository(db)
            let bidang = try catalog.insertBidang(code: "SOS", name: "Sosial Budaya")
            let opd = try catalog.insertOPD(code: "DISHUB", name: "Dinas Perhubungan", shortName: "Dishub")
            let light = try catalog.insertKamus(KamusItem(id: KamusID(0), code: "PL-01", name: "Penerangan jalan umum", bidangId: bidang,
                                                          opdId: opd, unit: "titik", unitPrice: 4_500_000, isFisik: true))
            return (other, light)
        }
        otherKelurahan = other
        streetLight = light
        let service = world.service
        let id = try service.createAccount(username: "op1", displayName: "Rina Operator",
                                           roles: [try RoleAssignment(role: .operatorKelurahan, scope: .kelurahan(world.kelurahan))],
                                           password: world.password)
        operatorActor = Actor(accountId: id, role: .operatorKelurahan, scope: .kelurahan(world.kelurahan))
        try service.createAccount(username: "op2", displayName: "Operator Cempaka Putih",
                                  roles: [try RoleAssignment(role: .operatorKelurahan, scope: .kelurahan(other))], password: world.password)
        try service.createAccount(username: "verif1", displayName: "Lurah Pondok Karya",
                                  roles: [try RoleAssignment(role: .verifikatorKelurahan, scope: .kelurahan(world.kelurahan))],
                                  password: world.password)
    }

    /// A browser signed in as `username`.
    func browser(_ username: String, address: String = "10.0.1.1:1") throws -> TestBrowser {
        let browser = world.browser(address: address)
        try browser.signIn(username, world.password)
        return browser
    }

    /// The proposals stored in the scene's cycle.
    func proposalCount() throws -> Int64 {
        try world.database.read { db in try db.scalar("SELECT count(*) FROM proposals") ?? 0 }
    }
}

extension PortalWorld {
    func operators() throws -> OperatorScene { try OperatorScene(self) }
}
