import Foundation
import Storage

/// Attachment metadata (`attachments`), their bytes (`attachment_contents`, Migrations/0015) and the append-only log
/// of removed ones (`attachment_removals`, Migrations/0007).
struct AttachmentRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    /// Stores an attachment's metadata and its bytes; returns it with its id.
    func insert(_ a: Attachment, content: [UInt8]) throws -> Attachment {
        try db.execute("""
            INSERT INTO attachments (proposal_id, file_name, media_type, byte_count, sha256, storage_path, uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [a.proposalId.rawValue, a.fileName, a.mediaType, a.byteCount, a.sha256, a.storagePath, a.uploadedBy.rawValue,
                  Stored.text(a.uploadedAt)])
        var stored = a
        stored.id = AttachmentID(db.lastInsertRowID)
        try db.execute("INSERT INTO attachment_contents (attachment_id, content) VALUES (?, ?)", [stored.id.rawValue, content])
        return stored
    }

    /// The bytes of an attachment, or nil.
    func content(id: AttachmentID) throws -> [UInt8]? {
        try db.queryOne("SELECT content FROM attachment_contents WHERE attachment_id = ?", [id.rawValue])
            .map { try $0.get("content", as: [UInt8].self) }
    }

    /// A proposal's attachments, oldest first.
    func list(proposalId: ProposalID) throws -> [Attachment] {
        try db.query("SELECT * FROM attachments WHERE proposal_id = ? ORDER BY id", [proposalId.rawValue]).map(Self.attachment)
    }

    /// One attachment, or nil.
    func attachment(id: AttachmentID) throws -> Attachment? {
        try db.queryOne("SELECT * FROM attachments WHERE id = ?", [id.rawValue]).map(Self.attachment)
    }

    /// Logs the removal (who, in which role, when, with the file's metadata) and deletes the row and its bytes.
    func remove(_ a: Attachment, by actor: Actor, at now: Date) throws {
        try db.execute("""
            INSERT INTO attachment_removals (attachment_id, proposal_id, file_name, media_type, byte_count, sha256, storage_path,
                uploaded_by, uploaded_at, removed_by, removed_role, removed_at)
            SELECT id, proposal_id, file_name, media_type, byte_count, sha256, storage_path, uploaded_by, uploaded_at, ?, ?, ?
            FROM attachments WHERE id = ?
            """, [actor.accountId.rawValue, actor.role.rawValue, Stored.text(now), a.id.rawValue])
        try db.execute("DELETE FROM attachment_contents WHERE attachment_id = ?", [a.id.rawValue])
        try db.execute("DELETE FROM attachments WHERE id = ?", [a.id.rawValue])
    }

    private static func attachment(_ row: Row) throws -> Attachment {
        Attachment(id: AttachmentID(try row.get("id")), proposalId: ProposalID(try row.get("proposal_id")),
                   fileName: try row.get("file_name"), mediaType: try row.get("media_type"), byteCount: try row.get("byte_count"),
                   sha256: try row.get("sha256"), storagePath: try row.get("storage_path"),
                   uploadedBy: AccountID(try row.get("uploaded_by")), uploadedAt: try Stored.date(row, "uploaded_at"))
    }
}
