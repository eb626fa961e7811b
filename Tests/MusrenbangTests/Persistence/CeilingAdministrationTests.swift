import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("Ceilings and their inputs: complete inputs, locks need a reason, never below what is funded, no trap")
struct CeilingAdministrationTests {
    @Test func computationNamesEveryKelurahanWithoutInputs() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda")
        let a = try world.service.addKelurahan(kecamatanId: world.kecamatan[0], code: "L05", name: "Pondok Jaya", by: bappeda)
        let b = try world.service.addKelurahan(kecamatanId: world.kecamatan[1], code: "L15", name: "Jurang Mangu", by: bappeda)
        let kecamatan = try world.service.addKecamatan(kotaId: world.kota, code: "K7", name: "Setu", by: bappeda)
        let before = try world.fingerprint()
        do {
            _ = try world.service.computeCeilings(cycleId: world.cycle.id, by: bappeda)
            Issue.record("computed with missing inputs")
        } catch let error as DomainError {
            #expect(error.ruleId == "missing_input")
            for name in ["Kelurahan Pondok Jaya", "Kelurahan Jurang Mangu", "Kecamatan Setu"] {
                #expect(error.message.contains(name), "\(error.message)")
            }
        }
        #expect(try world.fingerprint() == before)
        let c = try world.service.addKelurahan(kecamatanId: kecamatan.id, code: "L70", name: "Babakan", by: bappeda)
        let inputs = [a, b, c].enumerated().map { i, kelurahan in
            CeilingInput(areaId: kelurahan.id.rawValue, population: Int64(500 * (i + 1)), area: 10, pbbRealisation: 10, poorHouseholds: 1)
        }
        // A table with bad values is refused whole, every bad value named with its kelurahan.
        var bad = inputs
        bad[0].values[.population] = -1
        bad[2].values[.area] = .max
        do {
            try world.service.setCeilingInputs(bad, cycleId: world.cycle.id, by: bappeda)
            Issue.record("accepted negative and huge inputs")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["jumlah penduduk (kelurahan \(a.id))", "luas wilayah (kelurahan \(c.id))"])
        }
        try world.expectRefused("invalid_fields") { try world.service.setCeilingInputs([inputs[0], inputs[0]], cycleId: world.cycle.id, by: bappeda) }
        try world.service.setCeilingInputs(inputs, cycleId: world.cycle.id, by: bappeda)
        #expect(try world.adminLog().suffix(3).map(\.entityKey) == inputs.map { "\(world.cycle.id)/\($0.areaId)" })
        let (kel, kec) = try world.service.computeCeilings(cycleId: world.cycle.id, by: bappeda)
        #expect(kel.lines.count == 7 && kel.lines.reduce(0) { $0 + $1.amount } == 40_000_000)
        #expect(kec.lines.count == 3 && kec.lines.reduce(0) { $0 + $1.amount } == 20_000_000)
        let entry = try #require(try world.adminLog().last)
        #expect(entry.entity == .ceilings && entry.action == .compute && entry.cycleId == world.cycle.id && entry.reason == nil)
        guard case .object(let after)? = entry.after?["kelurahan"], case .object(let previous)? = entry.before?["kelurahan"] else {
            Issue.record("no amounts in \(entry)")
            return
        }
        #expect(after.count == 7 && previous.count == 4)
    }

    /// Kelurahan 0 with a funded proposal (Rp 5.000.000 of its Rp 7.000.000) and its berita acara locked.
    private func lockedWorld() throws -> (TestWorld, Proposal) {
        let world = try TestWorld()
        let p = try world.acceptedProposal(volume: 5)
        world.at(.kelurahan)
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        try world.service.rank(envelope, cycleId: world.cycle.id,
                               scores: [p.id: [world.criteria[0].id: 4, world.criteria[1].id: 3]], by: lurah)
        let run = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: run.runId, documentNumber: "BA/001",
                                    by: lurah)
        let funded = try world.service.proposal(.id(p.id))
        #expect(funded.envelope == envelope)
        return (world, funded)
    }

    @Test func afterABeritaAcaraEveryCeilingChangeNeedsAReasonAndIsLogged() throws {
        let (world, _) = try lockedWorld()
        let bappeda = world.actor("bappeda"), cycle = world.cycle.id
        let settings = CeilingSettings(total: 44_000_000, formula: CeilingFormula(baseShareBasisPoints: 5000, weights: [.population: 1],
                                                                                   roundingUnit: 1_000_000))
        let input = CeilingInput(areaId: world.kelurahan[1].rawValue, population: 2500, area: 100, pbbRealisation: 100, poorHouseholds: 10)
        let changes: [(String, (String?) throws -> Void)] = [
            ("settings", { try world.service.setCeilingSettings(cycleId: cycle, level: .kelurahan, settings, reason: $0, by: bappeda) }),
            ("input", { try world.service.setCeilingInput(input, cycleId: cycle, reason: $0, by: bappeda) }),
            ("opd", { try world.service.setOPDCeiling(cycleId: cycle, opdId: world.opd[1], amount: 12_000_000, reason: $0, by: bappeda) }),
            ("compute", { _ = try world.service.computeCeilings(cycleId: cycle, reason: $0, by: bappeda) }),
        ]
        for (name, change) in changes {
            for reason in [nil, "", "   "] as [String?] {
                try world.expectRefused("reason_required", "\(name) without a reason") { try change(reason) }
            }
            try world.expectRefused("role_not_allowed", "\(name) by the lurah") {
                _ = try world.service.computeCeilings(cycleId: cycle, reason: "koreksi", by: world.actor("lurah"))
            }
            let count = try world.adminLog().count
            try change("  Koreksi data BPS  ")
            let entry = try #require(try world.adminLog().last)
            #expect(try world.adminLog().count == count + 1 && entry.reason == "Koreksi data BPS", "\(name)")
        }
        #expect(try world.service.ceilingUsage(cycleId: cycle, level: .opd).first { $0.envelope == .opd(world.opd[1]) }?.amount
                == 12_000_000)
    }

    @Test func aRecomputationBelowWhatIsFundedIsRefusedNamingTheEnvelope() throws {
        let (world, funded) = try lockedWorld()
        let bappeda = world.actor("bappeda"), cycle = world.cycle.id
        #expect(funded.cost == 5_000_000)
        // Kelurahan 0 would get Rp 1.000.000 + its population share of Rp 4.000.000 < Rp 5.000.000 funded.
        try world.service.setCeilingSettings(cycleId: cycle, level: .kelurahan, CeilingSettings(total: 8_000_000,
            formula: CeilingFormula(baseShareBasisPoints: 5000, weights: [.population: 1], roundingUnit: 1_000_000)),
                                             reason: "APBD perubahan", by: bappeda)
        let before = try world.fingerprint()
        do {
            _ = try world.service.computeCeilings(cycleId: cycle, reason: "APBD perubahan", by: bappeda)
            Issue.record("a ceiling fell below what it funds")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["pagu Kelurahan Kelurahan 00"])
            #expect(errors.first?.message.contains("5.000.000") == true, "\(errors)")
        }
        #expect(try world.fingerprint() == before)
        #expect(try world.service.ceilingUsage(cycleId: cycle, level: .kelurahan).first { $0.envelope == funded.envelope }?.amount
                == 7_000_000)
        // An OPD ceiling below what it funds is refused the same way (a proposal funded from OPD 0 by hand).
        try world.database.write { db in
            try db.execute("UPDATE proposals SET envelope_level = 'opd', envelope_owner_id = ? WHERE id = ?",
                           [world.opd[0].rawValue, funded.id.rawValue])
        }
        try world.expectRefused("invalid_fields") {
            try world.service.setOPDCeiling(cycleId: cycle, opdId: world.opd[0], amount: 4_999_999, reason: "pemotongan", by: bappeda)
        }
        try world.service.setOPDCeiling(cycleId: cycle, opdId: world.opd[0], amount: 5_000_000, reason: "pemotongan", by: bappeda)
    }

    /// Values that must be refused or computed, never trapped on or wrapped.
    static let extremeInt64: [Int64] = [.min, -1, 0, 1, 999_999, 1_000_000, CeilingCalculator.maxTotal, CeilingCalculator.maxTotal + 1,
                                        Int64.max / 2, .max - 1, .max]
    static let extremeInt: [Int] = [.min, -1, 0, 1, 5_000, 10_000, 10_001, CeilingCalculator.maxWeightSum,
                                    CeilingCalculator.maxWeightSum + 1, .max]

    @Test func theCalculatorReturnsAnErrorOnAbsurdInputsNeverTraps() throws {
        var rng = SeededRandom(seed: 0xA11CE)
        for _ in 0..<3_000 {
            let total = rng.pick(Self.extremeInt64)
            let n = rng.int(1...6)
            var inputs: [CeilingInput] = []
            for i in 0..<n {
                var values: [CeilingCriterion: Int64] = [:]
                for criterion in CeilingCriterion.allCases {
                    values[criterion] = rng.chance(0.7) ? rng.pick([0, 1, CeilingCalculator.maxCriterionValue, .max, 1_000_000_000_000])
                                                        : rng.pick(Self.extremeInt64)
                }
                inputs.append(CeilingInput(areaId: Int64(i + 1), values: values))
            }
            var weights: [CeilingCriterion: Int] = [:]
            for criterion in CeilingCriterion.allCases { weights[criterion] = rng.chance(0.5) ? rng.int(0...3) : rng.pick(Self.extremeInt) }
            let formula = CeilingFormula(baseShareBasisPoints: rng.chance(0.5) ? rng.int(0...10_000) : rng.pick(Self.extremeInt),
                                         weights: weights, roundingUnit: rng.pick(Self.extremeInt64))
            do {
                let result = try CeilingCalculator.allocate(total: total, inputs: inputs, formula: formula)
                #expect(result.lines.reduce(Int64(0)) { $0 + $1.amount } == total)
                #expect(result.lines.allSatisfy { $0.amount >= 0 && $0.basePart >= 0 })
            } catch {
                #expect(!error.message.isEmpty)
            }
            // The kecamatan sums of the same inputs saturate instead of wrapping, and are refused when too large.
            let sums = CeilingInput.aggregate(inputs) { _ in 1 }
            #expect(sums.count == 1)
            _ = try? CeilingCalculator.allocate(total: total, inputs: sums, formula: formula)
        }
        // The largest inputs accepted compute exactly.
        let big = (1...5).map { CeilingInput(areaId: Int64($0), values: Dictionary(uniqueKeysWithValues:
            CeilingCriterion.allCases.map { ($0, CeilingCalculator.maxCriterionValue) })) }
        let result = try CeilingCalculator.allocate(total: CeilingCalculator.maxTotal, inputs: big,
            formula: CeilingFormula(baseShareBasisPoints: 0, weights: [.population: 1_000_000], roundingUnit: 1))
        #expect(result.lines.reduce(0) { $0 + $1.amount } == CeilingCalculator.maxTotal)
        // Sums beyond Int64 saturate.
        let huge = [CeilingInput(areaId: 1, population: .max, area: 0, pbbRealisation: 0, poorHouseholds: 0),
                    CeilingInput(areaId: 2, population: .max, area: 0, pbbRealisation: 0, poorHouseholds: 0)]
        #expect(CeilingInput.aggregate(huge) { _ in 9 }.first?.value(.population) == .max)
    }

    @Test func theSettersRefuseAbsurdValuesAndWriteNothing() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda"), cycle = world.cycle.id
        var rng = SeededRandom(seed: 0xCE111)
        var accepted = 0
        for round in 0..<150 {
            var weights: [CeilingCriterion: Int] = [:]
            for criterion in CeilingCriterion.allCases { weights[criterion] = rng.chance(0.6) ? rng.int(0...5) : rng.pick(Self.extremeInt) }
            let settings = CeilingSettings(total: rng.pick(Self.extremeInt64),
                                           formula: CeilingFormula(baseShareBasisPoints: rng.chance(0.5) ? 5000 : rng.pick(Self.extremeInt),
                                                                   weights: weights, roundingUnit: rng.pick(Self.extremeInt64)))
            let level: Level = rng.pick([.kelurahan, .kecamatan])
            if settings.fieldErrors().isEmpty {
                try world.service.setCeilingSettings(cycleId: cycle, level: level, settings, by: bappeda)
                accepted += 1
            } else {
                try world.expectRefused("invalid_fields", "settings \(round)") {
                    try world.service.setCeilingSettings(cycleId: cycle, level: level, settings, by: bappeda)
                }
            }
            let input = CeilingInput(areaId: world.kelurahan[rng.int(0...3)].rawValue,
                                     values: Dictionary(uniqueKeysWithValues: CeilingCriterion.allCases.map {
                                         ($0, rng.chance(0.6) ? rng.int64(0...1_000_000) : rng.pick(Self.extremeInt64)) }))
            if input.fieldErrors().isEmpty {
                try world.service.setCeilingInput(input, cycleId: cycle, by: bappeda)
            } else {
                try world.expectRefused("invalid_fields", "input \(round)") {
                    try world.service.setCeilingInput(input, cycleId: cycle, by: bappeda)
                }
            }
            let amount = rng.pick(Self.extremeInt64)
            if (0...CeilingCalculator.maxTotal).contains(amount) {
                try world.service.setOPDCeiling(cycleId: cycle, opdId: world.opd[0], amount: amount, by: bappeda)
            } else {
                try world.expectRefused("invalid_fields", "opd \(round)") {
                    try world.service.setOPDCeiling(cycleId: cycle, opdId: world.opd[0], amount: amount, by: bappeda)
                }
            }
            // Whatever was accepted computes or is refused with a DomainError (a huge kecamatan sum), never traps.
            do { _ = try world.service.computeCeilings(cycleId: cycle, by: bappeda) } catch let error as DomainError {
                #expect(["invalid_input", "invalid_fields"].contains(error.ruleId), "\(error)")
            }
        }
        #expect(accepted > 10)
        // One field error per bad field, all at once.
        do {
            try world.service.setCeilingSettings(cycleId: cycle, level: .kota, CeilingSettings(total: -1, formula: CeilingFormula(
                baseShareBasisPoints: 10_001, weights: [.area: -1], roundingUnit: 0)), by: bappeda)
            Issue.record("accepted absurd settings")
        } catch DomainError.invalidFields(let errors) {
            #expect(Set(errors.map(\.field)) == ["tingkat", "total pagu", "porsi dasar (basis poin)", "satuan pembulatan",
                                                 "bobot luas wilayah", "bobot"])
        }
    }
}
