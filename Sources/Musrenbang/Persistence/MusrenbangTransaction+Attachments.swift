import Foundation
import Storage

extension MusrenbangTransaction {
    /// `MusrenbangService.addAttachment` inside a batch: a paper form's signed scan is stored in the transaction that
    /// creates the proposal, so a form is never saved without its scan (nor a scan without its form). The file is
    /// written after the checks; when this operation fails it is removed again. The caller removes it when the
    /// enclosing transaction rolls back later (`Attachment.storagePath`).
    @discardableResult
    public func addAttachment(to ref: ProposalRef, fileName: String, bytes: [UInt8], by actor: Actor,
                              store: AttachmentStore) throws -> Attachment {
        let kind = try store.check(bytes)
        let now = clock.now()
        var written: String?
        do {
            return try write { db in
                let (proposal, _) = try MusrenbangService.visible(ref, viewer: .actor(actor), at: now, db: db)
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
}
