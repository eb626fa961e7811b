import Testing
@testable import Musrenbang

@Suite struct CeilingTests {
    @Test func workedExampleWithTieBrokenBySmallerId() throws {
        let inputs = [
            CeilingInput(areaId: 3, population: 2, area: 0, pbbRealisation: 0, poorHouseholds: 0),
            CeilingInput(areaId: 1, population: 1, area: 0, pbbRealisation: 0, poorHouseholds: 0),
            CeilingInput(areaId: 2, population: 1, area: 0, pbbRealisation: 0, poorHouseholds: 0),
        ]
        let formula = CeilingFormula(baseShareBasisPoints: 4000, weights: [.population: 100], roundingUnit: 1_000_000)
        let result = try CeilingCalculator.allocate(total: 1_000_000_000, inputs: inputs, formula: formula)
        // base 400M / 3 = 133.33M each; population 600M x (1/4, 1/4, 1/2); exact 283.33M, 283.33M, 433.33M;
        // floors 283 + 283 + 433 = 999 units; the one unit left goes to the equal remainders' smallest id.
        #expect(result.lines.map(\.areaId) == [1, 2, 3])
        #expect(result.lines.map(\.amount) == [284_000_000, 283_000_000, 433_000_000])
        let first = result.lines[0]
        #expect(first.basePart == 133_333_333)
        #expect(first.criterionParts[.population] == 150_000_000)
        #expect(first.roundedDown == 283_000_000)
        #expect(first.remainderBonus == 1_000_000)
        #expect(first.roundingAdjustment == 284_000_000 - 283_333_333)
        #expect(first.exactShareMicros == "283333333333333")
    }

    @Test func totalBelowTheUnitGoesToTheLargestShare() throws {
        let inputs = (1...4).map { CeilingInput(areaId: Int64($0), population: Int64($0), area: 1, pbbRealisation: 1, poorHouseholds: 1) }
        let formula = CeilingFormula(baseShareBasisPoints: 0, weights: [.population: 1], roundingUnit: 1_000_000)
        let result = try CeilingCalculator.allocate(total: 10_500_000, inputs: inputs, formula: formula)
        #expect(result.lines.map(\.amount) == [1_000_000, 2_000_000, 3_000_000, 4_500_000])
    }

