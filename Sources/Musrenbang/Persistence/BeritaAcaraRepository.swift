import Foundation
import Storage

/// The details of signed berita acara (`berita_acara_details`, `berita_acara_delegates`) and their scans
/// (`berita_acara_scans`), Migrations/0013, keyed by the lock they describe.
public struct BeritaAcaraRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// The id of the lock of `key` in `cycleId`, if signed.
    public func lockId(_ key: LockKey, cycleId: CycleID) throws -> Int64? {
        try db.scalar("SELECT id FROM level_locks WHERE cycle_id = ? AND level = ? AND ifnull(owner_id, 0) = ?",
                      [cycleId.rawValue, key.level.rawValue, key.ownerId ?? 0])
    }

    /// Stores the details of lock `lockId` with its delegates in order.
    public func insert(_ details: BeritaAcaraDetails, lockId: Int64) throws {
        try db.execute("INSERT INTO berita_acara_details (lock_id, meeting_date, place, chair) VALUES (?, ?, ?, ?)",
                       [lockId, details.meetingDate.text, details.place, details.chair])
        for (index, delegate) in details.delegates.enumerated() {
            try db.execute("INSERT INTO berita_acara_delegates (lock_id, position, name, gender) VALUES (?, ?, ?, ?)",
                           [lockId, Int64(index + 1), delegate.name, delegate.gender.rawValue])
        }
    }

    /// The details of lock `lockId`, or nil (a berita acara signed before Migrations/0013, or from the command line).
    public func details(lockId: Int64) throws -> BeritaAcaraDetails? {
        guard let row = try db.queryOne("SELECT meeting_date, place, chair FROM berita_acara_details WHERE lock_id = ?", [lockId])
        else { return nil }
        let dateText: String = try row.get("meeting_date")
        guard let date = MeetingDate(text: dateText) else { throw PersistenceError.corrupt("meeting_date \(dateText)") }
        let delegates = try db.query("SELECT name, gender FROM berita_acara_delegates WHERE lock_id = ? ORDER BY position",
                                     [lockId]).map { row -> Delegate in
            let gender: String = try row.get("gender")
            guard let parsed = Delegate.Gender(rawValue: gender) else { throw PersistenceError.corrupt("gender \(gender)") }
            return Delegate(name: try row.get("name"), gender: parsed)
        }
        return BeritaAcaraDetails(meetingDate: date, place: try row.get("place"), chair: try row.get("chair"), delegates: delegates)
    }

    /// Stores a scan of lock `lockId` (the latest one counts).
    public func insertScan(_ bytes: [UInt8], kind: AttachmentKind, lockId: Int64, by accountId: AccountID, at now: Date) throws {
        try db.execute("""
            INSERT INTO berita_acara_scans (lock_id, media_type, bytes, sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [lockId, kind.mediaType, bytes, SHA256.hexDigest(bytes), accountId.rawValue, Stored.text(now)])
    }

    /// The latest scan of lock `lockId` without its bytes, or nil.
    public func scan(lockId: Int64) throws -> BeritaAcaraScan? {
        guard let row = try db.queryOne("""
            SELECT media_type, length(bytes) AS byte_count, uploaded_at FROM berita_acara_scans WHERE lock_id = ? ORDER BY id DESC LIMIT 1
            """, [lockId]) else { return nil }
        return BeritaAcaraScan(kind: try Self.kind(row), byteCount: try row.get("byte_count"), uploadedAt: try Stored.date(row, "uploaded_at"))
    }

    /// The bytes of the latest scan of lock `lockId`, or nil.
    public func scanBytes(lockId: Int64) throws -> (kind: AttachmentKind, bytes: [UInt8])? {
        guard let row = try db.queryOne("SELECT media_type, bytes FROM berita_acara_scans WHERE lock_id = ? ORDER BY id DESC LIMIT 1",
                                        [lockId]) else { return nil }
        return (try Self.kind(row), try row.get("bytes"))
    }

    private static func kind(_ row: Row) throws -> AttachmentKind {
        let mediaType: String = try row.get("media_type")
        guard let kind = AttachmentKind.allCases.first(where: { $0.mediaType == mediaType }) else {
            throw PersistenceError.corrupt("media_type \(mediaType)")
        }
        return kind
    }
}
