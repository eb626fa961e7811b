import Foundation
import Musrenbang
@testable import Portal
import Testing

/// Bappeda prepares next year's cycle before it opens: the schedule, ceilings, criteria inputs and group shares pages
/// work on the cycle `?siklus=ID` names (default the current one), keep it across a save, and change only that cycle.
@Suite("Bappeda's cycle picker (?siklus=) on the cycle setup pages")
struct CyclePickerTests {
    @Test func bappedaPreparesNextYearsCycleAndLeavesTheCurrentOneAsItWas() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        world.clock.set(VerifierScene.insideKelurahan)
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.5.9.1:1")
        let created = try bappeda.post("/kerja/siklus/baru", NewCycleTests.fields(), csrf: try bappeda.get("/kerja/siklus/baru").csrf)
        #expect(created.status == 303)
        let current = try #require(try world.service.currentCycle())
        let next = try #require(try NewCycleTests.cycles(world).first { $0.budgetYear == 2029 })
        #expect(current.id != next.id, "the new cycle has not begun: the current one stays current")
        let n = next.id.rawValue

        // The schedule: the current cycle unless the address names another; the picker lists both.
        let schedule = try bappeda.get("/kerja/siklus")
        #expect(schedule.body.contains("<option value=\"\(n)\">\(next.name)</option>") && !schedule.body.contains("bukan siklus berjalan"))
        #expect(schedule.body.contains("action=\"/kerja/siklus/perpanjang\""))
        let future = try bappeda.get("/kerja/siklus?siklus=\(n)")
        #expect(future.body.contains("<option value=\"\(n)\" selected>\(next.name)</option>") && future.body.contains("bukan siklus berjalan"))
        #expect(future.body.contains("action=\"/kerja/siklus/perpanjang?siklus=\(n)\"") && future.body.contains("1 Desember 2028"))
        let extended = try bappeda.post("/kerja/siklus/perpanjang?siklus=\(n)", [("tahap", "kota"), ("tutup", "2028-12-28T23:59"),
                                                                                  ("alasan", "Libur akhir tahun.")], csrf: future.csrf)
        #expect(extended.status == 303 && extended.location == "/kerja/siklus?siklus=\(n)")
        #expect(try world.service.cycle(id: next.id).windows[.kota]?.closesAt == WIBTime.date(year: 2028, month: 12, day: 28, hour: 23, minute: 59))
        #expect(try world.service.cycle(id: current.id).windows == current.windows)

        // Ceilings: the settings of the chosen cycle only.
        func settings(_ cycle: CycleID) throws -> Int64? {
            try world.database.read { db in try CeilingRepository(db).settings(cycleId: cycle, level: .kelurahan)?.total }
        }
        let currentSettings = try settings(current.id)
        let pagu = try bappeda.get("/kerja/pagu?siklus=\(n)")
        #expect(pagu.status == 200 && pagu.body.contains("action=\"/kerja/pagu?siklus=\(n)\"") && pagu.body.contains(next.name))
        #expect(pagu.body.contains("href=\"/kerja/pagu?tingkat=kecamatan&amp;siklus=\(n)\""))
        let saved = try bappeda.post("/kerja/pagu?siklus=\(n)", CeilingPageTests.fields("kelurahan", total: "2.000.000.000", action: "simpan"),
                                     csrf: pagu.csrf)
        #expect(saved.status == 303 && saved.location == "/kerja/pagu?tingkat=kelurahan&siklus=\(n)")
        #expect(try settings(next.id) == 2_000_000_000 && settings(current.id) == currentSettings)

