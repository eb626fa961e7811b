import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("Master data by Bappeda through MusrenbangService, each change logged")
struct MasterDataTests {
    /// Every master-data and ceiling operation, by `actor`.
    static func operations(_ world: TestWorld) -> [(String, (Actor) throws -> Void)] {
        let s = world.service, cycle = world.cycle.id, kel = world.kelurahan[0], (rw, rt) = world.rts[kel]![0]
        let kamus = world.kamus[0].id, criterion = world.criteria[0].id
        let settings = CeilingSettings(total: 1_000_000_000, formula: CeilingFormula(baseShareBasisPoints: 5000,
                                       weights: [.population: 1], roundingUnit: 1_000_000))
        let newKamus = NewKamusItem(code: "K-9", name: "Pelatihan", bidangId: world.kamus[0].bidangId, opdId: world.opd[0],
                                    unit: "orang", unitPrice: 250_000, isFisik: false)
        let newCycle = NewCycle(kotaId: world.kota, planYear: 2028, budgetYear: 2029, name: "Musrenbang 2028",
                                windows: Fixture.windows.map { StageWindow(stage: $0.stage, opensAt: $0.opensAt.addingTimeInterval(365 * 86_400),
                                                                           closesAt: $0.closesAt.addingTimeInterval(365 * 86_400)) })
        return [
            ("setGroupShares", { _ = try s.setGroupShares(cycleId: cycle, level: .kelurahan, shares: [.minimum(.nonFisik, basisPoints: 4000)],
                                                        by: $0) }),
            ("setCeilingSettings", { try s.setCeilingSettings(cycleId: cycle, level: .kelurahan, settings, by: $0) }),
            ("setCeilingInput", { try s.setCeilingInput(CeilingInput(areaId: kel.rawValue, population: 1, area: 1, pbbRealisation: 1,
                                                                     poorHouseholds: 1), cycleId: cycle, by: $0) }),
            ("setOPDCeiling", { try s.setOPDCeiling(cycleId: cycle, opdId: world.opd[0], amount: 1, by: $0) }),
            ("computeCeilings", { _ = try s.computeCeilings(cycleId: cycle, by: $0) }),
            ("addKecamatan", { _ = try s.addKecamatan(kotaId: world.kota, code: "K9", name: "Baru", by: $0) }),
            ("renameKecamatan", { _ = try s.renameKecamatan(world.kecamatan[0], to: "Baru Lagi", by: $0) }),
            ("addKelurahan", { _ = try s.addKelurahan(kecamatanId: world.kecamatan[0], code: "L9", name: "Baru", by: $0) }),
            ("renameKelurahan", { _ = try s.renameKelurahan(kel, to: "Baru Lagi", by: $0) }),
            ("addRW", { _ = try s.addRW(kelurahanId: kel, number: 9, by: $0) }),
            ("renumberRW", { _ = try s.renumberRW(rw, to: 8, by: $0) }),
            ("addRT", { _ = try s.addRT(rwId: rw, number: 9, by: $0) }),
            ("renumberRT", { _ = try s.renumberRT(rt, to: 8, by: $0) }),
            ("addOPD", { _ = try s.addOPD(code: "DISDIK", name: "Dinas Pendidikan", shortName: "Disdik", by: $0) }),
            ("renameOPD", { _ = try s.renameOPD(world.opd[0], name: "Dinas PU", shortName: "DPU", by: $0) }),
            ("addBidang", { _ = try s.addBidang(code: "EK", name: "Ekonomi", by: $0) }),
            ("renameBidang", { _ = try s.renameBidang(world.kamus[0].bidangId, to: "Infrastruktur", by: $0) }),
            ("addKamusItem", { _ = try s.addKamusItem(newKamus, by: $0) }),
            ("changeKamusItem", { _ = try s.changeKamusItem(kamus, KamusItemChange(unitPrice: 2_000_000), by: $0) }),
            ("setKamusItemActive", { _ = try s.setKamusItemActive(kamus, false, by: $0) }),
            ("createCycle", { _ = try s.createCycle(newCycle, by: $0) }),
            ("addScoringCriterion", { _ = try s.addScoringCriterion(cycleId: cycle, code: "prioritas", name: "Prioritas", weight: 1, by: $0) }),
            ("changeScoringCriterion", { _ = try s.changeScoringCriterion(criterion, weight: 9, by: $0) }),
            ("removeScoringCriterion", { try s.removeScoringCriterion(criterion, by: $0) }),
        ]
    }

