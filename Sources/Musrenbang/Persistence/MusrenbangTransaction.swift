import Foundation
import Storage

/// The operations of `MusrenbangService` on one open write transaction (`MusrenbangService.transaction`): the
/// unit of work of one database transaction (not a web session), so that a batch (a whole meeting, an import) commits once. Each operation runs in its own SAVEPOINT:
/// a refused operation leaves nothing behind (not even a tracking number) and the batch may go on.
/// `now` is read from the clock at the start of each operation.
public struct MusrenbangTransaction {
    let db: Connection
    let clock: WallClock
    /// Cycles and locks already loaded in this transaction (a batch reads them once).
    let cache = ContextCache()

    /// Whether each operation gets its own SAVEPOINT (a batch of several); a single operation in its own
    /// transaction needs none, since the transaction's ROLLBACK undoes it.
    private let savepoints: Bool

    init(db: Connection, clock: WallClock, savepoints: Bool) { self.db = db; self.clock = clock; self.savepoints = savepoints }

    func write<T>(_ body: (Connection) throws -> T) throws -> T { savepoints ? try db.savepoint(body) : try body(db) }

    /// Runs `body` on this transaction's connection, for rows of the layer above that must commit or roll back together
    /// with the operations (the web session's claim of a sent form: a crash must not keep the claim without the proposal).
    public func sameTransaction<T>(_ body: (Connection) throws -> T) throws -> T { try write(body) }
    func read<T>(_ body: (Connection) throws -> T) throws -> T { try body(db) }

    // MARK: Proposals

    /// Creates a draft (a resident for themself, an operator kelurahan for its kelurahan) with the next
    /// tracking code of the cycle's kota and plan year.
    public func create(_ new: NewProposal, cycleId: CycleID, by actor: Actor) throws -> Proposal {
        let now = clock.now()
        return try write { db in
            let created = try self.prepare(new, cycleId: cycleId, by: actor, at: now, db: db)
            try ProposalRepository(db).insert(created.proposal)
            try EventRepository(db).append(created.event)
            return created.proposal
        }
    }

    /// Creates the proposal and submits it (`ajukan`) in one transaction: a resident's goes to the Ketua RT,
    /// an operator's paper form straight to the kelurahan verification, and so does the delegates' live entry at the
    /// kelurahan Musrenbang (`Workflow.enterLive`). The row is inserted once, in its submitted state, with both events
    /// (`buat`, `ajukan`).
    public func submit(_ new: NewProposal, cycleId: CycleID, by actor: Actor) throws -> Proposal {
        let now = clock.now()
        return try write { db in
            let (created, submitted) = try self.prepareSubmitted(new, cycleId: cycleId, by: actor, at: now, db: db)
            try ProposalRepository(db).insert(submitted.proposal)
            let events = EventRepository(db)
            try events.append(created.event)
            try events.append(submitted.event)
            return submitted.proposal
        }
    }

    /// Runs `Workflow.create` with the next id and tracking code (`prepareInput`).
    private func prepare(_ new: NewProposal, cycleId: CycleID, by actor: Actor, at now: Date, db: Connection) throws -> TransitionResult {
        try prepareInput(new, cycleId: cycleId, by: actor, db: db).create(by: actor, at: now)
    }

    /// The created proposal and its submission: `Workflow.create` then `ajukan`, or the delegates' live entry at the
    /// kelurahan Musrenbang (`Workflow.enterLive`), which the engine decides from the proposal, the actor and the time.
    private func prepareSubmitted(_ new: NewProposal, cycleId: CycleID, by actor: Actor, at now: Date, db: Connection) throws
        -> (created: TransitionResult, submitted: TransitionResult) {
        let input = try prepareInput(new, cycleId: cycleId, by: actor, db: db)
        if Workflow.isLiveEntryAtKelurahanMeeting(input.new, by: actor, at: now, cycle: input.context.cycle) {
            return try Workflow.enterLive(input.new, kamus: input.kamus, id: input.id, trackingCode: input.code, by: actor, at: now,
                                          context: input.context)
        }
        let created = try input.create(by: actor, at: now)
        let submitted = try Workflow.apply(TransitionInput(.ajukan, expectedVersion: created.proposal.version),
                                           to: created.proposal, by: actor, at: now, context: input.context)
        return (created, submitted)
    }

