import Foundation
import Storage

/// Berita acara locks (`level_locks`, append-only).
public struct LockRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    public func insert(_ lock: LevelLock) throws {
        try db.execute("""
            INSERT INTO level_locks (cycle_id, level, owner_id, document_number, note, locked_by, locked_at, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [lock.cycleId.rawValue, lock.key.level.rawValue, lock.key.ownerId, lock.documentNumber, lock.note,
                  lock.lockedBy.rawValue, Stored.text(lock.lockedAt), lock.runId])
    }

    /// The locked levels of a cycle.
    public func keys(cycleId: CycleID) throws -> Set<LockKey> {
        var keys = Set<LockKey>()
        try db.forEachRow("SELECT level, owner_id FROM level_locks WHERE cycle_id = ?", [cycleId.rawValue]) { row in
            guard let key = LockKey(level: try Stored.value(row, "level"), ownerId: try row.get("owner_id")) else {
                throw PersistenceError.corrupt("level_locks \(row)")
            }
            keys.insert(key)
        }
        return keys
    }
}
