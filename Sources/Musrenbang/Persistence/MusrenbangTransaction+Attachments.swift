import Foundation
import Storage

extension MusrenbangTransaction {
    /// `MusrenbangService.addAttachment` inside a batch: a paper form's signed scan is stored in the transaction that
    /// creates the proposal, so a form is never saved without its scan (nor a scan without its form); the bytes are in
    /// the database, so a rollback takes them back too.
    @discardableResult
    public func addAttachment(to ref: ProposalRef, fileName: String, bytes: [UInt8], by actor: Actor,
                              store: AttachmentStore) throws -> Attachment {
        let kind = try store.check(bytes)
        let now = clock.now()
        return try write { db in
            try MusrenbangService.insertAttachment(to: ref, kind: kind, fileName: fileName, bytes: bytes, by: actor, store: store,
                                                   at: now, db: db)
        }
    }
}
