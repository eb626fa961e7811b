/// One area's ceiling and how it was reached. base + criterion parts (each floored to the rupiah) is
/// the exact share; `roundingAdjustment` is what the largest-remainder rounding added or removed.
public struct CeilingLine: Hashable, Sendable {
    public var areaId: Int64
    /// Equal base share, floored to the rupiah.
    public var basePart: Int64
    /// Each criterion's weighted share, floored to the rupiah.
    public var criterionParts: [CeilingCriterion: Int64]
    /// The exact share in millionths of a rupiah (as decimal text: it may exceed Int64).
    public var exactShareMicros: String
    /// The exact share rounded down to whole units.
    public var roundedDown: Int64
    /// Added by the largest-remainder method: one unit (if this area had one of the largest remainders)
    /// plus, for the area with the largest share, the part of the total below one unit.
    public var remainderBonus: Int64
    /// The ceiling: roundedDown + remainderBonus.
    public var amount: Int64

    /// amount - (basePart + sum of criterionParts).
    public var roundingAdjustment: Int64 { amount - basePart - criterionParts.values.reduce(0, +) }
}

/// The ceilings of all areas of one level; amounts add up exactly to `total`.
public struct CeilingAllocation: Hashable, Sendable {
    public var total: Int64
    public var formula: CeilingFormula
    /// Sorted by area id.
    public var lines: [CeilingLine]

    public func line(for areaId: Int64) -> CeilingLine? { lines.first { $0.areaId == areaId } }
}

/// Pagu indikatif kewilayahan: splits a total among areas as an equal base share plus a weighted share
/// by criteria, rounded to a unit with the largest-remainder method. Exact integer arithmetic:
/// shares are computed in millionths of a rupiah in 128-bit integers, then rounded.
///
/// Determinism and tie-breaking: remainders are compared exactly; equal remainders go to the smaller
/// area id first. If the total is not a multiple of the unit, the part below one unit goes to the area
/// with the largest exact share (equal shares: smaller id). If every area has 0 for a criterion, that
/// criterion's part is split equally. Raising one area's criterion never lowers its ceiling.
public enum CeilingCalculator {
    /// Scale of the exact shares: millionths of a rupiah.
    public static let scale: Int128 = 1_000_000
    /// Input bounds that keep every intermediate product inside 128 bits.
    public static let maxTotal: Int64 = 1_000_000_000_000_000
    public static let maxCriterionValue: Int64 = 1_000_000_000_000_000
    public static let maxWeightSum = 1_000_000
    public static let maxAreas = 100_000

    /// Computes the ceilings of `inputs` (one per area) sharing `total`.
    public static func allocate(total: Int64, inputs: [CeilingInput], formula: CeilingFormula) throws(DomainError) -> CeilingAllocation {
        try validate(total: total, inputs: inputs, formula: formula)
        let areas = inputs.sorted { $0.areaId < $1.areaId }
        let n = Int128(areas.count)
        let scaledTotal = Int128(total) * scale
        let base = Int128(formula.baseShareBasisPoints)

        let basePart = scaledTotal * base / (10_000 * n)
        var exact = [Int128](repeating: basePart, count: areas.count)
        var parts = [[CeilingCriterion: Int128]](repeating: [:], count: areas.count)
        for criterion in CeilingCriterion.allCases where formula.weight(criterion) > 0 {
            let pool = scaledPool(total: total, criterion: criterion, formula: formula)
            let sum = areas.reduce(Int128(0)) { $0 + Int128($1.value(criterion)) }
            for index in areas.indices {
                let part = sum > 0 ? pool * Int128(areas[index].value(criterion)) / sum : pool / n
                parts[index][criterion] = part
                exact[index] += part
            }
        }

        let unit = Int128(formula.roundingUnit)
        let scaledUnit = unit * scale
        let units = exact.map { $0 / scaledUnit }
        let remainders = exact.map { $0 % scaledUnit }
        let totalUnits = Int128(total) / unit
        var bonusUnits = [Int128](repeating: 0, count: areas.count)
        var left = totalUnits - units.reduce(0, +)
        let byRemainder = areas.indices.sorted {
            remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : areas[$0].areaId < areas[$1].areaId
        }
        var cursor = 0
        while left > 0 {  // left <= number of areas; the loop only guards against a rounding surprise
            bonusUnits[byRemainder[cursor % byRemainder.count]] += 1
            cursor += 1
            left -= 1
        }
        let belowUnit = Int128(total) % unit
        let largest = areas.indices.max {
            exact[$0] != exact[$1] ? exact[$0] < exact[$1] : areas[$0].areaId > areas[$1].areaId
        }!

        var lines: [CeilingLine] = []
        for index in areas.indices {
            let extra = index == largest ? belowUnit : 0
            let bonus = bonusUnits[index] * unit + extra
            var criterionParts: [CeilingCriterion: Int64] = [:]
            for (criterion, part) in parts[index] { criterionParts[criterion] = Int64(part / scale) }
            lines.append(CeilingLine(areaId: areas[index].areaId, basePart: Int64(basePart / scale),
                                     criterionParts: criterionParts, exactShareMicros: String(exact[index]),
                                     roundedDown: Int64(units[index] * unit), remainderBonus: Int64(bonus),
                                     amount: Int64(units[index] * unit + bonus)))
        }
        return CeilingAllocation(total: total, formula: formula, lines: lines)
    }

