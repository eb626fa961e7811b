import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage
import Testing
import TestSupport

/// Feedback in the portal, in-process: the public form without script (CSRF, the limit per address, the hidden field
/// and the signed fill time), the confirmation and the public pages (never a byte of the sender's name or contact),
/// escaping, the staff's desk with its scope (also against forged form fields) and its 409 on a stale version.
@Suite("Feedback (saran / pengaduan) in the portal")
struct FeedbackPortalTests {
    static let text = "Saluran di Gang Melati RT 01 tersumbat sampah sejak Januari; air meluap ke jalan."

    /// The fields of a complete complaint about Pondok Karya.
    static func fields(_ world: PortalWorld, text: String = text, name: String = "Siti Rahasia", contact: String = "0812-9999-8888",
                       category: String = "lingkungan") -> [(String, String)] {
        [("jenis", "pengaduan"), ("kategori", category), ("wilayah", "kelurahan:\(world.kelurahan.rawValue)"), ("uraian", text),
         ("nama", name), ("kontak", contact), ("situs", "")]
    }

    /// Opens the form, lets `seconds` pass (a person filling it in), and sends `fields` with the form's stamp and token.
    static func send(_ world: PortalWorld, _ browser: TestBrowser, _ fields: [(String, String)], seconds: TimeInterval = 20,
                     headers: [String: String] = ["Origin": "http://portal.test"]) throws -> TestBrowser.Page {
        let form = try browser.get("/saran")
        #expect(form.status == 200)
        world.clock.advance(seconds)
        let stamp = try #require(form.hidden("cap"))
        return try browser.post("/saran", fields + (fields.contains { $0.0 == "cap" } ? [] : [("cap", stamp)]), csrf: form.csrf, headers: headers)
    }

    static func stored(_ world: PortalWorld) throws -> Int {
        try world.database.read { db in try db.scalar("SELECT count(*) FROM feedback") ?? 0 }
    }

    // MARK: The public form

