import Foundation
import Storage

/// The append-only admin log (`admin_log`, Migrations/0006): appended in the transaction of the change it records.
public struct AdminLogRepository {
    let db: Connection
    /// The log on a connection the caller holds (inside the transaction of the change).
    public init(_ db: Connection) { self.db = db }

    /// Appends an entry; returns its id.
    @discardableResult
    public func append(_ entry: AdminLogEntry) throws -> Int64 {
        try db.execute("""
            INSERT INTO admin_log (actor_account_id, actor_role, at, cycle_id, entity, entity_key, action, before_json,
                after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [entry.actorAccountId.rawValue, entry.actorRole.rawValue, Stored.text(entry.at), entry.cycleId?.rawValue,
                  entry.entity.rawValue, entry.entityKey, entry.action.rawValue, entry.before?.json, entry.after?.json,
                  entry.reason])
        return db.lastInsertRowID
    }

    /// Entries, newest first, optionally of one entity (and key) or one cycle.
    public func entries(entity: AdminEntity? = nil, key: String? = nil, cycleId: CycleID? = nil, limit: Int = 100,
                        offset: Int = 0) throws -> [AdminLogEntry] {
        try entries(AdminLogFilter(entity: entity, key: key, cycleId: cycleId), limit: limit, offset: offset)
    }

    /// Entries `filter` selects, newest first.
    public func entries(_ filter: AdminLogFilter, limit: Int, offset: Int) throws -> [AdminLogEntry] {
        try db.query("""
            SELECT * FROM admin_log WHERE \(Self.condition)
            ORDER BY id DESC LIMIT ?5 OFFSET ?6
            """, [filter.entity?.rawValue, filter.key, filter.cycleId?.rawValue, filter.actorId?.rawValue, max(0, limit),
                  max(0, offset)]).map(Self.entry)
    }

    /// The number of entries `filter` selects.
    public func count(_ filter: AdminLogFilter) throws -> Int {
        try db.scalar("SELECT count(*) FROM admin_log WHERE \(Self.condition)",
                      [filter.entity?.rawValue, filter.key, filter.cycleId?.rawValue, filter.actorId?.rawValue]) ?? 0
    }

    /// Every account that appears in the log as actor, by username.
    public func actors() throws -> [AdminLogActor] {
        try db.query("""
            SELECT id, username, display_name FROM accounts WHERE id IN (SELECT DISTINCT actor_account_id FROM admin_log)
            ORDER BY username
            """).map { row in
            AdminLogActor(id: AccountID(try row.get("id")), username: try row.get("username"), displayName: try row.get("display_name"))
        }
    }

    private static let condition = """
        (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_key = ?2) AND (?3 IS NULL OR cycle_id = ?3)
            AND (?4 IS NULL OR actor_account_id = ?4)
        """

    private static func entry(_ row: Row) throws -> AdminLogEntry {
        func snapshot(_ column: String) throws -> AdminSnapshot? {
            guard let text: String = try row.get(column) else { return nil }
            guard let snapshot = AdminSnapshot(json: text) else { throw PersistenceError.corrupt("admin_log.\(column)") }
            return snapshot
        }
        let cycle: Int64? = try row.get("cycle_id")
        return AdminLogEntry(id: try row.get("id"), actorAccountId: AccountID(try row.get("actor_account_id")),
                             actorRole: try Stored.value(row, "actor_role"), at: try Stored.date(row, "at"),
                             cycleId: cycle.map { CycleID($0) }, entity: try Stored.value(row, "entity"),
                             entityKey: try row.get("entity_key"), action: try Stored.value(row, "action"),
                             before: try snapshot("before_json"), after: try snapshot("after_json"), reason: try row.get("reason"))
    }
}
