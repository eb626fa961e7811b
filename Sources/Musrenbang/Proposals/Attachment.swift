import Foundation

/// Metadata of a file attached to a proposal (its bytes are in `attachment_contents`, read apart).
public struct Attachment: Hashable, Sendable {
    public var id: AttachmentID
    public var proposalId: ProposalID
    public var fileName: String
    public var mediaType: String
    public var byteCount: Int64
    /// Lowercase hex SHA-256 of the content.
    public var sha256: String
    /// A generated unique name (before Migrations/0015: the file's path under `<database>.lampiran`).
    public var storagePath: String
    public var uploadedBy: AccountID
    public var uploadedAt: Date

    public init(id: AttachmentID, proposalId: ProposalID, fileName: String, mediaType: String, byteCount: Int64,
                sha256: String, storagePath: String, uploadedBy: AccountID, uploadedAt: Date) {
        self.id = id; self.proposalId = proposalId; self.fileName = fileName; self.mediaType = mediaType
        self.byteCount = byteCount; self.sha256 = sha256; self.storagePath = storagePath
        self.uploadedBy = uploadedBy; self.uploadedAt = uploadedAt
    }
}

public typealias AttachmentID = Identifier<Attachment>
