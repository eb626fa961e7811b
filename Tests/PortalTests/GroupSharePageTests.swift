import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Bappeda's group shares at /kerja/pagu/bagian")
struct GroupSharePageTests {
    static func stored(_ world: PortalWorld, _ level: Level) throws -> Set<GroupShare> {
        let cycle = try #require(try world.service.currentCycle())
        return Set(try world.database.read { db in try CycleRepository(db).groupShares(cycleId: cycle.id, level: level, ownerId: nil) })
    }

    @Test func bappedaSetsTheSharesOfALevelAndReadsThemInTheHistory() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.2.1:1")
        let page = try bappeda.get("/kerja/pagu/bagian")
        #expect(page.status == 200)
        #expect(page.body.contains("<th scope=\"row\">Fisik</th>") && page.body.contains("<th scope=\"row\">Bidang Sosial Budaya</th>"))
        #expect(page.body.contains("href=\"/kerja/pagu/bagian?tingkat=kecamatan\""))
        let version = try #require(CeilingInputTests.hidden("versi", page.body))
        let done = try bappeda.post("/kerja/pagu/bagian", [("tingkat", "kelurahan"), ("versi", version), ("min-non_fisik", "40"),
                                                           ("maks-fisik", "60,5"), ("min-fisik", " ")], csrf: page.csrf)
        #expect(done.status == 303 && done.location == "/kerja/pagu/bagian?tingkat=kelurahan")
        #expect(try Self.stored(world, .kelurahan) == [.minimum(.nonFisik, basisPoints: 4_000),
                                                        GroupShare(group: .fisik, capBasisPoints: 6_050, bound: .maximum)])
        #expect(try Self.stored(world, .kecamatan).isEmpty)
        #expect(try world.service.adminLog(entity: .groupShares, by: scene.bappeda).count == 1)
        let after = try bappeda.get("/kerja/pagu/bagian?tingkat=kelurahan")
        #expect(after.body.contains("Porsi kelompok kelurahan disimpan."))
        #expect(after.body.contains("value=\"60,5\"") && after.body.contains("value=\"40\""))
        #expect(after.body.contains("tidak ada menjadi ") && after.body.contains("Non-fisik minimal 40%"))
        // The kecamatan tab has its own shares and history.
        let kecamatan = try bappeda.get("/kerja/pagu/bagian?tingkat=kecamatan")
        #expect(kecamatan.body.contains("name=\"tingkat\" value=\"kecamatan\"") && kecamatan.body.contains("Belum ada perubahan yang dicatat."))
    }

    @Test func refusedSharesAreNamedKeptAndNothingIsStoredAndAStaleTableIsAConflict() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.2.2:1")
        let page = try bappeda.get("/kerja/pagu/bagian")
        let version = try #require(CeilingInputTests.hidden("versi", page.body))
        let unread = try bappeda.post("/kerja/pagu/bagian", [("tingkat", "kelurahan"), ("versi", version), ("min-fisik", "banyak"),
                                                             ("maks-non_fisik", "120")], csrf: page.csrf)
        #expect(unread.status == 422 && unread.body.contains("id=\"min-fisik-error\"") && unread.body.contains("id=\"maks-non_fisik-error\""))
        #expect(unread.body.contains("value=\"banyak\"") && unread.body.contains("value=\"120\""))
        // The engine's rule: the minimums together at most 100%.
        let over = try bappeda.post("/kerja/pagu/bagian", [("tingkat", "kelurahan"), ("versi", version), ("min-fisik", "60"),
                                                           ("min-non_fisik", "50")], csrf: page.csrf)
        #expect(over.status == 422 && over.body.contains("Jumlah semua porsi minimal tidak boleh lebih dari 100%."))
        #expect(over.body.contains("value=\"60\"") && over.body.contains("value=\"50\""))
        #expect(try Self.stored(world, .kelurahan).isEmpty)
        // Someone else saves meanwhile: the page read before is refused.
        let cycle = try #require(try world.service.currentCycle())
        _ = try world.service.setGroupShares(cycleId: cycle.id, level: .kelurahan, shares: [.minimum(.fisik, basisPoints: 1_000)],
                                             by: scene.bappeda)
        let stale = try bappeda.post("/kerja/pagu/bagian", [("tingkat", "kelurahan"), ("versi", version), ("min-fisik", "20")],
                                     csrf: page.csrf)
        #expect(stale.status == 409 && stale.body.contains("Porsi kelompok sudah diubah orang lain"))
        #expect(try Self.stored(world, .kelurahan) == [.minimum(.fisik, basisPoints: 1_000)])
    }

    @Test func anotherStaffRoleIsRefusedInThePortalAndInTheEngine() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.6.2.3:1")
        let page = try camat.get("/kerja/pagu/bagian")
        #expect(page.status == 403 && page.body.contains("Porsi kelompok pagu (bidang, fisik dan non-fisik) diatur oleh Bappeda"))
        let home = try camat.get("/kerja")
        let post = try camat.post("/kerja/pagu/bagian", [("tingkat", "kelurahan"), ("versi", "x"), ("min-fisik", "10")], csrf: home.csrf)
        #expect(post.status == 403)
        let cycle = try #require(try world.service.currentCycle())
        let forged = Actor(accountId: scene.camat.accountId, role: .bappeda, scope: .kota)
        #expect(throws: DomainError.self) {
            try world.service.setGroupShares(cycleId: cycle.id, level: .kelurahan, shares: [.minimum(.fisik, basisPoints: 1_000)], by: forged)
        }
        #expect(try Self.stored(world, .kelurahan).isEmpty)
    }

    @Test func percentReadsAndWritesIndonesianDecimals() {
        #expect(GroupSharePercent.basisPoints("40") == 4_000 && GroupSharePercent.basisPoints("12,5") == 1_250)
        #expect(GroupSharePercent.basisPoints("12.34 %") == 1_234 && GroupSharePercent.basisPoints("100") == 10_000)
        #expect(GroupSharePercent.basisPoints("1,234") == nil && GroupSharePercent.basisPoints("-5") == nil && GroupSharePercent.basisPoints("") == nil)
        #expect(GroupSharePercent.text(1_250) == "12,5" && GroupSharePercent.text(1_205) == "12,05" && GroupSharePercent.text(4_000) == "40")
    }
}
