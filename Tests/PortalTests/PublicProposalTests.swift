import Foundation
import Musrenbang
@testable import Portal
import Testing
import TestSupport

/// The public page of a proposal (`/usulan/{kode}`) and the tracking form (`/lacak`), read by visitors without an
/// account: only published proposals, only public data.
@Suite("The public proposal page and /lacak")
struct PublicProposalTests {
    /// 12 December 2026, 09.00 WIB: the kecamatan Musrenbang (11 - 16 December) has opened, proposals are public.
    static let published = WIBTime.date(year: 2026, month: 12, day: 12, hour: 9)

    /// Ani's proposal approved by her RT and RW heads, then refused by the kelurahan with a reason; the clock at
    /// `published` afterwards.
    static func decided(_ scene: ResidentScene, title: String = "Perbaikan jalan Gang Mawar") throws -> Proposal {
        let service = scene.world.service
        var proposal = try scene.propose(title, by: scene.ani)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: scene.rtHead, expectedVersion: proposal.version)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: scene.rwHead, expectedVersion: proposal.version)
        scene.world.clock.set(WIBTime.date(year: 2026, month: 12, day: 8, hour: 10, minute: 30))
        proposal = try service.apply(.tolak, to: .id(proposal.id), by: scene.verifier, expectedVersion: proposal.version,
                                     reason: "Sudah dianggarkan dinas tahun ini.")
        scene.world.clock.set(Self.published)
        return proposal
    }

    @Test func aPublishedProposalShowsItsFactsDecisionsAndTimeline() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try Self.decided(scene)
        let page = try world.browser().get("/usulan/\(proposal.trackingCode)")
        #expect(page.status == 200)
        let body = page.body
        // What, where, cost, bidang and kamus.
        #expect(body.contains("<h1>Perbaikan jalan Gang Mawar</h1>") && body.contains("Jalan berlubang, tergenang saat hujan."))
        #expect(body.contains("RT 01/RW 01, Kelurahan Pondok Karya, Kecamatan Ciputat Timur") && body.contains("<dd>Gang Mawar</dd>"))
        #expect(body.contains("Rp 42.000.000") && body.contains("Rp 350.000 per meter") && body.contains("120 meter"))
        #expect(body.contains("Fisik dan Prasarana") && body.contains("Perbaikan jalan lingkungan (fisik)"))
        #expect(body.contains("Warga RT 01/RW 01"))
        // Each level's decision with its reason, and the whole timeline in WIB.
        #expect(body.contains("Sudah dianggarkan dinas tahun ini."))
        #expect(body.contains("<span class=\"label\">Alasan:</span> Sudah dianggarkan dinas tahun ini."))
        #expect(body.contains("3 Desember 2026 09.00 WIB") && body.contains("8 Desember 2026 10.30 WIB"))
        #expect(body.contains("<strong>Pengusul</strong>: mengajukan usulan"))
        // Every public event of the proposal, one item each.
        let start = try #require(body.range(of: "<ol class=\"timeline\">"))
        let end = try #require(body[start.upperBound...].range(of: "</ol>"))
        let events = try world.service.publicProposal(.id(proposal.id), viewer: .public).events
        #expect(events.count >= 4)
        #expect(body[start.upperBound..<end.lowerBound].components(separatedBy: "<li>").count - 1 == events.count)
    }

    @Test func aPublishedProposalsPhotosAreShownSmallTheOriginalsStayPrivate() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        var draft = try scene.draft("Saluran Gang Melati", by: scene.ani)
        let photo = try world.service.addPhoto(to: .id(draft.id), fileName: "saluran.jpg", bytes: try TestPhotos.jpeg(width: 640, height: 480),
                                               by: scene.ani)
        draft = try world.service.apply(.ajukan, to: .id(draft.id), by: scene.ani, expectedVersion: draft.version)
        let visitor = world.browser()
        // Before publication the small version is as hidden as the proposal.
        #expect(try visitor.get("/foto/\(photo.id.rawValue)/kecil").status == 404)
        world.clock.set(Self.published)
        let page = try visitor.get("/usulan/\(draft.trackingCode)")
        #expect(page.status == 200)
        #expect(page.body.contains("<img src=\"/foto/\(photo.id.rawValue)/kecil\" width=\"\(photo.smallWidth)\""))
        #expect(!page.body.contains("href=\"/foto/\(photo.id.rawValue)\""))
        let small = try visitor.get("/foto/\(photo.id.rawValue)/kecil")
        #expect(small.status == 200 && small.headers["Content-Type"] == "image/jpeg")
        // The original as uploaded (it may carry the phone's metadata) stays with the proposer and the staff.
        #expect(try visitor.get("/foto/\(photo.id.rawValue)").status == 404)
        let ani = world.browser(address: "10.9.0.1:1")
        try ani.signIn("ani", world.password)
        #expect(try ani.get("/foto/\(photo.id.rawValue)").status == 200)
    }

    @Test func noPersonalDataOrAccountNameInAnyPublicByte() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try Self.decided(scene)
        let visitor = world.browser()
        let pages = [try visitor.get("/usulan/\(proposal.trackingCode)"),
                     try visitor.get("/lacak?kode=\(proposal.trackingCode)"),
                     try visitor.get("/lacak?kode=TGS-2027-999999"), try visitor.get("/lacak"), try visitor.get("/")]
        #expect(pages[0].status == 200 && pages[1].status == 303)
        for page in pages {
            let text = String(decoding: page.bytes, as: UTF8.self) + page.headers.values("Location").joined()
            for secret in [ResidentScene.aniNIK, ResidentScene.aniPhone, ResidentScene.aniEmail, "Ani Rahmawati", "Pak Harun", "Bu Sri",
                           "Budi Operator"] {
                #expect(!text.contains(secret), "\(secret) on a public page")
            }
        }
    }

    @Test func anUnpublishedProposalIsTheSame404AsAnUnknownCode() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let submitted = try scene.propose("Saluran Gang Kenanga", by: scene.ani)
        let draft = try scene.draft("Lampu Gang Melati", by: scene.ani)
        let unknown = "TGS-2027-999999"
        func check(signedIn username: String?) throws {
            let visitor = world.browser()
            if let username { try visitor.signIn(username, world.password) }
            let missing = try visitor.get("/usulan/\(unknown)")
            #expect(missing.status == 404 && missing.body.contains("Usulan tidak ditemukan") && missing.body.contains("Usulan saya"))
            for proposal in [submitted, draft] {
                let hidden = try visitor.get("/usulan/\(proposal.trackingCode)")
                #expect(hidden.status == 404 && hidden.body == missing.body)
                // The tracking form keeps the typed code; apart from it, the same page.
                let tracked = try visitor.get("/lacak?kode=\(proposal.trackingCode)")
                let trackedUnknown = try visitor.get("/lacak?kode=\(unknown)")
                #expect(tracked.status == 404 && trackedUnknown.status == 404)
                #expect(tracked.body.replacingOccurrences(of: proposal.trackingCode.description, with: "KODE")
                        == trackedUnknown.body.replacingOccurrences(of: unknown, with: "KODE"))
                #expect(!hidden.body.contains("Gang") && !tracked.body.contains("Gang"))
            }
        }
        try check(signedIn: nil)            // pra-Musrenbang: nothing is public yet
        try check(signedIn: "ani")          // not even to its proposer, here (her own page is /usulan/saya)
        try check(signedIn: "rt01")
        world.clock.set(Self.published)
        let nowPublic = try world.browser().get("/usulan/\(submitted.trackingCode)")
        #expect(nowPublic.status == 200 && nowPublic.body.contains("Saluran Gang Kenanga"))
        let stillDraft = try world.browser().get("/usulan/\(draft.trackingCode)")
        #expect(stillDraft.status == 404 && !stillDraft.body.contains("Lampu Gang Melati"))
    }

    @Test func lacakNormalisesTheTypedCodeAndRedirects() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try Self.decided(scene)
        let code = proposal.trackingCode
        #expect(code.sequence < 10)
        let visitor = world.browser()
        for typed in ["\(code)", "tgs 2027 \(code.sequence)", "tgs-2027-\(code.sequence)", " Tgs2027\(code.sequence) ",
                      "tgs - 2027 - 00000\(code.sequence)"] {
            let answer = try visitor.get("/lacak?kode=" + TestBrowser.encode(typed))
            #expect(answer.status == 303 && answer.location == "/usulan/\(code)", "\(typed)")
        }
        // A code in another spelling on the page's own address goes to its one address.
        let other = try visitor.get("/usulan/tgs-2027-\(code.sequence)")
        #expect(other.status == 303 && other.location == "/usulan/\(code)")
        // The empty form.
        let form = try visitor.get("/lacak")
        #expect(form.status == 200 && form.body.contains("name=\"kode\"") && form.body.contains("method=\"get\""))
    }

    @Test func aMalformedCodeIs422WithTheFormatAndTheTypedTextKept() throws {
        let world = try PortalWorld()
        let visitor = world.browser()
        for typed in ["abc", "TGS-27-1", "TGS-2027-0000000", "TGS-2027-000000", "1234-2027-000001", "\"><script>x</script>"] {
            let answer = try visitor.get("/lacak?kode=" + TestBrowser.encode(typed))
            #expect(answer.status == 422, "\(typed)")
            #expect(answer.body.contains("Ada yang perlu diperbaiki") && answer.body.contains("misalnya TGS-2027-000123"))
            #expect(answer.body.contains("value=\"\(HTML.escape(typed))\""), "\(typed)")
            #expect(!answer.body.contains("<script>x"))
        }
        #expect(try visitor.get("/usulan/bukan-kode").status == 404)
    }

    @Test func typedCodesParseOnlyAsOneCode() {
        #expect(TypedTrackingCode.parse("tgs 2027 123")?.description == "TGS-2027-000123")
        #expect(TypedTrackingCode.parse("TGS-2027-000123")?.description == "TGS-2027-000123")
        #expect(TypedTrackingCode.parse("tgs.2027/123")?.description == "TGS-2027-000123")
        #expect(TypedTrackingCode.parse("TGS2027999999")?.description == "TGS-2027-999999")
        #expect(TypedTrackingCode.parse("TGS 2027") == nil)
        #expect(TypedTrackingCode.parse("TGS 2027 1234567") == nil)
        #expect(TypedTrackingCode.parse("TGS 2027 0") == nil)
        #expect(TypedTrackingCode.parse("T 2027 1") == nil)
        #expect(TypedTrackingCode.parse("TGS 2027 12a") == nil)
        #expect(TypedTrackingCode.parse("TGS 2027 ١٢٣") == nil)
        #expect(TypedTrackingCode.parse("") == nil)
    }

    @Test func aTitleWithMarkupAndQuotesIsEscaped() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try Self.decided(scene, title: "Jalan \"Mawar\" <script>alert('x')</script>")
        let page = try world.browser().get("/usulan/\(proposal.trackingCode)")
        #expect(page.status == 200)
        #expect(!page.body.contains("<script>alert"))
        #expect(page.body.contains("<h1>Jalan &quot;Mawar&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"))
        #expect(page.body.contains("<title>Jalan &quot;Mawar&quot; &lt;script&gt;"))
    }

    @Test func exactRoutesUnderUsulanStillWinOverTheCode() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let draft = try scene.draft("Lampu Gang Melati", by: scene.ani)
        let visitor = world.browser()
        #expect(try visitor.get("/usulan/baru").location == "/masuk?kembali=/usulan/baru")
        #expect(try visitor.get("/usulan/saya").location == "/masuk?kembali=/usulan/saya")
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let new = try ani.get("/usulan/baru")
        #expect(new.status == 200 && !new.body.contains("Usulan tidak ditemukan"))
        let mine = try ani.get("/usulan/saya")
        #expect(mine.status == 200 && mine.body.contains("Lampu Gang Melati"))
        #expect(try ani.get("/usulan/\(draft.trackingCode)/ubah").status == 200)
    }

    @Test func homeHeaderAndFooterLinkTheTrackingForm() throws {
        let world = try PortalWorld()
        let home = try world.browser().get("/")
        #expect(home.body.components(separatedBy: "href=\"/lacak\"").count - 1 >= 3)
        #expect(home.body.contains("action=\"/lacak\""))
    }
}
