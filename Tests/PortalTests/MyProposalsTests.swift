import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("A resident's own proposals at /usulan/saya")
struct MyProposalsTests {
    @Test func aResidentSeesOnlyTheirOwnProposalsAndAnotherResidentGets404() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let mine = try scene.propose("Perbaikan jalan Gang Mawar <RT 01>", by: scene.ani)
        let theirs = try scene.propose("Saluran air Gang Kenanga", by: scene.budi)
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let list = try ani.get("/usulan/saya")
        #expect(list.status == 200)
        #expect(list.body.contains(mine.trackingCode.description) && list.body.contains("Perbaikan jalan Gang Mawar &lt;RT 01&gt;"))
        #expect(list.body.contains("Menunggu persetujuan Ketua RT") && list.body.contains("Rp 42.000.000"))
        #expect(list.body.contains("href=\"/usulan/saya/\(mine.trackingCode)\""))
        #expect(!list.body.contains(theirs.trackingCode.description) && !list.body.contains("Gang Kenanga"))

        let own = try ani.get("/usulan/saya/\(mine.trackingCode)")
        #expect(own.status == 200)
        #expect(own.body.contains("Gang Mawar") && own.body.contains("Rp 350.000 per meter") && own.body.contains("Perbaikan jalan lingkungan"))
        #expect(own.body.contains("<strong>Pengusul</strong>: mengajukan usulan") && own.body.contains("3 Desember 2026 09.00 WIB"))
        #expect(own.body.contains("Ketua RT akan memeriksa usulan Anda"))
        #expect(own.body.contains("120 meter jalan berlapis paving") && own.body.contains("Warga tidak lagi terhalang genangan"))
        #expect(!own.body.contains("/ubah\""))                                     // waiting: nothing to edit

