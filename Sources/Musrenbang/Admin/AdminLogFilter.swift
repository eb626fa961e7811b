/// Which admin-log entries to read: of one entity (and key), by one account, of one cycle. Every part is optional.
public struct AdminLogFilter: Hashable, Sendable {
    public var entity: AdminEntity?
    public var key: String?
    public var actorId: AccountID?
    public var cycleId: CycleID?

    /// A filter; nil parts do not filter.
    public init(entity: AdminEntity? = nil, key: String? = nil, actorId: AccountID? = nil, cycleId: CycleID? = nil) {
        self.entity = entity; self.key = key; self.actorId = actorId; self.cycleId = cycleId
    }
}
