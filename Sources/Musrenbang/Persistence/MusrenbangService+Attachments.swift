import Foundation
import Storage

/// Attachments of a proposal: photos and scans checked by their bytes (JPEG, PNG, PDF), stored as files with
/// generated names under an `AttachmentStore`, their metadata in `attachments`; a removal is logged in
/// `attachment_removals`. Who may change them: `AttachmentRules`.
extension MusrenbangService {
    /// Stores `bytes` as a new attachment of the proposal; `fileName` is what the browser sent, kept for display only.
    /// The file is written inside the transaction, after the checks, and removed again when the transaction fails.
    @discardableResult
    public func addAttachment(to ref: ProposalRef, fileName: String, bytes: [UInt8], by actor: Actor,
                              store: AttachmentStore) throws -> Attachment {
        let kind = try store.check(bytes)
        let now = clock.now()
        var written: String?
        do {
            return try database.write { db in
                let (proposal, _) = try Self.visible(ref, viewer: .actor(actor), at: now, db: db)
                try AttachmentRules.requireManage(proposal, by: actor)
                let path = store.newRelativePath(proposalId: proposal.id, kind: kind)
                try store.write(bytes, to: path)
                written = path
                return try AttachmentRepository(db).insert(Attachment(
                    id: AttachmentID(0), proposalId: proposal.id, fileName: AttachmentStore.displayName(fileName, kind: kind),
                    mediaType: kind.mediaType, byteCount: Int64(bytes.count), sha256: SHA256.hexDigest(bytes), storagePath: path,
                    uploadedBy: actor.accountId, uploadedAt: now))
            }
        } catch {
            if let written { store.remove(written) }
            throw error
        }
    }

    /// The attachments of a proposal, for a viewer with full access to it (`proposalDetail` carries them too).
    public func attachments(of ref: ProposalRef, viewer: Viewer) throws -> [Attachment] {
        try proposalDetail(ref, viewer: viewer).attachments
    }

    /// An attachment and the absolute path of its file, for a viewer with full access to its proposal.
    public func attachmentFile(_ id: AttachmentID, viewer: Viewer, store: AttachmentStore) throws -> (attachment: Attachment, path: String) {
        let now = clock.now()
        return try database.read { db in
            let (attachment, _, access) = try Self.visibleAttachment(id, viewer: viewer, at: now, db: db)
            guard access == .full else { throw PersistenceError.notFound("lampiran \(id)") }
            return (attachment, store.absolutePath(attachment.storagePath))
        }
    }

    /// Removes an attachment: the removal is logged (`attachment_removals`: its metadata, who, role, when), the row
    /// deleted, then the file.
    public func removeAttachment(_ id: AttachmentID, by actor: Actor, store: AttachmentStore) throws {
        let now = clock.now()
        let removed: Attachment = try database.write { db in
            let (attachment, proposal, _) = try Self.visibleAttachment(id, viewer: .actor(actor), at: now, db: db)
            try AttachmentRules.requireManage(proposal, by: actor)
            try AttachmentRepository(db).remove(attachment, by: actor, at: now)
            return attachment
        }
        store.remove(removed.storagePath)
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
