import Foundation
import Storage

/// The operations of `MusrenbangService` on one open write transaction (`MusrenbangService.transaction`),
/// so that a batch (a whole meeting, an import) commits once. Each operation runs in its own SAVEPOINT:
/// a refused operation leaves nothing behind (not even a tracking number) and the batch may go on.
/// `now` is read from the clock at the start of each operation.
public struct MusrenbangSession {
    let db: Connection
    let clock: WallClock
    /// Cycles and locks already loaded in this transaction (a batch reads them once).
    private let cache = ContextCache()

    /// Whether each operation gets its own SAVEPOINT (a batch of several); a single operation in its own
    /// transaction needs none, since the transaction's ROLLBACK undoes it.
    private let savepoints: Bool

    init(db: Connection, clock: WallClock, savepoints: Bool) { self.db = db; self.clock = clock; self.savepoints = savepoints }

    private func write<T>(_ body: (Connection) throws -> T) throws -> T { savepoints ? try db.savepoint(body) : try body(db) }
    private func read<T>(_ body: (Connection) throws -> T) throws -> T { try body(db) }

    // MARK: Proposals

    /// Creates a draft (a resident for themself, an operator kelurahan for its kelurahan) with the next
    /// tracking code of the cycle's kota and plan year.
    public func create(_ new: NewProposal, cycleId: CycleID, by actor: Actor) throws -> Proposal {
        let now = clock.now()
        return try write { db in
            let (created, _) = try self.prepare(new, cycleId: cycleId, by: actor, at: now, db: db)
            try ProposalRepository(db).insert(created.proposal)
            try EventRepository(db).append(created.event)
            return created.proposal
        }
    }

    /// Creates the proposal and submits it (`ajukan`) in one transaction: a resident's goes to the Ketua RT,
    /// an operator's paper form straight to the kelurahan verification. The row is inserted once, in its
    /// submitted state, with both events (`buat`, `ajukan`).
    public func submit(_ new: NewProposal, cycleId: CycleID, by actor: Actor) throws -> Proposal {
        let now = clock.now()
        return try write { db in
            let (created, context) = try self.prepare(new, cycleId: cycleId, by: actor, at: now, db: db)
            let submitted = try Workflow.apply(TransitionInput(.ajukan, expectedVersion: created.proposal.version),
                                               to: created.proposal, by: actor, at: now, context: context)
            try ProposalRepository(db).insert(submitted.proposal)
            let events = EventRepository(db)
            try events.append(created.event)
            try events.append(submitted.event)
            return submitted.proposal
        }
    }

    /// Runs `Workflow.create` with the next id and tracking code (the sequence is bumped in this transaction).
    private func prepare(_ new: NewProposal, cycleId: CycleID, by actor: Actor, at now: Date, db: Connection) throws
        -> (TransitionResult, WorkflowContext) {
        let context = try self.context(cycleId: cycleId, db: db)
        let kota = try cachedKota(context.cycle.kotaId, db: db)
        let proposals = ProposalRepository(db)
        let code = try proposals.nextTrackingCode(kotaId: kota.id, cityCode: kota.code, year: context.cycle.planYear)
        let result = try Workflow.create(new, id: try proposals.nextId(), trackingCode: code, by: actor, at: now,
                                         cycle: context.cycle)
        return (result, context)
    }

    private func cachedKota(_ id: KotaID, db: Connection) throws -> Kota {
        if let kota = cache.kota[id] { return kota }
        let kota = try WilayahRepository(db).kota(id: id)
        cache.kota[id] = kota
        return kota
    }

    /// Applies one action to a proposal (guards in `Workflow.apply`); a different stored version than
    /// `input.expectedVersion` is `DomainError.staleVersion`, and nothing is written.
    @discardableResult
    public func apply(_ input: TransitionInput, to ref: ProposalRef, by actor: Actor) throws -> Proposal {
        let now = clock.now()
        return try write { db in
            let proposal = try self.load(ref, db: db)
            let context = try self.context(cycleId: proposal.cycleId, db: db)
            let result = try Workflow.apply(input, to: proposal, by: actor, at: now, context: context)
            try self.store(result, replacing: proposal, db: db)
            return result.proposal
        }
    }

    /// `apply` for the common actions that need at most a reason.
    @discardableResult
    public func apply(_ action: Action, to ref: ProposalRef, by actor: Actor, expectedVersion: Int64,
                      reason: String? = nil) throws -> Proposal {
        try apply(TransitionInput(action, expectedVersion: expectedVersion, reason: reason), to: ref, by: actor)
    }

    /// One proposal with its recommendations and ranks. Unscoped (seeder, tests): not for the portal.
    func proposal(_ ref: ProposalRef) throws -> Proposal {
        try read { db in try self.load(ref, db: db) }
    }

