import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("Resident registration (/daftar) through the portal's routes")
struct RegistrationTests {
    typealias Field = ResidentRegistration.Field

    /// A second kelurahan and a second RW of Pondok Karya, with their RTs.
    struct Areas {
        let rw1: RWID, rt1: RTID
        let rw2: RWID, rw2RTs: [RTID]
        let otherKelurahan: KelurahanID, otherRW: RWID, otherRT: RTID
    }

    static func areas(_ world: PortalWorld) throws -> Areas {
        try world.database.write { db in
            let wilayah = WilayahRepository(db)
            let rw1 = try #require(try wilayah.rw(kelurahanId: world.kelurahan, number: 1))
            let rt1 = try #require(try wilayah.rt(rwId: rw1.id, number: 1))
            let rw2 = try wilayah.insertRW(kelurahanId: world.kelurahan, number: 2)
            let rw2RTs = [try wilayah.insertRT(rwId: rw2, number: 7), try wilayah.insertRT(rwId: rw2, number: 8)]
            let other = try wilayah.insertKelurahan(kecamatanId: world.kecamatan, code: "CT", name: "Cempaka Putih")
            let otherRW = try wilayah.insertRW(kelurahanId: other, number: 3)
            let otherRT = try wilayah.insertRT(rwId: otherRW, number: 4)
            return Areas(rw1: rw1.id, rt1: rt1.id, rw2: rw2, rw2RTs: rw2RTs, otherKelurahan: other, otherRW: otherRW, otherRT: otherRT)
        }
    }

    static func fields(_ world: PortalWorld, rw: RWID, rt: RTID, username: String = "siti.aminah", phone: String = "0812 3456 7890",
                       nik: String = "") -> [(String, String)] {
        [(Field.kelurahan, "\(world.kelurahan.rawValue)"), (Field.rw, "\(rw.rawValue)"), (Field.rt, "\(rt.rawValue)"),
         (Field.fullName, "Siti Aminah"), (Field.phone, phone), (Field.email, ""), (Field.nik, nik), (Field.username, username),
         (Field.password, "jalan-kenanga-12"), (Field.passwordConfirmation, "jalan-kenanga-12")]
    }

