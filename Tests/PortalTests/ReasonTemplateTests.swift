import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Reason templates at /kerja/verifikasi/alasan")
struct ReasonTemplateTests {
    @Test func aUnitsVerifiersShareTheirListAndAnotherUnitCannotRemoveFromIt() throws {
        let world = try PortalWorld()
        _ = try world.verifiers()
        let lurah = try VerificationTests.signedIn(world, "verif.pk")
        let page = try lurah.get("/kerja/verifikasi/alasan")
        #expect(page.status == 200 && page.body.contains("Belum ada alasan tersimpan."))
        let empty = try lurah.post("/kerja/verifikasi/alasan", [("teks", "  ")], csrf: page.csrf)
        #expect(empty.status == 422 && empty.body.contains("Tulis teks alasannya."))
        #expect(try lurah.post("/kerja/verifikasi/alasan", [("teks", "Sudah dianggarkan dinas <tahun ini>.")], csrf: page.csrf).status == 303)
        let twice = try lurah.post("/kerja/verifikasi/alasan", [("teks", "Sudah dianggarkan dinas <tahun ini>.")], csrf: page.csrf)
        #expect(twice.status == 422 && twice.body.contains("sudah ada dalam daftar"))
        let listed = try lurah.get("/kerja/verifikasi/alasan")
        #expect(listed.body.contains("Sudah dianggarkan dinas &lt;tahun ini&gt;."))
        let id = try #require(try world.database.read { db -> Int64? in try db.scalar("SELECT id FROM reason_templates") })

        let other = try VerificationTests.signedIn(world, "verif.cp", "10.3.0.4:1")
        let otherPage = try other.get("/kerja/verifikasi/alasan")
        #expect(otherPage.body.contains("Belum ada alasan tersimpan."))
        #expect(try other.post("/kerja/verifikasi/alasan/\(id)/hapus", [], csrf: otherPage.csrf).status == 404)
        #expect(try lurah.post("/kerja/verifikasi/alasan/\(id)/hapus", [], csrf: listed.csrf).status == 303)
        #expect(try lurah.get("/kerja/verifikasi/alasan").body.contains("Belum ada alasan tersimpan."))
    }
}
