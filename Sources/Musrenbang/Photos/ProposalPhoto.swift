import Foundation

/// A photo of a proposal without its bytes: position 1-3, the original's type and size, the small version's size.
public struct ProposalPhoto: Hashable, Sendable {
    public var id: ProposalPhotoID
    public var proposalId: ProposalID
    /// 1, 2 or 3: the order in which the photos are shown.
    public var position: Int
    /// The original's media type ("image/jpeg" or "image/png"); the small version is always JPEG.
    public var mediaType: String
    public var byteCount: Int64
    public var smallWidth: Int
    public var smallHeight: Int
    /// Lowercase hex SHA-256 of the original.
    public var sha256: String
    public var uploadedBy: AccountID
    public var uploadedAt: Date

    public init(id: ProposalPhotoID, proposalId: ProposalID, position: Int, mediaType: String, byteCount: Int64,
                smallWidth: Int, smallHeight: Int, sha256: String, uploadedBy: AccountID, uploadedAt: Date) {
        self.id = id; self.proposalId = proposalId; self.position = position; self.mediaType = mediaType
        self.byteCount = byteCount; self.smallWidth = smallWidth; self.smallHeight = smallHeight; self.sha256 = sha256
        self.uploadedBy = uploadedBy; self.uploadedAt = uploadedAt
    }
}

public typealias ProposalPhotoID = Identifier<ProposalPhoto>
