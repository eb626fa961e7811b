import Foundation
import Storage

/// The documents of a kelurahan's Musrenbang (invitation, attendance list, photos of the meeting, the signed berita
/// acara): checked by their bytes, kept in `meeting_documents`; who may add and read them: `MeetingDocumentRules`.
extension MusrenbangService {
    /// Stores a document of the Musrenbang of `kelurahanId` in `cycleId`; every field error at once (`invalidFields`).
    @discardableResult
    public func addMeetingDocument(cycleId: CycleID, kelurahanId: KelurahanID, kind: MeetingDocumentKind, title: String,
                                   fileName: String, bytes: [UInt8], by actor: Actor) throws -> MeetingDocument {
        let now = clock.now()
        return try database.write { db in
            let place = try Self.meetingPlace(kelurahanId, db: db)
            try MeetingDocumentRules.requireAdd(place, by: actor)
            _ = try CycleRepository(db).cycle(id: cycleId)
            let (fileKind, errors) = MeetingDocumentRules.check(title: title, bytes: bytes)
            guard let fileKind, errors.isEmpty else { throw DomainError.invalidFields(errors) }
            let document = MeetingDocument(
                id: MeetingDocumentID(0), cycleId: cycleId, kelurahanId: kelurahanId, kind: kind,
                title: title.trimmingCharacters(in: .whitespacesAndNewlines), fileName: AttachmentStore.displayName(fileName, kind: fileKind),
                mediaType: fileKind.mediaType, byteCount: Int64(bytes.count), sha256: SHA256.hexDigest(bytes), uploadedBy: actor.accountId,
                uploadedAt: now)
            return try MeetingDocumentRepository(db).insert(document, content: bytes)
        }
    }

    /// The documents of the Musrenbang of `kelurahanId` in `cycleId`, oldest first, for staff who may read them.
    public func meetingDocuments(cycleId: CycleID, kelurahanId: KelurahanID, viewer actor: Actor) throws -> [MeetingDocument] {
        try database.read { db in
            try MeetingDocumentRules.requireRead(try Self.meetingPlace(kelurahanId, db: db), by: actor)
            return try MeetingDocumentRepository(db).list(cycleId: cycleId, kelurahanId: kelurahanId)
        }
    }

    /// One document with its bytes; `notFound` when it is missing or the viewer may not read it (its existence is not
    /// revealed).
    public func meetingDocumentFile(_ id: MeetingDocumentID, viewer actor: Actor) throws -> (document: MeetingDocument, bytes: [UInt8]) {
        try database.read { db in
            let repository = MeetingDocumentRepository(db)
            guard let document = try repository.document(id: id), let bytes = try repository.content(id: id) else {
                throw PersistenceError.notFound("dokumen \(id)")
            }
            do {
                try MeetingDocumentRules.requireRead(try Self.meetingPlace(document.kelurahanId, db: db), by: actor)
            } catch {
                throw PersistenceError.notFound("dokumen \(id)")
            }
            return (document, bytes)
        }
    }

    /// The kelurahan as an origin (with its kecamatan), for the scope checks.
    private static func meetingPlace(_ kelurahanId: KelurahanID, db: Connection) throws -> Origin {
        let kelurahan = try WilayahRepository(db).kelurahan(id: kelurahanId)
        return Origin(kecamatanId: kelurahan.kecamatanId, kelurahanId: kelurahan.id)
    }
}
