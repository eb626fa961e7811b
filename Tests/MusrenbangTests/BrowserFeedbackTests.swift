import Foundation
import Storage
import TestSupport
import Testing
@testable import Musrenbang

/// Feedback in headless Chromium at a phone's width, against the real `musrenbang serve`: the form (and its refusal
/// with every error), the confirmation, the public page, the kelurahan verifier's queue and the item with its answer,
/// forward and close forms, then the answered list and the statistics. axe-core audits every page (nothing serious or
/// critical), each within the 100 KB budget; a screenshot of each is kept in the test's folder.
@Suite("Browser: feedback from the form to the public answer", .serialized)
struct BrowserFeedbackTests {
    static let password = "kata-sandi-uji-2027"

    private func prepareDatabase(in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent("saran.sqlite")
        let database = try Database(path: path)
        try Migrator(directory: ServedPortal.migrations).migrate(database)
        try database.write { db in
            let wilayah = WilayahRepository(db), catalog = CatalogRepository(db)
            let kota = try wilayah.insertKota(code: "TGS", name: "Kota Tangerang Selatan")
            let kecamatan = try wilayah.insertKecamatan(kotaId: kota, code: "CPT", name: "Ciputat Timur")
            let kelurahan = try wilayah.insertKelurahan(kecamatanId: kecamatan, code: "PK", name: "Pondok Karya")
            _ = try wilayah.insertKelurahan(kecamatanId: kecamatan, code: "CR", name: "Cireundeu")
            _ = try catalog.insertOPD(code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", shortName: "DPUPR")
            _ = try AccountRepository(db).insert(username: "lurah.pk", passwordHash: try PasswordHasher(cost: 1).hash(Self.password),
                                                 displayName: "Lurah Pondok Karya",
                                                 roles: [try RoleAssignment(role: .verifikatorKelurahan, scope: .kelurahan(kelurahan))], at: Date())
        }
        return path
    }

    @Test func sendFollowAndAnswerOnAPhone() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-saran-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let portal = try ServedPortal.start(database: try prepareDatabase(in: directory))
        defer { portal.stop() }
        let audit = BrowserPageAudit(folder: directory)
        defer { print("Page weights of the feedback pages (HTML + CSS + JS):\n\(audit.report)") }

        try BrowserSession.with(width: 360, height: 800) { browser in
            try browser.open(portal.url("/saran"))
            try audit.check(browser, "01-saran-formulir")
            // Sent empty: every error at once.
            try browser.submit("#uraian")
            _ = try browser.waitForElement(".error-summary")
            #expect(try browser.pageLoad().status == 422)
            try audit.check(browser, "02-saran-salah")
            try browser.click("#jenis-pengaduan")
            try browser.click("#kategori-infrastruktur")
            try browser.execute("const s = document.querySelector('#wilayah'); s.value = [...s.options].find(o => o.text === 'Kelurahan Pondok Karya').value;")
            try browser.fill("#uraian", with: "Lampu jalan di Gang Kenanga RT 02 mati sejak dua minggu.")
            try browser.fill("#nama", with: "Warga Rahasia")
            Thread.sleep(forTimeInterval: 3.2)  // a person's time to fill the form in
            try browser.submit("#uraian")
            _ = try browser.waitForElement(".panel.confirmation")
            let code = try browser.text(of: ".panel .code").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(code.hasPrefix("SRN-"))
            try audit.check(browser, "03-saran-terkirim")
            try browser.click("a.button[href^='/saran/SRN-']")
            _ = try browser.waitForElement(".timeline")
            #expect(try !browser.text(of: "body").contains("Warga Rahasia"))
            try audit.check(browser, "04-saran-publik")

            try browser.open(portal.url("/masuk"))
            try browser.fill("#nama_pengguna", with: "lurah.pk")
            try browser.fill("#kata_sandi", with: Self.password)
            try browser.submit("#nama_pengguna")
            _ = try browser.waitForElement("nav.account form")
            try browser.open(portal.url("/kerja/saran"))
            _ = try browser.waitForElement("table.worklist")
            try audit.check(browser, "05-kerja-saran")
            try browser.open(portal.url("/kerja/saran/\(code)"))
            _ = try browser.waitForElement("#jawaban")
            try audit.check(browser, "06-kerja-saran-item")
            try browser.fill("#jawaban", with: "Lampu sudah diganti petugas PJU pada Senin.")
            try browser.submit("#jawaban")
            _ = try browser.waitForElement(".flash")
            try browser.open(portal.url("/saran/\(code)"))
            #expect(try browser.text(of: "body").contains("Lampu sudah diganti petugas PJU pada Senin."))
            try audit.check(browser, "07-saran-dijawab")
            try browser.open(portal.url("/saran/daftar"))
            try audit.check(browser, "08-saran-daftar")
            try browser.open(portal.url("/saran/statistik"))
            _ = try browser.waitForElement("table")
            try audit.check(browser, "09-saran-statistik")
        }
    }
}
