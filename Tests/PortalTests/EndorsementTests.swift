import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("RT/RW endorsement at /kerja/persetujuan")
struct EndorsementTests {
    @Test func theRTApprovesThenTheRWSeesItAndReturnsItWithAReasonTheResidentReads() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        let code = proposal.trackingCode.description
        let rt = world.browser()
        try rt.signIn("rt01", world.password)
        let list = try rt.get("/kerja/persetujuan")
        #expect(list.status == 200 && list.body.contains(code) && list.body.contains("Menunggu persetujuan Anda <span class=\"count\">1</span>"))
        let page = try rt.get("/kerja/persetujuan/\(code)")
        #expect(page.status == 200 && page.body.contains("Keputusan Anda") && page.body.contains("Ani Rahmawati"))
        #expect(page.body.contains("<label for=\"alasan\">Alasan pengembalian</label>"))
        for personal in [ResidentScene.aniNIK, ResidentScene.aniPhone, "081200000001", ResidentScene.aniEmail] {
            #expect(!page.body.contains(personal) && !list.body.contains(personal))
        }
        let approved = try rt.post("/kerja/persetujuan/\(code)", [("keputusan", "setujui"), ("versi", try #require(page.hidden("versi"))),
                                                                  ("kembali", "/kerja/persetujuan")], csrf: page.csrf)
        #expect(approved.status == 303 && approved.location == "/kerja/persetujuan")
        let back = try rt.get("/kerja/persetujuan")
        #expect(back.body.contains("Usulan \(code) disetujui dan diteruskan ke Ketua RW."))
        #expect(!back.body.contains("<span class=\"code\">\(code)</span>"))              // no longer waiting for the RT

        let rw = world.browser(address: "10.0.0.8:1")
        try rw.signIn("rw01", world.password)
        let rwList = try rw.get("/kerja/persetujuan")
        #expect(rwList.body.contains(code) && rwList.body.contains("Menunggu persetujuan Anda <span class=\"count\">1</span>"))
        let rwPage = try rw.get("/kerja/persetujuan/\(code)")
        let returned = try rw.post("/kerja/persetujuan/\(code)", [("keputusan", "kembalikan"), ("versi", try #require(rwPage.hidden("versi"))),
                                                                  ("alasan", "Lengkapi foto lokasi \"sebelum\" <b>perbaikan</b>.")],
                                   csrf: rwPage.csrf)
        #expect(returned.status == 303)
        #expect(try rw.get("/kerja/persetujuan").body.contains("Usulan \(code) dikembalikan ke pengusul."))

        let ani = world.browser(address: "10.0.0.7:2")
        try ani.signIn("ani", world.password)
        let own = try ani.get("/usulan/saya/\(code)")
        #expect(own.body.contains("Dikembalikan: perlu diperbaiki"))
        #expect(own.body.contains("Lengkapi foto lokasi &quot;sebelum&quot; &lt;b&gt;perbaikan&lt;/b&gt;."))
        #expect(own.body.contains("<strong>Ketua RW 01 Pondok Karya</strong>: mengembalikan usulan ke pengusul"))
        let resubmitted = try ani.post("/usulan/saya/\(code)/ajukan", [("versi", try #require(own.hidden("versi")))], csrf: own.csrf)
        #expect(resubmitted.status == 303)
        #expect(try rt.get("/kerja/persetujuan").body.contains(code))                  // back on the RT's desk
    }

    @Test func anEmptyReasonIsRefusedWith422AndTheTypedTextIsKept() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        let rt = world.browser()
        try rt.signIn("rt01", world.password)
        let page = try rt.get("/kerja/persetujuan/\(proposal.trackingCode)")
        let version = try #require(page.hidden("versi"))
        let empty = try rt.post("/kerja/persetujuan/\(proposal.trackingCode)", [("keputusan", "kembalikan"), ("versi", version), ("alasan", "  ")],
                                csrf: page.csrf)
        #expect(empty.status == 422 && empty.body.contains("Ada yang perlu diperbaiki") && empty.body.contains("href=\"#alasan\""))
        #expect(empty.body.contains("<p class=\"field-error\" id=\"alasan-error\">Tulis alasan pengembalian"))
        #expect(empty.body.contains("aria-describedby=\"alasan-hint alasan-error\" aria-invalid=\"true\""))
        let long = String(repeating: "Jalan <rusak> ", count: 200)
        let tooLong = try rt.post("/kerja/persetujuan/\(proposal.trackingCode)", [("keputusan", "kembalikan"), ("versi", version), ("alasan", long)],
                                  csrf: page.csrf)
        #expect(tooLong.status == 422 && tooLong.body.contains(HTML.escape(long.trimmingCharacters(in: .whitespaces))))
        #expect(try world.service.proposalDetail(.id(proposal.id), viewer: .actor(scene.ani)).proposal.version == proposal.version)
    }

    @Test func theSameFormPostedTwiceGets409WithTheStateNow() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        let first = world.browser()
        try first.signIn("rt01", world.password)
        let page = try first.get("/kerja/persetujuan/\(proposal.trackingCode)")
        let fields = [("keputusan", "setujui"), ("versi", try #require(page.hidden("versi")))]
        #expect(try first.post("/kerja/persetujuan/\(proposal.trackingCode)", fields, csrf: page.csrf).status == 303)
        let second = try first.post("/kerja/persetujuan/\(proposal.trackingCode)", fields, csrf: page.csrf)
        #expect(second.status == 409 && second.body.contains("Data sudah berubah"))
        #expect(second.body.contains("Disetujui Ketua RT, menunggu persetujuan Ketua RW") && second.body.contains("menyetujui usulan"))
        // Another head acting on the page it loaded before the RT: also 409, never a silent overwrite.
        let late = try first.post("/kerja/persetujuan/\(proposal.trackingCode)",
                                  [("keputusan", "kembalikan"), ("versi", String(proposal.version)), ("alasan", "Terlambat")], csrf: page.csrf)
        #expect(late.status == 409)
        #expect(try world.service.proposalDetail(.id(proposal.id), viewer: .actor(scene.ani)).history.count == 3)
    }

    @Test func onlyTheHeadsOfTheAreaMayEndorse() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        let path = "/kerja/persetujuan/\(proposal.trackingCode)"
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let csrf = try ani.get("/usulan/saya").csrf
        let posted = try ani.post(path, [("keputusan", "setujui"), ("versi", String(proposal.version))], csrf: csrf)
        #expect(posted.status == 403 && posted.body.contains("hanya untuk Ketua RT dan Ketua RW"))
        #expect(try ani.get("/kerja/persetujuan").status == 403)
        #expect(try world.browser().get("/kerja/persetujuan").location == "/masuk?kembali=/kerja/persetujuan")
        // The head of another RT: the proposal does not exist for them.
        let other = world.browser(address: "10.0.0.5:1")
        try other.signIn("rt02", world.password)
        #expect(try other.get(path).status == 404)
        let otherCSRF = try other.get("/kerja/persetujuan").csrf
        #expect(try other.post(path, [("keputusan", "setujui"), ("versi", "99")], csrf: otherCSRF).status == 404)
        #expect(!(try other.get("/kerja/persetujuan").body.contains(proposal.trackingCode.description)))
        // The RW head may not approve before the RT: the rule in words.
        let rw = world.browser(address: "10.0.0.6:1")
        try rw.signIn("rw01", world.password)
        let rwPage = try rw.get(path)
        #expect(rwPage.status == 200 && rwPage.body.contains("tidak sedang menunggu persetujuan Anda") && !rwPage.body.contains("Keputusan Anda"))
        let early = try rw.post(path, [("keputusan", "setujui"), ("versi", String(proposal.version))], csrf: rwPage.csrf)
        #expect(early.status == 403 && early.body.contains("tidak berwenang"))
    }

    @Test func outsideTheStageWindowTheRuleAndWhatToDoAreShown() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try scene.propose("Perbaikan jalan Gang Mawar", by: scene.ani)
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 7, hour: 9))            // pra-Musrenbang closed on 6 December
        let rt = world.browser()
        try rt.signIn("rt01", world.password)
        let list = try rt.get("/kerja/persetujuan")
        #expect(list.body.contains("sedang tidak berlangsung") && list.body.contains("hanya Bappeda yang dapat memperpanjang jadwal"))
        let page = try rt.get("/kerja/persetujuan/\(proposal.trackingCode)")
        #expect(!page.body.contains("Keputusan Anda"))
        let refused = try rt.post("/kerja/persetujuan/\(proposal.trackingCode)", [("keputusan", "setujui"), ("versi", String(proposal.version))],
                                  csrf: page.csrf)
        #expect(refused.status == 422 && refused.body.contains("belum dibuka atau sudah ditutup") && refused.body.contains("hubungi operator kelurahan"))
    }
}
