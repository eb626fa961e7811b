import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// Residents' comments on a published proposal's page and their moderation (docs/comments.md): who may comment, the
/// form's refusals (422 with the text kept), escaping, the public label instead of any personal data; a moderator
/// of the proposal's area hides a comment with a reason (logged, its text gone from every public byte); nobody else
/// can, whatever the form carries.
@Suite("Comments on published proposals and their moderation")
struct CommentTests {
    /// A published proposal of Ani (refused by the kelurahan), Ani's home RT set to RT 01 of Pondok Karya.
    static func published(_ world: PortalWorld) throws -> (VerifierScene, Proposal) {
        let scene = try world.verifiers()
        let proposal = try PublicProposalTests.decided(scene.residents)
        try world.database.write { db in
            try db.execute("UPDATE accounts SET home_rt_id = ? WHERE username IN ('ani', 'budi')", [scene.residents.rt.rawValue])
        }
        return (scene, proposal)
    }

    static func signedIn(_ world: PortalWorld, _ username: String, _ n: Int) throws -> TestBrowser {
        let browser = world.browser(address: "10.7.0.\(n):1")
        try browser.signIn(username, world.password)
        return browser
    }

    /// Posts a comment from the proposal's page.
    @discardableResult
    static func comment(_ browser: TestBrowser, _ proposal: Proposal, _ text: String) throws -> TestBrowser.Page {
        let page = try browser.get("/usulan/\(proposal.trackingCode)")
        return try browser.post("/usulan/\(proposal.trackingCode)/komentar", [("isi", text)], csrf: page.csrf)
    }

    static func commentId(_ world: PortalWorld) throws -> Int64 {
        try world.database.read { db in try db.scalar("SELECT max(id) FROM proposal_comments") ?? 0 }
    }

    @Test func aResidentCommentsTheVisitorReadsItUnderTheLabelOnly() throws {
        let world = try PortalWorld()
        let (_, proposal) = try Self.published(world)
        let visitor = world.browser()
        let before = try visitor.get("/usulan/\(proposal.trackingCode)")
        #expect(before.body.contains("Belum ada komentar.") && before.body.contains("Masuk untuk berkomentar"))
        #expect(before.body.contains("href=\"/masuk?kembali=/usulan/\(proposal.trackingCode)\"") && !before.body.contains("name=\"isi\""))
        let ani = try Self.signedIn(world, "ani", 1)
        let form = try ani.get("/usulan/\(proposal.trackingCode)")
        #expect(form.body.contains("<textarea id=\"isi\" name=\"isi\""))
        let posted = try Self.comment(ani, proposal, "Mohon ditinjau lagi, jalan makin rusak.")
        let id = try Self.commentId(world)
        #expect(posted.status == 303 && posted.location == "/usulan/\(proposal.trackingCode)#komentar-\(id)")
        let page = try visitor.get("/usulan/\(proposal.trackingCode)")
        #expect(page.body.contains("Komentar warga (1)") && page.body.contains("Mohon ditinjau lagi, jalan makin rusak."))
        #expect(page.body.contains("<strong>Warga Kel. Pondok Karya</strong>"))
        for secret in ["Ani Rahmawati", ResidentScene.aniNIK, ResidentScene.aniPhone, ResidentScene.aniEmail] {
            #expect(!page.body.contains(secret), "\(secret)")
        }
        // A staff account (the Ketua RT acts as Ketua RT) reads the comments but gets no form, and may not post.
        let rt = try Self.signedIn(world, "rt01", 2)
        let rtPage = try rt.get("/usulan/\(proposal.trackingCode)")
        #expect(rtPage.body.contains("Mohon ditinjau lagi") && !rtPage.body.contains("name=\"isi\""))
        #expect(try Self.comment(rt, proposal, "Dari Ketua RT.").status == 403)
    }

    @Test func markupInACommentIsEscaped() throws {
        let world = try PortalWorld()
        let (_, proposal) = try Self.published(world)
        let ani = try Self.signedIn(world, "ani", 1)
        try Self.comment(ani, proposal, "<script>alert('x')</script> & \"kutip\" <b>tebal</b>")
        let page = try world.browser().get("/usulan/\(proposal.trackingCode)")
        #expect(!page.body.contains("<script>alert") && !page.body.contains("<b>tebal</b>"))
        #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;kutip&quot; &lt;b&gt;tebal&lt;/b&gt;"))
    }