    @Test func aVisitorSendsFeedbackWithoutScriptAndGetsItsCode() throws {
        let world = try PortalWorld()
        let visitor = world.browser()
        let form = try visitor.get("/saran")
        #expect(form.status == 200 && form.body.contains("<form method=\"post\" action=\"/saran\" enctype=\"multipart/form-data\""))
        #expect(form.body.contains("name=\"_csrf\"") && form.body.contains("name=\"cap\"") && form.body.contains("<div class=\"hp\">"))
        #expect(form.body.contains("<option value=\"kelurahan:\(world.kelurahan.rawValue)\">Kelurahan Pondok Karya</option>"))
        #expect(form.body.contains("<option value=\"kota\">Seluruh Kota Tangerang Selatan</option>"))
        #expect(!form.body.contains("<script"), "no script needed")
        let sent = try Self.send(world, visitor, Self.fields(world))
        #expect(sent.status == 303 && sent.location == "/saran/terkirim/SRN-2026-000001")
        let confirmation = try visitor.get("/saran/terkirim/SRN-2026-000001")
        #expect(confirmation.status == 200 && confirmation.body.contains("<p class=\"code\">SRN-2026-000001</p>"))
        #expect(confirmation.body.contains("<strong>Kelurahan Pondok Karya</strong>"))
        let item = try visitor.get("/saran/SRN-2026-000001")
        #expect(item.status == 200 && item.body.contains(Self.text) && item.body.contains("Lingkungan"))
        #expect(item.body.contains("Kelurahan Pondok Karya, Kecamatan Ciputat Timur") && item.body.contains("<span class=\"badge waiting\">Baru</span>"))
        #expect(item.body.contains("Belum dijawab."))
        #expect(try world.service.feedbackForDesk(try #require(FeedbackCode(parsing: "SRN-2026-000001")),
                                                  viewer: Actor(accountId: AccountID(2), role: .operatorKelurahan,
                                                                scope: .kelurahan(world.kelurahan))).item.senderContact == "+6281299998888")
        // A code typed another way goes to its one address; an unknown one is a 404 with the tracking form.
        #expect(try visitor.get("/saran/srn-2026-1").location == "/saran/SRN-2026-000001")
        #expect(try visitor.get("/saran/SRN-2026-000099").status == 404)
        #expect(try visitor.get("/saran/terkirim/SRN-2026-000099").status == 404)
    }

    @Test func everyErrorAtOnceWithEveryAnswerKept() throws {
        let world = try PortalWorld()
        let visitor = world.browser()
        let refused = try Self.send(world, visitor, [("jenis", ""), ("kategori", "bukan"), ("wilayah", "kelurahan:9999"), ("uraian", "Pendek"),
                                                     ("nama", "Budi"), ("kontak", "rumah saya")])
        #expect(refused.status == 422 && refused.body.contains("Ada yang perlu diperbaiki"))
        for anchor in ["#jenis", "#kategori", "#uraian", "#kontak"] { #expect(refused.body.contains("href=\"\(anchor)\""), "\(anchor)") }
        #expect(refused.body.contains(">Pendek</textarea>") && refused.body.contains("value=\"rumah saya\"") && refused.body.contains("value=\"Budi\""))
        // The unknown area is the engine's to refuse once the rest is right.
        let area = try Self.send(world, visitor, Self.fields(world).map { $0.0 == "wilayah" ? ("wilayah", "kelurahan:9999") : $0 })
        #expect(area.status == 422 && area.body.contains("href=\"#wilayah\""))
        #expect(try Self.stored(world) == 0)
    }

    @Test func theHiddenFieldAndTheFillTimeStopScripts() throws {
        let world = try PortalWorld()
        let script = world.browser(address: "10.6.0.1:1")
        let honeypot = try Self.send(world, script, Self.fields(world).map { $0.0 == "situs" ? ("situs", "http://iklan.example") : $0 })
        #expect(honeypot.status == 422 && honeypot.body.contains("Jangan isi kolom ini"))
        #expect(!honeypot.body.contains("iklan.example"), "the hidden field comes back empty")
        let tooFast = try Self.send(world, script, Self.fields(world), seconds: 1)
        #expect(tooFast.status == 422 && tooFast.body.contains("terlalu cepat") && tooFast.body.contains(Self.text))
        let forged = try Self.send(world, script, Self.fields(world) + [("cap", "1700000000.00ff")])
        #expect(forged.status == 422 && forged.body.contains("terlalu lama terbuka"))
        let missing = try script.post("/saran", Self.fields(world), csrf: try script.get("/saran").csrf)
        #expect(missing.status == 422)
        let stale = try Self.send(world, script, Self.fields(world), seconds: 25 * 3600)
        #expect(stale.status == 422 && stale.body.contains("terlalu lama terbuka"))
        #expect(try Self.stored(world) == 0)
        // The stamp a refused form carries back lets the person send it (the fill time already passed, or a new one).
        world.clock.advance(5)
        let again = try script.post("/saran", Self.fields(world) + [("cap", try #require(stale.hidden("cap")))], csrf: stale.csrf)
        #expect(again.status == 303)
        // Without the form's token, or from another site: refused before anything else.
        let form = try script.get("/saran")
        world.clock.advance(10)
        #expect(try script.post("/saran", Self.fields(world) + [("cap", try #require(form.hidden("cap")))], csrf: "0" + String(repeating: "a", count: 63)).status == 403)
        #expect(try script.post("/saran", Self.fields(world) + [("cap", try #require(form.hidden("cap")))], csrf: form.csrf,
                                headers: ["Origin": "http://lain.example"]).status == 403)
        #expect(try Self.stored(world) == 1)
    }

    @Test func fivePerHourPerAddress() throws {
        let world = try PortalWorld()
        let neighbour = world.browser(address: "10.7.0.1:5000")
        for index in 1...5 {
            #expect(try Self.send(world, neighbour, Self.fields(world, text: Self.text + " (\(index))")).status == 303)
            // A refused form does not use up a place.
            if index == 2 { #expect(try Self.send(world, neighbour, [("uraian", "x")]).status == 422) }
        }
        let sixth = try Self.send(world, neighbour, Self.fields(world, text: "Pengaduan keenam tentang lampu jalan yang mati."))
        #expect(sixth.status == 429 && sixth.headers["Retry-After"] != nil)
        #expect(sixth.body.contains("sudah terkirim 5 saran atau pengaduan dalam satu jam terakhir") && sixth.body.contains("Pengaduan keenam"))
        #expect(try Self.stored(world) == 5)
        // Another address (even on the same port) is not held back; an hour after the first, the address may send again.
        #expect(try Self.send(world, world.browser(address: "10.7.0.2:5000"), Self.fields(world)).status == 303)
        world.clock.advance(3600)
        #expect(try Self.send(world, neighbour, Self.fields(world)).status == 303)
    }

    @Test func behindTheProxyTheForwardedAddressCounts() throws {
        let world = try PortalWorld()
        let proxy = world.browser(address: "127.0.0.1:41000")
        func via(_ client: String) throws -> Int {
            try Self.send(world, proxy, Self.fields(world), headers: ["Origin": "http://portal.test", "X-Forwarded-For": "203.0.113.9, \(client)"]).status
        }
        for _ in 1...5 { #expect(try via("198.51.100.1") == 303) }
        #expect(try via("198.51.100.1") == 429)
        #expect(try via("198.51.100.2") == 303, "another client behind the same proxy")
        // A client that is not the proxy cannot choose its address with the header.
        let direct = world.browser(address: "10.8.0.1:1")
        for _ in 1...5 {
            #expect(try Self.send(world, direct, Self.fields(world), headers: ["Origin": "http://portal.test", "X-Forwarded-For": "192.0.2.\(Int.random(in: 1...250))"]).status == 303)
        }
        #expect(try Self.send(world, direct, Self.fields(world), headers: ["Origin": "http://portal.test", "X-Forwarded-For": "192.0.2.251"]).status == 429)
        #expect(ClientAddress.limitKey("2001:db8:1:2:3:4:5:6") == ClientAddress.limitKey("2001:db8:1:2:ffff::1"))
        #expect(ClientAddress.limitKey("2001:db8:1:2::") == "2001:db8:1:2::/64" && ClientAddress.limitKey("10.0.0.1") == "10.0.0.1")
    }

    // MARK: What the public sees

    @Test func theSendersNameAndContactAreInNoPublicByte() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let ani = try VerificationTests.signedIn(world, "ani", "10.9.0.1:1")
        let photo = MultipartFile(field: "foto", fileName: "saluran.jpg", contentType: "image/jpeg", bytes: try TestPhotos.jpeg(width: 800, height: 600))
        let form = try ani.get("/saran")
        #expect(form.body.contains("Anda masuk sebagai Ani Rahmawati"))
        world.clock.advance(30)
        let sent = try ani.postMultipart("/saran", Self.fields(world) + [("cap", try #require(form.hidden("cap")))], files: [photo], csrf: form.csrf)
        #expect(sent.status == 303)
        let location = try #require(sent.location)
        let code = try #require(FeedbackCode(parsing: String(location.dropFirst("/saran/terkirim/".count))))
        let item = try world.service.feedbackForDesk(code, viewer: scene.bappeda)
        #expect(item.item.accountId == scene.residents.ani.accountId && item.item.photo != nil)
        _ = try world.service.answerFeedback(code, answer: "Saluran sudah dibersihkan petugas.", expectedVersion: 1, by: scene.kelurahanVerifier)
        // Ani sent it signed in: the answer is among her notifications, linked to the item's public page.
        let notifications = try ani.get("/notifikasi")
        #expect(notifications.body.contains("Saran \(code) sudah dijawab") && notifications.body.contains("Saluran sudah dibersihkan petugas."))
        let visitor = world.browser(address: "10.9.0.2:1")
        let pages = try ["/saran/\(code)", "/saran/terkirim/\(code)", "/saran/daftar", "/saran/daftar?kategori=lingkungan", "/saran/statistik",
                         "/saran/statistik?tahun=2026", "/saran/lacak?kode=\(code)", "/saran/\(code)/foto", "/saran", "/", "/lacak"]
            .map { try visitor.get($0) }
        #expect(pages[0].status == 200 && pages[0].body.contains("Saluran sudah dibersihkan petugas.") && pages[0].body.contains("<img src=\"/saran/\(code)/foto\""))
        #expect(pages[2].body.contains(code.description) && pages[7].status == 200 && pages[7].headers["Content-Type"] == "image/jpeg")
        let secrets = ["Siti Rahasia", "+6281299998888", "0812-9999-8888", "08129999", "Ani Rahmawati", ResidentScene.aniNIK,
                       ResidentScene.aniPhone, ResidentScene.aniEmail, "Lurah Pondok Karya"]
        for page in pages {
            let bytes = String(decoding: page.bytes, as: UTF8.self) + page.headers.values("Location").joined()
            for secret in secrets { #expect(!bytes.contains(secret), "\(secret) in a public byte") }
        }
        // The staff who answer it see them (marked as personal data); the original photo too.
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.9.0.3:1")
        let desk = try bappeda.get("/kerja/saran/\(code)")
        #expect(desk.status == 200 && desk.body.contains("Siti Rahasia") && desk.body.contains("+6281299998888") && desk.body.contains("Data pribadi"))
        #expect(try bappeda.get("/kerja/saran/\(code)/foto").bytes == photo.bytes)
        #expect(try visitor.get("/kerja/saran/\(code)/foto").status == 303)
    }

    @Test func whatPeopleTypeIsEscapedEverywhere() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let attack = "<script>alert(\"x\")</script> & 'kutip' di Gang Melati"
        let visitor = world.browser()
        let refused = try Self.send(world, visitor, Self.fields(world, text: attack, name: "<b>Nama</b>", contact: "\"><img src=x>"))
        #expect(refused.status == 422)
        #expect(!refused.body.contains("<script>alert") && !refused.body.contains("<b>Nama</b>") && !refused.body.contains("\"><img src=x>"))
        #expect(refused.body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ") && refused.body.contains("value=\"&quot;&gt;&lt;img src=x&gt;\""))
        let sent = try Self.send(world, visitor, Self.fields(world, text: attack, name: "<b>Nama</b>"))
        #expect(sent.status == 303)
        let code = try #require(FeedbackCode(parsing: "SRN-2026-000001"))
        _ = try world.service.answerFeedback(code, answer: "<i>Terima kasih</i> & \"segera\"", expectedVersion: 1, by: scene.kelurahanVerifier)
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.9.1.3:1")
        for page in [try visitor.get("/saran/\(code)"), try visitor.get("/saran/daftar"), try bappeda.get("/kerja/saran/\(code)"),
                     try bappeda.get("/kerja/saran?status=semua")] {
            #expect(page.status == 200)
            #expect(!page.body.contains("<script>alert") && !page.body.contains("<i>Terima kasih</i>") && !page.body.contains("<b>Nama</b>"))
        }
        #expect(try visitor.get("/saran/\(code)").body.contains("&lt;i&gt;Terima kasih&lt;/i&gt; &amp; &quot;segera&quot;"))
        #expect(try visitor.get("/saran/lacak?kode=%3Cscript%3E").body.contains("value=\"&lt;script&gt;\""))
    }

    @Test func trackingByCode() throws {
        let world = try PortalWorld()
        let visitor = world.browser()
        #expect(try Self.send(world, visitor, Self.fields(world)).status == 303)
        #expect(try visitor.get("/saran/lacak").status == 200)
        for typed in ["srn-2026-1", "SRN 2026 000001", "srn2026000001"] {
            #expect(try visitor.get("/saran/lacak?kode=" + TestBrowser.encode(typed)).location == "/saran/SRN-2026-000001", "\(typed)")
        }
        #expect(try visitor.get("/saran/lacak?kode=TGS-2027-000001").status == 422)
        let unknown = try visitor.get("/saran/lacak?kode=SRN-2026-000002")
        #expect(unknown.status == 404 && unknown.body.contains("value=\"SRN-2026-000002\""))
    }

    @Test func theAnsweredListAndTheStatistics() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        for index in 1...3 { #expect(try Self.send(world, world.browser(address: "10.10.0.\(index):1"), Self.fields(world, text: Self.text + " #\(index)")).status == 303) }
        #expect(try Self.send(world, world.browser(address: "10.10.0.9:1"),
                              Self.fields(world, text: "Jalan di depan pasar berlubang besar.", category: "infrastruktur")).status == 303)
        let codes = (1...4).map { try! FeedbackCode(year: 2026, sequence: $0) }
        world.clock.advance(2 * 86_400)
        _ = try world.service.answerFeedback(codes[0], answer: "Sudah dibersihkan.", expectedVersion: 1, by: scene.kelurahanVerifier)
        _ = try world.service.answerFeedback(codes[3], answer: "Dijadwalkan.", expectedVersion: 1, by: scene.kelurahanVerifier)
        _ = try world.service.closeFeedback(codes[3], note: "Berisi nomor rumah warga lain.", hide: true, expectedVersion: 2, by: scene.kelurahanVerifier)
        _ = try world.service.closeFeedback(codes[1], note: "Sama dengan \(codes[0]).", expectedVersion: 1, by: scene.kelurahanVerifier)
        let visitor = world.browser()
        let list = try visitor.get("/saran/daftar")
        #expect(list.status == 200 && list.body.contains(codes[0].description) && list.body.contains("Sudah dibersihkan."))
        #expect(!list.body.contains(codes[1].description) && !list.body.contains(codes[2].description), "not answered")
        #expect(!list.body.contains(codes[3].description), "hidden")
        #expect(try visitor.get("/saran/daftar?kategori=infrastruktur").body.contains("Belum ada saran kategori Infrastruktur yang dijawab."))
        let hidden = try visitor.get("/saran/\(codes[3])")
        #expect(hidden.status == 200 && !hidden.body.contains("pasar berlubang") && hidden.body.contains("disembunyikan oleh petugas: Berisi nomor rumah warga lain."))
        #expect(hidden.body.contains("Dijadwalkan."), "the answer stays public")
        let closed = try visitor.get("/saran/\(codes[1])")
        #expect(closed.body.contains("Ditutup tanpa jawaban") && closed.body.contains("Sama dengan \(codes[0])."))
        let statistics = try visitor.get("/saran/statistik")
        #expect(statistics.status == 200 && statistics.body.contains("4 saran dan pengaduan: 2 dijawab (50%), 1 menunggu jawaban; median waktu menjawab 2,0 hari."))
        #expect(statistics.body.contains("Pengaduan terbanyak: <strong>Lingkungan</strong> (3 pengaduan)."))
        #expect(statistics.body.contains("<th scope=\"row\">Kelurahan Pondok Karya</th><td class=\"num\">4</td>"))
        #expect(statistics.body.contains("<caption>Menurut kategori</caption>"))
    }

    // MARK: The staff's desk

    @Test func theKelurahanAnswersItsOwnAndNoOtherUnitsEvenWithForgedFields() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        #expect(try Self.send(world, world.browser(), Self.fields(world)).status == 303)
        // Feedback about the other kelurahan of the kecamatan: Cempaka Putih's.
        #expect(try Self.send(world, world.browser(address: "10.11.0.2:1"),
                              Self.fields(world).map { $0.0 == "wilayah" ? ("wilayah", "kelurahan:\(scene.otherKelurahan.rawValue)") : $0 }).status == 303)
        let mine = "SRN-2026-000001", theirs = "SRN-2026-000002"
        let lurah = try VerificationTests.signedIn(world, "verif.pk", "10.11.0.3:1")
        let queue = try lurah.get("/kerja/saran")
        #expect(queue.status == 200 && queue.body.contains(mine) && !queue.body.contains(theirs))
        #expect(queue.body.contains("Menunggu jawaban <span class=\"count\">1</span>"))
        #expect(try lurah.get("/kerja/saran/\(theirs)").status == 404)
        let page = try lurah.get("/kerja/saran/\(mine)")
        #expect(page.status == 200 && page.body.contains("action=\"/kerja/saran/\(mine)/jawab\""))
        // Another unit's item, with every field a forger could add: 404 and nothing changes.
        let before = try world.service.publicFeedback(try #require(FeedbackCode(parsing: theirs)))
        for action in ["jawab", "teruskan", "tutup"] {
            let forged = try lurah.post("/kerja/saran/\(theirs)/\(action)", [
                ("versi", "1"), ("jawaban", "Jawaban palsu"), ("tujuan", "kelurahan:\(world.kelurahan.rawValue)"), ("catatan", "x"),
                ("alasan", "x"), ("unit", "kelurahan:\(world.kelurahan.rawValue)"), ("kode", mine),
            ], csrf: page.csrf)
            #expect(forged.status == 404, "\(action)")
        }
        #expect(try world.service.publicFeedback(try #require(FeedbackCode(parsing: theirs))).steps == before.steps)
        // An empty answer: the page again with the message beside the field.
        let empty = try lurah.post("/kerja/saran/\(mine)/jawab", [("versi", "1"), ("jawaban", " ")], csrf: page.csrf)
        #expect(empty.status == 422 && empty.body.contains("id=\"jawaban-error\""))
        let answered = try lurah.post("/kerja/saran/\(mine)/jawab", [("versi", "1"), ("jawaban", "Sudah dibersihkan Senin lalu.")], csrf: page.csrf)
        #expect(answered.status == 303 && answered.location == "/kerja/saran")
        #expect(try lurah.get("/kerja/saran").body.contains("Saran \(mine) sudah dijawab"))
        let publicPage = try world.browser().get("/saran/\(mine)")
        #expect(publicPage.body.contains("Jawaban Kelurahan Pondok Karya") && publicPage.body.contains("Sudah dibersihkan Senin lalu."))
        // Residents are refused the desk; visitors are sent to sign in.
        let resident = try VerificationTests.signedIn(world, "ani", "10.11.0.4:1")
        #expect(try resident.get("/kerja/saran").status == 403)
        #expect(try world.browser().get("/kerja/saran").location == "/masuk?kembali=/kerja/saran")
        // The staff home counts what waits.
        let other = try VerificationTests.signedIn(world, "verif.cp", "10.11.0.5:1")
        #expect(try other.get("/kerja").body.contains("<strong>1</strong> saran atau pengaduan menunggu jawaban"))
    }

    @Test func aStaleVersionIsA409() throws {
        let world = try PortalWorld()
        _ = try world.verifiers()
        #expect(try Self.send(world, world.browser(), Self.fields(world)).status == 303)
        let code = "SRN-2026-000001"
        let lurah = try VerificationTests.signedIn(world, "verif.pk", "10.12.0.1:1")
        let operatorKelurahan = try VerificationTests.signedIn(world, "opkel.pk", "10.12.0.2:1")
        let lurahPage = try lurah.get("/kerja/saran/\(code)")
        let operatorPage = try operatorKelurahan.get("/kerja/saran/\(code)")
        #expect(try lurah.post("/kerja/saran/\(code)/teruskan", [("versi", "1"), ("tujuan", "bappeda"), ("catatan", "Soal jadwal musyawarah.")],
                               csrf: lurahPage.csrf).status == 303)
        // The operator's page is stale, and the item has left their unit: 409, nothing saved, its public state shown.
        let stale = try operatorKelurahan.post("/kerja/saran/\(code)/jawab", [("versi", "1"), ("jawaban", "Terlambat.")], csrf: operatorPage.csrf)
        #expect(stale.status == 409 && stale.body.contains("Data sudah berubah") && stale.body.contains("di Bappeda"))
        #expect(try world.browser().get("/saran/\(code)").body.contains("Diteruskan dari Kelurahan Pondok Karya ke Bappeda"))
        #expect(!(try world.browser().get("/saran/\(code)").body.contains("Soal jadwal musyawarah")), "the forwarding note is for staff")
        // Bappeda sees the note, answers; a second press of the same form is a 409 too.
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.12.0.3:1")
        let page = try bappeda.get("/kerja/saran/\(code)")
        #expect(page.body.contains("Soal jadwal musyawarah."))
        #expect(try bappeda.post("/kerja/saran/\(code)/jawab", [("versi", "2"), ("jawaban", "Jadwal diumumkan pekan depan.")], csrf: page.csrf).status == 303)
        let again = try bappeda.post("/kerja/saran/\(code)/jawab", [("versi", "2"), ("jawaban", "Jadwal diumumkan pekan depan.")], csrf: page.csrf)
        #expect(again.status == 409 && again.body.contains("Lihat saran"))
        // A form that no longer fits the status at the right version: 409 with the rule.
        let invalid = try bappeda.post("/kerja/saran/\(code)/teruskan", [("versi", "3"), ("tujuan", "kelurahan:\(world.kelurahan.rawValue)"), ("catatan", "x")],
                                       csrf: page.csrf)
        #expect(invalid.status == 409 && invalid.body.contains("tidak dapat dilakukan lagi"))
        let closed = try bappeda.post("/kerja/saran/\(code)/tutup", [("versi", "3")], csrf: page.csrf)
        #expect(closed.status == 303)
        #expect(try bappeda.get("/kerja/saran/\(code)").body.contains("sudah ditutup; tidak ada tindakan lagi"))
    }

    @Test func forwardingToAnAgencyAndBappedasFilters() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        #expect(try Self.send(world, world.browser(), Self.fields(world, category: "infrastruktur")).status == 303)
        let code = "SRN-2026-000001"
        let lurah = try VerificationTests.signedIn(world, "verif.pk", "10.13.0.1:1")
        let page = try lurah.get("/kerja/saran/\(code)")
        #expect(page.body.contains("<option value=\"opd:\(scene.opd.rawValue)\">Dinas Pekerjaan Umum dan Penataan Ruang (DPUPR)</option>"))
        let refused = try lurah.post("/kerja/saran/\(code)/teruskan", [("versi", "1"), ("tujuan", ""), ("catatan", "")], csrf: page.csrf)
        #expect(refused.status == 422 && refused.body.contains("href=\"#tujuan\"") && refused.body.contains("href=\"#catatan\""))
        let forwarded = try lurah.post("/kerja/saran/\(code)/teruskan", [("versi", "1"), ("tujuan", "opd:\(scene.opd.rawValue)"),
                                                                          ("catatan", "Jalan kota.")], csrf: page.csrf)
        #expect(forwarded.status == 303)
        #expect(try lurah.get("/kerja/saran").body.contains("diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang (DPUPR)"))
        #expect(try lurah.get("/kerja/saran/\(code)").status == 404, "no longer the kelurahan's")
        let agency = try VerificationTests.signedIn(world, "opd.pu", "10.13.0.2:1")
        #expect(try agency.get("/kerja/saran").body.contains(code))
        #expect(try VerificationTests.signedIn(world, "opd.kes", "10.13.0.3:1").get("/kerja/saran/\(code)").status == 404)
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.13.0.4:1")
        #expect(try bappeda.get("/kerja/saran?status=menunggu&unit=opd:\(scene.opd.rawValue)").body.contains(code))
        #expect(!(try bappeda.get("/kerja/saran?status=menunggu&unit=opd:\(scene.otherOPD.rawValue)").body.contains(code)))
        // A unit filter in the address means nothing to a unit's own staff.
        #expect(!(try lurah.get("/kerja/saran?status=semua&unit=opd:\(scene.opd.rawValue)").body.contains(code)))
    }
}