    /// The proposals matching a filter. Unscoped (seeder, tests): not for the portal.
    func proposals(_ filter: ProposalFilter) throws -> [Proposal] {
        try read { db in try ProposalRepository(db).list(filter) }
    }

    /// A proposal's history, oldest first. Unscoped (seeder, tests): not for the portal.
    func history(of ref: ProposalRef) throws -> [ProposalEvent] {
        try read { db in try EventRepository(db).history(of: try self.load(ref, db: db).id) }
    }

    /// Carries last cycle's unfunded proposal into `cycleId` as a new draft linked to it (both events logged).
    public func carryOver(_ ref: ProposalRef, expectedVersion: Int64, into cycleId: CycleID, by actor: Actor) throws -> Proposal {
        let now = clock.now()
        return try write { db in
            let original = try self.load(ref, db: db)
            let originalContext = try self.context(cycleId: original.cycleId, db: db)
            let newCycle = try CycleRepository(db).cycle(id: cycleId)
            let kota = try WilayahRepository(db).kota(id: newCycle.kotaId)
            let proposals = ProposalRepository(db)
            let code = try proposals.nextTrackingCode(kotaId: kota.id, cityCode: kota.code, year: newCycle.planYear)
            let kamus = try CatalogRepository(db).kamus(id: original.kamusId)
            let result = try CarryOver.carry(original, expectedVersion: expectedVersion, originalContext: originalContext,
                                             into: newCycle, newId: try proposals.nextId(), trackingCode: code, kamus: kamus,
                                             by: actor, at: now)
            try proposals.insert(result.carried.proposal)
            try EventRepository(db).append(result.carried.event)
            try self.store(result.original, replacing: original, db: db)
            return result.carried.proposal
        }
    }

    // MARK: Cycle

    public func cycle(id: CycleID) throws -> Cycle {
        try read { db in try CycleRepository(db).cycle(id: id) }
    }

    /// Bappeda extends a stage window (logged in `window_extensions`).
    public func extendWindow(cycleId: CycleID, stage: Stage, to closesAt: Date, reason: String, by actor: Actor) throws -> Cycle {
        let now = clock.now()
        return try write { db in
            let cycles = CycleRepository(db)
            let (updated, entry) = try cycles.cycle(id: cycleId).extending(stage, to: closesAt, reason: reason, by: actor, at: now)
            try cycles.saveExtension(entry)
            cache.contexts[cycleId] = nil
            return updated
        }
    }

    // MARK: Ranking, allocation, berita acara

    /// The proposals competing for `envelope` (its level's candidate states, in its area or routed to its OPD).
    public func candidates(for envelope: FundingEnvelope, cycleId: CycleID) throws -> [Proposal] {
        try read { db in try ProposalRepository(db).list(Self.candidateFilter(envelope, cycleId: cycleId)) }
    }

    /// The filter that selects the candidates of `envelope` (its level's candidate states, its area or OPD).
    public static func candidateFilter(_ envelope: FundingEnvelope, cycleId: CycleID) -> ProposalFilter {
        let stage = envelope.level.stage
        let states = [ProposalState(stage, .diterima), ProposalState(stage, .diterimaDenganPerubahan)]
        return switch envelope {
        case .kelurahan(let id): ProposalFilter(cycleId: cycleId, kelurahanId: id, states: states)
        case .kecamatan(let id): ProposalFilter(cycleId: cycleId, kecamatanId: id, states: states)
        case .opd(let id): ProposalFilter(cycleId: cycleId, routedOPDId: id, states: states)
        }
    }

    /// Stores criterion scores (1-5) given by the envelope's owner and re-ranks every candidate of the
    /// envelope that has complete scores. Returns the ranking.
    @discardableResult
    public func rank(_ envelope: FundingEnvelope, cycleId: CycleID, scores: [ProposalID: [ScoringCriterionID: Int]],
                     by actor: Actor) throws -> [RankedProposal] {
        let now = clock.now()
        return try write { db in
            let (cycle, _) = try self.requireEnvelopeOpen(envelope, cycleId: cycleId, by: actor, at: now, db: db)
            let level = envelope.level
            let proposals = ProposalRepository(db), filter = Self.candidateFilter(envelope, cycleId: cycleId)
            // Light rows: ids and submission times (ties) of the candidates, with their stored scores.
            let before = try proposals.scoreSheets(filter, level: level)
            let ids = Set(before.map(\.proposalId))
            var entries: [(proposalId: ProposalID, criterionId: ScoringCriterionID, score: Int)] = []
            for (proposalId, sheet) in scores {
                guard ids.contains(proposalId) else { throw DomainError.notInScope }
                for (criterion, score) in sheet {
                    guard ScoringCriterion.scoreRange.contains(score) else {
                        throw DomainError.invalidInput(field: "nilai", detail: "1 sampai 5")
                    }
                    entries.append((proposalId, criterion, score))
                }
            }
            let rankings = RankingRepository(db)
            try rankings.saveScores(entries, level: level, by: actor.accountId, at: now)
            let criteria = try CycleRepository(db).scoringCriteria(cycleId: cycle.id)
            let criterionIds = Set(criteria.map(\.id))
            let complete = try proposals.scoreSheets(filter, level: level).filter { criterionIds.isSubset(of: $0.scores.keys) }
            let ranked = try Ranking.rank(complete, criteria: criteria)
            try rankings.saveRankings(ranked, level: level)
            return ranked
        }
    }

