import Foundation
import Storage
import TestSupport
import Testing
@testable import Musrenbang

/// A resident's whole journey in headless Chromium at a phone's width, against the real `musrenbang serve` on a
/// database with a cycle whose pra-Musrenbang is open now: register (home chosen kelurahan -> RW -> RT without
/// script), a refused form with every error, the check page, the confirmation with its tracking code, the proposal in
/// "Usulan saya", the RT and RW heads' endorsements, and the timeline the resident then reads. A screenshot of each
/// step is written (and removed with the test's folder).
@Suite("Browser: a resident registers and sends a proposal", .serialized)
struct BrowserResidentJourneyTests {
    static let headPassword = "kepala-wilayah-2027"

    /// A small city and a cycle open for proposals, written with the engine's own repositories.
    private func prepareDatabase(in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent("journey.sqlite")
        let database = try Database(path: path)
        try Migrator(directory: ServedPortal.migrations).migrate(database)
        let now = Date()
        try database.write { db in
            let wilayah = WilayahRepository(db), catalog = CatalogRepository(db)
            let kota = try wilayah.insertKota(code: "TGS", name: "Kota Tangerang Selatan")
            let kecamatan = try wilayah.insertKecamatan(kotaId: kota, code: "CPT", name: "Ciputat Timur")
            let kelurahan = try wilayah.insertKelurahan(kecamatanId: kecamatan, code: "PK", name: "Pondok Karya")
            for w in 1...2 {
                let rw = try wilayah.insertRW(kelurahanId: kelurahan, number: w)
                for t in 1...3 { _ = try wilayah.insertRT(rwId: rw, number: t) }
            }
            let bidang = try catalog.insertBidang(code: "FP", name: "Fisik dan Prasarana")
            let opd = try catalog.insertOPD(code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", shortName: "DPUPR")
            _ = try catalog.insertKamus(KamusItem(id: KamusID(0), code: "K-1", name: "Saluran drainase lingkungan", bidangId: bidang,
                                                  opdId: opd, unit: "meter", unitPrice: 1_500_000, isFisik: true))
            let day: TimeInterval = 86_400
            let windows = Stage.allCases.enumerated().map { index, stage in
                StageWindow(stage: stage, opensAt: now.addingTimeInterval(Double(index * 10 - 1) * day),
                            closesAt: now.addingTimeInterval(Double(index * 10 + 9) * day))
            }
            _ = try CycleRepository(db).insert(kotaId: kota, planYear: 2027, budgetYear: 2028, name: "Musrenbang 2027",
                                               windows: windows, at: now)
            // The heads of RT 01 / RW 01 (the first of the lists, which the resident picks).
            let rt: Int64 = try db.scalar("SELECT rt.id FROM rt JOIN rw ON rw.id = rt.rw_id WHERE rw.number = 1 AND rt.number = 1") ?? 0
            let rw: Int64 = try db.scalar("SELECT id FROM rw WHERE number = 1") ?? 0
            let hash = try PasswordHasher(cost: 1).hash(Self.headPassword)
            let accounts = AccountRepository(db)
            _ = try accounts.insert(username: "rt01", passwordHash: hash, displayName: "Pak Harun", roles: [
                try RoleAssignment(role: .ketuaRT, scope: .rt(RTID(rt)))], at: now)
            _ = try accounts.insert(username: "rw01", passwordHash: hash, displayName: "Bu Sri", roles: [
                try RoleAssignment(role: .ketuaRW, scope: .rw(RWID(rw)))], at: now)
            // For the pages off the main journey: a resident living in RT 01 and a head of both RT 01 and RW 01.
            _ = try accounts.insert(username: "budi", passwordHash: hash, displayName: "Budi Santoso", roles: [
                try RoleAssignment(role: .warga, scope: .selfOnly)], homeRtId: RTID(rt), at: now)
            _ = try accounts.insert(username: "rtrw01", passwordHash: hash, displayName: "Pak Darmo", roles: [
                try RoleAssignment(role: .ketuaRT, scope: .rt(RTID(rt))), try RoleAssignment(role: .ketuaRW, scope: .rw(RWID(rw)))], at: now)
        }
        return path
    }

    @Test func registerThenProposeOnAPhone() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-journey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let portal = try ServedPortal.start(database: try prepareDatabase(in: directory))
        defer { portal.stop() }
        // Every page visited: axe-core finds nothing serious, it is within its weight, and a screenshot is kept.
        let audit = BrowserPageAudit(folder: directory)
        defer { print("Page weights of the resident's journey (HTML + CSS + JS):\n\(audit.report)") }
        /// Chooses the first real option of a select (what a person taps on a phone).
        func choose(_ browser: BrowserSession, _ selector: String) throws {
            try browser.execute("const s = document.querySelector(arguments[0]); s.value = s.options[1].value;", selector)
        }
        func signIn(_ browser: BrowserSession, _ username: String, _ password: String) throws {
            try browser.open(portal.url("/masuk"))
            try browser.fill("#nama_pengguna", with: username)
            try browser.fill("#kata_sandi", with: password)
            try browser.submit("#nama_pengguna")
        }
        func signOut(_ browser: BrowserSession) throws {
            try browser.click("form[action='/keluar'] button")
            _ = try browser.waitForElement("nav.account a[href='/masuk']")
        }

        try BrowserSession.with(width: 360, height: 800) { browser in
            // Register: kelurahan, then RW, then RT, each appearing after "Lanjut" (plain form posts).
            try browser.open(portal.url("/daftar"))
            try audit.check(browser, "01-daftar-kelurahan")
            try choose(browser, "#kelurahan")
            try browser.click("button[name=langkah]")
            _ = try browser.waitForElement("#rw")
            try audit.check(browser, "02-daftar-rw")
            try choose(browser, "#rw")
            try browser.click("button[name=langkah]")
            _ = try browser.waitForElement("#rt")
            try choose(browser, "#rt")
            try browser.fill("#nama", with: "Siti Aminah")
            try browser.fill("#telepon", with: "0812 3456 7890")
            try browser.fill("#nik", with: "12345")
            try browser.fill("#nama_pengguna", with: "siti.aminah")
            try browser.fill("#kata_sandi", with: "Kenanga-Indah-2027")
            try browser.fill("#kata_sandi_ulang", with: "Kenanga-Indah-2027")
            try audit.check(browser, "03-daftar-rt")
            // A NIK that is not 16 digits: the form again (422) with the message, the rest kept but the passwords.
            try browser.submit("#nama")
            _ = try browser.waitForElement(".error-summary")
            #expect(try browser.pageLoad().status == 422)
            #expect(try browser.attribute("value", of: "#nama") == "Siti Aminah")
            try audit.check(browser, "04-daftar-salah")
            try browser.fill("#nik", with: "")
            try browser.fill("#kata_sandi", with: "Kenanga-Indah-2027")
            try browser.fill("#kata_sandi_ulang", with: "Kenanga-Indah-2027")
            try browser.submit("#nama")
            _ = try browser.waitForElement(".flash")
            #expect(try browser.text(of: ".flash").contains("Akun Anda sudah dibuat"))
            #expect(try browser.text(of: ".account").contains("Siti Aminah"))
            try audit.check(browser, "05-beranda")

            // The proposal form starts at the home RT; a wrong answer comes back with every error and the typed text.
            try browser.open(portal.url("/usulan/baru"))
            #expect(try browser.text(of: ".lead").contains("Kelurahan Pondok Karya"))
            try audit.check(browser, "06-usulan-baru")
            try choose(browser, "#kamus")
            try browser.fill("#volume", with: "12x")
            try browser.click("button[value=periksa]")
            _ = try browser.waitForElement(".error-summary")
            let summary = try browser.text(of: ".error-summary")
            #expect(summary.contains("Isi volume dengan angka bulat") && summary.contains("Isi judul usulan"))
            #expect(try browser.attribute("value", of: "#volume") == "12x")
            try audit.check(browser, "07-usulan-salah")

            try browser.fill("#volume", with: "120")
            try browser.click("button[value=hitung]")
            _ = try browser.waitForElement(".cost strong")
            #expect(try browser.text(of: ".cost").contains("Rp 180.000.000"))
            try audit.check(browser, "08-usulan-hitung")
            try browser.fill("#title", with: "Perbaikan saluran air RT 01")
            try browser.fill("#problem", with: "Saluran tersumbat dan meluap setiap hujan.")
            try browser.fill("#location", with: "Gang Melati")
            try browser.fill("#beneficiaries", with: "160")
            // A photo from the phone: a real JPEG, sent with the form, kept through the check page, shown small once saved.
            let photo = (directory as NSString).appendingPathComponent("saluran.jpg")
            try Data(try TestPhotos.jpeg(width: 800, height: 600)).write(to: URL(fileURLWithPath: photo))
            try browser.fill("#foto", with: photo)
            try browser.click("button[value=periksa]")
            _ = try browser.waitForElement("dl.check")
            #expect(try browser.text(of: "h1") == "Periksa usulan Anda")
            #expect(try browser.text(of: "dl.check").contains("Rp 180.000.000"))
            #expect(try browser.text(of: "main").contains("1 foto baru akan disimpan bersama usulan"))
            try audit.check(browser, "09-periksa")

            try browser.click("button[value=kirim]")
            _ = try browser.waitForElement(".panel .code")
            let code = try browser.text(of: ".panel .code")
            #expect(code == "TGS-2027-000001")
            #expect(try browser.currentURL().hasSuffix("/usulan/baru/terkirim/TGS-2027-000001"))
            // Nothing is wider than the phone's screen.
            let widths = try browser.execute("return [window.innerWidth, document.documentElement.scrollWidth];") as? [Any]
            #expect((widths?.last as? NSNumber)?.intValue ?? .max <= (widths?.first as? NSNumber)?.intValue ?? 0)
            try audit.check(browser, "10-terkirim")

            try browser.open(portal.url("/usulan/saya"))
            _ = try browser.waitForElement("main")
            #expect(try browser.text(of: "main").contains("TGS-2027-000001"))
            try audit.check(browser, "11-usulan-saya")

            // Signed out: the sign-in page, and the page that refuses a wrong password.
            try signOut(browser)
            try browser.open(portal.url("/masuk"))
            try audit.check(browser, "12-masuk")
            try signIn(browser, "rt01", "bukan-kata-sandinya")
            _ = try browser.waitForElement(".error-summary")
            #expect(try browser.pageLoad().status == 422)
            try audit.check(browser, "13-masuk-salah")

            // The Ketua RT, then the Ketua RW, endorse it from their work list.
            for (step, head) in [(14, "rt01"), (17, "rw01")] {
                try signIn(browser, head, Self.headPassword)
                try browser.open(portal.url("/kerja/persetujuan"))
                _ = try browser.waitForElement("main")
                #expect(try browser.text(of: "main").contains("TGS-2027-000001"), "\(head)")
                try audit.check(browser, "\(step)-\(head)-antrean")
                try browser.open(portal.url("/kerja/persetujuan/TGS-2027-000001"))
                _ = try browser.waitForElement("form.decide-approve")
                try audit.check(browser, "\(step + 1)-\(head)-usulan")
                try browser.clickToNextPage("form.decide-approve button")
                _ = try browser.waitForElement(".flash")
                #expect(try browser.text(of: ".flash").contains("TGS-2027-000001"), "\(head)")
                try audit.check(browser, "\(step + 2)-\(head)-diteruskan")
                try signOut(browser)
            }

            // The resident sees both endorsements on the timeline.
            try signIn(browser, "siti.aminah", "Kenanga-Indah-2027")
            try browser.open(portal.url("/usulan/saya/TGS-2027-000001"))
            _ = try browser.waitForElement("main")
            let timeline = try browser.text(of: "ol.timeline")
            #expect(timeline.contains("Ketua RT 01/RW 01 Pondok Karya") && timeline.contains("Ketua RW 01 Pondok Karya"))
            #expect(try browser.attribute("src", of: "ul.photos img")?.hasSuffix("/kecil") == true)
            try audit.check(browser, "20-linimasa")

            // Both endorsements were told to her: the header counts them and /notifikasi lists them in words.
            #expect(try browser.text(of: ".account .unread .count") == "2")
            try browser.open(portal.url("/notifikasi"))
            _ = try browser.waitForElement("ol.notification-list")
            let notes = try browser.text(of: "ol.notification-list")
            #expect(notes.contains("Usulan TGS-2027-000001 disetujui Ketua RT") && notes.contains("Usulan TGS-2027-000001 disetujui Ketua RW"))
            try audit.check(browser, "21-notifikasi")
        }
        #expect(audit.weights.count == 21)
    }