    @Test func aResidentRegistersStepByStepAndIsSignedIn() throws {
        let world = try PortalWorld()
        let areas = try Self.areas(world)
        let browser = world.browser()
        let form = try browser.get("/daftar")
        #expect(form.status == 200 && form.body.contains("<select id=\"kelurahan\" name=\"kelurahan\""))
        #expect(form.body.contains("<optgroup label=\"Kecamatan Ciputat Timur\">") && !form.body.contains("id=\"rw\""))
        let withRW = try browser.post("/daftar", [(Field.kelurahan, "\(world.kelurahan.rawValue)"), ("langkah", "1")], csrf: form.csrf)
        #expect(withRW.status == 200 && withRW.body.contains("id=\"rw\"") && !withRW.body.contains("id=\"rt\""))
        #expect(!withRW.body.contains("Ada yang perlu diperbaiki"))                         // a step checks nothing yet
        let withRT = try browser.post("/daftar", [(Field.kelurahan, "\(world.kelurahan.rawValue)"), (Field.rw, "\(areas.rw1.rawValue)"),
                                                  ("langkah", "1")], csrf: form.csrf)
        #expect(withRT.status == 200 && withRT.body.contains("<select id=\"rt\" name=\"rt\"") && !withRT.body.contains("name=\"langkah\""))
        let done = try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1), csrf: form.csrf)
        #expect(done.status == 303 && done.location == "/" && browser.cookies["sesi"] != nil)
        let home = try browser.get("/")
        #expect(home.body.contains("Akun Anda sudah dibuat") && home.body.contains("Masuk sebagai <strong>Siti Aminah</strong>"))
        #expect(home.body.contains("<span class=\"role\">Warga</span>"))
        #expect(!(try browser.get("/").body.contains("Akun Anda sudah dibuat")))         // the flash is shown once
        let account = try #require(try world.service.authenticateAccount(username: "siti.aminah", password: "jalan-kenanga-12"))
        #expect(account.homeRtId == areas.rt1 && account.roles.map(\.role) == [.warga] && account.phone == "+6281234567890")
        #expect(try browser.get("/daftar").status == 303)                                   // signed in: nothing to register
    }

    @Test func aFormWithEveryFieldWrongGetsEveryErrorAndKeepsWhatWasTyped() throws {
        let world = try PortalWorld()
        let browser = world.browser()
        let csrf = try browser.get("/daftar").csrf
        let page = try browser.post("/daftar", [
            (Field.kelurahan, ""), (Field.fullName, "  "), (Field.phone, "021-7890 <b>"), (Field.email, "siti\"@contoh"),
            (Field.nik, "9912345678901234"), (Field.username, "siti aminah"), (Field.password, "bismillah"),
            (Field.passwordConfirmation, "rahasia-lain-99"),
        ], csrf: csrf)
        #expect(page.status == 422 && page.body.contains("Ada yang perlu diperbaiki"))
        for field in ResidentRegistration.Field.order where ![Field.rw, Field.rt].contains(field) {
            #expect(page.body.contains("<a href=\"#\(field)\">"), "summary link to \(field)")
            #expect(page.body.contains("id=\"\(field)-error\""), "message next to \(field)")
        }
        #expect(page.body.contains("Isi nomor HP seperti 0812 3456 7890"))
        #expect(page.body.contains("terlalu mudah ditebak") && page.body.contains("bukan kode provinsi"))
        #expect(page.body.contains("value=\"021-7890 &lt;b&gt;\"") && page.body.contains("value=\"siti&quot;@contoh\""))
        #expect(page.body.contains("value=\"9912345678901234\"") && page.body.contains("value=\"siti aminah\""))
        #expect(!page.body.contains("bismillah") && !page.body.contains("rahasia-lain-99"))  // never the passwords
        #expect(try world.service.authenticateAccount(username: "siti aminah", password: "bismillah") == nil)
    }

    @Test func theRTListOffersOnlyTheRTsOfTheChosenRW() throws {
        let world = try PortalWorld()
        let areas = try Self.areas(world)
        let browser = world.browser()
        let page = try browser.post("/daftar", [(Field.kelurahan, "\(world.kelurahan.rawValue)"), (Field.rw, "\(areas.rw2.rawValue)"),
                                                (Field.fullName, "Siti"), ("langkah", "1")], csrf: try browser.get("/daftar").csrf)
        let start = try #require(page.body.range(of: "<select id=\"rt\""))
        let end = try #require(page.body.range(of: "</select>", range: start.upperBound..<page.body.endIndex))
        let rtSelect = String(page.body[start.lowerBound..<end.lowerBound])
        #expect(rtSelect.contains(">RT 007<") && rtSelect.contains(">RT 008<"))
        #expect(!rtSelect.contains("value=\"\(areas.rt1.rawValue)\"") && !rtSelect.contains("value=\"\(areas.otherRT.rawValue)\""))
        #expect(page.body.contains("value=\"Siti\""))                                         // other answers kept
        // Another kelurahan chosen with "Lanjut": its RWs, and the RW of Pondok Karya dropped.
        let moved = try browser.post("/daftar", [(Field.kelurahan, "\(areas.otherKelurahan.rawValue)"), (Field.rw, "\(areas.rw2.rawValue)"),
                                                 ("langkah", "1")], csrf: try browser.get("/daftar").csrf)
        #expect(moved.body.contains(">RW 003<") && !moved.body.contains(">RW 002<") && !moved.body.contains("id=\"rt\""))
    }

    @Test func aForgedRTOfAnotherKelurahanOrANonexistentOneIsRefused() throws {
        let world = try PortalWorld()
        let areas = try Self.areas(world)
        let browser = world.browser()
        let csrf = try browser.get("/daftar").csrf
        let other = try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.otherRT), csrf: csrf)
        #expect(other.status == 422 && other.body.contains("<a href=\"#rt\">Pilih RT dari daftar RW yang Anda pilih.</a>"))
        let none = try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: RTID(987_654)), csrf: csrf)
        #expect(none.status == 422 && none.body.contains("href=\"#rt\""))
        let otherRW = try browser.post("/daftar", Self.fields(world, rw: areas.otherRW, rt: areas.otherRT), csrf: csrf)
        #expect(otherRW.status == 422 && otherRW.body.contains("href=\"#rw\""))
        let junk = try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1).map { $0.0 == Field.rt ? ($0.0, "1 OR 1=1") : $0 },
                                    csrf: csrf)
        #expect(junk.status == 422 && junk.body.contains("href=\"#rt\""))
        let residents: Int? = try world.database.read { db in try db.scalar("SELECT count(*) FROM accounts WHERE home_rt_id IS NOT NULL") }
        #expect(residents == 0)
    }

    @Test(arguments: [("0812-3456-7890", "+6281234567890"), ("+62 812 3456 7890", "+6281234567890"),
                      ("6285712345678", "+6285712345678"), ("0811 123 456", "+62811123456")])
    func phoneNumbersAreStoredNormalised(typed: String, stored: String) throws {
        let world = try PortalWorld()
        let areas = try Self.areas(world)
        let browser = world.browser()
        let done = try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1, phone: typed), csrf: try browser.get("/daftar").csrf)
        #expect(done.status == 303)
        let phone: String? = try world.database.read { db in try db.scalar("SELECT phone FROM accounts WHERE username = 'siti.aminah'") }
        #expect(phone == stored)
    }

    @Test func aNIKNeverAppearsOnThePublicHomePage() throws {
        let world = try PortalWorld()
        let areas = try Self.areas(world)
        let nik = "3674015708900002"
        let browser = world.browser()
        let done = try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1, nik: nik), csrf: try browser.get("/daftar").csrf)
        #expect(done.status == 303)
        let stored: String? = try world.database.read { db in try db.scalar("SELECT nik FROM accounts WHERE username = 'siti.aminah'") }
        #expect(stored == nik)
        for page in [try browser.get("/"), try world.browser(address: "10.1.1.1:1").get("/"), try world.browser().get("/masuk")] {
            #expect(page.status == 200 && !page.body.contains(nik) && !page.body.contains("+6281234567890"))
        }
    }

    @Test func aTakenUsernameOrNIKIsSaidNextToItsField() throws {
        let world = try PortalWorld()
        let areas = try Self.areas(world)
        let first = world.browser()
        #expect(try first.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1, nik: "3674011708900001"),
                               csrf: try first.get("/daftar").csrf).status == 303)
        let browser = world.browser(address: "10.0.0.9:1")
        let csrf = try browser.get("/daftar").csrf
        let fields = Self.fields(world, rw: areas.rw1, rt: areas.rt1, username: "WARGA1")
            .map { $0.0 == Field.fullName ? ($0.0, "<script>alert('x')</script>\"onmouseover=") : $0 }
        let taken = try browser.post("/daftar", fields, csrf: csrf)
        #expect(taken.status == 422 && taken.body.contains("Nama pengguna ini sudah dipakai") && taken.body.contains("value=\"WARGA1\""))
        #expect(taken.body.contains("value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;onmouseover=\"") && !taken.body.contains("<script>"))
        let nik = try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1, username: "budi", nik: "3674011708900001"),
                                   csrf: csrf)
        #expect(nik.status == 422 && nik.body.contains("<a href=\"#nik\">NIK ini sudah terdaftar"))
    }

    @Test func theFormNeedsItsTokenAndIsLinkedFromTheHeaderAndTheSignInPage() throws {
        let world = try PortalWorld()
        let areas = try Self.areas(world)
        let browser = world.browser()
        let home = try browser.get("/")
        #expect(home.body.contains("<a href=\"/daftar\">Daftar</a>"))
        #expect(try browser.get("/masuk").body.contains("href=\"/daftar\""))
        #expect(try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1), csrf: nil).status == 403)
        #expect(try browser.post("/daftar", Self.fields(world, rw: areas.rw1, rt: areas.rt1), csrf: try browser.get("/daftar").csrf,
                                 headers: ["Origin": "http://jahat.example"]).status == 403)
        #expect(try world.service.authenticateAccount(username: "siti.aminah", password: "jalan-kenanga-12") == nil)
    }
}
