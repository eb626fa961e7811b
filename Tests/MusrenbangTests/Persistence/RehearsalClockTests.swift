import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The rehearsal clock (`serve --rehearsal-at`): it starts at the rehearsed moment and runs on, and the engine's
/// windows and events follow it, on the same database the other clocks use.
@Suite("Rehearsal clock")
struct RehearsalClockTests {
    @Test func startsAtTheRehearsedMomentAndRunsOn() {
        let start = WIBTime.date(year: 2027, month: 1, day: 20, hour: 9)
        let clock = WallClock.rehearsal(startingAt: start)
        let first = clock.now()
        let second = clock.now()
        #expect(clock.rehearsalStart == start)
        #expect(first >= start && first.timeIntervalSince(start) < 60, "\(first)")
        #expect(second >= first)
        // Only a rehearsal clock says so (the portal's banner reads it).
        #expect(WallClock.system.rehearsalStart == nil)
        #expect(WallClock.manual(ManualClock(start)).rehearsalStart == nil)
    }

    @Test func theEngineDecidesWhatIsOpenAtTheRehearsedDate() throws {
        let world = try TestWorld()
        let submitted = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        let lurah = world.actor("lurah")
        func service(at moment: Date) throws -> MusrenbangService {
            try MusrenbangService(database: world.database, clock: .rehearsal(startingAt: moment), hasher: PasswordHasher(cost: 1))
        }
        // Rehearsed in the OPD forum's weeks, the kelurahan's decision is out of its window.
        do {
            try service(at: Fixture.inside(.opd)).apply(.terima, to: .id(submitted.id), by: lurah, expectedVersion: submitted.version)
            Issue.record("accepted outside the kelurahan window")
        } catch let error as DomainError { #expect(error.ruleId == "outside_window") }
        // Rehearsed in the kelurahan's weeks, it is taken, and its event carries the rehearsed time.
        let moment = Fixture.inside(.kelurahan)
        let accepted = try service(at: moment).apply(.terima, to: .id(submitted.id), by: lurah, expectedVersion: submitted.version)
        #expect(accepted.state == ProposalState(.kelurahan, .diterima))
        let detail = try world.service.proposalDetail(.id(submitted.id), viewer: .actor(lurah))
        let decided = try #require(detail.history.last)
        #expect(decided.at >= moment && decided.at.timeIntervalSince(moment) < 60, "\(decided.at)")
    }
}
