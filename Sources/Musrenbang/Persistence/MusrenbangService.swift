import Foundation
import Storage

/// A proposal named by its row id or by its public tracking code.
public enum ProposalRef: Hashable, Sendable, CustomStringConvertible {
    case id(ProposalID)
    case code(TrackingCode)

    public var description: String {
        switch self {
        case .id(let id): "usulan \(id)"
        case .code(let code): "usulan \(code)"
        }
    }
}

/// The outcome of one allocation run over an envelope.
public struct AllocationOutcome: Hashable, Sendable {
    public var runId: Int64
    public var result: AllocationResult
}

/// The facade the web portal and the command-line tools call. Every operation that changes data is one
/// `Database.write` (`BEGIN IMMEDIATE`): load what the domain core needs, call it, write what it returns,
/// append the events. `now` is read from the injected clock once per operation.
public final class MusrenbangService: Sendable {
    public let database: Database
    public let clock: WallClock
    public let hasher: PasswordHasher
    /// Verified when a username does not exist, so that a login takes about as long either way.
    private let dummyHash: String
    /// What the public reads most, kept while the rows it was computed from do not change (`GenerationCache`): list
    /// pages, the home page's figures, the list's filter choices.
    let publishedLists = GenerationCache<PublishedListKey, ProposalPage>(capacity: 512)
    /// The staff's work lists (a verifier's queue), kept the same way per viewer.
    let workLists = GenerationCache<WorkListKey, ProposalPage>(capacity: 512)
    let publishedFigures = GenerationCache<CycleID, PublicFigures>(capacity: 64)
    /// Proposals' whole details (their pages for the proposer, the area's heads and the staff), kept per proposal.
    let proposalDetails = GenerationCache<ProposalID, ProposalDetail>(capacity: 2048)
    let publicListChoices = GenerationCache<KotaID, ListChoices>(capacity: 8)
    /// The proposal forms' bidang and active kamus items (one entry).
    let activeCatalogs = GenerationCache<Int, ActiveCatalog>(capacity: 1)

    public init(database: Database, clock: WallClock = .system, hasher: PasswordHasher = PasswordHasher()) throws {
        self.database = database
        self.clock = clock
        self.hasher = hasher
        self.dummyHash = try hasher.hash(UUID().uuidString)
        // The writer's settings for this workload: savepoint sub-journals in memory instead of temporary
        // files, and a 64 MiB page cache (SQLite's default is 2 MiB) so that an allocation or a batch does
        // not spill dirty pages or re-read index pages through system calls.
        try database.withWriter { db in
            try db.execute("PRAGMA temp_store = MEMORY")
            try db.execute("PRAGMA cache_size = -65536")
            // Pages beyond the cache are read through a memory map instead of a read() per page (a city at
            // 10x Surabaya is ~200 MiB; an allocation touches rows all over the proposals table).
            _ = try db.scalar("PRAGMA mmap_size = 268435456", as: Int64.self)
            // The log is checkpointed by the database's own thread (Database.Configuration.backgroundCheckpointPages),
            // never inside a commit; `PRAGMA wal_autocheckpoint` here would take that over again.
        }
    }

    // MARK: Accounts

    /// Creates an account with its roles and a yescrypt hash of `password`.
    @discardableResult
    public func createAccount(username: String, displayName: String, roles: [RoleAssignment], password: String,
                              nik: String? = nil, phone: String? = nil, email: String? = nil) throws -> AccountID {
        let hash = try hasher.hash(password)
        return try createAccount(username: username, displayName: displayName, roles: roles, passwordHash: hash,
                                 nik: nik, phone: phone, email: email)
    }

    /// Creates an account from an already computed hash (bulk creation hashes in parallel first).
    @discardableResult
    public func createAccount(username: String, displayName: String, roles: [RoleAssignment], passwordHash: String,
                              nik: String? = nil, phone: String? = nil, email: String? = nil) throws -> AccountID {
        let now = clock.now()
        return try database.write { db in
            try AccountRepository(db).insert(username: username, passwordHash: passwordHash, displayName: displayName,
                                             roles: roles, nik: nik, phone: phone, email: email, at: now)
        }
    }

