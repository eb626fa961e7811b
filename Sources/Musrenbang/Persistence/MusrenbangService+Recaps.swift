import Foundation
import Storage

/// Recaps and the envelopes' use, for a viewer: before a level's results are public only its own staff and Bappeda
/// see what it decided (domain.md "Visibility"); drafts, a resident's private work, are never counted.
extension MusrenbangService {
    /// Counts and sums (original and effective cost) of a cycle by kecamatan, kelurahan, bidang, OPD or status,
    /// without drafts. Bappeda sees them at any time; everyone else once the kelurahan results are public (the
    /// kecamatan Musrenbang has opened), before that the recap is empty.
    public func recap(cycleId: CycleID, by dimension: RecapDimension, viewer: Viewer) throws -> [RecapRow] {
        let now = clock.now()
        return try database.read { db in
            guard Visibility.canViewRecap(try CycleRepository(db).cycle(id: cycleId), viewer: viewer, at: now) else { return [] }
            return try RecapRepository(db).recap(cycleId: cycleId, by: dimension, includeDrafts: false)
        }
    }

    /// Each envelope of a level: its ceiling (public), and what it funds where the viewer may see the level's results
    /// (`Visibility.canViewResults`; otherwise `used` is 0 and `resultsVisible` false).
    public func ceilingUsage(cycleId: CycleID, level: Level, viewer: Viewer) throws -> [CeilingUsage] {
        let now = clock.now()
        return try database.read { db in
            try Self.ceilingUsage(db, cycle: try CycleRepository(db).cycle(id: cycleId), level: level, viewer: viewer, at: now)
        }
    }

    /// `ceilingUsage(cycleId:level:viewer:)` on an open read.
    static func ceilingUsage(_ db: Connection, cycle: Cycle, level: Level, viewer: Viewer, at now: Date) throws -> [CeilingUsage] {
        try RecapRepository(db).ceilingUsage(cycleId: cycle.id, level: level).map { visible($0, viewer: viewer, cycle: cycle, at: now) }
    }

    /// `usage` as `viewer` may see it: what the envelope funds only where its level's results are visible.
    static func visible(_ usage: CeilingUsage, viewer: Viewer, cycle: Cycle, at now: Date) -> CeilingUsage {
        guard !Visibility.canViewResults(of: usage.envelope.lockKey, viewer: viewer, cycle: cycle, at: now) else { return usage }
        var hidden = usage
        hidden.used = 0
        hidden.resultsVisible = false
        return hidden
    }

