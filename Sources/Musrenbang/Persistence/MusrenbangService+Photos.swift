import Foundation
import Imaging
import Storage

/// Photos of a proposal, kept in the database (original and small version) so backups carry them. Who may add or
/// remove: `AttachmentRules`. Who may see: a viewer with full access to the proposal sees every photo as uploaded; once
/// the proposal is public, anyone sees the small versions, which are re-encoded by `Imaging` and so carry none of the
/// phone's metadata (EXIF position, device, owner), while originals stay with full access.
extension MusrenbangService {
    /// Checks, shrinks and stores a photo of the proposal at its first free position (at most 3).
    @discardableResult
    public func addPhoto(to ref: ProposalRef, fileName: String, bytes: [UInt8], by actor: Actor) throws -> ProposalPhoto {
        let checked = try ProposalPhotoRules.check(bytes, fileName: fileName)
        let now = clock.now()
        return try database.write { db in
            let (proposal, _) = try Self.visible(ref, viewer: .actor(actor), at: now, db: db)
            try AttachmentRules.requireManage(proposal, by: actor)
            guard let photo = try ProposalPhotoRepository(db).insert(checked, proposalId: proposal.id, by: actor.accountId, at: now)
            else { throw ProposalPhotoRules.tooMany() }
            return photo
        }
    }

    /// A proposal's photos by position, for a viewer who may see the proposal (the public: its small versions only).
    public func photos(of ref: ProposalRef, viewer: Viewer) throws -> [ProposalPhoto] {
        let now = clock.now()
        return try database.read { db in
            let (proposal, access) = try Self.visible(ref, viewer: viewer, at: now, db: db)
            guard access != .hidden else { return [] }
            return try ProposalPhotoRepository(db).list(proposalId: proposal.id)
        }
    }

    /// The small or original bytes of a photo; `notFound` unless the viewer has full access to its proposal, or asks
    /// for the small version of a public proposal's photo.
    public func photoBytes(_ id: ProposalPhotoID, variant: PhotoVariant, viewer: Viewer) throws -> PhotoBytes {
        let now = clock.now()
        return try database.read { db in
            let (photo, _) = try Self.visiblePhoto(id, viewer: viewer, at: now, db: db, allowPublic: variant == .small)
            guard let bytes = try ProposalPhotoRepository(db).bytes(id: id, variant: variant) else {
                throw PersistenceError.notFound("foto \(id)")
            }
            return PhotoBytes(photo: photo, mediaType: variant == .small ? "image/jpeg" : photo.mediaType, bytes: bytes)
        }
    }

    /// Removes a photo; the other photos keep their positions.
    public func removePhoto(_ id: ProposalPhotoID, by actor: Actor) throws {
        let now = clock.now()
        try database.write { db in
            let (_, proposal) = try Self.visiblePhoto(id, viewer: .actor(actor), at: now, db: db)
            try AttachmentRules.requireManage(proposal, by: actor)
            try ProposalPhotoRepository(db).remove(id: id)
        }
    }

    /// A photo and its proposal when the viewer has full access to it (or, with `allowPublic`, may see the proposal's
    /// public view); `notFound` otherwise.
    static func visiblePhoto(_ id: ProposalPhotoID, viewer: Viewer, at now: Date, db: Connection, allowPublic: Bool = false) throws
        -> (photo: ProposalPhoto, proposal: Proposal) {
        guard let photo = try ProposalPhotoRepository(db).photo(id: id) else { throw PersistenceError.notFound("foto \(id)") }
        do {
            let (proposal, access) = try visible(.id(photo.proposalId), viewer: viewer, at: now, db: db)
            guard access == .full || (allowPublic && access == .publicOnly) else { throw PersistenceError.notFound("foto \(id)") }
            return (photo, proposal)
        } catch PersistenceError.notFound {
            throw PersistenceError.notFound("foto \(id)")
        }
    }
}