    /// Replaces the password of `username`.
    public func setPassword(username: String, password: String) throws {
        let hash = try hasher.hash(password)
        let changed = try database.write { db in try AccountRepository(db).setPasswordHash(username: username, passwordHash: hash) }
        guard changed else { throw PersistenceError.notFound("akun \(username)") }
    }

    /// The account (active, password right) for a login; nil for an unknown user, a wrong password or a deactivated
    /// account. A database failure is thrown, never taken for a wrong password. A missing user still costs one hash.
    public func authenticateAccount(username: String, password: String) throws -> Account? {
        let found = try database.read { db in try AccountRepository(db).credentials(username: username) }
        guard let (account, hash) = found else {
            _ = hasher.verify(password, against: dummyHash)
            return nil
        }
        guard hasher.verify(password, against: hash), account.active else { return nil }
        return account
    }

    /// The actor of a login under the account's first role; nil for a wrong username or password (a database
    /// failure is thrown).
    public func authenticate(username: String, password: String) throws -> Actor? {
        guard let account = try authenticateAccount(username: username, password: password),
              let first = account.roles.first else { return nil }
        return try? account.acting(as: first)
    }

    /// The account with its roles.
    public func account(id: AccountID) throws -> Account {
        try database.read { db in try AccountRepository(db).account(id: id) }
    }

    // MARK: Transactions

    /// Runs several operations in one write transaction (one commit): a meeting's decisions, an import.
    public func transaction<T>(_ body: (MusrenbangTransaction) throws -> T) throws -> T {
        try database.write { db in try body(MusrenbangTransaction(db: db, clock: clock, savepoints: true)) }
    }

    /// As `transaction`, for a few operations on one proposal (a form sent with its token): committed together with
    /// the other small writes that wait meanwhile (`Database.writeInGroup`). Not for an import or a meeting's decisions.
    public func transactionInGroup<T>(_ body: (MusrenbangTransaction) throws -> T) throws -> T {
        try database.writeInGroup { db in try body(MusrenbangTransaction(db: db, clock: clock, savepoints: true)) }
    }

    /// One operation in its own transaction (no savepoint needed).
    private func single<T>(_ body: (MusrenbangTransaction) throws -> T) throws -> T {
        try database.write { db in try body(MusrenbangTransaction(db: db, clock: clock, savepoints: false)) }
    }

    /// One operation on one proposal, committed together with the other small writes that wait meanwhile.
    private func singleInGroup<T>(_ body: (MusrenbangTransaction) throws -> T) throws -> T {
        try database.writeInGroup { db in try body(MusrenbangTransaction(db: db, clock: clock, savepoints: false)) }
    }

    /// Runs read operations on one consistent snapshot.
    public func snapshot<T>(_ body: (MusrenbangTransaction) throws -> T) throws -> T {
        try database.read { db in try body(MusrenbangTransaction(db: db, clock: clock, savepoints: false)) }
    }

    // MARK: Proposals (each call one transaction; see MusrenbangTransaction for the rules)

    /// Creates a draft with the next tracking code of the cycle's kota and plan year.
    public func create(_ new: NewProposal, cycleId: CycleID, by actor: Actor) throws -> Proposal {
        try singleInGroup { try $0.create(new, cycleId: cycleId, by: actor) }
    }

    /// Creates and submits (`ajukan`) a proposal in one transaction.
    public func submit(_ new: NewProposal, cycleId: CycleID, by actor: Actor) throws -> Proposal {
        try singleInGroup { try $0.submit(new, cycleId: cycleId, by: actor) }
    }

    /// Applies one action; a stored version other than `input.expectedVersion` is `DomainError.staleVersion`.
    @discardableResult
    public func apply(_ input: TransitionInput, to ref: ProposalRef, by actor: Actor) throws -> Proposal {
        try singleInGroup { try $0.apply(input, to: ref, by: actor) }
    }

    /// `apply` for the actions that need at most a reason.
    @discardableResult
    public func apply(_ action: Action, to ref: ProposalRef, by actor: Actor, expectedVersion: Int64,
                      reason: String? = nil) throws -> Proposal {
        try apply(TransitionInput(action, expectedVersion: expectedVersion, reason: reason), to: ref, by: actor)
    }

    /// One proposal with its recommendations and ranks. Unscoped (tests, seeder): the portal must not use it but
    /// `proposalDetail(_:viewer:)` / `publicProposal(_:viewer:)` (MusrenbangService+Reads.swift).
    func proposal(_ ref: ProposalRef) throws -> Proposal { try snapshot { try $0.proposal(ref) } }

