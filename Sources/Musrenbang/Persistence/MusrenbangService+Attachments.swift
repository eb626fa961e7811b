import Foundation
import Storage

/// Attachments of a proposal: photos and scans checked by their bytes (JPEG, PNG, PDF), their metadata in
/// `attachments` and their bytes in `attachment_contents`, so that a backup carries them; a removal is logged in
/// `attachment_removals`. Who may change them: `AttachmentRules`.
extension MusrenbangService {
    /// Stores `bytes` as a new attachment of the proposal; `fileName` is what the browser sent, kept for display only.
    @discardableResult
    public func addAttachment(to ref: ProposalRef, fileName: String, bytes: [UInt8], by actor: Actor,
                              store: AttachmentStore) throws -> Attachment {
        let kind = try store.check(bytes)
        let now = clock.now()
        return try database.write { db in
            try Self.insertAttachment(to: ref, kind: kind, fileName: fileName, bytes: bytes, by: actor, store: store, at: now, db: db)
        }
    }

    /// The insertion shared by the service and a transaction (`MusrenbangTransaction.addAttachment`).
    static func insertAttachment(to ref: ProposalRef, kind: AttachmentKind, fileName: String, bytes: [UInt8], by actor: Actor,
                                 store: AttachmentStore, at now: Date, db: Connection) throws -> Attachment {
        let (proposal, _) = try visible(ref, viewer: .actor(actor), at: now, db: db)
        try AttachmentRules.requireManage(proposal, by: actor)
        return try AttachmentRepository(db).insert(Attachment(
            id: AttachmentID(0), proposalId: proposal.id, fileName: AttachmentStore.displayName(fileName, kind: kind),
            mediaType: kind.mediaType, byteCount: Int64(bytes.count), sha256: SHA256.hexDigest(bytes),
            storagePath: store.newStorageName(proposalId: proposal.id, kind: kind), uploadedBy: actor.accountId, uploadedAt: now),
            content: bytes)
    }

    /// The attachments of a proposal, for a viewer with full access to it (`proposalDetail` carries them too).
    public func attachments(of ref: ProposalRef, viewer: Viewer) throws -> [Attachment] {
        try proposalDetail(ref, viewer: viewer).attachments
    }

    /// An attachment and its bytes, for a viewer with full access to its proposal.
    public func attachmentFile(_ id: AttachmentID, viewer: Viewer) throws -> (attachment: Attachment, bytes: [UInt8]) {
        let now = clock.now()
        return try database.read { db in
            let (attachment, _, access) = try Self.visibleAttachment(id, viewer: viewer, at: now, db: db)
            guard access == .full, let bytes = try AttachmentRepository(db).content(id: id) else {
                throw PersistenceError.notFound("lampiran \(id)")
            }
            return (attachment, bytes)
        }
    }

    /// Removes an attachment: the removal is logged (`attachment_removals`: its metadata, who, role, when), the row and
    /// its bytes deleted.
    public func removeAttachment(_ id: AttachmentID, by actor: Actor) throws {
        let now = clock.now()
        try database.write { db in
            let (attachment, proposal, _) = try Self.visibleAttachment(id, viewer: .actor(actor), at: now, db: db)
            try AttachmentRules.requireManage(proposal, by: actor)
            try AttachmentRepository(db).remove(attachment, by: actor, at: now)
        }
    }

    /// An attachment with its proposal and the viewer's access to it; `notFound` when missing or its proposal hidden.
    static func visibleAttachment(_ id: AttachmentID, viewer: Viewer, at now: Date, db: Connection) throws
        -> (attachment: Attachment, proposal: Proposal, access: ProposalAccess) {
        guard let attachment = try AttachmentRepository(db).attachment(id: id) else { throw PersistenceError.notFound("lampiran \(id)") }
        do {
            let (proposal, access) = try visible(.id(attachment.proposalId), viewer: viewer, at: now, db: db)
            return (attachment, proposal, access)
        } catch PersistenceError.notFound {
            throw PersistenceError.notFound("lampiran \(id)")
        }
    }
}
