import Foundation
import Storage
import TestSupport
import Testing
@testable import Musrenbang

/// One proposal through a whole planning cycle in headless Chromium, on the demo city seeded at its pra-Musrenbang and
/// served by the real `musrenbang serve`, restarted with `--rehearsal-at` inside each stage's window (the way a city
/// rehearses a cycle): the resident proposes on a phone, the Ketua RT and RW endorse, the kelurahan verifies, scores,
/// allocates (the costly retaining wall passes up as F2) and signs, the kecamatan does the same and routes it to DPUPR,
/// DPUPR's forum funds it within its ceiling and signs, Bappeda ratifies it, and the resident's timeline and the public
/// page show every step. The demo's other proposals are decided as a meeting would: in bulk and in one score table.
/// Every page is audited (axe-core, weight) and screenshotted (`BrowserPageAudit`).
@Suite("Browser: one proposal through the whole cycle", .serialized)
struct BrowserWholeCycleTests {
    /// The seed's day: 10 January 2027, 10.00 WIB, inside the demo's pra-Musrenbang.
    static let seedDay = WIBTime.date(year: 2027, month: 1, day: 10, hour: 10)
    static let kelurahan = "cempaka-putih", kecamatan = "ciputat-timur"

    /// The demo seeded at its pra-Musrenbang in `directory`: the database file, the accounts' passwords and the current
    /// cycle's windows.
    private func seedDemo(in directory: String) throws -> (path: String, passwords: [String: String], cycle: Cycle) {
        let path = (directory as NSString).appendingPathComponent("siklus.sqlite")
        let database = try Database(path: path)
        try Migrator(directory: ServedPortal.migrations).migrate(database)
        let report = try DemoSeeder(database: database, runDate: Self.seedDay, hashCost: 1, stage: .praMusrenbang).run()
        let cycle = try #require(try database.read { db in try CycleRepository(db).all() }.first { $0.budgetYear == 2028 })
        return (path, Dictionary(uniqueKeysWithValues: report.credentials.map { ($0.username, $0.password) }), cycle)
    }

    @Test func oneProposalFromTheResidentToTheRKPD() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // MUSRENBANG_KEEP_SCREENSHOTS=1 keeps the folder (its path is printed) to look at every step.
        let keep = ProcessInfo.processInfo.environment["MUSRENBANG_KEEP_SCREENSHOTS"] == "1"
        defer { if keep { print("Screenshots of the whole cycle: \(directory)") } else { try? FileManager.default.removeItem(atPath: directory) } }
        let demo = try seedDemo(in: directory)
        let audit = BrowserPageAudit(folder: directory)
        defer { print("Page weights of the whole cycle (HTML + CSS + JS):\n\(audit.report)") }
        /// Two days into `stage`'s window, 09.00 WIB.
        func moment(_ stage: Stage) throws -> Date {
            try #require(demo.cycle.windows[stage]).opensAt.addingTimeInterval(2 * 86_400 + 9 * 3600)
        }
        func serve(_ stage: Stage) throws -> ServedPortal { try ServedPortal.rehearsing(demo.path, at: try moment(stage)) }
        /// Every page of a rehearsal says so, with the portal's date.
        func expectRehearsal(_ browser: BrowserSession, _ stage: Stage) throws {
            let banner = try browser.text(of: "aside.rehearsal")
            #expect(banner.contains("Mode latihan: tanggal portal \(WIBTime.formatDate(try moment(stage)))"), "\(banner)")
        }
        func password(_ username: String) throws -> String { try #require(demo.passwords[username], "\(username)") }

        try BrowserSession.with(width: 360, height: 800) { phone in
            try BrowserSession.with(width: 1280, height: 900) { desk in
                var portal = try serve(.praMusrenbang)
                defer { portal.stop() }
                let code = try propose(phone, portal, password: try password("warga1.\(Self.kelurahan)"), audit: audit)
                try expectRehearsal(phone, .praMusrenbang)
                for (step, head) in [("03", "rt"), ("04", "rw")] {
                    try phone.signIn(portal, "\(head).\(Self.kelurahan)", try password("\(head).\(Self.kelurahan)"))
                    try phone.open(portal.url("/kerja/persetujuan/\(code)"))
                    try phone.clickToNextPage("form.decide-approve button")
                    #expect(try phone.flashText().contains(code), "\(head)")
                    try shoot(audit, phone, "\(step)-\(head)-menyetujui")
                    try phone.signOut()
                }

                /// The next stage: the portal restarted at its moment, `username` signed in on the desk.
                func enter(_ stage: Stage, as username: String) throws {
                    portal.stop()
                    portal = try serve(stage)
                    try desk.signIn(portal, username, try password(username))
                    try expectRehearsal(desk, stage)
                }

                try enter(.kelurahan, as: "lurah.\(Self.kelurahan)")
                try meeting(desk, portal, code: code, prefix: "1", audit: audit)
                #expect(try desk.text(of: "main").contains("Diteruskan ke Musrenbang kecamatan"))
                try desk.signOut()

                try enter(.kecamatan, as: "camat.\(Self.kecamatan)")
                try meeting(desk, portal, code: code, prefix: "2", audit: audit)
                // The signed berita acara and its document (with the priority list per OPD) read on a phone: no sideways
                // scrolling, the tables stacked (printed on A4 they keep their columns: print CSS).
                try phone.signIn(portal, "camat.\(Self.kecamatan)", try password("camat.\(Self.kecamatan)"))
                for (path, name) in [("/kerja/berita-acara", "2f-ponsel-berita-acara"), ("/kerja/berita-acara/cetak", "2f-ponsel-cetak")] {
                    try phone.open(portal.url(path))
                    let widths = try phone.execute("return [window.innerWidth, document.documentElement.scrollWidth];") as? [Any]
                    let viewport = (widths?.first as? NSNumber)?.intValue ?? -1
                    let content = (widths?.last as? NSNumber)?.intValue ?? .max
                    #expect(viewport == 360 && content <= viewport, "\(path): content \(content) px in a \(viewport) px window")
                    try shoot(audit, phone, name)
                }
                #expect(try phone.text(of: "main").contains("Tabel T-D.4"))
                try phone.signOut()
                // Its F2 goes on to the OPD of its kamus item, preselected.
                try desk.open(portal.url("/kerja/rute"))
                #expect(try desk.text(of: "main").contains(code))
                try shoot(audit, desk, "2g-kecamatan-rute")
                try desk.open(portal.url("/kerja/rute/\(code)"))
                #expect(try desk.text(of: "#tujuan option:checked").contains("DPUPR"))
                try decide(desk, choice: nil, code: code, audit: audit, "2h-kecamatan-diteruskan")
                try desk.signOut()

                try enter(.opd, as: "opd.dpupr")
                try meeting(desk, portal, code: code, prefix: "3", audit: audit)
                #expect(try desk.text(of: "main").contains("Didanai pagu perangkat daerah"))
                try desk.signOut()

                try enter(.kota, as: "bappeda")
                try desk.open(portal.url("/kerja/penetapan"))
                #expect(try desk.text(of: "main").contains(code))
                try shoot(audit, desk, "4a-bappeda-daftar-akhir")
                try desk.open(portal.url("/kerja/penetapan/\(code)"))
                try decide(desk, choice: "#keputusan-tetapkan", code: code, audit: audit, "4b-bappeda-ditetapkan")
                try desk.signOut()

                try readTimeline(phone, portal, code: code, password: try password("warga1.\(Self.kelurahan)"), audit: audit)
            }
        }
        #expect(audit.weights.count >= 27)
    }