        // Criteria inputs: stored for the chosen cycle only.
        func inputs(_ cycle: CycleID) throws -> [Int64: CeilingInput] {
            Dictionary(uniqueKeysWithValues: try world.database.read { db in try CeilingRepository(db).inputs(cycleId: cycle) }.map { ($0.areaId, $0) })
        }
        let currentInputs = try inputs(current.id)
        let pk = world.kelurahan.rawValue
        let table = try bappeda.get("/kerja/pagu/kriteria?siklus=\(n)")
        #expect(table.body.contains("action=\"/kerja/pagu/kriteria?siklus=\(n)\"") && table.body.contains(next.name))
        let filled = try bappeda.post("/kerja/pagu/kriteria?siklus=\(n)", [("versi", try #require(CeilingInputTests.hidden("versi", table.body)))]
                                      + CeilingInputTests.row(pk, ["13.000", "160", "950.000.000", "310"]), csrf: table.csrf)
        #expect(filled.status == 303 && filled.location == "/kerja/pagu/kriteria?siklus=\(n)")
        #expect(try inputs(next.id)[pk]?.values[.population] == 13_000 && inputs(current.id) == currentInputs)

        // Group shares: stored for the chosen cycle only.
        func shares(_ cycle: CycleID) throws -> Set<GroupShare> {
            Set(try world.database.read { db in try CycleRepository(db).groupShares(cycleId: cycle, level: .kelurahan, ownerId: nil) })
        }
        let currentShares = try shares(current.id)
        let board = try bappeda.get("/kerja/pagu/bagian?tingkat=kelurahan&siklus=\(n)")
        #expect(board.body.contains("action=\"/kerja/pagu/bagian?siklus=\(n)\""))
        let set = try bappeda.post("/kerja/pagu/bagian?siklus=\(n)", [("tingkat", "kelurahan"), ("min-fisik", "25"),
                                                                     ("versi", try #require(CeilingInputTests.hidden("versi", board.body)))],
                                   csrf: board.csrf)
        #expect(set.status == 303 && set.location == "/kerja/pagu/bagian?tingkat=kelurahan&siklus=\(n)")
        #expect(try shares(next.id) == [.minimum(.fisik, basisPoints: 2_500)] && shares(current.id) == currentShares)

        // Scoring criteria: added to the chosen cycle only; a criterion of another cycle is not found through it.
        func criteria(_ cycle: CycleID) throws -> [String] {
            try world.database.read { db in try CycleRepository(db).scoringCriteria(cycleId: cycle) }.map(\.code)
        }
        let onCurrent = try bappeda.post("/kerja/master/kriteria", [("kode", "urgensi"), ("nama", "Urgensi"), ("bobot", "3")],
                                         csrf: try bappeda.get("/kerja/master/kriteria").csrf)
        #expect(onCurrent.status == 303 && onCurrent.location == "/kerja/master/kriteria")
        let currentCriteria = try criteria(current.id)
        #expect(currentCriteria.contains("urgensi"))
        let list = try bappeda.get("/kerja/master/kriteria?siklus=\(n)")
        #expect(list.body.contains("action=\"/kerja/master/kriteria?siklus=\(n)\"") && list.body.contains(next.name))
        let added = try bappeda.post("/kerja/master/kriteria?siklus=\(n)", [("kode", "dampak"), ("nama", "Dampak"), ("bobot", "2")],
                                     csrf: list.csrf)
        #expect(added.status == 303 && added.location == "/kerja/master/kriteria?siklus=\(n)")
        #expect(try criteria(next.id) == ["dampak"] && criteria(current.id) == currentCriteria)
        let ofCurrent = try #require(try world.database.read { db in try CycleRepository(db).scoringCriteria(cycleId: current.id) }.first)
        let elsewhere = try bappeda.post("/kerja/master/kriteria/\(ofCurrent.id.rawValue)?siklus=\(n)",
                                         [("nama-\(ofCurrent.id.rawValue)", "Lain"), ("bobot-\(ofCurrent.id.rawValue)", "9")], csrf: list.csrf)
        #expect(elsewhere.status == 404)
        _ = scene
    }

    @Test func anUnknownCycleIsNotFoundAndOtherRolesAreRefused() throws {
        let world = try PortalWorld()
        _ = try world.verifiers()
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.5.9.2:1")
        for path in ["/kerja/siklus?siklus=9999", "/kerja/pagu?siklus=abc", "/kerja/pagu/kriteria?siklus=9999", "/kerja/pagu/bagian?siklus=-1"] {
            #expect(try bappeda.get(path).status == 404, "\(path)")
        }
        let forged = try bappeda.post("/kerja/pagu?siklus=9999", CeilingPageTests.fields("kelurahan", total: "1.000.000", action: "simpan"),
                                      csrf: try bappeda.get("/kerja/pagu").csrf)
        #expect(forged.status == 404)
        let current = try #require(try world.service.currentCycle())
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.5.9.3:1")
        #expect(try camat.get("/kerja/pagu?siklus=\(current.id.rawValue)").status == 403)
    }
}