    /// What creating a proposal needs from the database, with the next id and tracking code (the sequence is bumped in
    /// this transaction). The kamus item is loaded from the catalogue and the origin derived from the stored wilayah
    /// (never the caller's).
    private func prepareInput(_ new: NewProposal, cycleId: CycleID, by actor: Actor, db: Connection) throws -> NewProposalInput {
        let context = try self.context(cycleId: cycleId, db: db)
        let kota = try cachedKota(context.cycle.kotaId, db: db)
        var checked = new
        let (origin, kotaId) = try WilayahRepository(db).resolve(new.origin)
        guard kotaId == kota.id else { throw DomainError.notInScope }
        checked.origin = origin
        // A paper form may name the resident's account (the proposal then shows in their own list): only an active
        // resident's account, never any other id a form could carry.
        if actor.role == .operatorKelurahan, let proposer = new.proposerAccountId {
            let account = try? AccountRepository(db).account(id: proposer)
            guard let account, account.active, account.roles.contains(where: { $0.role == .warga }) else {
                throw DomainError.invalidFields([FieldError(field: "proposer_account",
                                                            message: "Akun pengusul tidak ditemukan atau bukan akun warga yang aktif.")])
            }
        }
        let kamus = try catalogItem(new.content.kamusId, db: db)
        let proposals = ProposalRepository(db)
        let code = try proposals.nextTrackingCode(kotaId: kota.id, cityCode: kota.code, year: context.cycle.planYear)
        return NewProposalInput(new: checked, kamus: kamus, id: try proposals.nextId(), code: code, context: context)
    }

    /// The catalogue's kamus item; an id that names none is a field error of the form.
    func catalogItem(_ id: KamusID, db: Connection) throws -> KamusItem {
        do {
            return try CatalogRepository(db).kamus(id: id)
        } catch PersistenceError.notFound {
            throw DomainError.invalidFields([FieldError(field: "kamus", message: "Pilih kegiatan dari kamus usulan.")])
        }
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
            // Another activity: its price and attributes come from the catalogue, loaded here.
            let kamus = try input.edit.flatMap { $0.kamusId == proposal.kamusId ? nil : try self.catalogItem($0.kamusId, db: db) }
            // A proposer correction's RT (and the current one, for the event's words) come from the stored wilayah.
            let places = try input.proposer.map { try WilayahRepository(db).rtPlaces([$0.rtId] + [proposal.origin.rtId].compactMap { $0 }) } ?? [:]
            let result = try Workflow.apply(input, to: proposal, by: actor, at: now, context: context, kamus: kamus, rtPlaces: places)
            try self.requireWithinCeiling(result.proposal, replacing: proposal, db: db)
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
        try read { db in try CycleCache.shared.cycle(id: id, db) }
    }

    /// Bappeda extends a stage window: logged in `window_extensions` and, with the cycle before and after and the
    /// reason, in the admin log (`cycle`/`update`). The actor is checked against the database like every admin change.
    public func extendWindow(cycleId: CycleID, stage: Stage, to closesAt: Date, reason: String, by actor: Actor) throws -> Cycle {
        guard actor.role == .bappeda else { throw DomainError.roleNotAllowed(role: actor.role, action: "perpanjang jadwal") }
        let now = clock.now()
        return try write { db in
            let change = try AdminWriter(db: db, actor: actor, as: .bappeda, "perpanjang jadwal", at: now)
            let cycles = CycleRepository(db)
            let before = try cycles.cycle(id: cycleId)
            let (updated, entry) = try before.extending(stage, to: closesAt, reason: reason, by: actor, at: now)
            try cycles.saveExtension(entry)
            try change.log(.cycle, key: "\(cycleId)", .update, before: AdminSnapshot(before), after: AdminSnapshot(updated),
                           reason: entry.reason, cycleId: cycleId)
            cache.contexts[cycleId] = nil
            return updated
        }
    }