    @Test func onlyBappedaMayChangeMasterDataAndARefusalWritesNothing() throws {
        let world = try TestWorld()
        for name in ["warga", "ketua.rt", "ketua.rw", "op.kel0", "lurah", "camat", "opd", "admin"] {
            for (operation, call) in Self.operations(world) {
                try world.expectRefused("role_not_allowed", "\(operation) by \(name)") { try call(world.actor(name)) }
            }
        }
        // A forged actor: the Bappeda role on an account that does not hold it, or on no account at all.
        let forged = [Actor(accountId: world.actor("lurah").accountId, role: .bappeda, scope: .kota),
                      Actor(accountId: AccountID(9_999), role: .bappeda, scope: .kota)]
        for actor in forged {
            for (operation, call) in Self.operations(world) {
                try world.expectRefused("role_not_allowed", "\(operation) forged") { try call(actor) }
            }
        }
        // The batch path (one transaction for several operations) checks the actor the same way.
        for actor in forged {
            try world.expectRefused("role_not_allowed", "computeCeilings in a transaction, forged") {
                _ = try world.service.transaction { try $0.computeCeilings(cycleId: world.cycle.id, by: actor) }
            }
        }
        // A deactivated Bappeda account.
        _ = try world.service.setAccountActive(world.actor("bappeda").accountId, false, reason: "pensiun", by: world.actor("admin"))
        for (operation, call) in Self.operations(world) {
            try world.expectRefused("account_inactive", "\(operation) inactive") { try call(world.actor("bappeda")) }
        }
    }

