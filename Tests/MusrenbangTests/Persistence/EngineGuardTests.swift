import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The rules the engine holds itself, whatever a caller (a screen, a forged form) sends: each refusal writes nothing.
@Suite("Engine guards through MusrenbangService")
struct EngineGuardTests {
    private func count(_ world: TestWorld, _ table: String) throws -> Int {
        try world.database.read { db in try db.scalar("SELECT count(*) FROM \(table)") ?? 0 }
    }

    // MARK: Catalogue and wilayah

    @Test func priceAndAttributesComeFromTheCatalogue() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0"), item = world.kamus[0]
        // The catalogue's price today, not anything the caller holds.
        try world.database.write { db in try db.execute("UPDATE kamus_usulan SET unit_price = 1200000 WHERE id = ?", [item.id.rawValue]) }
        let p = try world.service.create(try world.newProposal(volume: 5), cycleId: world.cycle.id, by: op)
        #expect(p.unitPrice == 1_200_000 && p.cost == 6_000_000 && p.opdId == item.opdId && p.isFisik == item.isFisik)
        // A later price change applies to new proposals; an edit keeping the item keeps the price it was created with.
        try world.database.write { db in try db.execute("UPDATE kamus_usulan SET unit_price = 2000000 WHERE id = ?", [item.id.rawValue]) }
        var edit = try world.newProposal(volume: 6).content
        let edited = try world.service.apply(TransitionInput(.ubah, expectedVersion: p.version, edit: edit), to: .id(p.id), by: op)
        #expect(edited.unitPrice == 1_200_000 && edited.cost == 7_200_000)
        // Another item brings the catalogue's attributes.
        edit.kamusId = world.kamus[1].id
        let switched = try world.service.apply(TransitionInput(.ubah, expectedVersion: edited.version, edit: edit), to: .id(p.id), by: op)
        #expect(switched.unitPrice == 500_000 && switched.cost == 3_000_000 && switched.opdId == world.kamus[1].opdId && !switched.isFisik)
        // An inactive item or an id that names none is a field error, and nothing is written.
        try world.database.write { db in try db.execute("UPDATE kamus_usulan SET active = 0 WHERE id = ?", [item.id.rawValue]) }
        let before = try count(world, "proposals")
        #expect(throws: DomainError.invalidFields([Workflow.inactiveKamus])) {
            try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: op)
        }
        var unknown = try world.newProposal()
        unknown.content.kamusId = KamusID(9999)
        #expect(throws: DomainError.invalidFields([FieldError(field: "kamus", message: "Pilih kegiatan dari kamus usulan.")])) {
            try world.service.submit(unknown, cycleId: world.cycle.id, by: op)
        }
        #expect(try count(world, "proposals") == before)
        let sequence: Int? = try world.database.read { db in try db.scalar("SELECT last_sequence FROM tracking_sequences") }
        #expect(sequence == 1)
    }

    @Test func theAreaComesFromTheStoredWilayah() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0")
        // An origin whose kecamatan does not hold its kelurahan would land in the wrong envelope: refused.
        var wrong = try world.newProposal()
        wrong.origin.kecamatanId = world.kecamatan[1]
        #expect(throws: DomainError.self) { try world.service.submit(wrong, cycleId: world.cycle.id, by: op) }
        // An RT of another kelurahan under this kelurahan's name: refused too.
        var foreignRT = try world.newProposal()
        foreignRT.origin.rtId = world.rts[world.kelurahan[1]]![0].1
        #expect(throws: DomainError.self) { try world.service.submit(foreignRT, cycleId: world.cycle.id, by: op) }
        #expect(try count(world, "proposals") == 0)
        // Only the RT given: the RW is derived from the wilayah and stored.
        var rtOnly = try world.newProposal()
        let (rw, _) = world.rts[world.kelurahan[0]]![0]
        rtOnly.origin.rwId = nil
        let stored = try world.service.submit(rtOnly, cycleId: world.cycle.id, by: op)
        #expect(stored.origin.rwId == rw && stored.origin.kecamatanId == world.kecamatan[0])
    }

    // MARK: Who submits what

    @Test func residentsOnlineProposalsGoThroughTheirRTAndRW() throws {
        let world = try TestWorld()
        let warga = world.actor("warga"), op = world.actor("op.kel0")
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        // The operator may neither edit nor submit a resident's own online draft (which would skip RT and RW).
        #expect(throws: DomainError.residentsOwnProposal) {
            try world.service.apply(.ajukan, to: .id(draft.id), by: op, expectedVersion: draft.version)
        }
        #expect(throws: DomainError.residentsOwnProposal) {
            try world.service.apply(TransitionInput(.ubah, expectedVersion: draft.version, edit: try world.newProposal(volume: 2).content),
                                    to: .id(draft.id), by: op)
        }
        #expect(try world.service.history(of: .id(draft.id)).count == 1)
        let submitted = try world.service.apply(.ajukan, to: .id(draft.id), by: warga, expectedVersion: draft.version)
        #expect(submitted.state == ProposalState(.praMusrenbang, .diajukan))
        // A paper form may name its resident's account, but only an active resident's: not a staff account.
        var forStaff = try world.newProposal()
        forStaff.proposerAccountId = world.actor("lurah").accountId
        #expect(throws: DomainError.self) { try world.service.submit(forStaff, cycleId: world.cycle.id, by: op) }
        var forResident = try world.newProposal()
        forResident.proposerAccountId = warga.accountId
        #expect(try world.service.submit(forResident, cycleId: world.cycle.id, by: op).proposerAccountId == warga.accountId)
        // A paper form the operator entered goes straight to the kelurahan's verification.
        let paper = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: op)
        #expect(paper.state == ProposalState(.kelurahan, .verifikasi) && !paper.isEnteredByProposer)
    }

    @Test func anOperatorsEntryRecordsHowItCameInAResidentsCannotClaimOne() throws {
        let world = try TestWorld()
        var live = try world.newProposal()
        live.channel = .liveMeeting
        let entered = try world.service.submit(live, cycleId: world.cycle.id, by: world.actor("op.kel0"))
        #expect(try world.service.history(of: .id(entered.id)).first?.note == EntryChannel.liveMeeting.displayName)
        // A resident's online proposal came in online: a channel in its form is refused and nothing is stored.
        #expect(throws: DomainError.invalidInput(field: "cara usulan masuk", detail: "hanya untuk usulan yang dimasukkan operator")) {
            try world.service.create(live, cycleId: world.cycle.id, by: world.actor("warga"))
        }
        #expect(try count(world, "proposals") == 1)
    }

    // MARK: Funding only through the berita acara

    @Test func fundingOnlyThroughTheBeritaAcara() throws {
        let world = try TestWorld()
        let a = try world.acceptedProposal(volume: 5)
        let lurah = world.actor("lurah"), bappeda = world.actor("bappeda")
        world.at(.kelurahan)
        for action in [Action.alokasiF1, .alokasiF2] {
            #expect(throws: DomainError.onlyThroughBeritaAcara(action: action.displayName)) {
                try world.service.apply(action, to: .id(a.id), by: lurah, expectedVersion: a.version)
            }
        }
        // Bappeda's correction into an envelope is held to its ceiling (Rp 7.000.000 for kelurahan 0).
        let big = try world.acceptedProposal(volume: 8)
        world.at(.kelurahan)
        #expect(throws: DomainError.exceedsCeiling(envelope: .kelurahan(world.kelurahan[0]), ceiling: 7_000_000, used: 0, cost: 8_000_000)) {
            try world.service.apply(TransitionInput(.koreksi, expectedVersion: big.version, reason: "uji",
                                                    target: ProposalState(.kelurahan, .didanai)), to: .id(big.id), by: bappeda)
        }
        let corrected = try world.service.apply(TransitionInput(.koreksi, expectedVersion: a.version, reason: "hasil rapat",
                                                                target: ProposalState(.kelurahan, .didanai)), to: .id(a.id), by: bappeda)
        #expect(corrected.envelope == .kelurahan(world.kelurahan[0]))
        // Raising its cost beyond the ceiling is refused as well.
        #expect(throws: DomainError.self) {
            try world.service.apply(TransitionInput(.koreksi, expectedVersion: corrected.version, reason: "naik",
                                                    change: ValueChange(volume: 8, cost: 8_000_000), target: corrected.state),
                                    to: .id(a.id), by: bappeda)
        }
        // The envelope's run offers only what is left (Rp 2.000.000): the 8-unit proposal goes up as F2.
        let run = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [big], by: lurah)
        let decisions = try world.database.read { db in try AllocationRepository(db).storedDecisions(runId: run) }
        #expect(decisions.map(\.funded) == [false] && decisions[0].remainingBefore == 2_000_000)
    }

    /// The invariant over many seeded random sequences of actions (submissions, decisions, forged outcomes, Bappeda
    /// corrections, ranking, runs, berita acara, ratification): no envelope ever funds more than its ceiling.
    @Test(arguments: 0..<10) func noEnvelopeEverExceedsItsCeiling(seed: Int) throws {
        let world = try TestWorld()
        var rng = SeededRandom(seed: UInt64(0xCE11_0000 + seed))
        let kelurahanStaff = [(world.actor("op.kel0"), world.actor("lurah")), (world.actor("op.kel1"), world.actor("lurah1"))]
        let camat = world.actor("camat"), bappeda = world.actor("bappeda"), opd = world.actor("opd")
        func proposals(_ states: [ProposalState]) throws -> [Proposal] {
            try world.service.proposals(ProposalFilter(cycleId: world.cycle.id, states: states))
        }
        func checkInvariant(_ step: String) throws {
            for level in [Level.kelurahan, .kecamatan, .opd] {
                for usage in try world.service.ceilingUsage(cycleId: world.cycle.id, level: level) {
                    #expect(usage.used <= usage.amount, "seed \(seed), after \(step): \(usage.envelope) uses \(usage.used) of \(usage.amount)")
                }
            }
            // The recap's groups kept by triggers (Migrations/0019) are the proposals grouped afresh.
            let (kept, fresh) = try world.database.read { db in
                (try db.query("""
                    SELECT cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, envelope_level, proposals, cost,
                        effective_cost FROM recap_cells WHERE proposals > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
                    """).map { $0.values.map(\.description) },
                 try db.query("""
                    SELECT cycle_id, kecamatan_id, kelurahan_id, bidang_id, opd_id, stage, status, ifnull(envelope_level, ''), count(*),
                        sum(cost), sum(effective_cost) FROM proposals GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
                    """).map { $0.values.map(\.description) })
            }
            #expect(kept == fresh, "seed \(seed), after \(step): recap_cells differ from the proposals")
        }
        for step in 0..<45 {
            // Weighted: Bappeda's corrections before a berita acara are what could overspend it.
            let choice = rng.pick([0, 0, 1, 2, 2, 2, 3, 4, 4, 4, 5, 6, 6, 7, 8, 9])
            do {
                switch choice {
                case 0, 1:                                                     // paper forms
                    let k = rng.int(0...1)
                    world.at(.praMusrenbang)
                    _ = try world.service.submit(try world.newProposal(kelurahan: k, item: rng.int(0...1), volume: rng.int64(1...6)),
                                                 cycleId: world.cycle.id, by: kelurahanStaff[k].0)
                case 2:                                                        // verification at kelurahan or kecamatan
                    let kelurahan = rng.bool()
                    world.at(kelurahan ? .kelurahan : .kecamatan)
                    let waiting = try proposals([ProposalState(kelurahan ? .kelurahan : .kecamatan, .verifikasi)])
                    guard !waiting.isEmpty else { continue }
                    let p = rng.pick(waiting)
                    let actor = kelurahan ? kelurahanStaff[p.origin.kelurahanId == world.kelurahan[0] ? 0 : 1].1 : camat
                    let action: Action = rng.chance(0.8) ? .terima : .tolak
                    _ = try world.service.apply(action, to: .id(p.id), by: actor, expectedVersion: p.version, reason: "musyawarah")
                case 3:                                                        // a forged allocation outcome
                    let accepted = try proposals([ProposalState(.kelurahan, .diterima), ProposalState(.kecamatan, .diterima)])
                    guard !accepted.isEmpty else { continue }
                    let p = rng.pick(accepted)
                    let actor = p.stage == .kelurahan ? kelurahanStaff[p.origin.kelurahanId == world.kelurahan[0] ? 0 : 1].1 : camat
                    world.at(p.stage)
                    #expect(throws: DomainError.onlyThroughBeritaAcara(action: Action.alokasiF1.displayName)) {
                        try world.service.apply(.alokasiF1, to: .id(p.id), by: actor, expectedVersion: p.version)
                    }
                case 4:                                                        // Bappeda funds one by correction
                    let all = try proposals([ProposalState(.kelurahan, .diterima), ProposalState(.kecamatan, .diterima),
                                             ProposalState(.kelurahan, .verifikasi)])
                    guard !all.isEmpty else { continue }
                    let p = rng.pick(all)
                    let target = rng.bool() ? ProposalState(.kelurahan, .didanai) : ProposalState(.kecamatan, .didanai)
                    _ = try world.service.apply(TransitionInput(.koreksi, expectedVersion: p.version, reason: "koreksi uji", target: target),
                                                to: .id(p.id), by: bappeda)
                case 5:                                                        // Bappeda raises a funded cost
                    let funded = try proposals([ProposalState(.kelurahan, .didanai), ProposalState(.kecamatan, .didanai)])
                    guard !funded.isEmpty else { continue }
                    let p = rng.pick(funded)
                    let volume = p.effectiveVolume + rng.int64(1...4)
                    _ = try world.service.apply(TransitionInput(.koreksi, expectedVersion: p.version, reason: "naik",
                                                                change: ValueChange(volume: volume, cost: volume * p.unitPrice), target: p.state),
                                                to: .id(p.id), by: bappeda)
                case 6, 7:                                                     // a meeting: rank, run, maybe sign
                    let kecamatanMeeting = choice == 7
                    let k = rng.int(0...1)
                    let envelope: FundingEnvelope = kecamatanMeeting ? .kecamatan(world.kecamatan[0]) : .kelurahan(world.kelurahan[k])
                    let actor = kecamatanMeeting ? camat : kelurahanStaff[k].1
                    world.at(envelope.level.stage)
                    // The meeting decides what still waits for it, so that its berita acara can be signed.
                    let stage = envelope.level.stage
                    for p in try proposals([ProposalState(stage, .verifikasi)])
                    where kecamatanMeeting || p.origin.kelurahanId == world.kelurahan[k] {
                        _ = try world.service.apply(rng.chance(0.8) ? .terima : .tolak, to: .id(p.id), by: actor,
                                                    expectedVersion: p.version, reason: "musyawarah")
                    }
                    let candidates = try world.service.candidates(for: envelope, cycleId: world.cycle.id)
                    let run = try world.rankAndRun(envelope, candidates, by: actor)
                    if rng.chance(0.3) {
                        try world.service.lockLevel(envelope.lockKey, cycleId: world.cycle.id, runId: run, documentNumber: "BA/\(step)", by: actor)
                    }
                case 8:                                                        // the kecamatan passes its F2 to the OPD
                    world.at(.kecamatan)
                    let overflow = try proposals([ProposalState(.kecamatan, .f2)])
                    guard !overflow.isEmpty else { continue }
                    let p = rng.pick(overflow)
                    _ = try world.service.apply(TransitionInput(.rutekanOPD, expectedVersion: p.version, routeTo: world.opd[0]),
                                                to: .id(p.id), by: camat)
                default:                                                       // the OPD forum
                    world.at(.opd)
                    for p in try proposals([ProposalState(.opd, .verifikasi)]) {
                        _ = try world.service.apply(.terima, to: .id(p.id), by: opd, expectedVersion: p.version)
                    }
                    let envelope = FundingEnvelope.opd(world.opd[0])
                    let run = try world.rankAndRun(envelope, try world.service.candidates(for: envelope, cycleId: world.cycle.id), by: opd)
                    if rng.bool() {
                        try world.service.lockLevel(envelope.lockKey, cycleId: world.cycle.id, runId: run, documentNumber: "BA/OPD", by: opd)
                    }
                }
            } catch let error as DomainError {
                _ = error                                                      // a refusal is fine; the invariant must hold
            }
            try checkInvariant("step \(step) (action \(choice))")
        }
    }

    // MARK: The berita acara signs what was reviewed

    @Test func theBeritaAcaraAppliesTheReviewedRunOnly() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), key = LockKey.kelurahan(world.kelurahan[0])
        let a = try world.acceptedProposal(volume: 5), b = try world.acceptedProposal(volume: 4)
        let envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        // Without a reviewed run there is nothing to sign.
        world.at(.kelurahan)
        #expect(throws: DomainError.allocationRunOutdated(runId: nil, changes: [])) {
            try world.service.lockLevel(key, cycleId: world.cycle.id, documentNumber: "BA/1", by: lurah)
        }
        let run = try world.rankAndRun(envelope, [a, b], by: lurah)
        // The meeting accepts one more proposal after the run: what was shown is no longer what would be signed.
        let c = try world.acceptedProposal(volume: 1)
        world.at(.kelurahan)
        try world.service.rank(envelope, cycleId: world.cycle.id, scores: [c.id: [world.criteria[0].id: 1, world.criteria[1].id: 1]],
                               by: lurah)
        #expect(throws: DomainError.allocationRunOutdated(runId: run, changes: ["1 usulan baru menjadi calon"])) {
            try world.service.lockLevel(key, cycleId: world.cycle.id, runId: run, documentNumber: "BA/1", by: lurah)
        }
        // A rescore that changes the order after the run is named as well.
        let rerun = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah).runId
        try world.service.rank(envelope, cycleId: world.cycle.id, scores: [b.id: [world.criteria[0].id: 5, world.criteria[1].id: 5],
                                                                             a.id: [world.criteria[0].id: 1, world.criteria[1].id: 1]],
                               by: lurah)
        do {
            try world.service.lockLevel(key, cycleId: world.cycle.id, runId: rerun, documentNumber: "BA/1", by: lurah)
            Issue.record("locked with a run whose ranks changed")
        } catch let error as DomainError {
            #expect(error.ruleId == "allocation_run_outdated" && error.message.contains("peringkat 2 usulan berubah"), "\(error.message)")
        }
        // Another envelope's run is not this berita acara's.
        let other = try world.acceptedProposal(kelurahan: 1, volume: 1)
        let otherRun = try world.rankAndRun(.kelurahan(world.kelurahan[1]), [other], by: world.actor("lurah1"))
        #expect(throws: DomainError.self) {
            try world.service.lockLevel(key, cycleId: world.cycle.id, runId: otherRun, documentNumber: "BA/1", by: lurah)
        }
        // Nothing moved or locked by the refusals; the latest reviewed run signs.
        #expect(try count(world, "level_locks") == 0 && (try world.service.proposal(.id(a.id))).state == ProposalState(.kelurahan, .diterima))
        world.at(.kelurahan)
        let final = try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        let lock = try world.service.lockLevel(key, cycleId: world.cycle.id, runId: final.runId, documentNumber: "BA/1", by: lurah)
        #expect(lock.runId == final.runId)
        for id in final.result.funded { #expect(try world.service.proposal(.id(id)).state == ProposalState(.kelurahan, .didanai)) }
        let stored: Int64? = try world.database.read { db in try db.scalar("SELECT run_id FROM level_locks") }
        #expect(stored == final.runId)
    }

    // MARK: A level is locked when its work is done

    @Test func aLevelLocksOnlyWhenNothingWaitsForIt() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), key = LockKey.kelurahan(world.kelurahan[0])
        let a = try world.acceptedProposal(volume: 2)
        world.at(.praMusrenbang)
        let waiting = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        // A resident's proposal endorsed by the RT, still waiting for the RW.
        let warga = world.actor("warga")
        let online = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        let asked = try world.service.apply(.ajukan, to: .id(online.id), by: warga, expectedVersion: online.version)
        let byRT = try world.service.apply(.setujui, to: .id(online.id), by: world.actor("ketua.rt"), expectedVersion: asked.version)
        let run = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [a], by: lurah)
        #expect(throws: DomainError.workPending(key, count: 1, codes: [waiting.trackingCode.description])) {
            try world.service.lockLevel(key, cycleId: world.cycle.id, runId: run, documentNumber: "BA/1", by: lurah)
        }
        _ = try world.service.apply(.tolak, to: .id(waiting.id), by: lurah, expectedVersion: waiting.version, reason: "ganda")
        try world.service.lockLevel(key, cycleId: world.cycle.id, runId: run, documentNumber: "BA/1", by: lurah)
        // The RW's endorsement may not push the proposal into the locked kelurahan; nothing is written.
        world.at(.praMusrenbang)
        #expect(throws: DomainError.levelLocked(key)) {
            try world.service.apply(.setujui, to: .id(online.id), by: world.actor("ketua.rw"), expectedVersion: byRT.version)
        }
        // Nor may an operator submit a new paper form into it.
        #expect(throws: DomainError.levelLocked(key)) {
            try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        }
        #expect(try world.service.proposal(.id(online.id)).version == byRT.version)
    }

    @Test func routingToALockedForumIsRefused() throws {
        let world = try TestWorld()
        let camat = world.actor("camat"), verifier = world.actor("opd")
        // The OPD forum signs (nothing was routed to it yet).
        world.at(.opd)
        try world.service.lockLevel(.opd(world.opd[0]), cycleId: world.cycle.id, documentNumber: "BA/FPD", by: verifier)
        let p = try world.acceptedProposal(volume: 9)
        let run = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [p], by: world.actor("lurah"))
        try world.service.lockLevel(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, runId: run, documentNumber: "BA/K", by: world.actor("lurah"))
        world.at(.kecamatan)
        let up = try world.service.proposal(.id(p.id))
        let accepted = try world.service.apply(.terima, to: .id(p.id), by: camat, expectedVersion: up.version)
        #expect(throws: DomainError.levelLocked(.opd(world.opd[0]))) {
            try world.service.apply(TransitionInput(.rutekanOPD, expectedVersion: accepted.version, routeTo: world.opd[0]), to: .id(p.id), by: camat)
        }
        let routed = try world.service.apply(TransitionInput(.rutekanOPD, expectedVersion: accepted.version, routeTo: world.opd[1]),
                                             to: .id(p.id), by: camat)
        #expect(routed.state == ProposalState(.opd, .verifikasi) && routed.routedOPDId == world.opd[1])
    }

    // MARK: Ranking

    @Test func rankingIsExplicitAndStable() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        let a = try world.acceptedProposal(volume: 1), b = try world.acceptedProposal(volume: 1), c = try world.acceptedProposal(volume: 1)
        world.at(.kelurahan)
        let (u, m) = (world.criteria[0].id, world.criteria[1].id)
        // c has one criterion only: no rank, and the allocation refuses to run until it has one.
        let ranked = try world.service.rank(envelope, cycleId: world.cycle.id, scores: [a.id: [u: 3, m: 3], b.id: [u: 3, m: 3], c.id: [u: 5]],
                                            by: lurah)
        #expect(ranked.map(\.proposalId) == [a.id, b.id] && ranked.map(\.rank) == [1, 2])   // a tie: earlier submission first
        #expect(try world.service.proposal(.id(c.id)).ranks[.kelurahan] == nil)
        #expect(throws: DomainError.unrankedCandidates(count: 1, codes: [c.trackingCode.description])) {
            try world.service.runAllocation(envelope, cycleId: world.cycle.id, by: lurah)
        }
        let full = try world.service.rank(envelope, cycleId: world.cycle.id, scores: [c.id: [u: 5, m: 1]], by: lurah)
        #expect(full.map(\.proposalId) == [c.id, a.id, b.id] && Set(full.map(\.rank)) == [1, 2, 3])
        // A manual reorder needs the meeting's reason, and is logged.
        #expect(throws: DomainError.reasonRequired(action: Action.ubahPeringkat.displayName)) {
            try world.service.reorder(envelope, cycleId: world.cycle.id, moving: b.id, to: 1, note: "  ", by: lurah)
        }
        try world.service.reorder(envelope, cycleId: world.cycle.id, moving: b.id, to: 1, note: "kesepakatan musyawarah", by: lurah)
        #expect(try world.service.history(of: .id(b.id)).last?.note == "kesepakatan musyawarah")
        // A later rescore does not silently undo it: it asks to reset, and a reset needs a reason and is logged.
        #expect(throws: DomainError.manualOrderInPlace) {
            try world.service.rank(envelope, cycleId: world.cycle.id, scores: [a.id: [u: 5, m: 5]], by: lurah)
        }
        #expect(try world.service.proposal(.id(b.id)).ranks[.kelurahan] == 1)
        #expect(throws: DomainError.reasonRequired(action: "atur ulang urutan")) {
            try world.service.rank(envelope, cycleId: world.cycle.id, scores: [a.id: [u: 5, m: 5]], resetManualOrder: true, by: lurah)
        }
        let reset = try world.service.rank(envelope, cycleId: world.cycle.id, scores: [a.id: [u: 5, m: 5]], resetManualOrder: true,
                                           reason: "nilai baru dari musyawarah", by: lurah)
        #expect(reset.first?.proposalId == a.id)
        #expect(try count(world, "ranking_resets") == 1)
        // Score changes are kept: a's urgency went 3 -> 5, with the score it replaced.
        let history = try world.database.read { db in try RankingRepository(db).scoreHistory(proposalId: a.id, level: .kelurahan) }
        #expect(history.filter { $0.criterionId == u }.map { [$0.previous, $0.score] } == [[nil, 3], [3, 5]])
        for statement in ["UPDATE proposal_score_history SET score = 1", "DELETE FROM ranking_resets"] {
            #expect(throws: SQLiteError.self) { try world.database.write { db in try db.execute(statement) } }
        }
    }

    // MARK: Group shares per envelope

    @Test func anEnvelopeMayHaveSharesOfItsOwn() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        try world.database.write { db in
            let cycles = CycleRepository(db)
            try cycles.insertGroupShare(cycleId: world.cycle.id, level: .kelurahan, share: GroupShare(group: .fisik, capBasisPoints: 10_000))
            try cycles.insertGroupShare(cycleId: world.cycle.id, level: .kelurahan, ownerId: world.kelurahan[0].rawValue,
                                        share: .minimum(.nonFisik, basisPoints: 5000))
        }
        let shares = try world.database.read { db in try CycleRepository(db).groupShares(cycleId: world.cycle.id, envelope: envelope) }
        #expect(shares == [.minimum(.nonFisik, basisPoints: 5000)])
        let other = try world.database.read { db in
            try CycleRepository(db).groupShares(cycleId: world.cycle.id, envelope: .kelurahan(world.kelurahan[1]))
        }
        #expect(other == [GroupShare(group: .fisik, capBasisPoints: 10_000)])
        // Kelurahan 0 (Rp 7.000.000) keeps half for non-fisik: while 4 non-fisik units (Rp 2.000.000) could use the
        // reserve, 6 fisik units (Rp 6.000.000) do not fit in the Rp 5.000.000 it leaves.
        world.at(.praMusrenbang)
        let op = world.actor("op.kel0")
        let fisik = try world.service.submit(try world.newProposal(item: 0, volume: 6), cycleId: world.cycle.id, by: op)
        let nonFisik = try world.service.submit(try world.newProposal(item: 1, volume: 4), cycleId: world.cycle.id, by: op)
        world.at(.kelurahan)
        let accepted = try [fisik, nonFisik].map { try world.service.apply(.terima, to: .id($0.id), by: lurah, expectedVersion: $0.version) }
        let run = try world.rankAndRun(envelope, accepted, by: lurah)
        let decisions = try world.database.read { db in try AllocationRepository(db).storedDecisions(runId: run) }
        #expect(decisions.map(\.proposalId) == [fisik.id, nonFisik.id])
        #expect(decisions[0].funded == false && decisions[0].blockingBound == .minimum && decisions[1].funded)
        let reasons = try world.database.read { db in try AllocationRepository(db).decisions(runId: run) }.map(\.reason)
        #expect(reasons[0].hasPrefix("sisa pagu dicadangkan untuk porsi non-fisik minimal"))
    }

    /// One meaning of "funded" everywhere: a proposal not ratified keeps its envelope on record but no longer uses it,
    /// for the recap, the ceiling check and the ceiling administration alike.
    @Test func aProposalNotRatifiedNoLongerUsesItsEnvelope() throws {
        let world = try TestWorld()
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        let a = try world.acceptedProposal(volume: 5)
        let run = try world.rankAndRun(envelope, [a], by: lurah)
        try world.service.lockLevel(envelope.lockKey, cycleId: world.cycle.id, runId: run, documentNumber: "BA/1", by: lurah)
        world.at(.kota)
        let funded = try world.service.proposal(.id(a.id))
        let dropped = try world.service.apply(.tidakTetapkan, to: .id(a.id), by: world.actor("bappeda"), expectedVersion: funded.version,
                                              reason: "tidak sesuai prioritas kota")
        #expect(dropped.envelope == envelope)
        let (byAdministration, byCheck) = try world.database.read { db in
            (try CeilingRepository(db).funded(cycleId: world.cycle.id, level: .kelurahan)[envelope.ownerId],
             try ProposalRepository(db).fundedTotal(of: envelope, cycleId: world.cycle.id))
        }
        let byRecap = try world.service.ceilingUsage(cycleId: world.cycle.id, level: .kelurahan).first { $0.envelope == envelope }?.used
        #expect(byAdministration == nil && byCheck == 0 && byRecap == 0)
    }
}