    @Test func invalidFormulasAreRefused() {
        let inputs = [CeilingInput(areaId: 1, population: 1, area: 1, pbbRealisation: 1, poorHouseholds: 1)]
        #expect(throws: DomainError.self) {
            try CeilingCalculator.allocate(total: 100, inputs: inputs, formula: CeilingFormula(baseShareBasisPoints: 5000, weights: [:], roundingUnit: 1))
        }
        #expect(throws: DomainError.self) {
            try CeilingCalculator.allocate(total: 100, inputs: inputs, formula: CeilingFormula(baseShareBasisPoints: 10_001, weights: [.area: 1], roundingUnit: 1))
        }
        #expect(throws: DomainError.self) {
            try CeilingCalculator.allocate(total: 100, inputs: inputs + inputs, formula: CeilingFormula(baseShareBasisPoints: 0, weights: [.area: 1], roundingUnit: 1))
        }
        #expect(throws: DomainError.self) {
            try CeilingCalculator.allocate(total: -1, inputs: inputs, formula: CeilingFormula(baseShareBasisPoints: 0, weights: [.area: 1], roundingUnit: 1))
        }
    }

    private static func randomCase(_ rng: inout SeededRandom) -> (Int64, [CeilingInput], CeilingFormula) {
        let units: [Int64] = [1, 1000, 1_000_000, 5_000_000]
        let unit = units[rng.int(0...3)]
        let total = rng.bool() ? rng.int(0...2_000_000) * unit : rng.int(0...50_000_000_000_000)
        let n = rng.int(1...60)
        let ids = (1...n).map { Int64($0 * 7 + rng.int(0...6)) }
        let inputs = ids.map { id in
            CeilingInput(areaId: id, values: Dictionary(uniqueKeysWithValues: CeilingCriterion.allCases.map { c in
                (c, rng.int(0...9) == 0 ? 0 : rng.int(0...(c == .pbbRealisation ? 50_000_000_000 : 200_000)))
            }))
        }
        var weights: [CeilingCriterion: Int] = [:]
        for c in CeilingCriterion.allCases { weights[c] = rng.int(0...100) }
        if weights.values.allSatisfy({ $0 == 0 }) { weights[.population] = 1 }
        let base = rng.int(0...10) == 0 ? 10_000 : rng.int(0...9_999)
        return (total, inputs, CeilingFormula(baseShareBasisPoints: base, weights: weights, roundingUnit: unit))
    }

    @Test func propertiesOverManyRandomCases() throws {
        var rng = SeededRandom(seed: 0xC0FFEE)
        for _ in 0..<500 {
            let (total, inputs, formula) = Self.randomCase(&rng)
            let result = try CeilingCalculator.allocate(total: total, inputs: inputs, formula: formula)
            let unit = formula.roundingUnit
            // Parts add up exactly to the total.
            #expect(result.lines.reduce(0) { $0 + $1.amount } == total)
            // Multiples of the unit; when the total is not, exactly the sub-unit rest sits on one area.
            let offUnit = result.lines.filter { $0.amount % unit != 0 }
            if total % unit == 0 {
                #expect(offUnit.isEmpty)
            } else {
                #expect(offUnit.count == 1 && offUnit[0].amount % unit == total % unit)
            }
            // Each amount is within one unit (plus the sub-unit rest) of its exact share.
            for line in result.lines {
                let exact = Int128(line.exactShareMicros)!
                #expect(Int128(line.roundedDown) * 1_000_000 <= exact)
                #expect(Int128(line.amount) * 1_000_000 < exact + Int128(2 * unit) * 1_000_000)
                #expect(line.amount == line.roundedDown + line.remainderBonus)
            }
            // Same input, any order: same output.
            var shuffled = inputs
            shuffled.shuffle(using: &rng)
            #expect(try CeilingCalculator.allocate(total: total, inputs: shuffled, formula: formula) == result)

            // Monotone: raising one area's criterion never lowers its ceiling.
            let index = rng.int(0...(inputs.count - 1))
            let criterion = CeilingCriterion.allCases[rng.int(0...3)]
            var raised = inputs
            raised[index].values[criterion, default: 0] += rng.int(1...100_000)
            let after = try CeilingCalculator.allocate(total: total, inputs: raised, formula: formula)
            let id = inputs[index].areaId
            #expect(after.line(for: id)!.amount >= result.line(for: id)!.amount,
                    "raising \(criterion) of \(id) lowered its ceiling")
        }
    }

    @Test func kecamatanInputsAreSumsOfTheirKelurahan() throws {
        let kel = [
            CeilingInput(areaId: 11, population: 100, area: 10, pbbRealisation: 1000, poorHouseholds: 5),
            CeilingInput(areaId: 12, population: 50, area: 20, pbbRealisation: 500, poorHouseholds: 1),
            CeilingInput(areaId: 21, population: 70, area: 5, pbbRealisation: 0, poorHouseholds: 9),
        ]
        let kec = CeilingInput.aggregate(kel) { $0 / 10 }
        #expect(kec == [
            CeilingInput(areaId: 1, population: 150, area: 30, pbbRealisation: 1500, poorHouseholds: 6),
            CeilingInput(areaId: 2, population: 70, area: 5, pbbRealisation: 0, poorHouseholds: 9),
        ])
        let result = try CeilingCalculator.allocate(
            total: 7_000_000_000, inputs: kec,
            formula: CeilingFormula(baseShareBasisPoints: 5000, weights: [.population: 1, .poorHouseholds: 1], roundingUnit: 1_000_000))
        #expect(result.lines.reduce(0) { $0 + $1.amount } == 7_000_000_000)
    }
}
