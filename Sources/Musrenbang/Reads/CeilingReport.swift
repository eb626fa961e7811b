import Foundation

/// A cycle's ceilings as the public page `/pagu` shows them (`MusrenbangService.ceilingReport`): for the kelurahan and
/// the kecamatan the formula's settings and every area's inputs, parts, exact share, rounding and ceiling, with what it
/// funds and what is left; the OPD ceilings with theirs. Only areas, OPD and amounts: nothing personal.
public struct CeilingReport: Sendable {
    public var cycle: Cycle
    /// Whether the public sees it now (`Visibility.ceilingsArePublic`); false only for Bappeda's early look.
    public var isPublic: Bool
    /// The kelurahan, then the kecamatan level; a level whose settings or ceilings are not stored is absent.
    public var levels: [AreaCeilingLevel]
    /// Every OPD ceiling set for the cycle, by short name.
    public var opd: [CeilingUsage]
}

/// One level's area ceilings: the total and formula they were computed with, and each area's computation.
public struct AreaCeilingLevel: Sendable {
    public var level: Level
    public var total: Int64
    public var formula: CeilingFormula
    /// By area name.
    public var areas: [AreaCeiling]
    /// When the stored ceilings were computed.
    public var computedAt: Date?
    /// Whether the formula applied again to today's inputs gives exactly the stored ceilings (false after an input or a
    /// setting changed and before Bappeda computed again).
    public var matchesInputs: Bool

    /// The base share divided equally and each criterion's pool, floored to the rupiah (`CeilingCalculator.pools`).
    public var pools: (base: Int64, criteria: [CeilingCriterion: Int64]) { CeilingCalculator.pools(total: total, formula: formula) }

    /// The sum of every area's value of a criterion (what its pool is divided by).
    public func inputSum(_ criterion: CeilingCriterion) -> Int64 { areas.reduce(0) { $0 + $1.input.value(criterion) } }

    /// The sum of the ceilings (the total, by the largest-remainder rounding).
    public var amountSum: Int64 { areas.reduce(0) { $0 + $1.line.amount } }
}

/// One area's ceiling: its inputs (a kecamatan's are the sums of its kelurahan), the computation, and its use.
public struct AreaCeiling: Sendable {
    public var name: String
    /// The kecamatan of a kelurahan; nil for a kecamatan.
    public var kecamatanId: KecamatanID?
    public var kecamatanName: String?
    public var input: CeilingInput
    public var line: CeilingLine
    /// The envelope's use; `used` is 0 and `resultsVisible` false while the level's results are not public.
    public var usage: CeilingUsage
}
