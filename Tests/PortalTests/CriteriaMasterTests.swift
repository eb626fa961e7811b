import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("Bappeda's scoring criteria at /kerja/master/kriteria")
struct CriteriaMasterTests {
    static func criteria(_ world: PortalWorld, _ cycleId: CycleID) throws -> [ScoringCriterion] {
        try world.database.read { db in try CycleRepository(db).scoringCriteria(cycleId: cycleId) }
    }

    @Test func bappedaAddsChangesAndRemovesCriteriaButNotOneInUse() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let cycleId = scene.residents.cycleId
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.9.0.1:1")
        let page = try bappeda.get("/kerja/master/kriteria")
        #expect(page.status == 200 && page.body.contains("Belum ada kriteria.") && page.body.contains("Belum ada perubahan yang dicatat."))
        #expect(try bappeda.post("/kerja/master/kriteria", [("kode", "K1"), ("nama", "Kemendesakan"), ("bobot", "2")], csrf: page.csrf).status == 303)
        #expect(try bappeda.post("/kerja/master/kriteria", [("kode", "K2"), ("nama", "Manfaat"), ("bobot", "1")], csrf: page.csrf).status == 303)
        let listed = try bappeda.get("/kerja/master/kriteria")
        #expect(listed.body.contains("K1: Kemendesakan (66,7%)") && listed.body.contains("K2: Manfaat (33,3%)"))
        let bad = try bappeda.post("/kerja/master/kriteria", [("kode", "K1"), ("nama", "Lagi <x>"), ("bobot", "0")], csrf: page.csrf)
        #expect(bad.status == 422 && bad.body.contains("id=\"bobot-error\"") && bad.body.contains("value=\"Lagi &lt;x&gt;\""))
        let duplicate = try bappeda.post("/kerja/master/kriteria", [("kode", "K1"), ("nama", "Lagi"), ("bobot", "3")], csrf: page.csrf)
        #expect(duplicate.status == 422 && duplicate.body.contains("id=\"kode-error\""))
        let saved = try Self.criteria(world, cycleId)
        #expect(saved.map(\.code) == ["K1", "K2"] && saved.map(\.weight) == [2, 1])
        let k1 = saved[0].id, k2 = saved[1].id
        let same = try bappeda.post("/kerja/master/kriteria/\(k1)", [("nama-\(k1)", "Kemendesakan"), ("bobot-\(k1)", "2")], csrf: page.csrf)
        #expect(same.status == 422 && same.body.contains("Tidak ada yang berubah"))
        #expect(try bappeda.post("/kerja/master/kriteria/\(k1)", [("nama-\(k1)", "Tingkat kemendesakan"), ("bobot-\(k1)", "3")],
                                 csrf: page.csrf).status == 303)
        #expect(try Self.criteria(world, cycleId).first?.weight == 3)
        // K2 scored once: it cannot be removed; K1 can.
        let proposal = try scene.paperForm("Perbaikan jalan Gang Mawar")
        try world.database.write { db in
            try db.execute("INSERT INTO proposal_scores (proposal_id, level, criterion_id, score, scored_by, scored_at) VALUES (?, 'kelurahan', ?, 4, ?, ?)",
                           [proposal.id.rawValue, k2.rawValue, scene.bappeda.accountId.rawValue, WIBTime.iso8601(world.clock.now)])
        }
        let used = try bappeda.post("/kerja/master/kriteria/\(k2)/hapus", [], csrf: page.csrf)
        #expect(used.status == 422 && used.body.contains("sudah dipakai dalam 1 penilaian"))
        #expect(try bappeda.post("/kerja/master/kriteria/\(k1)/hapus", [], csrf: page.csrf).status == 303)
        #expect(try Self.criteria(world, cycleId).map(\.code) == ["K2"])
        let history = try bappeda.get("/kerja/master/kriteria")
        #expect(history.body.contains("Dihapus: Tingkat kemendesakan (bobot 3), oleh Staf Bappeda"))
        #expect(history.body.contains("Kemendesakan (bobot 2) menjadi Tingkat kemendesakan (bobot 3)"))
        #expect(try bappeda.post("/kerja/master/kriteria/999999/hapus", [], csrf: page.csrf).status == 404)
    }

    @Test func anotherStaffRoleIsRefused() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.9.0.2:1")
        let page = try camat.get("/kerja/master/kriteria")
        #expect(page.status == 403 && page.body.contains("Kriteria penilaian dan bobotnya diatur oleh Bappeda"))
        let home = try camat.get("/kerja")
        #expect(try camat.post("/kerja/master/kriteria", [("kode", "K1"), ("nama", "Kemendesakan"), ("bobot", "2")], csrf: home.csrf).status == 403)
        #expect(try Self.criteria(world, scene.residents.cycleId).isEmpty)
    }
}
