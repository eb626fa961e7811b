import Foundation
import Storage

/// Proposal photos (`proposal_photos`, Migrations/0011): metadata, the original's bytes and the small version's.
struct ProposalPhotoRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    private static let metadataColumns = """
        id, proposal_id, position, media_type, length(original) AS byte_count, small_width, small_height, sha256,
        uploaded_by, uploaded_at
        """

    /// Stores `checked` at the first free position of the proposal; nil when it already has `maxPhotos`.
    func insert(_ checked: CheckedPhoto, proposalId: ProposalID, by uploader: AccountID, at now: Date) throws -> ProposalPhoto? {
        let taken = Set(try list(proposalId: proposalId).map(\.position))
        guard let position = (1...ProposalPhotoRules.maxPhotos).first(where: { !taken.contains($0) }) else { return nil }
        try db.execute("""
            INSERT INTO proposal_photos (proposal_id, position, media_type, original, small, small_width, small_height, sha256,
                uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [proposalId.rawValue, Int64(position), checked.format.mediaType, checked.original,
                  checked.small.jpeg, Int64(checked.small.width), Int64(checked.small.height), checked.sha256,
                  uploader.rawValue, Stored.text(now)])
        return try photo(id: ProposalPhotoID(db.lastInsertRowID))
    }

    /// A proposal's photos by position.
    func list(proposalId: ProposalID) throws -> [ProposalPhoto] {
        try db.query("SELECT \(Self.metadataColumns) FROM proposal_photos WHERE proposal_id = ? ORDER BY position",
                     [proposalId.rawValue]).map(Self.photo)
    }

    /// One photo's metadata, or nil.
    func photo(id: ProposalPhotoID) throws -> ProposalPhoto? {
        try db.queryOne("SELECT \(Self.metadataColumns) FROM proposal_photos WHERE id = ?", [id.rawValue]).map(Self.photo)
    }

    /// The bytes of one variant of a photo, or nil.
    func bytes(id: ProposalPhotoID, variant: PhotoVariant) throws -> [UInt8]? {
        let sql = switch variant {
        case .small: "SELECT small AS bytes FROM proposal_photos WHERE id = ?"
        case .original: "SELECT original AS bytes FROM proposal_photos WHERE id = ?"
        }
        return try db.queryOne(sql, [id.rawValue]).map { try $0.get("bytes", as: [UInt8].self) }
    }

    func remove(id: ProposalPhotoID) throws {
        try db.execute("DELETE FROM proposal_photos WHERE id = ?", [id.rawValue])
    }

    private static func photo(_ row: Row) throws -> ProposalPhoto {
        ProposalPhoto(id: ProposalPhotoID(try row.get("id")), proposalId: ProposalID(try row.get("proposal_id")),
                      position: try row.get("position"), mediaType: try row.get("media_type"), byteCount: try row.get("byte_count"),
                      smallWidth: try row.get("small_width"), smallHeight: try row.get("small_height"), sha256: try row.get("sha256"),
                      uploadedBy: AccountID(try row.get("uploaded_by")), uploadedAt: try Stored.date(row, "uploaded_at"))
    }
}
