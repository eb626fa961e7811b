import Foundation
import Testing
@testable import Musrenbang

/// What the schema no longer checks (Migrations/0004 dropped the unique index (proposal_id, run_id) and the foreign
/// key to proposals): every stored run, first or re-run, holds each candidate exactly once, in processing order,
/// with its reason, and every decision names a stored proposal.
@Suite struct AllocationStorageTests {
    @Test func everyRunStoresEachCandidateOnce() throws {
        let world = try TestWorld()
        let a = try world.acceptedProposal(volume: 5), b = try world.acceptedProposal(volume: 5)
        let c = try world.acceptedProposal(volume: 2), d = try world.acceptedProposal(volume: 1)
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        world.at(.kelurahan)
        try world.service.rank(envelope, cycleId: world.cycle.id, scores: [
            a.id: [world.criteria[0].id: 5, world.criteria[1].id: 5], b.id: [world.criteria[0].id: 4, world.criteria[1].id: 4],
            c.id: [world.criteria[0].id: 1, world.criteria[1].id: 1], d.id: [world.criteria[0].id: 1, world.criteria[1].id: 1],
        ], by: lurah)                                          // d ties with c and was submitted later: last
        let first = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        try world.service.reorder(envelope, cycleId: world.cycle.id, moving: c.id, to: 1, note: "kesepakatan", by: lurah)
        let second = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        #expect(first.runId != second.runId)
        for outcome in [first, second] {
            let rows = try world.database.read { db in
                try db.query("SELECT position, proposal_id FROM allocation_decisions WHERE run_id = ? ORDER BY position",
                             [outcome.runId])
            }
            let ids = try rows.map { ProposalID(try $0.get(1, as: Int64.self)) }
            #expect(ids.count == 4 && Set(ids) == [a.id, b.id, c.id, d.id])
            #expect(ids == outcome.result.decisions.map(\.proposalId))
            #expect(try rows.map { try $0.get(0, as: Int.self) } == [1, 2, 3, 4])
            let stored = try world.database.read { db in try AllocationRepository(db).decisions(runId: outcome.runId) }
            #expect(stored.map(\.reason) == outcome.result.decisions.map(\.reason))
            #expect(ids.last == d.id)
        }
        #expect(second.result.decisions.first?.proposalId == c.id)
        let (decisions, distinct): (Int, Int) = try world.database.read { db in
            (try db.scalar("SELECT count(*) FROM allocation_decisions") ?? 0,
             try db.scalar("SELECT count(*) FROM (SELECT DISTINCT run_id, proposal_id FROM allocation_decisions)") ?? 0)
        }
        #expect(decisions == 8 && distinct == 8)
        let dangling: Int? = try world.database.read { db in
            try db.scalar("SELECT count(*) FROM allocation_decisions d LEFT JOIN proposals p ON p.id = d.proposal_id WHERE p.id IS NULL")
        }
        #expect(dangling == 0)
        // The berita acara applies the reviewed run and stores no other.
        try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: second.runId,
                                    documentNumber: "BA/001", by: lurah)
        let afterLock: (Int, Int, Int) = try world.database.read { db in
            (try db.scalar("SELECT count(*) FROM allocation_decisions") ?? 0,
             try db.scalar("SELECT count(*) FROM (SELECT DISTINCT run_id, proposal_id FROM allocation_decisions)") ?? 0,
             try db.scalar("SELECT count(*) FROM allocation_decisions d LEFT JOIN proposals p ON p.id = d.proposal_id WHERE p.id IS NULL") ?? -1)
        }
        #expect(afterLock == (8, 8, 0))
        // The check that stands in for the dropped foreign key finds a decision naming no proposal.
        #expect(try world.database.read { db in try AllocationRepository(db).decisionsWithoutProposal() } == 0)
        try world.database.write { db in
            try db.execute("""
                INSERT INTO allocation_decisions (run_id, position, proposal_id, rank, cost, funded, remaining_before,
                    remaining_after, blocking_group, reason) VALUES (?, 99, 999999, 1, 1, 0, 1, 1, NULL, 'uji')
                """, [first.runId])
        }
        #expect(try world.database.read { db in try AllocationRepository(db).decisionsWithoutProposal() } == 1)
    }

    /// Reasons are built from the stored numbers (group caps included) and equal the run's own; a row stored
    /// before Migrations/0004 keeps its text.
    @Test func reasonsAreRebuiltFromStoredNumbers() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        let a = try world.acceptedProposal(volume: 4), b = try world.acceptedProposal(volume: 2), c = try world.acceptedProposal(volume: 1)
        try world.database.write { db in
            try CycleRepository(db).insertGroupShare(cycleId: world.cycle.id, level: .kelurahan,
                                                     share: GroupShare(group: .fisik, capBasisPoints: 6000))
        }
        world.at(.kelurahan)
        try world.service.rank(envelope, cycleId: world.cycle.id, scores: [
            a.id: [world.criteria[0].id: 5, world.criteria[1].id: 5], b.id: [world.criteria[0].id: 4, world.criteria[1].id: 4],
            c.id: [world.criteria[0].id: 3, world.criteria[1].id: 3],
        ], by: lurah)
        let outcome = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        #expect(outcome.result.decisions.contains { $0.blockingGroup == .fisik && !$0.funded })
        let stored = try world.database.read { db in try AllocationRepository(db).decisions(runId: outcome.runId) }
        #expect(stored.map(\.reason) == outcome.result.decisions.map(\.reason))
        #expect(stored.contains { $0.reason.hasPrefix("melebihi sisa porsi fisik: sisa Rp") })
        let texts: Int? = try world.database.read { db in try db.scalar("SELECT count(reason) FROM allocation_decisions") }
        #expect(texts == 0)
        try world.database.write { db in
            try db.execute("UPDATE allocation_decisions SET reason = 'alasan lama' WHERE run_id = ? AND position = 1", [outcome.runId])
        }
        let legacy = try world.database.read { db in try AllocationRepository(db).decisions(runId: outcome.runId) }
        #expect(legacy[0].reason == "alasan lama" && legacy[1].reason == stored[1].reason)
        #expect(AllocationGroup(stored: "bidang:7") == .bidang(BidangID(7)) && AllocationGroup(stored: "non_fisik") == .nonFisik)
        #expect(AllocationGroup(stored: "bidang:x") == nil && AllocationGroup(stored: "") == nil)
    }
}
