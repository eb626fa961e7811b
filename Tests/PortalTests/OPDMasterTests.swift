import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("Bappeda's perangkat daerah at /kerja/master/opd")
struct OPDMasterTests {
    static func opds(_ world: PortalWorld) throws -> [OPD] {
        try world.database.read { db in try CatalogRepository(db).opdList() }
    }

    @Test func bappedaAddsAndRenamesAnOPDAndReadsTheChanges() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let health = try #require(try Self.opds(world).first { $0.code == "DINKES" })
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.9.1.1:1")
        let page = try bappeda.get("/kerja/master/opd")
        #expect(page.status == 200 && page.body.contains("value=\"Dinas Kesehatan\""))
        #expect(try bappeda.post("/kerja/master/opd", [("kode", "DISHUB"), ("nama", "Dinas Perhubungan"), ("singkatan", "DISHUB")],
                                 csrf: page.csrf).status == 303)
        #expect(try Self.opds(world).contains { $0.code == "DISHUB" && $0.name == "Dinas Perhubungan" })
        let duplicate = try bappeda.post("/kerja/master/opd", [("kode", "DISHUB"), ("nama", "Dinas <lain>"), ("singkatan", "")], csrf: page.csrf)
        #expect(duplicate.status == 422 && duplicate.body.contains("id=\"singkatan-error\"") && duplicate.body.contains("value=\"Dinas &lt;lain&gt;\""))
        let taken = try bappeda.post("/kerja/master/opd", [("kode", "DISHUB"), ("nama", "Dinas lain"), ("singkatan", "DL")], csrf: page.csrf)
        #expect(taken.status == 422 && taken.body.contains("id=\"kode-error\""))
        let renamed = try bappeda.post("/kerja/master/opd/\(health.id)", [("nama-\(health.id)", "Dinas Kesehatan Kota"), ("singkatan-\(health.id)", "DINKES")],
                                       csrf: page.csrf)
        #expect(renamed.status == 303)
        #expect(try Self.opds(world).first { $0.id == health.id }?.name == "Dinas Kesehatan Kota")
        let after = try bappeda.get("/kerja/master/opd")
        #expect(after.body.contains("Dinas Kesehatan (DINKES) menjadi Dinas Kesehatan Kota (DINKES), oleh Staf Bappeda"))
        #expect(try world.service.adminLog(entity: .opd, by: scene.bappeda).count == 2)
        #expect(try bappeda.post("/kerja/master/opd/999999", [("nama-999999", "X"), ("singkatan-999999", "X")], csrf: page.csrf).status == 404)
    }

    @Test func anotherStaffRoleIsRefused() throws {
        let world = try PortalWorld()
        _ = try world.verifiers()
        let before = try Self.opds(world)
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.9.1.2:1")
        let page = try camat.get("/kerja/master/opd")
        #expect(page.status == 403 && page.body.contains("Daftar perangkat daerah diatur oleh Bappeda"))
        let home = try camat.get("/kerja")
        #expect(try camat.post("/kerja/master/opd", [("kode", "X"), ("nama", "X"), ("singkatan", "X")], csrf: home.csrf).status == 403)
        #expect(try Self.opds(world) == before)
    }
}
