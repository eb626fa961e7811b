import Foundation
import Testing
@testable import Musrenbang

/// Recaps and envelope use follow the visibility rule: a level's results reach others only once they are public.
@Suite struct RecapVisibilityTests {
    @Test func recapsAndUseWaitForTheKecamatanOpening() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), key = LockKey.kelurahan(world.kelurahan[0])
        let a = try world.acceptedProposal(volume: 5)
        world.at(.praMusrenbang)
        _ = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("warga"))   // a draft
        let run = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [a], by: lurah)
        try world.service.lockLevel(key, cycleId: world.cycle.id, runId: run, documentNumber: "BA/1", by: lurah)
        let cycle = world.cycle.id
        // In the kelurahan window: the public and other staff see no recap and no use; Bappeda and the kelurahan do.
        for viewer in [Viewer.public, .actor(world.actor("camat")), .actor(world.actor("lurah1"))] {
            #expect(try world.service.recap(cycleId: cycle, by: .status, viewer: viewer).isEmpty)
            let use = try #require(try world.service.ceilingUsage(cycleId: cycle, level: .kelurahan, viewer: viewer)
                .first { $0.envelope == .kelurahan(world.kelurahan[0]) })
            #expect(use.used == 0 && !use.resultsVisible && use.amount == 7_000_000)
        }
        let byBappeda = try world.service.recap(cycleId: cycle, by: .status, viewer: .actor(world.actor("bappeda")))
        #expect(byBappeda.map(\.key) == ["kelurahan:didanai"] && byBappeda[0].fundedCost == 5_000_000)   // no draft counted
        let own = try world.service.ceilingUsage(cycleId: cycle, level: .kelurahan, viewer: .actor(lurah))
        #expect(own.first { $0.envelope == .kelurahan(world.kelurahan[0]) }?.used == 5_000_000)
        // From the kecamatan opening everyone sees them.
        world.at(.kecamatan)
        #expect(try world.service.recap(cycleId: cycle, by: .status, viewer: .public) == byBappeda)
        #expect(try world.service.ceilingUsage(cycleId: cycle, level: .kelurahan, viewer: .public)
            .first { $0.envelope == .kelurahan(world.kelurahan[0]) }?.used == 5_000_000)
        // Full records stay with the staff who work on them.
        #expect(throws: DomainError.notInScope) {
            try world.service.unfundedProposals(cycleId: cycle, kecamatanId: world.kecamatan[0], viewer: .public)
        }
        #expect(throws: DomainError.notInScope) {
            try world.service.candidates(for: .kelurahan(world.kelurahan[0]), cycleId: cycle, viewer: .actor(world.actor("lurah1")))
        }
        #expect(try world.service.unfundedProposals(cycleId: cycle, kecamatanId: world.kecamatan[0],
                                                    viewer: .actor(world.actor("camat"))).isEmpty)
    }
}
