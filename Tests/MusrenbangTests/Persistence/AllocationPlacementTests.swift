import Foundation
import Testing
@testable import Musrenbang

/// The light rows an allocation reads (state and envelope level decoded from integers in SQL) are the
/// placements of the full proposals, and the stored decisions carry the reasons the domain core gives.
@Suite struct AllocationPlacementTests {
    @Test func placementsMatchFullProposalsAndStoredReasonsMatchTheRun() throws {
        let world = try TestWorld()
        let a = try world.acceptedProposal(volume: 5), b = try world.acceptedProposal(volume: 5), c = try world.acceptedProposal(volume: 2)
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        world.at(.kelurahan)
        try world.service.rank(envelope, cycleId: world.cycle.id, scores: [
            a.id: [world.criteria[0].id: 5, world.criteria[1].id: 5], b.id: [world.criteria[0].id: 4, world.criteria[1].id: 4],
            c.id: [world.criteria[0].id: 1, world.criteria[1].id: 1],
        ], by: lurah)
        let filter = MusrenbangTransaction.candidateFilter(envelope, cycleId: world.cycle.id)
        func check(_ filter: ProposalFilter) throws {
            try world.database.read { db in
                let repository = ProposalRepository(db)
                let light = try repository.allocationPlacements(filter, level: .kelurahan)
                let full = try repository.list(filter)
                #expect(light.map(\.placement) == full.map { ProposalPlacement($0) })
                #expect(light.map(\.candidate) == full.map { AllocationCandidate($0, level: .kelurahan) })
            }
        }
        try check(filter)                                    // before: no envelope yet
        let outcome = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        // The lean candidates of a draft run are the placements' candidates.
        #expect(try world.database.read { db in try ProposalRepository(db).allocationCandidates(filter, level: .kelurahan) }
            == (try world.database.read { db in try ProposalRepository(db).allocationPlacements(filter, level: .kelurahan) }.map(\.candidate)))
        try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: outcome.runId,
                                    documentNumber: "BA/1", by: lurah)
        let all = ProposalFilter(cycleId: world.cycle.id)
        try check(all)                                       // after: funded ones carry the envelope, b moved up
        #expect(try world.database.read { db in try ProposalRepository(db).allocationPlacements(all, level: .kelurahan) }
            .contains { $0.placement.envelope == envelope })
        let stored = try world.database.read { db in try AllocationRepository(db).decisions(runId: outcome.runId) }
        #expect(stored.map(\.reason) == outcome.result.decisions.map(\.reason))
        #expect(stored.map(\.funded) == [true, false, true])
    }
}