    @Test func everyOperationByBappedaIsLoggedWithItsState() throws {
        let world = try TestWorld()
        for (operation, call) in Self.operations(world) {
            let before = try world.adminLog().count
            try call(world.actor("bappeda"))
            let log = try world.adminLog()
            #expect(log.count == before + 1, "\(operation)")
            let entry = try #require(log.last)
            #expect(entry.actorAccountId == world.actor("bappeda").accountId && entry.actorRole == .bappeda, "\(operation)")
            #expect(entry.before != nil || entry.after != nil, "\(operation)")
            if entry.action == .update { #expect(entry.before != entry.after && entry.before != nil, "\(operation)") }
        }
        let entities = try world.adminLog().map(\.entity)
        #expect(Set(entities) == Set(AdminEntity.allCases).subtracting([.account]))
    }

    @Test func wilayahChangesKeepTheirRulesAndDuplicatesAreRefused() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda")
        let kecamatan = try world.service.addKecamatan(kotaId: world.kota, code: "K9", name: "Setu", by: bappeda)
        let kelurahan = try world.service.addKelurahan(kecamatanId: kecamatan.id, code: "L90", name: "Babakan", by: bappeda)
        let rw = try world.service.addRW(kelurahanId: kelurahan.id, number: 1, by: bappeda)
        let rt = try world.service.addRT(rwId: rw.id, number: 1, by: bappeda)
        #expect(try world.database.read { db in try WilayahRepository(db).origin(rtId: rt.id) }
            == Origin(kecamatanId: kecamatan.id, kelurahanId: kelurahan.id, rwId: rw.id, rtId: rt.id))
        let before = try world.fingerprint()
        #expect(throws: PersistenceError.duplicate("kecamatan Setu / K10")) {
            try world.service.addKecamatan(kotaId: world.kota, code: "K10", name: "Setu", by: bappeda)
        }
        #expect(throws: PersistenceError.self) { try world.service.addRT(rwId: rw.id, number: 1, by: bappeda) }
        #expect(throws: PersistenceError.self) { try world.service.renumberRW(world.rts[world.kelurahan[0]]![0].0, to: 2, by: bappeda) }
        #expect(try world.fingerprint() == before)
        // Empty names and numbers out of range: every field reported.
        do {
            _ = try world.service.addKelurahan(kecamatanId: kecamatan.id, code: " ", name: "", by: bappeda)
            Issue.record("accepted empty code and name")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["kode", "nama kelurahan"])
        }
        try world.expectRefused("invalid_fields") { _ = try world.service.addRW(kelurahanId: kelurahan.id, number: 0, by: bappeda) }
        try world.expectRefused("invalid_fields") { _ = try world.service.renumberRT(rt.id, to: -3, by: bappeda) }
        // Values with quotes and SQL are stored as they are (bound, never spliced).
        let odd = try world.service.renameKecamatan(kecamatan.id, to: "Setu'); DROP TABLE kecamatan; --", by: bappeda)
        #expect(try world.database.read { db in try WilayahRepository(db).kecamatan(id: kecamatan.id) } == odd)
    }

    @Test func kamusItemsValidateEveryFieldAndLogEachChange() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda")
        do {
            _ = try world.service.addKamusItem(NewKamusItem(code: "", name: " ", bidangId: BidangID(99), opdId: world.opd[0],
                                                            unit: "", unitPrice: -1, isFisik: true), by: bappeda)
            Issue.record("accepted an invalid kamus item")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["kode", "nama kegiatan", "satuan", "harga satuan (SSH)"])
        }
        try world.expectRefused("invalid_fields") {
            _ = try world.service.addKamusItem(NewKamusItem(code: "K-7", name: "Posyandu", bidangId: BidangID(99), opdId: OPDID(98),
                                                            unit: "paket", unitPrice: 1, isFisik: false), by: bappeda)
        }
        let item = world.kamus[1]
        let deactivated = try world.service.setKamusItemActive(item.id, false, reason: "diganti K-9", by: bappeda)
        #expect(!deactivated.active)
        try world.expectRefused("change_required") { _ = try world.service.setKamusItemActive(item.id, false, by: bappeda) }
        let reactivated = try world.service.setKamusItemActive(item.id, true, by: bappeda)
        #expect(reactivated == item)
        let log = try world.adminLog().suffix(2)
        #expect(log.map(\.action) == [.deactivate, .reactivate])
        #expect(log.first?.reason == "diganti K-9" && log.first?.before?["active"] == .bool(true)
                && log.first?.after?["active"] == .bool(false))
        let changed = try world.service.changeKamusItem(item.id, KamusItemChange(name: "Posyandu keliling", unit: "paket",
                                                                                 opdId: world.opd[0], isFisik: true), by: bappeda)
        #expect(changed.name == "Posyandu keliling" && changed.unit == "paket" && changed.opdId == world.opd[0] && changed.isFisik)
        #expect(try world.database.read { db in try CatalogRepository(db).kamus(id: item.id) } == changed)
        try world.expectRefused("change_required") { _ = try world.service.changeKamusItem(item.id, KamusItemChange(), by: bappeda) }
        try world.expectRefused("invalid_fields") {
            _ = try world.service.changeKamusItem(item.id, KamusItemChange(name: "", unitPrice: Int64.min), by: bappeda)
        }
    }

    @Test func aPriceChangeAppliesToNewProposalsOnly() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0")
        let old = try world.service.submit(try world.newProposal(volume: 5), cycleId: world.cycle.id, by: op)
        #expect(old.unitPrice == 1_000_000 && old.cost == 5_000_000)
        let draftNew = try world.newProposal(volume: 2)
        let draft = try world.service.create(draftNew, cycleId: world.cycle.id, by: world.actor("warga"))
        let item = try world.service.changeKamusItem(world.kamus[0].id, KamusItemChange(unitPrice: 1_500_000),
                                                     reason: "SSH 2027", by: world.actor("bappeda"))
        #expect(item.unitPrice == 1_500_000)
        let reloaded = try world.service.proposal(.id(old.id))
        #expect(reloaded.unitPrice == 1_000_000 && reloaded.cost == 5_000_000 && reloaded == old)
        let stored: (Int64?, Int64?) = try world.database.read { db in
            (try db.scalar("SELECT unit_price FROM proposals WHERE id = ?", [old.id.rawValue]),
             try db.scalar("SELECT effective_cost FROM proposals WHERE id = ?", [old.id.rawValue]))
        }
        #expect(stored.0 == 1_000_000 && stored.1 == 5_000_000)
        // The service reads the item's price from the catalogue (the caller names the item only).
        let new = try world.newProposal(volume: 5)
        let fresh = try world.service.submit(new, cycleId: world.cycle.id, by: op)
        #expect(fresh.unitPrice == 1_500_000 && fresh.cost == 7_500_000)
        // A draft of the same item edited after the change keeps the price it was created with.
        var edit = draftNew.content
        edit.volume = 6
        let edited = try world.service.apply(TransitionInput(.ubah, expectedVersion: draft.version, edit: edit), to: .id(draft.id),
                                             by: world.actor("warga"))
        #expect(edited.unitPrice == 1_000_000 && edited.cost == 6_000_000)
        let entry = try #require(try world.adminLog().last)
        #expect(entry.entity == .kamusUsulan && entry.reason == "SSH 2027")
        #expect(entry.before?["unit_price"] == .integer(1_000_000) && entry.after?["unit_price"] == .integer(1_500_000))
    }

    @Test func scoringCriteriaChangeAndAreRemovedOnlyWhileUnused() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda")
        let added = try world.service.addScoringCriterion(cycleId: world.cycle.id, code: "prioritas", name: "Prioritas kota",
                                                          weight: 2, by: bappeda)
        #expect(try world.database.read { db in try CycleRepository(db).scoringCriteria(cycleId: world.cycle.id) }.last == added)
        let changed = try world.service.changeScoringCriterion(added.id, name: "Prioritas RPJMD", weight: 4, by: bappeda)
        #expect(changed.weight == 4 && changed.name == "Prioritas RPJMD")
        try world.expectRefused("invalid_fields") { _ = try world.service.changeScoringCriterion(added.id, weight: 0, by: bappeda) }
        try world.expectRefused("invalid_fields") {
            _ = try world.service.addScoringCriterion(cycleId: world.cycle.id, code: "", name: "x", weight: Int.max, by: bappeda)
        }
        // A criterion a stored score uses stays.
        let p = try world.acceptedProposal()
        world.at(.kelurahan)
        try world.service.rank(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id,
                               scores: [p.id: [world.criteria[0].id: 4]], by: world.actor("lurah"))
        try world.expectRefused("invalid_input") { try world.service.removeScoringCriterion(world.criteria[0].id, by: bappeda) }
        try world.service.removeScoringCriterion(added.id, by: bappeda)
        let entry = try #require(try world.adminLog().last)
        #expect(entry.action == .remove && entry.after == nil && entry.before?["code"] == .text("prioritas")
                && entry.cycleId == world.cycle.id)
    }

    @Test func aCycleIsCreatedWithItsWindowsOrEveryProblemIsNamed() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda")
        let shifted = Fixture.windows.map { StageWindow(stage: $0.stage, opensAt: $0.opensAt.addingTimeInterval(365 * 86_400),
                                                        closesAt: $0.closesAt.addingTimeInterval(365 * 86_400)) }
        var broken = shifted.filter { $0.stage != .kota }
        broken[0] = StageWindow(stage: broken[0].stage, opensAt: broken[0].closesAt, closesAt: broken[0].opensAt)
        do {
            _ = try world.service.createCycle(NewCycle(kotaId: world.kota, planYear: 2029, budgetYear: 2028, name: "",
                                                       windows: broken), by: bappeda)
            Issue.record("accepted a broken cycle")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["nama siklus", "tahun anggaran", "jadwal Pra-Musrenbang RT/RW", "jadwal Musrenbang kota"])
        }
        let cycle = try world.service.createCycle(NewCycle(kotaId: world.kota, planYear: 2028, budgetYear: 2029,
                                                           name: "Musrenbang 2028", windows: shifted), by: bappeda)
        #expect(try world.service.cycle(id: cycle.id) == cycle && cycle.windows.count == Stage.allCases.count)
        #expect(throws: PersistenceError.self) {
            try world.service.createCycle(NewCycle(kotaId: world.kota, planYear: 2028, budgetYear: 2029, name: "Lagi",
                                                   windows: shifted), by: bappeda)
        }
        let entry = try #require(try world.adminLog().last)
        #expect(entry.entity == .cycle && entry.action == .create && entry.cycleId == cycle.id && entry.before == nil)
        if case .object(let windows)? = entry.after?["windows"] { #expect(windows.count == Stage.allCases.count) }
        else { Issue.record("no windows in \(entry)") }
    }
}