    /// The proposals matching a filter. Unscoped: the portal uses `proposals(_:viewer:)` with a `ProposalQuery`.
    func proposals(_ filter: ProposalFilter) throws -> [Proposal] { try snapshot { try $0.proposals(filter) } }

    /// A proposal's history, oldest first. Unscoped: the portal uses `proposalDetail(_:viewer:)`.
    func history(of ref: ProposalRef) throws -> [ProposalEvent] { try snapshot { try $0.history(of: ref) } }

    /// Carries last cycle's unfunded proposal into `cycleId` as a new draft linked to it.
    public func carryOver(_ ref: ProposalRef, expectedVersion: Int64, into cycleId: CycleID, by actor: Actor) throws -> Proposal {
        try singleInGroup { try $0.carryOver(ref, expectedVersion: expectedVersion, into: cycleId, by: actor) }
    }

    // MARK: Cycle, ranking, allocation, berita acara, ceilings

    public func cycle(id: CycleID) throws -> Cycle { try snapshot { try $0.cycle(id: id) } }

    /// Bappeda extends a stage window (logged).
    public func extendWindow(cycleId: CycleID, stage: Stage, to closesAt: Date, reason: String, by actor: Actor) throws -> Cycle {
        try single { try $0.extendWindow(cycleId: cycleId, stage: stage, to: closesAt, reason: reason, by: actor) }
    }

    /// The proposals competing for an envelope.
    /// Unscoped: tests, the demo and the bench; the portal uses `candidates(for:cycleId:viewer:)`.
    func candidates(for envelope: FundingEnvelope, cycleId: CycleID) throws -> [Proposal] {
        try snapshot { try $0.candidates(for: envelope, cycleId: cycleId) }
    }

    /// Stores scores and re-ranks the envelope's candidates (unique ranks; a manual order is replaced only with
    /// `resetManualOrder` and a reason, logged).
    @discardableResult
    public func rank(_ envelope: FundingEnvelope, cycleId: CycleID, scores: [ProposalID: [ScoringCriterionID: Int]],
                     resetManualOrder: Bool = false, reason: String? = nil, by actor: Actor) throws -> [RankedProposal] {
        try single {
            try $0.rank(envelope, cycleId: cycleId, scores: scores, resetManualOrder: resetManualOrder, reason: reason, by: actor)
        }
    }

    /// Manual reorder by the meeting, with its reason (logged per moved proposal).
    public func reorder(_ envelope: FundingEnvelope, cycleId: CycleID, moving proposalId: ProposalID, to position: Int,
                        note: String?, by actor: Actor) throws {
        try single { try $0.reorder(envelope, cycleId: cycleId, moving: proposalId, to: position, note: note, by: actor) }
    }

    /// Runs and stores the F1/F2 allocation of an envelope as a draft (no proposal moves); re-runnable until
    /// the level is locked. Refused while a candidate has no rank.
    @discardableResult
    public func runAllocation(_ envelope: FundingEnvelope, cycleId: CycleID, by actor: Actor) throws -> AllocationOutcome {
        try single { try $0.runAllocation(envelope, cycleId: cycleId, by: actor) }
    }

    /// Locks a level's results with its berita acara, applying `runId`, the allocation run the meeting reviewed
    /// (refused when anything it used has changed since, or while proposals wait for the level's decision).
    @discardableResult
    public func lockLevel(_ key: LockKey, cycleId: CycleID, runId: Int64? = nil, documentNumber: String, note: String = "",
                          by actor: Actor) throws -> LevelLock {
        try single { try $0.lockLevel(key, cycleId: cycleId, runId: runId, documentNumber: documentNumber, note: note, by: actor) }
    }

    /// Bappeda computes and stores the kelurahan and kecamatan ceilings of a cycle (a reason once a berita acara
    /// of the cycle is locked; logged in the admin log).
    public func computeCeilings(cycleId: CycleID, reason: String? = nil, by actor: Actor) throws
        -> (kelurahan: CeilingAllocation, kecamatan: CeilingAllocation) {
        try administer(.bappeda, "hitung pagu", by: actor) { try CeilingComputation(change: $0).run(cycleId: cycleId, reason: reason) }
    }
}