    /// Manual reorder by the meeting: moves a proposal to `position` in the envelope's ranking (one logged
    /// `ubah_peringkat` event per proposal whose rank changes).
    public func reorder(_ envelope: FundingEnvelope, cycleId: CycleID, moving proposalId: ProposalID, to position: Int,
                        note: String?, by actor: Actor) throws {
        let now = clock.now()
        try write { db in
            let context = try self.context(cycleId: cycleId, db: db)
            let level = envelope.level
            let candidates = try ProposalRepository(db).list(Self.candidateFilter(envelope, cycleId: cycleId))
            let order = candidates.sorted { ($0.ranks[level] ?? Int.max, $0.id) < ($1.ranks[level] ?? Int.max, $1.id) }.map(\.id)
            let newOrder = try Ranking.reorder(order, moving: proposalId, to: position)
            let results = try Ranking.applyManualOrder(newOrder, proposals: candidates, level: level, note: note, by: actor,
                                                       at: now, context: context)
            var byId: [ProposalID: Proposal] = [:]
            for p in candidates { byId[p.id] = p }
            for result in results { try self.store(result, replacing: byId[result.proposal.id]!, db: db) }
        }
    }

    /// Runs the F1/F2 allocation of an envelope as the draft its meeting reviews: the run and every decision
    /// with its reason are stored, no proposal moves. Re-runnable until the level is locked; the berita acara
    /// (`lockLevel`) applies the final run.
    public func runAllocation(_ envelope: FundingEnvelope, cycleId: CycleID, by actor: Actor) throws -> AllocationOutcome {
        let now = clock.now()
        return try write { db in
            _ = try self.requireEnvelopeOpen(envelope, cycleId: cycleId, by: actor, at: now, db: db)
            let candidates = try ProposalRepository(db).allocationCandidates(Self.candidateFilter(envelope, cycleId: cycleId),
                                                                            level: envelope.level)
            let (runId, result) = try self.storeRun(envelope, candidates: candidates, cycleId: cycleId, by: actor, at: now, db: db)
            return AllocationOutcome(runId: runId, result: result)
        }
    }

    /// Locks a level's results with its berita acara. For a kelurahan, kecamatan or OPD it first runs the
    /// envelope's allocation once more (the final run, stored like any other) and applies it: F1 funded,
    /// F2 passed up, one event per proposal. Nothing is locked or moved when any of it is refused.
    @discardableResult
    public func lockLevel(_ key: LockKey, cycleId: CycleID, documentNumber: String, note: String = "",
                          by actor: Actor) throws -> LevelLock {
        let now = clock.now()
        return try write { db in
            let context = try self.context(cycleId: cycleId, db: db)
            let lock = try LevelLock.lock(key, cycle: context.cycle, documentNumber: documentNumber, note: note, by: actor,
                                          at: now, existing: context.locks)
            if let envelope = FundingEnvelope(lockKey: key) {
                let proposals = ProposalRepository(db)
                let rows = try proposals.allocationPlacements(Self.candidateFilter(envelope, cycleId: cycleId), level: key.level)
                let (_, result) = try self.storeRun(envelope, candidates: rows.map(\.candidate), cycleId: cycleId, by: actor,
                                                    at: now, db: db)
                let moves = try Allocation.moves(for: result, placements: rows.map(\.placement), level: key.level, by: actor,
                                                 at: now, context: context)
                try proposals.apply(moves, at: now)
                try EventRepository(db).append(contentsOf: moves.lazy.map(\.event))
            }
            try LockRepository(db).insert(lock)
            cache.contexts[cycleId] = nil
            return lock
        }
    }

