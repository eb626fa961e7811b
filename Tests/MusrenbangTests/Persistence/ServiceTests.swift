import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("Repositories and MusrenbangService on a real SQLite file")
struct ServiceTests {
    @Test func proposalRoundTripsThroughTheRepository() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0")
        var new = try world.newProposal(title: "Betonisasi Jl. Mawar")
        new.content.latitude = -6.3; new.content.longitude = 106.7
        let created = try world.service.create(new, cycleId: world.cycle.id, by: op)
        let loaded = try world.service.proposal(.code(created.trackingCode))
        #expect(loaded == created)
        #expect(loaded.trackingCode.description == "TGS-2027-000001")
        #expect(loaded.state == ProposalState(.praMusrenbang, .draft))
        // Accepted with change: the recommendation is stored beside the original values and reloaded.
        let submitted = try world.service.apply(.ajukan, to: .id(created.id), by: op, expectedVersion: 1)
        world.at(.kelurahan)
        let changed = try world.service.apply(TransitionInput(.terimaDenganPerubahan, expectedVersion: submitted.version,
                                                              reason: "volume disesuaikan", change: ValueChange(volume: 4, cost: 4_000_000)),
                                              to: .id(created.id), by: world.actor("lurah"))
        let reloaded = try world.service.proposal(.id(created.id))
        #expect(reloaded == changed)
        #expect(reloaded.recommendations[.kelurahan]?.cost == 4_000_000 && reloaded.cost == 5_000_000)
        let effective: Int64? = try world.database.read { db in
            try db.scalar("SELECT effective_cost FROM proposals WHERE id = ?", [created.id.rawValue])
        }
        #expect(effective == 4_000_000)
        let account = try world.service.account(id: world.actor("lurah").accountId)
        #expect(account.username == "lurah" && account.roles.first?.scope == .kelurahan(world.kelurahan[0]))
        let cycle = try world.service.cycle(id: world.cycle.id)
        #expect(cycle == world.cycle)
    }

    @Test func aTransitionStoresItsEventAndBumpsTheVersion() throws {
        let world = try TestWorld()
        let warga = world.actor("warga")
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        let submitted = try world.service.apply(.ajukan, to: .id(draft.id), by: warga, expectedVersion: 1)
        #expect(submitted.version == 2 && submitted.state == ProposalState(.praMusrenbang, .diajukan))
        let endorsed = try world.service.apply(.setujui, to: .id(draft.id), by: world.actor("ketua.rt"), expectedVersion: 2)
        let history = try world.service.history(of: .code(draft.trackingCode))
        #expect(history.map(\.action) == [.buat, .ajukan, .setujui])
        #expect(history.map(\.versionAfter) == [1, 2, 3])
        #expect(history.last?.actorRole == .ketuaRT && history.last?.to == endorsed.state)
        #expect(try world.service.proposal(.id(draft.id)).version == 3)
    }

    @Test func sameExpectedVersionOneWinsTheOtherConflicts() throws {
        let world = try TestWorld()
        world.at(.praMusrenbang)
        let p = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        world.at(.kelurahan)
        let lurah = world.actor("lurah")
        _ = try world.service.apply(.terima, to: .id(p.id), by: lurah, expectedVersion: p.version)
        #expect(throws: DomainError.staleVersion(expected: p.version, actual: p.version + 1)) {
            try world.service.apply(.tolak, to: .id(p.id), by: lurah, expectedVersion: p.version, reason: "ganda")
        }
        // From threads: 8 verifiers act on the same version; exactly one wins.
        world.at(.praMusrenbang)
        let q = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        world.at(.kelurahan)
        let service = world.service
        let outcomes = runConcurrently(8) { index in
            let input = TransitionInput(.terimaDenganPerubahan, expectedVersion: q.version, reason: "revisi \(index)",
                                        change: ValueChange(volume: 4, cost: 4_000_000 + Int64(index) * 1000))
            _ = try service.apply(input, to: .id(q.id), by: lurah)
        }
        let errors = outcomes.compactMap { $0 }
        #expect(outcomes.count - errors.count == 1)
        #expect(errors.count == 7)
        for error in errors { #expect((error as? DomainError)?.ruleId == "stale_version", "\(error)") }
        let history = try world.service.history(of: .id(q.id))
        #expect(history.filter { $0.action == .terimaDenganPerubahan }.count == 1)
    }

    @Test func eventsAreAppendOnlyThroughSQL() throws {
        let world = try TestWorld()
        _ = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        for statement in ["UPDATE proposal_events SET note = 'x'", "DELETE FROM proposal_events"] {
            do {
                try world.database.write { db in try db.execute(statement) }
                Issue.record("\(statement) was allowed")
            } catch let error as SQLiteError {
                #expect(error.isTriggerAbort && error.message.contains("append-only"), "\(error)")
            }
        }
        let count: Int? = try world.database.read { db in try db.scalar("SELECT count(*) FROM proposal_events") }
        #expect(count == 1)
    }

    @Test func concurrentSubmissionsAllSucceedWithGapFreeCodes() throws {
        let world = try TestWorld()
        let service = world.service, cycleId = world.cycle.id
        let new = try world.newProposal()
        let actors = [world.actor("op.kel0"), world.actor("op.kel1")]
        let new1 = try world.newProposal(kelurahan: 1)
        let outcomes = runConcurrently(8) { thread in
            for _ in 0..<100 {
                _ = try service.submit(thread % 2 == 0 ? new : new1, cycleId: cycleId, by: actors[thread % 2])
            }
        }
        #expect(outcomes.allSatisfy { $0 == nil }, "\(outcomes.compactMap { $0 })")
        let codes: [String] = try world.database.read { db in
            try db.query("SELECT tracking_code FROM proposals ORDER BY tracking_code").map { try $0.get(0) }
        }
        #expect(codes.count == 800)
        #expect(codes == (1...800).map { String(format: "TGS-2027-%06d", $0) })
        let events: Int? = try world.database.read { db in try db.scalar("SELECT count(*) FROM proposal_events") }
        #expect(events == 1600)
    }

    @Test func windowAndScopeGuardsHoldThroughTheService() throws {
        let world = try TestWorld()
        world.clock.set(Fixture.outside)
        #expect(throws: DomainError.self) { try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0")) }
        world.at(.praMusrenbang)
        // An operator of another kelurahan may not enter a form for kelurahan 0.
        #expect(throws: DomainError.notInScope) {
            try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel1"))
        }
        let p = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        // The lurah acts in the kelurahan window only; another kelurahan's lurah never.
        do {
            try world.service.apply(.terima, to: .id(p.id), by: world.actor("lurah"), expectedVersion: p.version)
            Issue.record("accepted outside the kelurahan window")
        } catch let error as DomainError { #expect(error.ruleId == "outside_window") }
        world.at(.kelurahan)
        #expect(throws: DomainError.notInScope) {
            try world.service.apply(.terima, to: .id(p.id), by: world.actor("lurah1"), expectedVersion: p.version)
        }
        #expect(throws: DomainError.self) {
            try world.service.apply(.tolak, to: .id(p.id), by: world.actor("lurah"), expectedVersion: p.version)
        }
        // Nothing was written by the refusals.
        #expect(try world.service.history(of: .id(p.id)).count == 2)
        #expect(try world.service.proposal(.id(p.id)).version == p.version)
    }

    @Test func allocationDraftsAreRerunnableAndTheBeritaAcaraAppliesTheFinalRun() throws {
        let world = try TestWorld()
        let a = try world.acceptedProposal(volume: 5)   // 5.000.000
        let b = try world.acceptedProposal(volume: 5)   // does not fit in what is left of 7.000.000
        let c = try world.acceptedProposal(volume: 2)   // fits after b is skipped
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        #expect(try world.service.ceilingUsage(cycleId: world.cycle.id, level: .kelurahan).first { $0.envelope == envelope }?.amount == 7_000_000)
        world.at(.kelurahan)
        let ranked = try world.service.rank(envelope, cycleId: world.cycle.id, scores: [
            a.id: [world.criteria[0].id: 5, world.criteria[1].id: 5],
            b.id: [world.criteria[0].id: 4, world.criteria[1].id: 4],
            c.id: [world.criteria[0].id: 1, world.criteria[1].id: 1],
        ], by: lurah)
        #expect(ranked.map(\.proposalId) == [a.id, b.id, c.id])
        let first = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        #expect(first.result.funded == [a.id, c.id] && first.result.skipped == [b.id])
        // A draft: the decisions are stored with their reasons, no proposal moves, nothing is used yet.
        let stored = try world.database.read { db in try AllocationRepository(db).decisions(runId: first.runId) }
        #expect(stored.map(\.proposalId) == [a.id, b.id, c.id] && stored.map(\.funded) == [true, false, true])
        #expect(stored[1].reason.contains("melebihi sisa pagu"))
        for p in [a, b, c] {
            let now = try world.service.proposal(.id(p.id))
            #expect(now.state == ProposalState(.kelurahan, .diterima) && now.version == p.version && now.envelope == nil)
        }
        #expect(try world.service.ceilingUsage(cycleId: world.cycle.id, level: .kelurahan).first { $0.envelope == envelope }?.used == 0)
        // Re-run after a manual reorder: b first now, so b is funded and a is skipped.
        try world.service.reorder(envelope, cycleId: world.cycle.id, moving: b.id, to: 1, note: "kesepakatan musyawarah", by: lurah)
        let second = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        #expect(second.result.funded == [b.id, c.id] && second.result.skipped == [a.id])
        #expect(try world.database.read { db in try AllocationRepository(db).latestRun(cycleId: world.cycle.id, envelope: envelope) }?.id == second.runId)
        // Someone else's envelope, or a role that does not own it, is refused.
        #expect(throws: DomainError.notInScope) {
            try world.service.runAllocation(.kelurahan(world.kelurahan[1]), cycleId: world.cycle.id, by: lurah)
        }
        #expect(throws: DomainError.notInScope) {
            try world.service.lockLevel(.kelurahan(world.kelurahan[1]), cycleId: world.cycle.id, documentNumber: "BA/009", by: lurah)
        }
        // The berita acara applies the reviewed run: F1 funded here, F2 up to the kecamatan. An older run is refused.
        #expect(throws: DomainError.allocationRunOutdated(runId: first.runId, changes: ["ada hasil alokasi yang lebih baru, nomor \(second.runId)"])) {
            try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: first.runId,
                                        documentNumber: "BA/001/2027", by: lurah)
        }
        try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: second.runId,
                                    documentNumber: "BA/001/2027", by: lurah)
        #expect(try world.service.proposal(.id(b.id)).state == ProposalState(.kelurahan, .didanai))
        #expect(try world.service.proposal(.id(c.id)).state == ProposalState(.kelurahan, .didanai))
        #expect(try world.service.proposal(.id(a.id)).state == ProposalState(.kecamatan, .verifikasi))
        #expect(try world.service.proposal(.id(b.id)).envelope == envelope)
        let runs: Int? = try world.database.read { db in try db.scalar("SELECT count(*) FROM allocation_runs") }
        #expect(runs == 2)
        let usage = try world.service.ceilingUsage(cycleId: world.cycle.id, level: .kelurahan).first { $0.envelope == envelope }
        #expect(usage?.used == 7_000_000 && usage?.remaining == 0)
        #expect(throws: DomainError.levelLocked(.kelurahan(world.kelurahan[0]))) {
            try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        }
        #expect(throws: DomainError.levelLocked(.kelurahan(world.kelurahan[0]))) {
            try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, documentNumber: "BA/002", by: lurah)
        }
        let recap = try world.service.recap(cycleId: world.cycle.id, by: .kelurahan)
        #expect(recap.first { $0.key == String(world.kelurahan[0].rawValue) }?.fundedCost == 7_000_000)
        let byStatus = try world.service.recap(cycleId: world.cycle.id, by: .status)
        #expect(byStatus.map(\.count).reduce(0, +) == 3)
    }

    /// The berita acara's set-based write: every moved proposal gets its event (who, role, when, from, to,
    /// reason, changes) and a bumped version, so an editor holding the old version gets a conflict; a move whose
    /// row changed meanwhile is refused with `staleVersion` and writes nothing.
    @Test func beritaAcaraMovesAreLoggedVersionedAndGuarded() throws {
        let world = try TestWorld()
        let a = try world.acceptedProposal(volume: 5), b = try world.acceptedProposal(volume: 5)
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        world.at(.kelurahan)
        try world.service.rank(envelope, cycleId: world.cycle.id, scores: [
            a.id: [world.criteria[0].id: 5, world.criteria[1].id: 5], b.id: [world.criteria[0].id: 1, world.criteria[1].id: 1],
        ], by: lurah)
        let before = try world.service.proposal(.id(b.id))
        let draft = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: draft.runId, documentNumber: "BA/001",
                                    by: lurah)
        let moved = try world.service.proposal(.id(b.id))
        #expect(moved.state == ProposalState(.kecamatan, .verifikasi) && moved.version == before.version + 1)
        // The stored event is the one the per-proposal path would have written (the final run decides as the draft did).
        let expected = try Workflow.transition(
            TransitionInput(.alokasiF2, expectedVersion: before.version, reason: draft.result.decisions[1].reason),
            to: before, by: lurah, at: world.clock.now, context: WorkflowContext(cycle: world.cycle))
        #expect(try world.service.history(of: .id(b.id)).last == expected.event)
        #expect(moved.updatedAt == expected.proposal.updatedAt && moved.title == before.title)
        // An editor still holding the old version is told it changed.
        #expect(throws: DomainError.staleVersion(expected: before.version, actual: moved.version)) {
            try world.service.apply(.terima, to: .id(b.id), by: world.actor("camat"), expectedVersion: before.version)
        }
        // A move against a stale version is refused and writes nothing.
        let stale = try Workflow.allocate(ProposalPlacement(before), funded: true, reason: "uji", by: lurah, at: world.clock.now,
                                          context: WorkflowContext(cycle: world.cycle))
        #expect(throws: DomainError.staleVersion(expected: before.version, actual: moved.version)) {
            try world.database.write { db in try ProposalRepository(db).apply([stale], at: world.clock.now) }
        }
        #expect(try world.service.proposal(.id(b.id)) == moved)
    }

    /// The kecamatan's berita acara leaves its skipped proposals in `kecamatan:f2`; after the lock the camat can
    /// only pass them up (to an OPD or Pokir), not change the locked result.
    @Test func kecamatanF2IsPassedUpAfterItsBeritaAcara() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), camat = world.actor("camat")
        let a = try world.acceptedProposal(volume: 5)
        let b = try world.acceptedProposal(volume: 9), c = try world.acceptedProposal(volume: 9)
        let kelurahanRun = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [a, b, c], by: lurah)
        try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: kelurahanRun,
                                    documentNumber: "BA/KEL", by: lurah)
        #expect(try world.service.proposal(.id(a.id)).state == ProposalState(.kelurahan, .didanai))
        world.at(.kecamatan)
        for p in [b, c] {
            let up = try world.service.proposal(.id(p.id))
            #expect(up.state == ProposalState(.kecamatan, .verifikasi))
            try world.service.apply(.terima, to: .id(p.id), by: camat, expectedVersion: up.version)
        }
        let envelope = FundingEnvelope.kecamatan(world.kecamatan[0])
        let amount = try #require(try world.service.ceilingUsage(cycleId: world.cycle.id, level: .kecamatan)
            .first { $0.envelope == envelope }?.amount)
        #expect(amount < 18_000_000)   // b and c (9.000.000 each) do not both fit
        let draftRun = try world.rankAndRun(envelope, [b, c], by: camat)
        let draft = try world.database.read { db in try AllocationRepository(db).storedDecisions(runId: draftRun) }
        let skippedIds = draft.filter { !$0.funded }.map(\.proposalId), fundedIds = draft.filter(\.funded).map(\.proposalId)
        #expect(!skippedIds.isEmpty)
        try world.service.lockLevel(.kecamatan(world.kecamatan[0]), cycleId: world.cycle.id, runId: draftRun, documentNumber: "BA/KEC",
                                    by: camat)
        for id in fundedIds { #expect(try world.service.proposal(.id(id)).state == ProposalState(.kecamatan, .didanai)) }
        let skipped = try world.service.proposal(.id(skippedIds[0]))
        #expect(skipped.state == ProposalState(.kecamatan, .f2))
        // An F2 may also be dropped after the lock (kecamatan routing: to an OPD, to Pokir DPRD, or rejected), with a reason.
        #expect(throws: DomainError.reasonRequired(action: Action.tolak.displayName)) {
            try world.service.apply(.tolak, to: .id(skipped.id), by: camat, expectedVersion: skipped.version)
        }
        let routed = try world.service.apply(.rutekanOPD, to: .id(skipped.id), by: camat, expectedVersion: skipped.version)
        #expect(routed.state == ProposalState(.opd, .verifikasi) && routed.routedOPDId == skipped.opdId)
    }

    /// A lock that is refused (wrong stage window) moves nothing and stores no run.
    @Test func aRefusedBeritaAcaraMovesNothing() throws {
        let world = try TestWorld()
        let a = try world.acceptedProposal(volume: 5)
        let lurah = world.actor("lurah")
        world.at(.kecamatan)
        #expect(throws: DomainError.self) {
            try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, documentNumber: "BA/001", by: lurah)
        }
        #expect(try world.service.proposal(.id(a.id)) == a)
        let runs: Int? = try world.database.read { db in try db.scalar("SELECT count(*) FROM allocation_runs") }
        #expect(runs == 0)
    }

    @Test func authenticateChecksThePassword() throws {
        let world = try TestWorld()
        let actor = try #require(try world.service.authenticate(username: "lurah", password: world.password))
        #expect(actor == world.actor("lurah"))
        #expect(try world.service.authenticate(username: "LURAH", password: world.password) == actor)
        #expect(try world.service.authenticate(username: "lurah", password: "salah") == nil)
        #expect(try world.service.authenticate(username: "tidak-ada", password: world.password) == nil)
        try world.service.setPassword(username: "lurah", password: "baru-12345")
        #expect(try world.service.authenticate(username: "lurah", password: world.password) == nil)
        #expect(try world.service.authenticate(username: "lurah", password: "baru-12345") != nil)
        #expect(throws: PersistenceError.self) {
            try world.service.createAccount(username: "Lurah", displayName: "x", roles: [], password: "x")
        }
    }

    @Test func carryOverLinksTheNewDraftToLastCyclesProposal() throws {
        let world = try TestWorld()
        world.at(.praMusrenbang)
        let p = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        world.at(.kelurahan)
        let rejected = try world.service.apply(.tolak, to: .id(p.id), by: world.actor("lurah"), expectedVersion: p.version,
                                               reason: "di luar kewenangan kelurahan")
        // The next cycle, with its own pra-Musrenbang window a year later.
        let windows = Fixture.windows.map {
            StageWindow(stage: $0.stage, opensAt: $0.opensAt.addingTimeInterval(365 * 86_400),
                        closesAt: $0.closesAt.addingTimeInterval(365 * 86_400))
        }
        let next = try world.database.write { db in
            try CycleRepository(db).insert(kotaId: world.kota, planYear: 2028, budgetYear: 2029, name: "Musrenbang 2028",
                                           windows: windows, at: Fixture.inside(.praMusrenbang))
        }
        world.clock.set(Fixture.inside(.praMusrenbang).addingTimeInterval(365 * 86_400))
        let carried = try world.service.carryOver(.id(p.id), expectedVersion: rejected.version, into: next.id, by: world.actor("op.kel0"))
        #expect(carried.carriedFrom == p.id && carried.trackingCode.description == "TGS-2028-000001")
        #expect(try world.service.history(of: .id(p.id)).last?.action == .bawaKeSiklusBerikut)
        let unfunded = try world.service.unfundedProposals(cycleId: world.cycle.id, kecamatanId: world.kecamatan[0])
        #expect(unfunded.count == 1 && unfunded[0].carriedInto == carried.trackingCode)
    }
}

@Suite("Event JSON written by the repository")
struct EventJSONTests {
    @Test func matchesTheDomainEncoding() {
        let samples: [[FieldChange]] = [
            [],
            [FieldChange(field: "envelope", old: "", new: "kelurahan:3")],
            [FieldChange(field: "title", old: "Jl. \"Mawar\" / RT 03\\RW 05", new: "baris\nbaru\ttab é 日本 \u{1}")],
        ]
        for changes in samples {
            let event = ProposalEvent(proposalId: ProposalID(1), cycleId: CycleID(1), action: .ubah, actorAccountId: AccountID(1),
                                      actorRole: .warga, at: Date(timeIntervalSince1970: 0), from: ProposalState(.praMusrenbang, .draft),
                                      to: ProposalState(.praMusrenbang, .draft), note: nil, changes: changes, flags: [], versionAfter: 2)
            #expect(EventRepository.json(changes) == event.changesJSON)
            #expect(ProposalEvent.changes(fromJSON: EventRepository.json(changes)) == changes)
        }
    }
}