    /// A cycle's whole recap for `viewer` (the public page `/rekap`, Bappeda's `/kerja/rekap`), on one snapshot, of one
    /// kecamatan of the cycle's kota when given (`PersistenceError.notFound` otherwise); nil while the viewer may not see
    /// it (`Visibility.canViewRecap`). Drafts are never counted; the envelopes' use follows `ceilingUsage`; last
    /// cycle's figures come only when the viewer may see that cycle's recap too.
    public func cycleRecap(cycleId: CycleID, kecamatanId: KecamatanID? = nil, viewer: Viewer,
                           rejectionReasons reasonLimit: Int = 10) throws -> CycleRecap? {
        let now = clock.now()
        return try database.read { db in
            let wilayah = WilayahRepository(db), recaps = RecapRepository(db)
            let cycles = try CycleCache.shared.all(db)
            let cycle = try CycleCache.shared.cycle(id: cycleId, db)
            let kecamatan = try kecamatanId.map { id in
                let found = try wilayah.kecamatan(id: id)
                guard found.kotaId == cycle.kotaId else { throw PersistenceError.notFound("kecamatan \(id)") }
                return found
            }
            guard Visibility.canViewRecap(cycle, viewer: viewer, at: now) else { return nil }
            let cells = RecapCells(try recaps.cells(cycleId: cycleId, kecamatanId: kecamatanId, includeDrafts: false))
            var names: [RecapDimension: [String: String]] = [:]
            for dimension in RecapDimension.allCases { names[dimension] = try recaps.names(dimension) }
            let kelurahan = try wilayah.kelurahanList(kotaId: cycle.kotaId)
            let kecamatanOf = Dictionary(uniqueKeysWithValues: kelurahan.map { ($0.id, $0.kecamatanId) })
            // The area envelopes' use from the cells (`RecapCells.funded`), the OPD's by its query; shown as `ceilingUsage`.
            var ceilings: [Level: [CeilingUsage]] = [:]
            for level in [Level.kelurahan, .kecamatan] {
                let funded = cells.funded(level: level) ?? [:], levelNames = names[level == .kelurahan ? .kelurahan : .kecamatan] ?? [:]
                ceilings[level] = try CeilingRepository(db).envelopes(cycleId: cycleId, level: level).compactMap { envelope, amount in
                    switch envelope {
                    case .kelurahan(let id) where kecamatanId != nil && kecamatanOf[id] != kecamatanId: return nil
                    case .kecamatan(let id) where kecamatanId != nil && id != kecamatanId: return nil
                    default:
                        let owner = String(envelope.ownerId)
                        return Self.visible(CeilingUsage(envelope: envelope, name: levelNames[owner] ?? owner, amount: amount,
                                                         used: funded[envelope.ownerId] ?? 0), viewer: viewer, cycle: cycle, at: now)
                    }
                }.sorted { ($0.name, $0.envelope.ownerId) < ($1.name, $1.envelope.ownerId) }
            }
            if kecamatanId == nil { ceilings[.opd] = try Self.ceilingUsage(db, cycle: cycle, level: .opd, viewer: viewer, at: now) }
            func rows(_ dimension: RecapDimension) -> [RecapRow] { cells.rows(by: dimension, names: names[dimension] ?? [:]) }
            let previous = cycles.first { $0.kotaId == cycle.kotaId && $0.budgetYear == cycle.budgetYear - 1 }
                .flatMap { Visibility.canViewRecap($0, viewer: viewer, at: now) ? $0 : nil }
            return CycleRecap(
                cycle: cycle, kecamatan: kecamatan, isPublic: Visibility.kelurahanResultsArePublic(cycle: cycle, at: now), cells: cells, totals: cells.total,
                byKecamatan: rows(.kecamatan), byKelurahan: rows(.kelurahan), byBidang: rows(.bidang),
                byOPD: rows(.opd), byStatus: rows(.status),
                rejectionReasons: try recaps.rejectionReasons(cycleId: cycleId, kecamatanId: kecamatanId, limit: reasonLimit),
                ceilings: ceilings, kecamatanOfKelurahan: kecamatanOf, previousCycle: previous,
                previousUnfunded: try previous.map { try recaps.unfundedTallies(cycleId: $0.id, intoCycle: cycleId, kecamatanId: kecamatanId) } ?? [],
                previousUnfundedLines: try previous.flatMap { previous in
                    try kecamatanId.map { try recaps.unfundedLines(cycleId: previous.id, intoCycle: cycleId, kecamatanId: $0,
                                                                   limit: CycleRecap.unfundedLineLimit) }
                } ?? [])
        }
    }

    /// A cycle's unfunded proposals of a kecamatan with what they were carried into (the next cycle's kecamatan
    /// recap), for the kecamatan's staff and Bappeda: full records, proposer names included. The public reads each
    /// through `publicProposal`.
    public func unfundedProposals(cycleId: CycleID, kecamatanId: KecamatanID, viewer: Viewer) throws -> [UnfundedProposal] {
        guard let actor = viewer.actor, actor.role == .bappeda
                || ([.camat, .operatorKecamatan].contains(actor.role) && actor.scope == .kecamatan(kecamatanId)) else {
            throw DomainError.notInScope
        }
        return try unfundedProposals(cycleId: cycleId, kecamatanId: kecamatanId)
    }

    /// The proposals competing for an envelope (full records), for the envelope's owner and Bappeda.
    public func candidates(for envelope: FundingEnvelope, cycleId: CycleID, viewer: Viewer) throws -> [Proposal] {
        guard let actor = viewer.actor, actor.role == .bappeda || actor.owns(envelope) else { throw DomainError.notInScope }
        return try candidates(for: envelope, cycleId: cycleId)
    }

    /// Unscoped recap (drafts included): tests and the bench's reference; the portal uses `recap(cycleId:by:viewer:)`.
    func recap(cycleId: CycleID, by dimension: RecapDimension) throws -> [RecapRow] {
        try database.read { db in try RecapRepository(db).recap(cycleId: cycleId, by: dimension) }
    }

    /// Unscoped envelope use: tests and the demo; the portal uses `ceilingUsage(cycleId:level:viewer:)`.
    func ceilingUsage(cycleId: CycleID, level: Level) throws -> [CeilingUsage] {
        try database.read { db in try RecapRepository(db).ceilingUsage(cycleId: cycleId, level: level) }
    }

    /// Unscoped: tests; the portal uses `unfundedProposals(cycleId:kecamatanId:viewer:)`.
    func unfundedProposals(cycleId: CycleID, kecamatanId: KecamatanID) throws -> [UnfundedProposal] {
        try database.read { db in try RecapRepository(db).unfunded(cycleId: cycleId, kecamatanId: kecamatanId) }
    }
}
