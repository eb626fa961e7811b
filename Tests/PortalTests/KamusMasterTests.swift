import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("Bappeda's kamus usulan at /kerja/master/kamus")
struct KamusMasterTests {
    static func item(_ world: PortalWorld, _ id: KamusID) throws -> KamusItem {
        try world.database.read { db in try CatalogRepository(db).kamus(id: id) }
    }

    @Test func bappedaListsAddsAndRefusesADuplicateOrIncompleteItem() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let road = try Self.item(world, scene.residents.kamus)
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.7.0.1:1")
        let list = try bappeda.get("/kerja/master/kamus")
        #expect(list.status == 200 && list.body.contains("<td class=\"code\">JL-01</td>") && list.body.contains("<td class=\"num\">Rp 350.000</td>"))
        #expect(list.body.contains("Pelatihan kader posyandu"))
        func fields(_ code: String, name: String = "Pembangunan drainase", price: String = "1.250.000") -> [(String, String)] {
            [("kode", code), ("nama", name), ("bidang", "\(road.bidangId)"), ("opd", "\(road.opdId)"), ("satuan", "meter"), ("harga", price), ("fisik", "ya")]
        }
        let added = try bappeda.post("/kerja/master/kamus", fields("DR-02"), csrf: list.csrf)
        #expect(added.status == 303 && added.location == "/kerja/master/kamus")
        let after = try bappeda.get("/kerja/master/kamus")
        #expect(after.body.contains("Kegiatan DR-02 Pembangunan drainase ditambahkan.") && after.body.contains("<td class=\"num\">Rp 1.250.000</td>"))
        let stored = try world.database.read { db in try CatalogRepository(db).kamusList() }.first { $0.code == "DR-02" }
        #expect(stored?.unitPrice == 1_250_000 && stored?.isFisik == true && stored?.active == true)
        let duplicate = try bappeda.post("/kerja/master/kamus", fields("JL-01", name: "Jalan <baru>"), csrf: list.csrf)
        #expect(duplicate.status == 422 && duplicate.body.contains("id=\"kode-error\"") && duplicate.body.contains("value=\"Jalan &lt;baru&gt;\""))
        let incomplete = try bappeda.post("/kerja/master/kamus", [("kode", "X-1"), ("nama", ""), ("harga", "mahal")], csrf: list.csrf)
        #expect(incomplete.status == 422)
        for field in ["nama", "bidang", "opd", "satuan", "harga", "fisik"] { #expect(incomplete.body.contains("id=\"\(field)-error\""), "\(field)") }
        #expect(incomplete.body.contains("value=\"mahal\""))
        #expect(try world.database.read { db in try CatalogRepository(db).kamusList() }.count == 3)
    }

    @Test func aNewSSHPriceNeedsAReasonAndLeavesStoredProposalsAlone() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.paperForm("Perbaikan jalan Gang Mawar")
        let id = scene.residents.kamus
        let road = try Self.item(world, id)
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.7.0.2:1")
        let page = try bappeda.get("/kerja/master/kamus/\(id)")
        #expect(page.status == 200 && page.body.contains("value=\"350.000\"") && page.body.contains("Belum ada perubahan yang dicatat."))
        func fields(_ price: String, reason: String) -> [(String, String)] {
            [("nama", road.name), ("bidang", "\(road.bidangId)"), ("opd", "\(road.opdId)"), ("satuan", road.unit), ("harga", price),
             ("fisik", "ya"), ("alasan", reason)]
        }
        let noReason = try bappeda.post("/kerja/master/kamus/\(id)", fields("400.000", reason: " "), csrf: page.csrf)
        #expect(noReason.status == 422 && noReason.body.contains("id=\"alasan-error\"") && noReason.body.contains("value=\"400.000\""))
        #expect(try Self.item(world, id).unitPrice == 350_000)
        let done = try bappeda.post("/kerja/master/kamus/\(id)", fields("400.000", reason: "SSH 2027 <Perwali>."), csrf: page.csrf)
        #expect(done.status == 303 && done.location == "/kerja/master/kamus/\(id)")
        #expect(try Self.item(world, id).unitPrice == 400_000)
        #expect(try scene.current(proposal).unitPrice == 350_000)
        let shown = try bappeda.get("/kerja/master/kamus/\(id)")
        #expect(shown.body.contains("harga SSH Rp 350.000 menjadi Rp 400.000") && shown.body.contains("Alasan: SSH 2027 &lt;Perwali&gt;."))
        #expect(shown.body.contains("oleh Staf Bappeda"))
        // Deactivate: a reason is required; then the item is inactive and can be reactivated.
        let noStatusReason = try bappeda.post("/kerja/master/kamus/\(id)/status", [("aktif", "tidak"), ("alasan-status", "")], csrf: page.csrf)
        #expect(noStatusReason.status == 422 && noStatusReason.body.contains("id=\"alasan-status-error\""))
        #expect(try Self.item(world, id).active)
        let off = try bappeda.post("/kerja/master/kamus/\(id)/status", [("aktif", "tidak"), ("alasan-status", "Diganti DR-02.")], csrf: page.csrf)
        #expect(try off.status == 303 && !Self.item(world, id).active)
        let inactive = try bappeda.get("/kerja/master/kamus/\(id)")
        #expect(inactive.body.contains("Aktifkan kembali") && inactive.body.contains("<strong>Dinonaktifkan</strong>"))
        let log = try world.service.adminLog(entity: .kamusUsulan, key: "\(id)", by: scene.bappeda)
        #expect(log.map(\.action) == [.deactivate, .update] && log.last?.reason == "SSH 2027 <Perwali>.")
    }

    @Test func otherRolesAreRefusedAndUnknownItemsAreNotFound() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let id = scene.residents.kamus
        let before = try Self.item(world, id)
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.7.0.3:1")
        let list = try camat.get("/kerja/master/kamus")
        #expect(list.status == 403 && list.body.contains("Kamus usulan dan harga Standar Satuan Harga (SSH) diatur oleh Bappeda"))
        let home = try camat.get("/kerja")
        #expect(!home.body.contains("/kerja/master/kamus"))
        #expect(try camat.get("/kerja/master/kamus/\(id)").status == 403)
        #expect(try camat.post("/kerja/master/kamus/\(id)", [("harga", "1"), ("alasan", "x")], csrf: home.csrf).status == 403)
        #expect(try camat.post("/kerja/master/kamus/\(id)/status", [("aktif", "tidak"), ("alasan-status", "x")], csrf: home.csrf).status == 403)
        #expect(try Self.item(world, id) == before)
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.7.0.4:1")
        #expect(try bappeda.get("/kerja/master/kamus/999999").status == 404 && bappeda.get("/kerja/master/kamus/abc").status == 404)
        #expect(try bappeda.get("/kerja").body.contains("href=\"/kerja/master/kamus\""))
    }
}
