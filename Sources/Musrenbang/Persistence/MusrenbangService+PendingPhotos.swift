import Foundation
import Storage

/// Photos uploaded with a proposal form before it is saved, so that they survive a validation error: kept per account
/// and form token, attached by `MusrenbangTransaction.attachPendingPhotos` when the draft is saved or sent.
extension MusrenbangService {
    /// How long an unsaved form's photos are kept.
    public static let pendingPhotoLifetime: TimeInterval = 24 * 60 * 60

    /// Checks, shrinks and keeps a photo of the form `formToken`; `room` is how many photos the form may still hold
    /// (3 minus those of the proposal being edited). Photos older than a day are deleted on the way.
    @discardableResult
    public func addPendingPhoto(formToken: String, fileName: String, bytes: [UInt8], room: Int = ProposalPhotoRules.maxPhotos,
                                by actor: Actor) throws -> PendingPhoto {
        let checked = try ProposalPhotoRules.check(bytes, fileName: fileName)
        let now = clock.now()
        return try database.write { db in
            let repository = PendingPhotoRepository(db)
            try repository.removeOlder(than: now.addingTimeInterval(-Self.pendingPhotoLifetime))
            guard try repository.list(formToken: formToken, account: actor.accountId).count < room else {
                throw ProposalPhotoRules.tooMany()
            }
            return try repository.insert(checked, formToken: formToken, by: actor.accountId, at: now)
        }
    }

    /// The photos of the form `formToken` of the actor, oldest first.
    public func pendingPhotos(formToken: String, by actor: Actor) throws -> [PendingPhoto] {
        try database.read { db in try PendingPhotoRepository(db).list(formToken: formToken, account: actor.accountId) }
    }

    /// The small version of one of the actor's pending photos; `notFound` for anyone else's.
    public func pendingPhotoSmall(_ id: PendingPhotoID, by actor: Actor) throws -> [UInt8] {
        guard let bytes = try database.read({ db in try PendingPhotoRepository(db).small(id: id, account: actor.accountId) }) else {
            throw PersistenceError.notFound("foto \(id)")
        }
        return bytes
    }

    /// Removes one photo of the actor's form `formToken` (nothing when it is not theirs).
    public func removePendingPhoto(_ id: PendingPhotoID, formToken: String, by actor: Actor) throws {
        try database.write { db in try PendingPhotoRepository(db).remove(id: id, formToken: formToken, account: actor.accountId) }
    }
}

extension MusrenbangTransaction {
    /// Attaches the photos of the actor's form `formToken` to their own proposal (just created or edited in this
    /// transaction); refuses with `invalidFields` when the proposal would have more than 3.
    public func attachPendingPhotos(formToken: String, to ref: ProposalRef, by actor: Actor) throws {
        let now = clock.now()
        try write { db in
            let (proposal, _) = try MusrenbangService.visible(ref, viewer: .actor(actor), at: now, db: db)
            guard proposal.proposerAccountId == actor.accountId else { throw DomainError.notInScope }
            guard try PendingPhotoRepository(db).attach(formToken: formToken, account: actor.accountId, to: proposal.id) else {
                throw ProposalPhotoRules.tooMany()
            }
        }
    }
}
