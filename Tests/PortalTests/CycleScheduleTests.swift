import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Bappeda's cycle schedule at /kerja/siklus")
struct CycleScheduleTests {
    @Test func bappedaSeesTheWindowsExtendsOneWithAReasonAndReadsItInTheHistory() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        world.clock.set(VerifierScene.insideKelurahan)
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.5.0.1:1")
        let page = try bappeda.get("/kerja/siklus")
        #expect(page.status == 200)
        // 8 December 09.00 WIB: the kelurahan window (6 - 11 December) is open, the kecamatan one not yet.
        #expect(page.body.contains("<tr><th scope=\"row\">Musrenbang kelurahan</th><td>6 Desember 2026 00.00 WIB</td><td>11 Desember 2026 00.00 WIB</td><td>Sedang berjalan</td></tr>"))
        #expect(page.body.contains("<td>16 Desember 2026 00.00 WIB</td><td>Belum dibuka</td>"))
        #expect(page.body.contains("<td>6 Desember 2026 00.00 WIB</td><td>Sudah ditutup</td>"))
        #expect(page.body.contains("Belum ada perubahan yang dicatat."))
        let done = try bappeda.post("/kerja/siklus/perpanjang", [("tahap", "kelurahan"), ("tutup", "2026-12-12T23:59"),
                                                                 ("alasan", "Banjir di Pondok Karya.")], csrf: page.csrf)
        #expect(done.status == 303 && done.location == "/kerja/siklus")
        let cycle = try world.service.cycle(id: scene.residents.cycleId)
        #expect(cycle.windows[.kelurahan]?.closesAt == WIBTime.date(year: 2026, month: 12, day: 12, hour: 23, minute: 59))
        let log = try world.service.adminLog(entity: .cycle, cycleId: cycle.id, by: scene.bappeda)
        #expect(log.count == 1 && log.first?.action == .update && log.first?.reason == "Banjir di Pondok Karya.")
        let after = try bappeda.get("/kerja/siklus")
        #expect(after.body.contains("Jadwal Musrenbang kelurahan diperpanjang sampai 12 Desember 2026 23.59 WIB."))
        #expect(after.body.contains("<strong>Jadwal diubah</strong> oleh Staf Bappeda, \(WIBTime.format(world.clock.now))"))
        #expect(after.body.contains("<li>Musrenbang kelurahan: tutup 11 Desember 2026 00.00 WIB menjadi 12 Desember 2026 23.59 WIB</li>"))
        #expect(after.body.contains("<p>Alasan: Banjir di Pondok Karya.</p>") && after.body.contains("diperpanjang 1 kali"))
        #expect(!after.body.contains("Belum ada perubahan yang dicatat."))
        // The staff home points at the page.
        #expect(try bappeda.get("/kerja").body.contains("href=\"/kerja/siklus\""))
    }

    @Test func aRefusedExtensionNamesEveryFieldKeepsWhatWasTypedAndChangesNothing() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.5.0.2:1")
        let page = try bappeda.get("/kerja/siklus")
        let before = try world.service.cycle(id: scene.residents.cycleId)
        let empty = try bappeda.post("/kerja/siklus/perpanjang", [("tahap", "kecamatan"), ("tutup", "besok <pagi>"), ("alasan", "  ")], csrf: page.csrf)
        #expect(empty.status == 422)
        #expect(empty.body.contains("id=\"tutup-error\"") && empty.body.contains("id=\"alasan-error\"") && !empty.body.contains("id=\"tahap-error\""))
        #expect(empty.body.contains("value=\"besok &lt;pagi&gt;\"") && empty.body.contains("<option value=\"kecamatan\" selected>"))
        // Earlier than the current close: the engine's rule, beside the date.
        let earlier = try bappeda.post("/kerja/siklus/perpanjang", [("tahap", "kelurahan"), ("tutup", "2026-12-10T12:00"),
                                                                    ("alasan", "Keliru.")], csrf: page.csrf)
        #expect(earlier.status == 422 && earlier.body.contains("id=\"tutup-error\"")
                && earlier.body.contains("perpanjangan harus lebih lambat dari 11 Desember 2026 00.00 WIB"))
        #expect(earlier.body.contains("value=\"2026-12-10T12:00\"") && earlier.body.contains("Keliru."))
        let noStage = try bappeda.post("/kerja/siklus/perpanjang", [("tahap", "tahun_depan"), ("tutup", "2026-12-30T12:00"), ("alasan", "Uji.")],
                                       csrf: page.csrf)
        #expect(noStage.status == 422 && noStage.body.contains("id=\"tahap-error\""))
        #expect(try world.service.cycle(id: before.id) == before)
        #expect(try world.service.adminLog(entity: .cycle, cycleId: before.id, by: scene.bappeda).isEmpty)
    }

    @Test func anotherStaffRoleIsRefusedAndChangesNothing() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.5.0.3:1")
        let page = try camat.get("/kerja/siklus")
        #expect(page.status == 403 && page.body.contains("Halaman jadwal siklus hanya untuk Bappeda"))
        let home = try camat.get("/kerja")
        #expect(!home.body.contains("href=\"/kerja/siklus\""))
        let before = try world.service.cycle(id: scene.residents.cycleId)
        let post = try camat.post("/kerja/siklus/perpanjang", [("tahap", "kecamatan"), ("tutup", "2026-12-30T12:00"), ("alasan", "Uji.")],
                                  csrf: home.csrf)
        #expect(post.status == 403)
        #expect(try world.service.cycle(id: before.id) == before)
        // The engine refuses a forged Bappeda actor whose account does not hold the role.
        let forged = Actor(accountId: scene.camat.accountId, role: .bappeda, scope: .kota)
        #expect(throws: DomainError.self) {
            try world.service.extendWindow(cycleId: before.id, stage: .kecamatan, to: WIBTime.date(year: 2026, month: 12, day: 30),
                                           reason: "Uji.", by: forged)
        }
        #expect(try world.service.cycle(id: before.id) == before)
    }

    @Test func wibInputReadsWhatADateTimeFieldSends() {
        #expect(WIBInput.parse("2026-12-20T23:59") == WIBTime.date(year: 2026, month: 12, day: 20, hour: 23, minute: 59))
        #expect(WIBInput.parse(" 2026-12-20 23:59:30 ") == WIBTime.date(year: 2026, month: 12, day: 20, hour: 23, minute: 59, second: 30))
        #expect(WIBInput.parse("2026-02-30T10:00") == nil)
        #expect(WIBInput.parse("2026-12-20T24:00") == nil && WIBInput.parse("20-12-2026 10:00") == nil && WIBInput.parse("") == nil)
        #expect(WIBInput.value(WIBTime.date(year: 2027, month: 1, day: 5, hour: 7, minute: 3)) == "2027-01-05T07:03")
    }
}
