import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The cycles kept between requests (CycleCache) are never older than the file: any write to a cycle, its windows or
/// its extensions, from the service or from a bare statement (another process, a repair), is seen by the next read.
@Suite("Cycle cache: a cycle written by anyone is read anew")
struct CycleCacheTests {
    /// Moves the close of `stage` of the world's cycle by a bare statement, in a transaction that commits or not and
    /// reads the cycles through the cache before it ends or not.
    private func moveClose(_ world: TestWorld, _ stage: Stage, to closesAt: Date, commit: Bool = true,
                           readInside: Bool = true) throws {
        struct RolledBack: Error {}
        do {
            try world.database.write { db in
                try db.execute("UPDATE stage_windows SET closes_at = ? WHERE cycle_id = ? AND stage = ?",
                               [WIBTime.iso8601(closesAt), world.cycle.id.rawValue, stage.rawValue])
                // The writer reads the cycles while its change is not committed: it sees its change, and that read
                // must not be kept for others.
                if readInside {
                    let seen = try CycleCache.shared.cycle(id: world.cycle.id, db)
                    #expect(seen.windows[stage]?.closesAt == closesAt)
                }
                if !commit { throw RolledBack() }
            }
        } catch is RolledBack {}
    }

    @Test func aWindowChangedByABareStatementIsSeenByTheNextRead() throws {
        let world = try TestWorld()
        let before = try #require(try world.service.currentCycle())
        #expect(try world.service.currentCycle() == before)
        #expect(try world.service.currentCycle() == (try world.database.read { db in try CycleRepository(db).all().first }))
        let stage = try #require(before.windows.keys.first)
        let later = try #require(before.windows[stage]).closesAt.addingTimeInterval(86_400)
        try moveClose(world, stage, to: later)
        #expect(try world.service.currentCycle()?.windows[stage]?.closesAt == later)
        #expect(try world.service.cycle(id: before.id).windows[stage]?.closesAt == later)
    }

    @Test func aRolledBackChangeIsNeverServedEvenWhenTheNextCommitReachesTheSameGeneration() throws {
        let world = try TestWorld()
        let before = try #require(try world.service.currentCycle())
        let stage = try #require(before.windows.keys.first)
        let close = try #require(before.windows[stage]).closesAt
        try moveClose(world, stage, to: close.addingTimeInterval(3_600), commit: false)
        // This commit moves the generation to the number the rolled-back write had, and nobody read in between.
        try moveClose(world, stage, to: close.addingTimeInterval(7_200), readInside: false)
        #expect(try world.service.currentCycle()?.windows[stage]?.closesAt == close.addingTimeInterval(7_200))
    }

    @Test func aNewCycleAndAnExtensionAreSeen() throws {
        let world = try TestWorld()
        _ = try world.service.currentCycle()
        let added = try world.database.write { db in
            try CycleRepository(db).insert(kotaId: world.kota, planYear: 2028, budgetYear: 2029, name: "Musrenbang 2028",
                                           windows: [], at: world.clock.now)
        }
        #expect(try world.service.cycle(id: added.id) == added)
        let ids: [CycleID] = try world.database.read { db in try CycleCache.shared.all(db).map(\.id) }
        #expect(ids.contains(added.id) && ids.contains(world.cycle.id))
    }
}
