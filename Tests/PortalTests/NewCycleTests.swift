import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Bappeda's new cycle at /kerja/siklus/baru")
struct NewCycleTests {
    /// A complete form for budget year 2029: each stage five days, one after another, from 1 December 2028 WIB.
    static func fields(name: String = "Musrenbang RKPD 2029", plan: String = "2028", budget: String = "2029",
                       change: [String: String] = [:]) -> [(String, String)] {
        var fields = [("tahun", plan), ("tahun-anggaran", budget), ("nama", name)]
        for (index, stage) in Stage.allCases.enumerated() {
            let opens = String(format: "2028-12-%02dT00:00", 1 + index * 5), closes = String(format: "2028-12-%02dT23:59", 5 + index * 5)
            fields.append(("buka-\(stage.rawValue)", change["buka-\(stage.rawValue)"] ?? opens))
            fields.append(("tutup-\(stage.rawValue)", change["tutup-\(stage.rawValue)"] ?? closes))
        }
        return fields
    }

    static func cycles(_ world: PortalWorld) throws -> [Cycle] {
        try world.service.database.read { db in try CycleRepository(db).all() }
    }

    @Test func bappedaCreatesACycleWithItsWindowsAndItIsLogged() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.5.1.1:1")
        let schedule = try bappeda.get("/kerja/siklus")
        #expect(schedule.body.contains("href=\"/kerja/siklus/baru\""))
        let form = try bappeda.get("/kerja/siklus/baru")
        #expect(form.status == 200)
        // The years follow the latest cycle (2027 for RKPD 2028).
        #expect(form.body.contains("name=\"tahun\" type=\"text\" value=\"2028\"") && form.body.contains("value=\"2029\""))
        #expect(form.body.contains("name=\"buka-kelurahan\" type=\"datetime-local\""))
        let count = try Self.cycles(world).count
        let done = try bappeda.post("/kerja/siklus/baru", Self.fields(), csrf: form.csrf)
        #expect(done.status == 303 && done.location == "/kerja/siklus")
        let cycles = try Self.cycles(world)
        #expect(cycles.count == count + 1)
        let created = try #require(cycles.first { $0.budgetYear == 2029 })
        #expect(created.planYear == 2028 && created.name == "Musrenbang RKPD 2029")
        #expect(created.windows[.praMusrenbang]?.opensAt == WIBTime.date(year: 2028, month: 12, day: 1))
        #expect(created.windows[.kota]?.closesAt == WIBTime.date(year: 2028, month: 12, day: 25, hour: 23, minute: 59))
        let log = try world.service.adminLog(entity: .cycle, cycleId: created.id, by: scene.bappeda)
        #expect(log.count == 1 && log.first?.action == .create)
        let after = try bappeda.get("/kerja/siklus")
        #expect(after.body.contains("Siklus Musrenbang RKPD 2029 untuk tahun anggaran 2029 dibuat."))
    }

    @Test func aRefusedCycleNamesEveryFieldKeepsWhatWasTypedAndCreatesNothing() throws {
        let world = try PortalWorld()
        _ = try world.verifiers()
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.5.1.2:1")
        let form = try bappeda.get("/kerja/siklus/baru")
        let before = try Self.cycles(world)
        // Values that do not read: each beside its field, as typed.
        let unread = try bappeda.post("/kerja/siklus/baru", Self.fields(name: "  ", plan: "dua ribu", change: ["tutup-opd": "besok <pagi>"]),
                                      csrf: form.csrf)
        #expect(unread.status == 422)
        #expect(unread.body.contains("id=\"tahun-error\"") && unread.body.contains("id=\"nama-error\"")
                && unread.body.contains("id=\"tutup-opd-error\"") && !unread.body.contains("id=\"tahun-anggaran-error\""))
        #expect(unread.body.contains("value=\"dua ribu\"") && unread.body.contains("value=\"besok &lt;pagi&gt;\""))
        // The engine's rules: the kecamatan opens before the kelurahan closes, the OPD forum closes before it opens,
        // the budget year before the plan year.
        let overlapping = try bappeda.post("/kerja/siklus/baru", Self.fields(budget: "2027", change: [
            "buka-kecamatan": "2028-12-08T00:00", "tutup-opd": "2028-12-15T00:00",
        ]), csrf: form.csrf)
        #expect(overlapping.status == 422)
        #expect(overlapping.body.contains("id=\"buka-kecamatan-error\"")
                && overlapping.body.contains("Jadwal Musrenbang kecamatan harus dibuka setelah Musrenbang kelurahan ditutup."))
        #expect(overlapping.body.contains("id=\"tutup-opd-error\"") && overlapping.body.contains("id=\"tahun-anggaran-error\""))
        #expect(overlapping.body.contains("value=\"2028-12-08T00:00\""))
        // A budget year that already has a cycle.
        let taken = try bappeda.post("/kerja/siklus/baru", Self.fields(budget: "2028"), csrf: form.csrf)
        #expect(taken.status == 422 && taken.body.contains("Sudah ada siklus untuk tahun anggaran ini"))
        #expect(try Self.cycles(world) == before)
    }

    @Test func anotherStaffRoleIsRefusedInThePortalAndInTheEngine() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.5.1.3:1")
        let page = try camat.get("/kerja/siklus/baru")
        #expect(page.status == 403 && page.body.contains("Halaman jadwal siklus hanya untuk Bappeda"))
        let home = try camat.get("/kerja")
        let before = try Self.cycles(world)
        let post = try camat.post("/kerja/siklus/baru", Self.fields(), csrf: home.csrf)
        #expect(post.status == 403)
        let forged = Actor(accountId: scene.camat.accountId, role: .bappeda, scope: .kota)
        let windows = Stage.allCases.enumerated().map { index, stage in
            StageWindow(stage: stage, opensAt: WIBTime.date(year: 2028, month: 12, day: 1 + index * 5),
                        closesAt: WIBTime.date(year: 2028, month: 12, day: 5 + index * 5))
        }
        #expect(throws: DomainError.self) {
            try world.service.createCycle(NewCycle(kotaId: before[0].kotaId, planYear: 2028, budgetYear: 2029, name: "Palsu",
                                                   windows: windows), by: forged)
        }
        #expect(try Self.cycles(world) == before)
    }
}
