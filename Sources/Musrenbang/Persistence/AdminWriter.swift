import Foundation
import Storage

/// One administrative change on an open write transaction: the verified actor, the time of the change, and the
/// admin log it appends to in the same transaction.
struct AdminWriter {
    let db: Connection
    let actor: Actor
    let now: Date

    /// A change by `actor` acting as `role`, verified against the database (its account exists, is active and holds
    /// that role): the only way to make one, so every path that logs an admin change checks who makes it.
    init(db: Connection, actor: Actor, as role: Role, _ label: String, at now: Date) throws {
        try MusrenbangService.verify(actor, as: [role], label, db: db)
        self.db = db; self.actor = actor; self.now = now
    }

    /// Appends the log row of this change.
    func log(_ entity: AdminEntity, key: String, _ action: AdminAction, before: AdminSnapshot?, after: AdminSnapshot?,
             reason: String? = nil, cycleId: CycleID? = nil) throws {
        try AdminLogRepository(db).append(AdminLogEntry(actorAccountId: actor.accountId, actorRole: actor.role, at: now,
                                                        cycleId: cycleId, entity: entity, entityKey: key, action: action,
                                                        before: before, after: after, reason: reason))
    }

    /// Runs `body`, turning a UNIQUE violation into `PersistenceError.duplicate(what)`.
    func unique<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as SQLiteError where error.isUniqueViolation {
            throw PersistenceError.duplicate(what)
        }
    }

    /// Once any berita acara of the cycle is locked (`level_locks`), a change of its ceilings needs a reason
    /// (the actor is Bappeda already); returns the trimmed reason (nil when none was given and none is needed).
    func reasonAfterLock(cycleId: CycleID, reason: String?, action: String) throws -> String? {
        let reason = Self.trimmed(reason)
        if reason == nil, !(try LockRepository(db).keys(cycleId: cycleId).isEmpty) {
            throw DomainError.reasonRequired(action: "\(action) setelah berita acara dikunci")
        }
        return reason
    }

    /// A reason with surrounding spaces removed; nil when empty.
    static func trimmed(_ reason: String?) -> String? {
        guard let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}

extension MusrenbangService {
    /// Runs one administrative change by `actor` in one write transaction with its log row. The actor must act as
    /// `role`, and its account must exist, be active and hold that role in the database (a forged actor is refused).
    func administer<T>(_ role: Role, _ label: String, by actor: Actor, _ body: (AdminWriter) throws -> T) throws -> T {
        guard actor.role == role else { throw DomainError.roleNotAllowed(role: actor.role, action: label) }
        let now = clock.now()
        return try database.write { db in try body(try AdminWriter(db: db, actor: actor, as: role, label, at: now)) }
    }

    /// Throws unless `actor` acts as one of `roles` and its account exists, is active and holds that role with
    /// that scope (an `Actor` value can be built by anyone; the database says who holds what).
    static func verify(_ actor: Actor, as roles: Set<Role>, _ label: String, db: Connection) throws {
        guard roles.contains(actor.role) else { throw DomainError.roleNotAllowed(role: actor.role, action: label) }
        let account: Account
        do { account = try AccountRepository(db).account(id: actor.accountId) } catch is PersistenceError {
            throw DomainError.roleNotAllowed(role: actor.role, action: label)
        }
        guard account.active else { throw DomainError.accountInactive }
        guard account.roles.contains(where: { $0.role == actor.role && $0.scope == actor.scope }) else {
            throw DomainError.roleNotAllowed(role: actor.role, action: label)
        }
    }

    /// True when `body` finds its row; false when it throws `PersistenceError.notFound` (other errors propagate).
    static func exists(_ body: () throws -> Void) throws -> Bool {
        do { try body(); return true } catch PersistenceError.notFound { return false }
    }
}
