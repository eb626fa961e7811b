/// A level's ceiling settings for a cycle: the total to share and the formula (base share, weights, rounding unit).
public struct CeilingSettings: Hashable, Sendable {
    public var total: Int64
    public var formula: CeilingFormula

    /// Settings sharing `total` by `formula`.
    public init(total: Int64, formula: CeilingFormula) { self.total = total; self.formula = formula }

    /// Every field out of the range `CeilingCalculator` computes exactly (absurd values are refused, never wrapped).
    public func fieldErrors() -> [FieldError] {
        var errors = FieldErrors()
        errors.range(total, 0...CeilingCalculator.maxTotal, "total pagu")
        errors.range(formula.baseShareBasisPoints, 0...10_000, "porsi dasar (basis poin)")
        errors.range(formula.roundingUnit, 1...CeilingCalculator.maxTotal, "satuan pembulatan")
        var sum = 0
        for criterion in CeilingCriterion.allCases {
            let weight = formula.weight(criterion)
            errors.range(weight, 0...CeilingCalculator.maxWeightSum, "bobot \(criterion.displayName)")
            if (0...CeilingCalculator.maxWeightSum).contains(weight) { sum += weight }
        }
        errors.check(sum <= CeilingCalculator.maxWeightSum, "bobot", "jumlah bobot paling banyak \(CeilingCalculator.maxWeightSum)")
        errors.check(sum > 0 || formula.baseShareBasisPoints == 10_000, "bobot",
                     "minimal satu kriteria berbobot bila porsi dasar di bawah 100%")
        return errors.errors
    }
}

extension CeilingInput {
    /// Every criterion value out of 0...`CeilingCalculator.maxCriterionValue`.
    public func fieldErrors() -> [FieldError] {
        var errors = FieldErrors()
        for criterion in CeilingCriterion.allCases {
            errors.range(value(criterion), 0...CeilingCalculator.maxCriterionValue, criterion.displayName)
        }
        return errors.errors
    }
}