    /// Computes an envelope's allocation over `candidates` and stores the run with its decisions.
    private func storeRun(_ envelope: FundingEnvelope, candidates: [AllocationCandidate], cycleId: CycleID, by actor: Actor,
                          at now: Date, db: Connection) throws -> (Int64, AllocationResult) {
        guard let amount = try CeilingRepository(db).amount(of: envelope, cycleId: cycleId) else {
            throw DomainError.missingInput(field: "pagu \(envelope)")
        }
        let shares = try CycleRepository(db).groupShares(cycleId: cycleId, level: envelope.level)
        let result = try Allocation.run(envelope: amount, candidates: candidates, shares: shares)
        let runId = try AllocationRepository(db).save(result, cycleId: cycleId, envelope: envelope, by: actor.accountId, at: now)
        return (runId, result)
    }

    /// Bappeda computes the kelurahan ceilings and the kecamatan ceilings of a cycle from its settings and
    /// the kelurahan criteria inputs (kecamatan inputs are their kelurahan's sums), and stores them.
    public func computeCeilings(cycleId: CycleID, by actor: Actor) throws -> (kelurahan: CeilingAllocation, kecamatan: CeilingAllocation) {
        guard actor.role == .bappeda else { throw DomainError.roleNotAllowed(role: actor.role, action: "hitung pagu") }
        let now = clock.now()
        return try write { db in
            let ceilings = CeilingRepository(db)
            guard let kelurahanSettings = try ceilings.settings(cycleId: cycleId, level: .kelurahan),
                  let kecamatanSettings = try ceilings.settings(cycleId: cycleId, level: .kecamatan) else {
                throw DomainError.missingInput(field: "pengaturan pagu")
            }
            let inputs = try ceilings.inputs(cycleId: cycleId)
            var parent: [Int64: Int64] = [:]
            for kelurahan in try WilayahRepository(db).kelurahanList() {
                parent[kelurahan.id.rawValue] = kelurahan.kecamatanId.rawValue
            }
            let kelurahan = try CeilingCalculator.allocate(total: kelurahanSettings.total, inputs: inputs,
                                                          formula: kelurahanSettings.formula)
            let kecamatan = try CeilingCalculator.allocate(total: kecamatanSettings.total,
                                                          inputs: CeilingInput.aggregate(inputs, parentOf: { parent[$0] }),
                                                          formula: kecamatanSettings.formula)
            try ceilings.saveCeilings(cycleId: cycleId, level: .kelurahan, allocation: kelurahan, at: now)
            try ceilings.saveCeilings(cycleId: cycleId, level: .kecamatan, allocation: kecamatan, at: now)
            return (kelurahan, kecamatan)
        }
    }

    // MARK: Internals


    private func load(_ ref: ProposalRef, db: Connection) throws -> Proposal {
        switch ref {
        case .id(let id): try ProposalRepository(db).proposal(id: id)
        case .code(let code): try ProposalRepository(db).proposal(trackingCode: code)
        }
    }

    private func context(cycleId: CycleID, db: Connection) throws -> WorkflowContext {
        if let cached = cache.contexts[cycleId] { return cached }
        let context = WorkflowContext(cycle: try CycleRepository(db).cycle(id: cycleId),
                                      locks: try LockRepository(db).keys(cycleId: cycleId))
        cache.contexts[cycleId] = context
        return context
    }

    /// The envelope's owner acts, the level is not locked, and its stage is open.
    private func requireEnvelopeOpen(_ envelope: FundingEnvelope, cycleId: CycleID, by actor: Actor, at now: Date,
                                     db: Connection) throws -> (Cycle, Set<LockKey>) {
        guard actor.owns(envelope) else {
            // The level's own role with another area or OPD is out of scope; any other role may not allocate.
            let owners: [Role] = switch envelope.level {
            case .kelurahan: [.verifikatorKelurahan]
            case .kecamatan: [.camat, .operatorKecamatan]
            default: [.verifikatorOPD]
            }
            if owners.contains(actor.role) { throw DomainError.notInScope }
            throw DomainError.roleNotAllowed(role: actor.role, action: "alokasi pagu")
        }
        let context = try self.context(cycleId: cycleId, db: db)
        guard !context.locks.contains(envelope.lockKey) else { throw DomainError.levelLocked(envelope.lockKey) }
        try context.cycle.requireOpen(envelope.level.stage, at: now)
        return (context.cycle, context.locks)
    }

    /// Writes a transition: the guarded update (stale version -> conflict) and the event.
    private func store(_ result: TransitionResult, replacing old: Proposal, db: Connection) throws {
        try ProposalRepository(db).update(from: old, to: result.proposal)
        try EventRepository(db).append(result.event)
    }
}

/// The per-transaction cache of a session. A class so that the session value can stay a struct; it never
/// leaves the thread that holds the transaction.
private final class ContextCache {
    var contexts: [CycleID: WorkflowContext] = [:]
    var kota: [KotaID: Kota] = [:]
}
