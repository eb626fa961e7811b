import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("Bappeda's bidang at /kerja/master/bidang")
struct BidangMasterTests {
    static func bidang(_ world: PortalWorld) throws -> [Bidang] {
        try world.database.read { db in try CatalogRepository(db).bidangList() }
    }

    @Test func bappedaAddsAndRenamesABidangAndReadsTheChanges() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let social = try #require(try Self.bidang(world).first { $0.code == "SOS" })
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.8.0.1:1")
        let page = try bappeda.get("/kerja/master/bidang")
        #expect(page.status == 200 && page.body.contains("value=\"Sosial Budaya\"") && page.body.contains("Belum ada perubahan yang dicatat."))
        let added = try bappeda.post("/kerja/master/bidang", [("kode", "EKO"), ("nama", "Ekonomi")], csrf: page.csrf)
        #expect(added.status == 303 && added.location == "/kerja/master/bidang")
        #expect(try Self.bidang(world).contains { $0.code == "EKO" && $0.name == "Ekonomi" })
        let duplicate = try bappeda.post("/kerja/master/bidang", [("kode", "EKO"), ("nama", "Ekonomi <lagi>")], csrf: page.csrf)
        #expect(duplicate.status == 422 && duplicate.body.contains("id=\"kode-error\"") && duplicate.body.contains("value=\"Ekonomi &lt;lagi&gt;\""))
        let empty = try bappeda.post("/kerja/master/bidang/\(social.id)", [("nama-\(social.id)", " ")], csrf: page.csrf)
        #expect(empty.status == 422 && empty.body.contains("id=\"nama-\(social.id)-error\""))
        let renamed = try bappeda.post("/kerja/master/bidang/\(social.id)", [("nama-\(social.id)", "Sosial dan Budaya")], csrf: page.csrf)
        #expect(renamed.status == 303)
        #expect(try Self.bidang(world).first { $0.id == social.id }?.name == "Sosial dan Budaya")
        let after = try bappeda.get("/kerja/master/bidang")
        #expect(after.body.contains("Nama &quot;Sosial Budaya&quot; menjadi &quot;Sosial dan Budaya&quot;, oleh Staf Bappeda"))
        #expect(after.body.contains("Ditambahkan: Ekonomi, oleh Staf Bappeda"))
        #expect(try world.service.adminLog(entity: .bidang, by: scene.bappeda).count == 2)
        #expect(try bappeda.post("/kerja/master/bidang/999999", [("nama-999999", "X")], csrf: page.csrf).status == 404)
    }

    @Test func anotherStaffRoleIsRefused() throws {
        let world = try PortalWorld()
        _ = try world.verifiers()
        let before = try Self.bidang(world)
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.8.0.2:1")
        let page = try camat.get("/kerja/master/bidang")
        #expect(page.status == 403 && page.body.contains("Daftar bidang diatur oleh Bappeda"))
        let home = try camat.get("/kerja")
        #expect(try camat.post("/kerja/master/bidang", [("kode", "EKO"), ("nama", "Ekonomi")], csrf: home.csrf).status == 403)
        #expect(try camat.post("/kerja/master/bidang/\(before[0].id)", [("nama-\(before[0].id)", "X")], csrf: home.csrf).status == 403)
        #expect(try Self.bidang(world) == before)
    }
}