    // MARK: Ceilings

    /// Bappeda computes the kelurahan and kecamatan ceilings of a cycle and stores them (see `CeilingComputation`:
    /// every kelurahan needs inputs; after a berita acara only with a reason; never below what is funded; logged).
    public func computeCeilings(cycleId: CycleID, reason: String? = nil, by actor: Actor) throws
        -> (kelurahan: CeilingAllocation, kecamatan: CeilingAllocation) {
        guard actor.role == .bappeda else { throw DomainError.roleNotAllowed(role: actor.role, action: "hitung pagu") }
        let now = clock.now()
        return try write { db in
            let change = try AdminWriter(db: db, actor: actor, as: .bappeda, "hitung pagu", at: now)
            return try CeilingComputation(change: change).run(cycleId: cycleId, reason: reason)
        }
    }

    // MARK: Internals


    func load(_ ref: ProposalRef, db: Connection) throws -> Proposal {
        switch ref {
        case .id(let id): try ProposalRepository(db).proposal(id: id)
        case .code(let code): try ProposalRepository(db).proposal(trackingCode: code)
        }
    }

    func context(cycleId: CycleID, db: Connection) throws -> WorkflowContext {
        if let cached = cache.contexts[cycleId] { return cached }
        let context = WorkflowContext(cycle: try CycleRepository(db).cycle(id: cycleId),
                                      locks: try LockRepository(db).keys(cycleId: cycleId))
        cache.contexts[cycleId] = context
        return context
    }

    /// Funded proposals never take their envelope over its ceiling: a transition that funds a proposal, moves it
    /// into an envelope or raises its cost there (a Bappeda correction) is refused when it would.
    func requireWithinCeiling(_ new: Proposal, replacing old: Proposal, db: Connection) throws {
        let funded = ProposalStatus.funded
        guard let envelope = new.envelope, funded.contains(new.status) else { return }
        guard old.envelope != envelope || !funded.contains(old.status) || old.effectiveCost < new.effectiveCost else { return }
        let ceiling = try CeilingRepository(db).amount(of: envelope, cycleId: new.cycleId) ?? 0
        let others = try ProposalRepository(db).fundedTotal(of: envelope, cycleId: new.cycleId, excluding: new.id)
        guard others <= ceiling, new.effectiveCost <= ceiling - others else {
            throw DomainError.exceedsCeiling(envelope: envelope, ceiling: ceiling, used: others, cost: new.effectiveCost)
        }
    }

    /// Writes a transition: the guarded update (stale version -> conflict) and the event.
    func store(_ result: TransitionResult, replacing old: Proposal, db: Connection) throws {
        try ProposalRepository(db).update(from: old, to: result.proposal)
        try EventRepository(db).append(result.event)
    }
}

/// The per-transaction cache of a session. A class so that the session value can stay a struct; it never
/// leaves the thread that holds the transaction.
final class ContextCache {
    var contexts: [CycleID: WorkflowContext] = [:]
    var kota: [KotaID: Kota] = [:]
}

/// What `Workflow.create` needs for a new proposal, read and reserved in the transaction (`prepareInput`).
private struct NewProposalInput {
    var new: NewProposal
    var kamus: KamusItem
    var id: ProposalID
    var code: TrackingCode
    var context: WorkflowContext

    func create(by actor: Actor, at now: Date) throws(DomainError) -> TransitionResult {
        try Workflow.create(new, kamus: kamus, id: id, trackingCode: code, by: actor, at: now, cycle: context.cycle)
    }
}