    @Test func refusedCommentsAre422WithTheTextKept() throws {
        let world = try PortalWorld()
        let (_, proposal) = try Self.published(world)
        let ani = try Self.signedIn(world, "ani", 1)
        let empty = try Self.comment(ani, proposal, "   ")
        #expect(empty.status == 422 && empty.body.contains("Ada yang perlu diperbaiki") && empty.body.contains("Tulis komentar Anda."))
        let long = String(repeating: "panjang ", count: 130)
        let tooLong = try Self.comment(ani, proposal, long)
        #expect(tooLong.status == 422 && tooLong.body.contains("paling banyak 1000"))
        #expect(tooLong.body.contains(">\(long)</textarea>"))
        // Ten an hour; the eleventh is kept for later.
        for n in 1...10 { #expect(try Self.comment(ani, proposal, "Komentar ke-\(n)").status == 303) }
        let eleventh = try Self.comment(ani, proposal, "Komentar ke-11 <tetap>")
        #expect(eleventh.status == 422 && eleventh.body.contains("10 komentar dalam satu jam terakhir"))
        #expect(eleventh.body.contains(">Komentar ke-11 &lt;tetap&gt;</textarea>"))
        // Another resident is not limited by Ani's comments, and an hour later Ani may comment again.
        let budi = try Self.signedIn(world, "budi", 2)
        #expect(try Self.comment(budi, proposal, "Setuju.").status == 303)
        world.clock.advance(3601)
        #expect(try Self.comment(ani, proposal, "Komentar ke-11 <tetap>").status == 303)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM proposal_comments", as: Int64.self) } == 12)
    }

    @Test func noCommentWithoutTheTokenOrOnAnUnpublishedProposal() throws {
        let world = try PortalWorld()
        let (scene, proposal) = try Self.published(world)
        let ani = try Self.signedIn(world, "ani", 1)
        #expect(try ani.post("/usulan/\(proposal.trackingCode)/komentar", [("isi", "Tanpa token"), ("_csrf", "salah")], csrf: nil).status == 403)
        let page = try ani.get("/usulan/\(proposal.trackingCode)")
        #expect(try ani.post("/usulan/\(proposal.trackingCode)/komentar", [("isi", "Dari situs lain")], csrf: page.csrf,
                             headers: ["Origin": "http://jahat.example"]).status == 403)
        // Signed out: to the sign-in page.
        let visitor = world.browser()
        let visitorPage = try visitor.get("/usulan/\(proposal.trackingCode)")
        #expect(try visitor.post("/usulan/\(proposal.trackingCode)/komentar", [("isi", "Tamu")], csrf: visitorPage.csrf).status == 303)
        // A draft is not published: the same 404 as an unknown code.
        world.clock.set(ResidentScene.insidePra)
        let draft = try scene.residents.draft("Lampu Gang Melati", by: scene.residents.ani)
        world.clock.set(PublicProposalTests.published)
        #expect(try ani.post("/usulan/\(draft.trackingCode)/komentar", [("isi", "Draf")], csrf: page.csrf).status == 404)
        #expect(try ani.post("/usulan/TGS-2027-999999/komentar", [("isi", "Tidak ada")], csrf: page.csrf).status == 404)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM proposal_comments", as: Int64.self) } == 0)
    }

    @Test func aModeratorHidesACommentItsTextLeavesEveryPublicByteAndTheActIsLogged() throws {
        let world = try PortalWorld()
        let (_, proposal) = try Self.published(world)
        let secret = "Nomor HP pak RT 0812-RAHASIA-99"
        try Self.comment(try Self.signedIn(world, "ani", 1), proposal, secret)
        try Self.comment(try Self.signedIn(world, "budi", 2), proposal, "Komentar yang tetap tampil.")
        let id = try Self.commentId(world) - 1
        let lurah = try Self.signedIn(world, "verif.pk", 3)
        #expect(try lurah.get("/kerja").body.contains("href=\"/kerja/komentar\""))
        let queue = try lurah.get("/kerja/komentar")
        #expect(queue.status == 200 && queue.body.contains(secret) && queue.body.contains("action=\"/kerja/komentar/\(id)/sembunyikan\""))
        // A reason is required: 422 with the reason field marked.
        let noReason = try lurah.post("/kerja/komentar/\(id)/sembunyikan", [("alasan", " ")], csrf: queue.csrf)
        #expect(noReason.status == 422 && noReason.body.contains("Tulis alasan menyembunyikan komentar ini."))
        let hidden = try lurah.post("/kerja/komentar/\(id)/sembunyikan", [("alasan", "Memuat data pribadi <nomor telepon>.")], csrf: queue.csrf)
        #expect(hidden.status == 303 && hidden.location == "/kerja/komentar")
        // Every public byte: the page for a visitor and for residents, the tracking redirect, the home page.
        let visitor = world.browser()
        let pages = [try visitor.get("/usulan/\(proposal.trackingCode)"), try visitor.get("/lacak?kode=\(proposal.trackingCode)"),
                     try visitor.get("/"), try Self.signedIn(world, "budi", 4).get("/usulan/\(proposal.trackingCode)")]
        for page in pages {
            let bytes = String(decoding: page.bytes, as: UTF8.self) + page.headers.values("Location").joined()
            #expect(!bytes.contains("0812-RAHASIA-99"))
        }
        let page = pages[0].body
        #expect(page.contains("Komentar ini disembunyikan oleh moderator.") && page.contains("Memuat data pribadi &lt;nomor telepon&gt;."))
        #expect(page.contains("Komentar yang tetap tampil.") && page.contains("Komentar warga (2)"))
        // The row no longer holds the text; the moderation log holds who, in which role, why and what.
        let (body, log) = try world.database.read { db in
            (try db.scalar("SELECT body FROM proposal_comments WHERE id = ?", [id], as: String.self),
             try db.queryOne("SELECT m.actor_role, m.reason, m.original_body, a.username FROM comment_moderations m JOIN accounts a ON a.id = m.actor_account_id WHERE m.comment_id = ?", [id]))
        }
        #expect(body == nil)
        let entry = try #require(log)
        #expect(try entry.get("actor_role", as: String.self) == "verifikator_kelurahan" && (try entry.get("username", as: String.self)) == "verif.pk")
        #expect(try entry.get("reason", as: String.self) == "Memuat data pribadi <nomor telepon>.")
        #expect(try entry.get("original_body", as: String.self) == secret)
        // The log is append-only.
        #expect(throws: (any Error).self) { try world.database.write { db in try db.execute("DELETE FROM comment_moderations") } }
        // The queue shows it hidden, with its reason.
        let after = try lurah.get("/kerja/komentar")
        #expect(after.body.contains("Disembunyikan oleh moderator") && !after.body.contains("action=\"/kerja/komentar/\(id)/sembunyikan\""))
    }

    @Test func onlyAModeratorOfTheProposalsAreaHidesEvenWithForgedFields() throws {
        let world = try PortalWorld()
        let (scene, proposal) = try Self.published(world)
        try Self.comment(try Self.signedIn(world, "ani", 1), proposal, "Komentar di Pondok Karya.")
        let id = try Self.commentId(world)
        var n = 10
        func attempt(_ username: String, _ fields: [(String, String)]) throws -> Int {
            n += 1
            let browser = try Self.signedIn(world, username, n)
            let csrf = try browser.get("/peran").csrf
            return try browser.post("/kerja/komentar/\(id)/sembunyikan", fields, csrf: csrf).status
        }
        let forged: [(String, String)] = [("alasan", "Dipalsukan."), ("kelurahan", String(world.kelurahan.rawValue)),
                                          ("kelurahan_id", String(world.kelurahan.rawValue)), ("peran", "bappeda"),
                                          ("cakupan", "kelurahan:\(world.kelurahan.rawValue)")]
        // Another kelurahan's Lurah, another kecamatan's Camat, an OPD the proposal was not routed to: as if it did not exist.
        #expect(try attempt("verif.cp", [("alasan", "Bukan wilayah saya.")]) == 404)
        #expect(try attempt("verif.cp", forged) == 404)
        #expect(try attempt("camat.srp", forged) == 404)
        #expect(try attempt("opd.pu", forged) == 404)
        // Roles that do not moderate: refused.
        #expect(try attempt("rt01", forged) == 403)
        #expect(try attempt("budi", forged) == 403)
        #expect(try attempt("ani", forged) == 403)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM comment_moderations", as: Int64.self) } == 0)
        #expect(try world.browser().get("/usulan/\(proposal.trackingCode)").body.contains("Komentar di Pondok Karya."))
        // The other Lurah's queue does not list it; the kecamatan's Camat's and Bappeda's do.
        #expect(!(try Self.signedIn(world, "verif.cp", 30).get("/kerja/komentar").body.contains("Komentar di Pondok Karya.")))
        #expect(try Self.signedIn(world, "camat.cpt", 31).get("/kerja/komentar").body.contains("Komentar di Pondok Karya."))
        #expect(try Self.signedIn(world, "bappeda", 32).get("/kerja/komentar").body.contains("Komentar di Pondok Karya."))
        #expect(try Self.signedIn(world, "rt01", 33).get("/kerja/komentar").status == 403)
        // The engine holds the rule whatever the caller: the other Lurah as an actor is refused there too.
        #expect(throws: PersistenceError.self) { try world.service.hideComment(id, reason: "x", by: scene.otherKelurahanVerifier) }
        // The kecamatan's Camat may hide it.
        #expect(try attempt("camat.cpt", [("alasan", "Di luar topik.")]) == 303)
        #expect(try world.browser().get("/usulan/\(proposal.trackingCode)").body.contains("Di luar topik."))
    }
}
