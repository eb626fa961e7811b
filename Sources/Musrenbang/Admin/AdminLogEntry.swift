import Foundation

/// One row of the append-only admin log: who (account and role), when, which entity and key, the action,
/// the state before and after, and the reason when the rule asks for one.
public struct AdminLogEntry: Hashable, Sendable {
    /// The row id; nil before the entry is stored.
    public var id: Int64?
    public var actorAccountId: AccountID
    public var actorRole: Role
    public var at: Date
    /// The cycle the change belongs to (ceilings, criteria, the cycle itself); nil for master data and accounts.
    public var cycleId: CycleID?
    public var entity: AdminEntity
    /// The entity's key, e.g. the row id, or "cycle:3/kelurahan" for a level's ceiling settings.
    public var entityKey: String
    public var action: AdminAction
    /// Nil for a creation.
    public var before: AdminSnapshot?
    /// Nil for a removal.
    public var after: AdminSnapshot?
    public var reason: String?

    /// An entry; `id` is nil until it is stored.
    public init(id: Int64? = nil, actorAccountId: AccountID, actorRole: Role, at: Date, cycleId: CycleID? = nil,
                entity: AdminEntity, entityKey: String, action: AdminAction, before: AdminSnapshot?,
                after: AdminSnapshot?, reason: String? = nil) {
        self.id = id; self.actorAccountId = actorAccountId; self.actorRole = actorRole; self.at = at
        self.cycleId = cycleId; self.entity = entity; self.entityKey = entityKey; self.action = action
        self.before = before; self.after = after; self.reason = reason
    }
}
