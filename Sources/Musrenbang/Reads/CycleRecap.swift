import Foundation

/// A cycle's recap for the public page `/rekap` and Bappeda's `/kerja/rekap` (`MusrenbangService.cycleRecap`): counts
/// and sums by area, bidang, OPD and state, F1 against F2 per level, the decisions with the most frequent reasons for a
/// rejection, the funnel, every envelope's ceiling and use, and last cycle's unfunded proposals beside this cycle's
/// kecamatan figures. Only counts, sums, names of areas and OPD, and public facts of proposals: no account, no person.
public struct CycleRecap: Sendable {
    public var cycle: Cycle
    /// The kecamatan it is narrowed to; nil for the whole city.
    public var kecamatan: Kecamatan?
    /// Whether the public sees it now (`Visibility.kelurahanResultsArePublic`); false only for Bappeda's early look.
    public var isPublic: Bool
    public var cells: RecapCells
    /// Everything counted (the sum of every table).
    public var totals: RecapRow
    public var byKecamatan: [RecapRow]
    public var byKelurahan: [RecapRow]
    public var byBidang: [RecapRow]
    public var byOPD: [RecapRow]
    /// Keyed "stage:status" (`ProposalState.description`).
    public var byStatus: [RecapRow]
    /// The most frequent reasons of the rejection decisions (kelurahan, kecamatan, OPD; not ratified by the city).
    public var rejectionReasons: [RejectionReason]
    /// Every envelope's ceiling and use by level: the kecamatan's own and its kelurahan's when narrowed (no OPD, whose
    /// ceilings serve the whole city), else every kelurahan, kecamatan and OPD.
    public var ceilings: [Level: [CeilingUsage]]
    /// The kecamatan each kelurahan belongs to (for the use of the area ceilings per kecamatan).
    public var kecamatanOfKelurahan: [KelurahanID: KecamatanID]
    /// The cycle before (the budget year before), when the viewer may see its recap.
    public var previousCycle: Cycle?
    /// Last cycle's unfunded proposals per kecamatan, with how many were carried into this cycle.
    public var previousUnfunded: [UnfundedTally]
    /// Narrowed to a kecamatan: last cycle's unfunded proposals there, one by one (at most `unfundedLineLimit`).
    public var previousUnfundedLines: [UnfundedLine]

    /// How many of last cycle's unfunded proposals a narrowed recap lists one by one: 200 lines put a kecamatan's page of
    /// the benchmark-sized city over the page budget of 100 KB (104 KB); the public list (`/usulan`) holds them all.
    public static let unfundedLineLimit = 100

    public var levels: [LevelSplit] { cells.levels }
    public var decisions: DecisionSplit { cells.decisions }
    public var funnel: [FunnelCount] { cells.funnel }
}

/// A reason given for rejections, with how many rejection decisions gave it word for word.
public struct RejectionReason: Hashable, Sendable {
    public var reason: String
    public var count: Int
}

/// One kecamatan's unfunded proposals of a cycle (rejected, left over as F2, not ratified): how many, their cost in
/// force, and how many were carried into the next cycle (and submitted there).
public struct UnfundedTally: Hashable, Sendable {
    public var kecamatanId: KecamatanID
    public var kecamatanName: String
    public var tally: RecapTally
    public var carried: Int
}

/// One unfunded proposal of last cycle as the public may see it: its code, title, kelurahan, how it ended, its cost in
/// force, and the code of the submitted proposal it was carried into.
public struct UnfundedLine: Hashable, Sendable {
    public var code: TrackingCode
    public var title: String
    public var kelurahanName: String
    public var state: ProposalState
    public var effectiveCost: Int64
    public var carriedInto: TrackingCode?
}