        let budi = world.browser(address: "10.0.0.9:1")
        try budi.signIn("budi", world.password)
        let refused = try budi.get("/usulan/saya/\(mine.trackingCode)")
        #expect(refused.status == 404 && !refused.body.contains("Gang Mawar"))
        #expect(try budi.get("/usulan/saya/BUKAN-KODE").status == 404)
        #expect(try budi.get("/usulan/saya/TGS-2027-999999").status == 404)
    }

    @Test func theEmptyListSaysWhatToDoAndOnlyResidentsMayOpenIt() throws {
        let world = try PortalWorld()
        _ = try world.residents()
        let citra = world.browser()
        try citra.signIn("citra", world.password)
        let empty = try citra.get("/usulan/saya")
        #expect(empty.status == 200 && empty.body.contains("Belum ada usulan") && empty.body.contains("href=\"/usulan/baru\""))
        let anonymous = try world.browser().get("/usulan/saya")
        #expect(anonymous.status == 303 && anonymous.location == "/masuk?kembali=/usulan/saya")
        let head = world.browser()
        try head.signIn("rt01", world.password)
        let forbidden = try head.get("/usulan/saya")
        #expect(forbidden.status == 403 && forbidden.body.contains("untuk warga yang mengajukan usulan"))
    }

    @Test func aReturnedProposalShowsItsReasonOnTheTimelineAndCanBeResubmitted() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        var proposal = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        proposal = try world.service.apply(.kembalikan, to: .id(proposal.id), by: scene.rtHead, expectedVersion: proposal.version,
                                           reason: "Lengkapi foto lokasi <jalan>.")
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        #expect(try ani.get("/usulan/saya").body.contains("Dikembalikan: perlu diperbaiki"))
        let page = try ani.get("/usulan/saya/\(proposal.trackingCode)")
        #expect(page.body.contains("Lengkapi foto lokasi &lt;jalan&gt;.") && page.body.contains("mengembalikan usulan ke pengusul"))
        #expect(page.body.contains("<strong>Ketua RT 01/RW 01 Pondok Karya</strong>"))
        #expect(page.body.contains("href=\"/usulan/\(proposal.trackingCode)/ubah\""))
        #expect(page.hidden("versi") == String(proposal.version))
        // Without the token nothing happens.
        #expect(try ani.post("/usulan/saya/\(proposal.trackingCode)/ajukan", [("versi", String(proposal.version))], csrf: nil).status == 403)
        let sent = try ani.post("/usulan/saya/\(proposal.trackingCode)/ajukan", [("versi", String(proposal.version))], csrf: page.csrf)
        #expect(sent.status == 303 && sent.location == "/usulan/saya/\(proposal.trackingCode)")
        let after = try ani.get(try #require(sent.location))
        #expect(after.body.contains("diajukan kembali") && after.body.contains("badge waiting\">Menunggu persetujuan Ketua RT"))
        // The same form again: the proposal changed since, so the 409 page with its state now.
        let again = try ani.post("/usulan/saya/\(proposal.trackingCode)/ajukan", [("versi", String(proposal.version))], csrf: page.csrf)
        #expect(again.status == 409 && again.body.contains("Data sudah berubah") && again.body.contains("Menunggu persetujuan Ketua RT"))
        // Another resident cannot act on it, and learns nothing.
        let budi = world.browser(address: "10.0.0.9:1")
        try budi.signIn("budi", world.password)
        let csrf = try budi.get("/usulan/saya").csrf
        #expect(try budi.post("/usulan/saya/\(proposal.trackingCode)/ajukan", [("versi", "1")], csrf: csrf).status == 404)
    }

    @Test func anUnfundedProposalOfAFinishedCycleCanBeCarriedIntoTheCurrentOneOnce() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let old = try scene.rejectedLastCycle(by: scene.ani)
        let current = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let list = try ani.get("/usulan/saya").body
        let newer = try #require(list.range(of: "Musrenbang 2027"))
        let older = try #require(list.range(of: "Musrenbang 2026"))
        #expect(newer.lowerBound < older.lowerBound)                                    // the current cycle first
        #expect(list.contains(current.trackingCode.description) && list.contains(old.trackingCode.description))
        #expect(list.contains("Ditolak di Musrenbang kelurahan"))
        let page = try ani.get("/usulan/saya/\(old.trackingCode)")
        #expect(page.body.contains("Sudah dianggarkan dinas tahun ini.") && page.body.contains("Bawa ke Musrenbang 2027"))
        let carried = try ani.post("/usulan/saya/\(old.trackingCode)/bawa", [("versi", String(old.version))], csrf: page.csrf)
        #expect(carried.status == 303)
        let newPage = try ani.get(try #require(carried.location))
        #expect(newPage.status == 200 && newPage.body.contains("dibawa ke Musrenbang 2027 sebagai draf"))
        #expect(newPage.body.contains("Draf: belum diajukan") && newPage.body.contains("usulan \(old.trackingCode) siklus sebelumnya"))
        let oldAgain = try ani.get("/usulan/saya/\(old.trackingCode)")
        #expect(!oldAgain.body.contains("Bawa ke Musrenbang 2027") && oldAgain.body.contains("Dibawa ke siklus Musrenbang 2027"))
        // A proposal still on its way has no such button, and the engine refuses a forged request with its rule.
        let waiting = try ani.get("/usulan/saya/\(current.trackingCode)")
        #expect(!waiting.body.contains("/bawa\""))
        let forged = try ani.post("/usulan/saya/\(current.trackingCode)/bawa", [("versi", String(current.version))], csrf: page.csrf)
        #expect(forged.status == 422 && forged.body.contains("Tidak dapat dilakukan") && forged.body.contains("belum selesai"))
    }
}

@Suite("A resident's returned proposal outside its stage's window")
struct MyProposalsClosedWindowTests {
    @Test func aReturnedProposalOutsideTheWindowSaysSoAndOffersNoResubmission() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        var proposal = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        proposal = try world.service.apply(.kembalikan, to: .id(proposal.id), by: scene.rtHead, expectedVersion: proposal.version,
                                           reason: "Lengkapi foto lokasi.")
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 7, hour: 9))
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let page = try ani.get("/usulan/saya/\(proposal.trackingCode)")
        #expect(page.body.contains("Lengkapi foto lokasi.") && page.body.contains("sudah ditutup"))
        #expect(!page.body.contains("/ajukan\"") && !page.body.contains("/ubah\""))
        let forged = try ani.post("/usulan/saya/\(proposal.trackingCode)/ajukan", [("versi", String(proposal.version))], csrf: page.csrf)
        #expect(forged.status == 422 && forged.body.contains("belum dibuka atau sudah ditutup"))
    }
}
