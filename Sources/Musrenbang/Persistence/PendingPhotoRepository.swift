import Foundation
import Storage

/// Photos of unsaved proposal forms (`pending_photos`, Migrations/0011), by account and form token.
struct PendingPhotoRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    func insert(_ checked: CheckedPhoto, formToken: String, by account: AccountID, at now: Date) throws -> PendingPhoto {
        try db.execute("""
            INSERT INTO pending_photos (form_token, account_id, media_type, original, small, small_width, small_height, sha256,
                uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [formToken, account.rawValue, checked.format.mediaType, checked.original, checked.small.jpeg,
                  Int64(checked.small.width), Int64(checked.small.height), checked.sha256, Stored.text(now)])
        return PendingPhoto(id: PendingPhotoID(db.lastInsertRowID), smallWidth: checked.small.width, smallHeight: checked.small.height)
    }

    /// The form's photos, oldest first.
    func list(formToken: String, account: AccountID) throws -> [PendingPhoto] {
        try db.query("""
            SELECT id, small_width, small_height FROM pending_photos WHERE form_token = ? AND account_id = ? ORDER BY id
            """, [formToken, account.rawValue]).map { row in
            PendingPhoto(id: PendingPhotoID(try row.get("id")), smallWidth: try row.get("small_width"),
                         smallHeight: try row.get("small_height"))
        }
    }

    /// The small version of one of the account's pending photos, or nil.
    func small(id: PendingPhotoID, account: AccountID) throws -> [UInt8]? {
        try db.queryOne("SELECT small FROM pending_photos WHERE id = ? AND account_id = ?", [id.rawValue, account.rawValue])
            .map { try $0.get("small", as: [UInt8].self) }
    }

    func remove(id: PendingPhotoID, formToken: String, account: AccountID) throws {
        try db.execute("DELETE FROM pending_photos WHERE id = ? AND form_token = ? AND account_id = ?",
                       [id.rawValue, formToken, account.rawValue])
    }

    /// Moves the form's photos to the proposal, at its free positions; false (nothing moved) when they do not fit.
    func attach(formToken: String, account: AccountID, to proposalId: ProposalID) throws -> Bool {
        let pending = try list(formToken: formToken, account: account)
        // Most proposals are sent without photos: then there is nothing to place and nothing to delete.
        guard !pending.isEmpty else { return true }
        let taken = Set(try ProposalPhotoRepository(db).list(proposalId: proposalId).map(\.position))
        let free = (1...ProposalPhotoRules.maxPhotos).filter { !taken.contains($0) }
        guard pending.count <= free.count else { return false }
        for (photo, position) in zip(pending, free) {
            try db.execute("""
                INSERT INTO proposal_photos (proposal_id, position, media_type, original, small, small_width, small_height, sha256,
                    uploaded_by, uploaded_at)
                SELECT ?, ?, media_type, original, small, small_width, small_height, sha256, account_id, uploaded_at
                FROM pending_photos WHERE id = ?
                """, [proposalId.rawValue, Int64(position), photo.id.rawValue])
        }
        try db.execute("DELETE FROM pending_photos WHERE form_token = ? AND account_id = ?", [formToken, account.rawValue])
        return true
    }

    /// Deletes pending photos uploaded before `cutoff`.
    func removeOlder(than cutoff: Date) throws {
        try db.execute("DELETE FROM pending_photos WHERE uploaded_at < ?", [Stored.text(cutoff)])
    }
}
