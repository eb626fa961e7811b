import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("seed-demo: Kota Tangerang Selatan with a cycle in progress", .serialized)
struct DemoSeedTests {
    /// A checksum of every proposal's identity, state, version and amounts, and of the event log.
    private func checksum(_ database: Database) throws -> String {
        try database.read { db in
            var text = ""
            try db.forEachRow("""
                SELECT id, tracking_code, stage, status, version, cost, effective_cost, envelope_level, envelope_owner_id
                FROM proposals ORDER BY id
                """) { text += $0.values.map(\.description).joined(separator: "|") + "\n" }
            try db.forEachRow("SELECT id, proposal_id, action, at, version_after FROM proposal_events ORDER BY id") {
                text += $0.values.map(\.description).joined(separator: "|") + "\n"
            }
            return SHA256.hexDigest(Array(text.utf8))
        }
    }

    @Test func seedsTheDemoThroughTheWorkflowOnceAndOnlyOnce() throws {
        let temporary = try TemporaryDatabase()
        let database = try #require(temporary.database)
        let runDate = WIBTime.date(year: 2026, month: 11, day: 22, hour: 19)
        let report = try DemoSeeder(database: database, runDate: runDate).run()
        #expect(!report.alreadySeeded)
        let counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.name, $0.count) })
        #expect(counts["kecamatan"] == 7 && counts["kelurahan"] == 54 && counts["opd"] == 16)
        #expect((counts["kamus_usulan"] ?? 0) >= 40)
        #expect(report.credentials.count == counts["accounts"])
        #expect(Set(report.credentials.map(\.username)).isSuperset(of: ["op.cireundeu", "lurah.cireundeu", "camat.ciputat-timur",
                                                                        "opd.dinkes", "bappeda", "admin"]))

        let service = try MusrenbangService(database: database, clock: .manual(ManualClock(runDate)))
        let kota = try #require(try database.read { db in try WilayahRepository(db).kota(code: "TGS") })
        let current = try #require(try database.read { db in try CycleRepository(db).cycle(kotaId: kota.id, budgetYear: 2028) })
        let previous = try #require(try database.read { db in try CycleRepository(db).cycle(kotaId: kota.id, budgetYear: 2027) })

        // A cycle in progress today: kecamatan and OPD stages open, earlier ones closed, kota not yet.
        #expect(current.isOpen(.kecamatan, at: runDate) && current.isOpen(.opd, at: runDate))
        #expect(!current.isOpen(.praMusrenbang, at: runDate) && !current.isOpen(.kelurahan, at: runDate))
        #expect(!current.isOpen(.kota, at: runDate))

        // About 1,500 proposals in the current cycle, in every state a cycle in progress can have. Absent by
        // design: kota:ditetapkan and kota:tidak_ditetapkan (the kota stage has not opened); they are present
        // in the previous, finished cycle.
        let byStatus = try service.recap(cycleId: current.id, by: .status)
        let total = byStatus.map(\.count).reduce(0, +)
        #expect((1_300...1_700).contains(total), "\(total)")
        let present = Set(byStatus.map(\.key))
        let expectedAbsent: Set<String> = ["kota:ditetapkan", "kota:tidak_ditetapkan"]
        for state in ProposalState.all where !expectedAbsent.contains(state.description) {
            #expect(present.contains(state.description), "missing \(state)")
        }
        let previousStates = Set(try service.recap(cycleId: previous.id, by: .status).map(\.key))
        #expect(previousStates.isSuperset(of: expectedAbsent))

        // Every proposal has a history that starts with its creation and ends at its current version.
        let (withoutHistory, mismatched): (Int, Int) = try database.read { db in
            (try db.scalar("SELECT count(*) FROM proposals p WHERE NOT EXISTS (SELECT 1 FROM proposal_events e WHERE e.proposal_id = p.id AND e.action = 'buat')") ?? -1,
             try db.scalar("SELECT count(*) FROM proposals p WHERE p.version <> (SELECT max(version_after) FROM proposal_events e WHERE e.proposal_id = p.id)") ?? -1)
        }
        #expect(withoutHistory == 0 && mismatched == 0)

        // Ceilings follow the formula and add up exactly to the totals; funding never exceeds them.
        for level in [Level.kelurahan, .kecamatan] {
            let usage = try service.ceilingUsage(cycleId: current.id, level: level)
            let settings = try #require(try database.read { db in try CeilingRepository(db).settings(cycleId: current.id, level: level) })
            #expect(usage.count == (level == .kelurahan ? 54 : 7))
            #expect(usage.map(\.amount).reduce(0, +) == settings.total)
            #expect(usage.allSatisfy { $0.used <= $0.amount })
        }
        #expect(try service.ceilingUsage(cycleId: current.id, level: .opd).allSatisfy { $0.used <= $0.amount })

        // Carried-over proposals link back; the kecamatan recap lists last cycle's unfunded proposals.
        let carried: Int = try database.read { db in
            try db.scalar("SELECT count(*) FROM proposals WHERE carried_from_id IS NOT NULL AND cycle_id = ?", [current.id.rawValue]) ?? 0
        }
        #expect(carried > 0)
        let unfunded = try (1...7).flatMap { try service.unfundedProposals(cycleId: previous.id, kecamatanId: KecamatanID(Int64($0))) }
        #expect(!unfunded.isEmpty)

        // Recaps by every dimension add up to the same totals.
        for dimension in RecapDimension.allCases {
            let rows = try service.recap(cycleId: current.id, by: dimension)
            #expect(rows.map(\.count).reduce(0, +) == total, "\(dimension)")
            #expect(rows.map(\.originalCost).reduce(0, +) == byStatus.map(\.originalCost).reduce(0, +), "\(dimension)")
        }

        // The printed passwords work (and only they).
        let lurah = try #require(report.credentials.first { $0.username == "lurah.cireundeu" })
        let actor = try #require(try service.authenticate(username: lurah.username, password: lurah.password))
        #expect(actor.role == .verifikatorKelurahan)
        #expect(try service.authenticate(username: lurah.username, password: lurah.password + "x") == nil)

        // musrenbang check's checks pass.
        #expect(try database.checkIntegrity().isOK)

        // A second run changes nothing.
        let before = try checksum(database)
        let again = try DemoSeeder(database: database, runDate: runDate.addingTimeInterval(86_400)).run()
        #expect(again.alreadySeeded && again.credentials.isEmpty)
        #expect(again.counts.map(\.count) == report.counts.map(\.count))
        #expect(try checksum(database) == before)

        // Deterministic: the same seed and run date give the same data in another file.
        let other = try TemporaryDatabase()
        _ = try DemoSeeder(database: try #require(other.database), runDate: runDate, hashCost: 1).run()
        #expect(try checksum(try #require(other.database)) == before)
    }

    @Test func anInterruptedSeedIsReportedNotMistakenForAFinishedOne() throws {
        let temporary = try TemporaryDatabase()
        let database = try #require(temporary.database)
        let runDate = WIBTime.date(year: 2026, month: 11, day: 22, hour: 19)
        _ = try DemoSeeder(database: database, runDate: runDate).run()
        // A seed killed before its last write leaves the accounts with the placeholder hash.
        try database.write { db in try db.execute("UPDATE accounts SET password_hash = '!' WHERE username = 'admin'") }
        do {
            _ = try DemoSeeder(database: database, runDate: runDate).run()
            Issue.record("a partial demo was taken as complete")
        } catch let error as PersistenceError {
            #expect("\(error)".contains("hanya sebagian"), "\(error)")
        }
    }

    /// `--stage pra_musrenbang`: the residents' path is open on the seed's day, the later stages are still to come.
    @Test func aDemoSeededAtThePraMusrenbangLetsResidentsPropose() throws {
        let temporary = try TemporaryDatabase()
        let database = try #require(temporary.database)
        let runDate = WIBTime.date(year: 2026, month: 12, day: 2, hour: 10)
        let report = try DemoSeeder(database: database, runDate: runDate, hashCost: 1, stage: .praMusrenbang).run()
        let service = try MusrenbangService(database: database, clock: WallClock { runDate }, hasher: PasswordHasher(cost: 1))
        let cycle = try #require(try service.currentCycle())
        #expect(cycle.isOpen(.praMusrenbang, at: runDate) && !cycle.isOpen(.kelurahan, at: runDate))
        let states: [String] = try database.read { db in
            try db.query("SELECT DISTINCT stage FROM proposals WHERE cycle_id = ?", [cycle.id.rawValue]).map { try $0.get(0) }
        }
        #expect(Set(states) == ["pra_musrenbang", "kelurahan"])                         // nothing decided past the kelurahan queue
        let resident = try #require(report.credentials.first { $0.role == .warga })
        let actor = try #require(try service.authenticate(username: resident.username, password: resident.password))
        let origin: Origin = try database.read { db in
            let rt: Int64 = try db.scalar("SELECT id FROM rt ORDER BY id LIMIT 1") ?? 0
            return try WilayahRepository(db).origin(rtId: RTID(rt))
        }
        let kamus: Int64 = try database.read { db in try db.scalar("SELECT id FROM kamus_usulan WHERE active = 1 ORDER BY id LIMIT 1") ?? 0 }
        let new = NewProposal(origin: origin, proposerAccountId: nil, proposerName: "Warga Demo", title: "Usulan uji", problem: "Masalah",
                              kamusId: KamusID(kamus), volume: 1, locationText: "Jl. Uji", beneficiaries: 1)
        let sent = try service.submit(new, cycleId: cycle.id, by: actor)
        #expect(sent.state == ProposalState(.praMusrenbang, .diajukan))
        // Every demo resident has illustrative personal data, valid in form, and a home RT.
        let residents: [(String?, String?, String?, Int64?)] = try database.read { db in
            try db.query("""
                SELECT a.nik, a.phone, a.email, a.home_rt_id FROM accounts a JOIN account_roles r ON r.account_id = a.id
                WHERE r.role = 'warga'
                """).map { (try $0.get(0), try $0.get(1), try $0.get(2), try $0.get(3)) }
        }
        #expect(residents.count == 14)
        for (nik, phone, email, home) in residents {
            #expect(nik.flatMap(NIK.init) != nil && phone.flatMap { PhoneNumber(parsing: $0) } != nil, "\(nik ?? "-") \(phone ?? "-")")
            #expect(email?.hasSuffix("@warga-demo.invalid") == true && home != nil)
        }
    }
}
