import Foundation

/// Metadata of one document of a kelurahan's Musrenbang in a cycle (the bytes stay in the database until a download).
public struct MeetingDocument: Hashable, Sendable {
    public var id: MeetingDocumentID
    public var cycleId: CycleID
    public var kelurahanId: KelurahanID
    public var kind: MeetingDocumentKind
    public var title: String
    /// What the browser sent as the file's name, for display only.
    public var fileName: String
    public var mediaType: String
    public var byteCount: Int64
    /// Lowercase hex SHA-256 of the content.
    public var sha256: String
    public var uploadedBy: AccountID
    public var uploadedAt: Date

    public init(id: MeetingDocumentID, cycleId: CycleID, kelurahanId: KelurahanID, kind: MeetingDocumentKind, title: String,
                fileName: String, mediaType: String, byteCount: Int64, sha256: String, uploadedBy: AccountID, uploadedAt: Date) {
        self.id = id; self.cycleId = cycleId; self.kelurahanId = kelurahanId; self.kind = kind; self.title = title
        self.fileName = fileName; self.mediaType = mediaType; self.byteCount = byteCount; self.sha256 = sha256
        self.uploadedBy = uploadedBy; self.uploadedAt = uploadedAt
    }
}

public typealias MeetingDocumentID = Identifier<MeetingDocument>