    /// Audits the page as step `name`, its screenshot from the top (the rehearsal banner, the flash, the heading), or
    /// with `showing` scrolled to that element: the browser keeps the scroll of a form posted back to the same list.
    private func shoot(_ audit: BrowserPageAudit, _ browser: BrowserSession, _ name: String, showing selector: String? = nil) throws {
        try browser.execute("const e = arguments[0] && document.querySelector(arguments[0]); if (e) e.scrollIntoView(false); else window.scrollTo(0, 0);",
                            selector ?? "")
        try audit.check(browser, name)
    }

    /// On a proposal's desk page: picks `choice` (a radio), sends the page's decision form and expects the flash to name
    /// `code`; audits the answer as `name` when given.
    private func decide(_ desk: BrowserSession, choice: String?, code: String, audit: BrowserPageAudit, _ name: String?) throws {
        if let choice { try desk.click(choice) }
        try desk.clickToNextPage("section.decide button[type=submit]")
        #expect(try desk.flashText().contains(code))
        if let name { try shoot(audit, desk, name) }
    }

    /// The resident signs in on a phone and sends the proposal from the home RT: a retaining wall of 1,100 m, beyond
    /// what a kelurahan or a kecamatan can fund. Returns its tracking code.
    private func propose(_ phone: BrowserSession, _ portal: ServedPortal, password: String, audit: BrowserPageAudit) throws -> String {
        try phone.signIn(portal, "warga1.\(Self.kelurahan)", password)
        try phone.open(portal.url("/usulan/baru"))
        try phone.choose("#kamus", containing: "turap")
        try phone.fill("#volume", with: "1100")
        try phone.fill("#title", with: "Turap Kali Pesanggrahan sepanjang RW kami")
        try phone.fill("#problem", with: "Tebing kali longsor setiap musim hujan dan mengancam rumah warga di bantaran.")
        try phone.fill("#location", with: "Bantaran Kali Pesanggrahan")
        try phone.fill("#beneficiaries", with: "850")
        try phone.click("button[value=periksa]")
        _ = try phone.waitForElement("dl.check")
        #expect(try phone.text(of: "dl.check").contains("Rp 3.025.000.000"))
        try shoot(audit, phone, "01-warga-periksa")
        try phone.clickToNextPage("button[value=kirim]")
        _ = try phone.waitForElement(".panel .code")
        let code = try phone.text(of: ".panel .code")
        try shoot(audit, phone, "02-warga-terkirim")
        try phone.signOut()
        return code
    }

