/// The criteria of the weighted share of a ceiling (domain.md "Ceilings").
public enum CeilingCriterion: String, CaseIterable, Hashable, Sendable {
    case population
    /// Area, in any one unit for all areas (the schema stores square metres).
    case area
    /// PBB (property tax) realisation, in rupiah.
    case pbbRealisation = "pbb_realisation"
    case poorHouseholds = "poor_households"

    /// Indonesian display name.
    public var displayName: String {
        switch self {
        case .population: "jumlah penduduk"
        case .area: "luas wilayah"
        case .pbbRealisation: "realisasi PBB"
        case .poorHouseholds: "rumah tangga miskin"
        }
    }
}

/// The inputs of one area (a kelurahan or a kecamatan): its id and its criterion values.
public struct CeilingInput: Hashable, Sendable {
    /// The kelurahan or kecamatan id (raw).
    public var areaId: Int64
    public var values: [CeilingCriterion: Int64]

    public init(areaId: Int64, population: Int64, area: Int64, pbbRealisation: Int64, poorHouseholds: Int64) {
        self.areaId = areaId
        self.values = [.population: population, .area: area, .pbbRealisation: pbbRealisation, .poorHouseholds: poorHouseholds]
    }

    public init(areaId: Int64, values: [CeilingCriterion: Int64]) { self.areaId = areaId; self.values = values }

    public func value(_ criterion: CeilingCriterion) -> Int64 { values[criterion] ?? 0 }

    /// Sums kelurahan inputs per parent (kecamatan) to feed the kecamatan ceilings; sorted by parent id.
    /// A sum beyond Int64 stays at `Int64.max` (never wraps), which `CeilingCalculator` refuses as out of range.
    public static func aggregate(_ inputs: [CeilingInput], parentOf: (Int64) -> Int64?) -> [CeilingInput] {
        var sums: [Int64: [CeilingCriterion: Int64]] = [:]
        for input in inputs {
            guard let parent = parentOf(input.areaId) else { continue }
            for criterion in CeilingCriterion.allCases {
                let (sum, overflow) = sums[parent, default: [:]][criterion, default: 0]
                    .addingReportingOverflow(input.value(criterion))
                sums[parent, default: [:]][criterion] = overflow ? .max : sum
            }
        }
        return sums.keys.sorted().map { CeilingInput(areaId: $0, values: sums[$0]!) }
    }
}

/// The formula settings of a cycle for one level: the equal base share, the criterion weights and the
/// rounding unit.
public struct CeilingFormula: Hashable, Sendable {
    /// Share of the total divided equally among the areas, in basis points (3000 = 30%).
    public var baseShareBasisPoints: Int
    /// Relative integer weights of the criteria for the rest (e.g. 40/20/20/20).
    public var weights: [CeilingCriterion: Int]
    /// Amounts are whole multiples of this unit (e.g. Rp 1.000.000).
    public var roundingUnit: Int64

    public init(baseShareBasisPoints: Int, weights: [CeilingCriterion: Int], roundingUnit: Int64) {
        self.baseShareBasisPoints = baseShareBasisPoints; self.weights = weights; self.roundingUnit = roundingUnit
    }

    public func weight(_ criterion: CeilingCriterion) -> Int { weights[criterion] ?? 0 }
}