    /// The resident's and the heads' pages the journey above does not pass: a return refused without its reason (422),
    /// the returned list, the returned proposal with "Ajukan kembali", its edit form, the 403 and 404 pages, and the
    /// role choice. Each is audited like the journey's pages.
    @Test func returnedProposalAndErrorPagesOnAPhone() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-returned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let portal = try ServedPortal.start(database: try prepareDatabase(in: directory))
        defer { portal.stop() }
        let audit = BrowserPageAudit(folder: directory)
        defer { print("Page weights off the journey (HTML + CSS + JS):\n\(audit.report)") }
        func signIn(_ browser: BrowserSession, _ username: String) throws {
            try browser.open(portal.url("/masuk"))
            try browser.fill("#nama_pengguna", with: username)
            try browser.fill("#kata_sandi", with: Self.headPassword)
            try browser.submit("#nama_pengguna")
        }
        func signOut(_ browser: BrowserSession) throws {
            try browser.click("form[action='/keluar'] button")
            _ = try browser.waitForElement("nav.account a[href='/masuk']")
        }
        let code = "TGS-2027-000001"

        try BrowserSession.with(width: 360, height: 800) { browser in
            try signIn(browser, "budi")
            try browser.open(portal.url("/usulan/baru"))
            try browser.execute("const s = document.querySelector('#kamus'); s.value = s.options[1].value;")
            try browser.fill("#volume", with: "40")
            try browser.fill("#title", with: "Lampu jalan Gang Kenanga")
            try browser.fill("#problem", with: "Gang gelap pada malam hari.")
            try browser.fill("#location", with: "Gang Kenanga")
            try browser.fill("#beneficiaries", with: "80")
            try browser.click("button[value=periksa]")
            _ = try browser.waitForElement("dl.check")
            try browser.click("button[value=kirim]")
            _ = try browser.waitForElement(".panel .code")
            #expect(try browser.text(of: ".panel .code") == code)
            try signOut(browser)

            // The Ketua RT returns it, first without a reason (refused: 422), then with one.
            try signIn(browser, "rt01")
            try browser.open(portal.url("/kerja/persetujuan/\(code)"))
            try browser.click("form.decide-return button")
            _ = try browser.waitForElement(".error-summary")
            #expect(try browser.pageLoad().status == 422)
            try audit.check(browser, "01-kembalikan-tanpa-alasan")
            try browser.fill("#alasan", with: "Sebutkan titik lampu yang diminta.")
            try browser.clickToNextPage("form.decide-return button")
            _ = try browser.waitForElement(".flash")
            try browser.open(portal.url("/kerja/persetujuan?status=dikembalikan"))
            #expect(try browser.text(of: "main").contains(code))
            try audit.check(browser, "02-daftar-dikembalikan")
            // A page of another role: 403 with the rule.
            try browser.open(portal.url("/usulan/saya"))
            #expect(try browser.pageLoad().status == 403)
            try audit.check(browser, "03-bukan-untuk-peran-ini")
            try signOut(browser)

            // The resident reads the reason, can send it again or edit it; an unknown code is the 404 page.
            try signIn(browser, "budi")
            try browser.open(portal.url("/usulan/saya/\(code)"))
            #expect(try browser.text(of: "main").contains("Sebutkan titik lampu yang diminta."))
            #expect(try !browser.elements("form[action$='/ajukan']").isEmpty)
            try audit.check(browser, "04-dikembalikan")
            try browser.open(portal.url("/usulan/\(code)/ubah"))
            #expect(try browser.pageLoad().status == 200)
            #expect(try browser.attribute("value", of: "#title") == "Lampu jalan Gang Kenanga")
            try audit.check(browser, "05-ubah")
            try browser.open(portal.url("/usulan/saya/TGS-2027-999999"))
            #expect(try browser.pageLoad().status == 404)
            try audit.check(browser, "06-tidak-ditemukan")
            try signOut(browser)

            // An account with two roles chooses the one it acts in.
            try signIn(browser, "rtrw01")
            _ = try browser.waitForElement("form[action='/peran']")
            #expect(try browser.elements("input[type=radio]").count == 2)
            try audit.check(browser, "07-peran")
        }
        #expect(audit.weights.count == 7)
    }
}
