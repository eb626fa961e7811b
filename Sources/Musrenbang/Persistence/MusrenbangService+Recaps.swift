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
            let cycle = try CycleRepository(db).cycle(id: cycleId)
            guard viewer.actor?.role == .bappeda || Visibility.kelurahanResultsArePublic(cycle: cycle, at: now) else { return [] }
            return try RecapRepository(db).recap(cycleId: cycleId, by: dimension, includeDrafts: false)
        }
    }

    /// Each envelope of a level: its ceiling (public), and what it funds where the viewer may see the level's results
    /// (`Visibility.canViewResults`; otherwise `used` is 0 and `resultsVisible` false).
    public func ceilingUsage(cycleId: CycleID, level: Level, viewer: Viewer) throws -> [CeilingUsage] {
        let now = clock.now()
        return try database.read { db in
            let cycle = try CycleRepository(db).cycle(id: cycleId)
            return try RecapRepository(db).ceilingUsage(cycleId: cycleId, level: level).map { usage in
                guard !Visibility.canViewResults(of: usage.envelope.lockKey, viewer: viewer, cycle: cycle, at: now) else { return usage }
                var hidden = usage
                hidden.used = 0
                hidden.resultsVisible = false
                return hidden
            }
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