    /// The part of `total` a criterion shares out by its weight, in millionths of a rupiah (0 without weight):
    /// total x (100% - base share) x weight / sum of the weights.
    static func scaledPool(total: Int64, criterion: CeilingCriterion, formula: CeilingFormula) -> Int128 {
        let weightSum = Int128(CeilingCriterion.allCases.reduce(0) { $0 + formula.weight($1) })
        guard weightSum > 0 else { return 0 }
        return Int128(total) * scale * (10_000 - Int128(formula.baseShareBasisPoints)) * Int128(formula.weight(criterion))
            / (10_000 * weightSum)
    }

    /// How `formula` splits `total` before it reaches the areas, floored to the rupiah: the base share divided equally,
    /// and each criterion's pool divided by its values.
    public static func pools(total: Int64, formula: CeilingFormula) -> (base: Int64, criteria: [CeilingCriterion: Int64]) {
        let base = Int128(total) * scale * Int128(formula.baseShareBasisPoints) / 10_000
        var criteria: [CeilingCriterion: Int64] = [:]
        for criterion in CeilingCriterion.allCases {
            criteria[criterion] = Int64(scaledPool(total: total, criterion: criterion, formula: formula) / scale)
        }
        return (Int64(base / scale), criteria)
    }

    private static func validate(total: Int64, inputs: [CeilingInput], formula: CeilingFormula) throws(DomainError) {
        guard (0...maxTotal).contains(total) else { throw .invalidInput(field: "total pagu", detail: "0 sampai \(Rupiah.format(maxTotal))") }
        guard !inputs.isEmpty, inputs.count <= maxAreas else { throw .missingInput(field: "data wilayah") }
        guard Set(inputs.map(\.areaId)).count == inputs.count else { throw .invalidInput(field: "data wilayah", detail: "wilayah ganda") }
        guard formula.roundingUnit >= 1 else { throw .invalidInput(field: "satuan pembulatan", detail: "minimal Rp 1") }
        guard (0...10_000).contains(formula.baseShareBasisPoints) else {
            throw .invalidInput(field: "porsi dasar", detail: "0% sampai 100%")
        }
        var weightSum = 0
        for criterion in CeilingCriterion.allCases {
            let weight = formula.weight(criterion)
            guard weight >= 0 else { throw .invalidInput(field: "bobot \(criterion.displayName)", detail: "tidak boleh negatif") }
            guard weight <= maxWeightSum else { throw .invalidInput(field: "bobot \(criterion.displayName)", detail: "terlalu besar") }
            weightSum += weight
            guard weightSum <= maxWeightSum else { throw .invalidInput(field: "bobot", detail: "jumlah bobot terlalu besar") }
        }
        guard weightSum > 0 || formula.baseShareBasisPoints == 10_000 else {
            throw .invalidInput(field: "bobot", detail: "minimal satu kriteria berbobot bila porsi dasar di bawah 100%")
        }
        for input in inputs {
            for criterion in CeilingCriterion.allCases {
                guard (0...maxCriterionValue).contains(input.value(criterion)) else {
                    throw .invalidInput(field: "\(criterion.displayName) wilayah \(input.areaId)",
                                        detail: "0 sampai \(maxCriterionValue)")
                }
            }
        }
    }
}