    /// One level's meeting by its signed-in verifier: the proposal accepted from its own page, the rest of the queue
    /// accepted in bulk, every candidate scored in the one table (ours typed, the others filled in as a clerk would),
    /// the allocation run, and the berita acara signed. Pages are audited as "<prefix>a-..." to "<prefix>f-...".
    private func meeting(_ desk: BrowserSession, _ portal: ServedPortal, code: String, prefix: String, audit: BrowserPageAudit) throws {
        try desk.open(portal.url("/kerja/verifikasi/\(code)"))
        try shoot(audit, desk, "\(prefix)a-verifikasi-usulan")
        try decide(desk, choice: "#keputusan-terima", code: code, audit: audit, nil)
        // The queue's other proposals, a page (50) at a time, accepted together.
        for _ in 0..<10 {
            guard try desk.tickAll("input[name=pilih]") > 0 else { break }
            try shoot(audit, desk, "\(prefix)b-verifikasi-bersama")
            try desk.click("#bersama-terima")
            try desk.clickToNextPage("form.bulk-form button[type=submit]")
            #expect(try desk.flashText().contains("diterima"))
        }

        try desk.open(portal.url("/kerja/penilaian"))
        let ours = try desk.execute("""
            const row = Array.from(document.querySelectorAll('table.scores tbody tr')).find(r => r.textContent.includes(arguments[0]));
            return row ? Array.from(row.querySelectorAll('input')).map(i => i.id) : [];
            """, code) as? [String] ?? []
        #expect(!ours.isEmpty, "\(code) is not in the score table")
        for field in ours { try desk.fill("#\(field)", with: "5") }
        try desk.execute("document.querySelectorAll('table.scores input').forEach(i => { if (!i.value) i.value = '3'; });")
        try shoot(audit, desk, "\(prefix)c-penilaian")
        try desk.clickToNextPage("form.wide button[type=submit]")
        #expect(try desk.flashText().contains("Nilai tersimpan"))

        try desk.open(portal.url("/kerja/alokasi"))
        try desk.clickToNextPage("form[action='/kerja/alokasi'] button[type=submit]")
        #expect(try desk.flashText().contains("dijalankan"))
        try shoot(audit, desk, "\(prefix)d-alokasi")

        try desk.open(portal.url("/kerja/berita-acara"))
        try desk.fill("#document_number", with: "050/\(prefix)/BA-MUS/2027")
        try desk.fill("#place", with: "Aula pertemuan")
        try desk.fill("#chair", with: "Hj. Nurhayati")
        try desk.fill("#delegate_name_1", with: "Siti Rahmawati")
        try desk.choose("#delegate_gender_1", containing: "Perempuan")
        try desk.fill("#delegate_name_2", with: "Ahmad Fauzi")
        try desk.choose("#delegate_gender_2", containing: "Laki")
        try shoot(audit, desk, "\(prefix)e-berita-acara")
        try desk.submit("#document_number")
        _ = try desk.waitForElement("a[href='/kerja/berita-acara/cetak']")
        try shoot(audit, desk, "\(prefix)f-berita-acara-ditandatangani")
        try desk.open(portal.url("/kerja/verifikasi/\(code)"))
    }

    /// The resident reads the whole story on a phone: their own page and the public page, each with every step.
    private func readTimeline(_ phone: BrowserSession, _ portal: ServedPortal, code: String, password: String,
                              audit: BrowserPageAudit) throws {
        let steps = [
            "mengajukan usulan", "menyetujui usulan", "menyetujui usulan", "menerima usulan",
            "melimpahkan usulan ke tingkat berikutnya (F2)", "menerima usulan", "melimpahkan usulan ke tingkat berikutnya (F2)",
            "meneruskan usulan ke perangkat daerah", "menerima usulan", "memasukkan usulan ke pagu (F1)",
            "menetapkan usulan dalam RKPD",
        ]
        func expectEveryStep(_ page: String) throws {
            let said = try phone.execute("return Array.from(document.querySelectorAll('ol.timeline .what')).map(p => p.textContent);") as? [String] ?? []
            // In order, each step once at its place (the timeline may say more, e.g. the proposal's creation).
            var rest = said[...]
            for step in steps {
                guard let index = rest.firstIndex(where: { $0.contains(step) }) else {
                    Issue.record("\(page): no \"\(step)\" after the earlier steps in \(said)")
                    return
                }
                rest = rest[(index + 1)...]
            }
        }
        try phone.signIn(portal, "warga1.\(Self.kelurahan)", password)
        try phone.open(portal.url("/usulan/saya/\(code)"))
        #expect(try phone.text(of: "main").contains("Ditetapkan dalam RKPD"))
        try expectEveryStep("/usulan/saya/\(code)")
        try shoot(audit, phone, "5a-warga-linimasa", showing: "ol.timeline li:last-child")
        try phone.open(portal.url("/usulan/saya"))
        try shoot(audit, phone, "5b-warga-usulan-saya")
        try phone.signOut()
        try phone.open(portal.url("/usulan/\(code)"))
        try expectEveryStep("/usulan/\(code)")
        try shoot(audit, phone, "5c-publik-usulan", showing: "ol.timeline li:last-child")
    }
}
