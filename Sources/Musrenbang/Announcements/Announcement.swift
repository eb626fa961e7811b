import Foundation

/// One announcement as stored, with the name of its area and its documents' metadata (the bytes stay in the database
/// until a download). Reads return it only to whom it is for (`MusrenbangService.announcement(_:viewer:)`).
public struct Announcement: Hashable, Sendable {
    public var id: AnnouncementID
    /// Random, made once: the Atom entry's `urn:uuid:` id and the iCalendar event's UID, stable across edits.
    public var uuid: String
    public var kind: AnnouncementKind
    public var area: AnnouncementArea
    /// "Kelurahan Pondok Karya", "Kecamatan Ciputat Timur", "Dinas Kesehatan", "Kota Tangerang Selatan".
    public var areaName: String
    public var title: String
    /// Plain text; paragraphs separated by blank lines. Never markup.
    public var body: String
    /// A meeting's details (kind `.meeting` only).
    public var meeting: Meeting?
    public var status: AnnouncementStatus
    /// Bumped by every change: the forms carry it (a stale one is refused).
    public var version: Int64
    /// How many times it changed while published (the iCalendar SEQUENCE).
    public var revision: Int64
    public var createdBy: AccountID
    public var createdAt: Date
    /// The latest change (an edit, the publication, the withdrawal): the Atom entry's `updated`.
    public var updatedAt: Date
    /// The first publication.
    public var publishedAt: Date?
    public var withdrawnAt: Date?
    public var withdrawalReason: String?
    public var documents: [AnnouncementDocument]

    public init(id: AnnouncementID, uuid: String, kind: AnnouncementKind, area: AnnouncementArea, areaName: String, title: String,
                body: String, meeting: Meeting?, status: AnnouncementStatus, version: Int64, revision: Int64, createdBy: AccountID,
                createdAt: Date, updatedAt: Date, publishedAt: Date?, withdrawnAt: Date?, withdrawalReason: String?,
                documents: [AnnouncementDocument]) {
        self.id = id; self.uuid = uuid; self.kind = kind; self.area = area; self.areaName = areaName; self.title = title
        self.body = body; self.meeting = meeting; self.status = status; self.version = version; self.revision = revision
        self.createdBy = createdBy; self.createdAt = createdAt; self.updatedAt = updatedAt; self.publishedAt = publishedAt
        self.withdrawnAt = withdrawnAt; self.withdrawalReason = withdrawalReason; self.documents = documents
    }

    /// The first `limit` characters of the body on one line, "…" when cut (lists and the Atom summary).
    public func summary(limit: Int = 200) -> String {
        let words = body.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let line = words.joined(separator: " ")
        guard line.count > limit else { return line }
        return String(line.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }
}

public typealias AnnouncementID = Identifier<Announcement>

/// A meeting's details: the Musrenbang stage it belongs to, when (an instant; shown in WIB), where, who is invited.
public struct Meeting: Hashable, Sendable {
    public var stage: Stage
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var invited: String

    public init(stage: Stage, startsAt: Date, endsAt: Date, place: String, invited: String) {
        self.stage = stage; self.startsAt = startsAt; self.endsAt = endsAt; self.place = place; self.invited = invited
    }
}

/// A document of an announcement (metadata only).
public struct AnnouncementDocument: Hashable, Sendable {
    public var id: AnnouncementDocumentID
    public var announcementId: AnnouncementID
    public var title: String
    /// What the browser sent as the file's name, for display only.
    public var fileName: String
    public var mediaType: String
    public var byteCount: Int64
    /// Lowercase hex SHA-256 of the content.
    public var sha256: String
    public var uploadedAt: Date

    public init(id: AnnouncementDocumentID, announcementId: AnnouncementID, title: String, fileName: String, mediaType: String,
                byteCount: Int64, sha256: String, uploadedAt: Date) {
        self.id = id; self.announcementId = announcementId; self.title = title; self.fileName = fileName
        self.mediaType = mediaType; self.byteCount = byteCount; self.sha256 = sha256; self.uploadedAt = uploadedAt
    }

    /// "pdf", "jpg", "png": the extension of the download's name.
    public var fileExtension: String { AttachmentKind.allCases.first { $0.mediaType == mediaType }?.fileExtension ?? "bin" }
}

public typealias AnnouncementDocumentID = Identifier<AnnouncementDocument>
