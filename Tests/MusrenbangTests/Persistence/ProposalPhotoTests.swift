import TestSupport
import Foundation
import Imaging
import Storage
import Testing
@testable import Musrenbang

/// Proposal photos through the service: stored in the database with their small version, at most 3, refused with a
/// message naming the file, seen only with full access to the proposal, and carried by a backup.
@Suite("Proposal photos")
struct ProposalPhotoTests {
    @Test func threePhotosWithSmallVersionsAndRefusals() throws {
        let world = try TestWorld()
        let warga = world.actor("warga")
        world.at(.praMusrenbang)
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        let original = try TestPhotos.jpeg(width: 1200, height: 900)
        let first = try world.service.addPhoto(to: .id(draft.id), fileName: "jalan.jpg", bytes: original, by: warga)
        #expect(first.position == 1 && first.mediaType == "image/jpeg" && first.byteCount == Int64(original.count))
        #expect(first.smallWidth == 480 && first.smallHeight == 360 && first.sha256 == SHA256.hexDigest(original))
        let small = try world.service.photoBytes(first.id, variant: .small, viewer: .actor(warga))
        #expect(small.mediaType == "image/jpeg" && PhotoFormat.detect(small.bytes) == .jpeg && small.bytes.count < 60_000)
        #expect(try PhotoShrinker().shrink(small.bytes).width == 480)
        #expect(try world.service.photoBytes(first.id, variant: .original, viewer: .actor(warga)).bytes == original)
        // Refused, each with a message naming the file: not a photo, damaged, too large.
        let refusals: [([UInt8], String)] = [
            (Array("GIF89a....".utf8), "animasi.jpg"), (Array(original.prefix(300)), "potong.jpg"),
            ([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: ProposalPhotoRules.maxBytes), "besar.jpg"),
        ]
        for (bytes, name) in refusals {
            do {
                try world.service.addPhoto(to: .id(draft.id), fileName: "C:\\foto\\" + name, bytes: bytes, by: warga)
                Issue.record("\(name) accepted")
            } catch DomainError.invalidFields(let errors) {
                #expect(errors.count == 1 && errors[0].field == "foto" && errors[0].message.hasPrefix(name + ": "), "\(errors)")
            }
        }
        let second = try world.service.addPhoto(to: .id(draft.id), fileName: "b.jpg", bytes: try TestPhotos.jpeg(width: 200, height: 300), by: warga)
        #expect(second.position == 2 && second.smallWidth == 200 && second.smallHeight == 300)
        let third = try world.service.addPhoto(to: .id(draft.id), fileName: "c.jpg", bytes: original, by: warga)
        #expect(throws: DomainError.self) {
            try world.service.addPhoto(to: .id(draft.id), fileName: "d.jpg", bytes: original, by: warga)
        }
        #expect(try world.service.photos(of: .id(draft.id), viewer: .actor(warga)) == [first, second, third])
        // A removal frees its position for the next photo.
        try world.service.removePhoto(second.id, by: warga)
        let again = try world.service.addPhoto(to: .id(draft.id), fileName: "e.jpg", bytes: original, by: warga)
        #expect(again.position == 2)
        #expect(try world.service.photos(of: .id(draft.id), viewer: .actor(warga)).map(\.position) == [1, 2, 3])
    }

    @Test func whoMaySeeAddAndRemove() throws {
        let world = try TestWorld()
        let warga = world.actor("warga"), op = world.actor("op.kel0"), other = world.actor("op.kel1")
        world.at(.praMusrenbang)
        let photo = try TestPhotos.jpeg(width: 100, height: 80)
        let online = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        let mine = try world.service.addPhoto(to: .id(online.id), fileName: "a.jpg", bytes: photo, by: warga)
        // The operator does not see a resident's own draft; the public never sees the photos.
        for viewer in [Viewer.actor(op), .public] {
            #expect(throws: PersistenceError.notFound("foto \(mine.id)")) {
                try world.service.photoBytes(mine.id, variant: .small, viewer: viewer)
            }
        }
        #expect(throws: PersistenceError.notFound("foto \(mine.id)")) { try world.service.removePhoto(mine.id, by: op) }
        let submitted = try world.service.apply(.ajukan, to: .id(online.id), by: warga, expectedVersion: online.version)
        #expect(throws: DomainError.invalidTransition(from: submitted.state, action: "ubah lampiran")) {
            try world.service.addPhoto(to: .id(online.id), fileName: "b.jpg", bytes: photo, by: warga)
        }
        // Not public yet: to the public the proposal does not exist.
        #expect(throws: PersistenceError.self) { try world.service.photos(of: .id(online.id), viewer: .public) }
        // A paper form of kelurahan 0: its operator adds photos; kelurahan 1's operator neither sees nor removes them.
        let paper = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: op)
        let scan = try world.service.addPhoto(to: .id(paper.id), fileName: "form.jpg", bytes: photo, by: op)
        #expect(throws: PersistenceError.notFound("foto \(scan.id)")) {
            try world.service.photoBytes(scan.id, variant: .original, viewer: .actor(other))
        }
        #expect(throws: PersistenceError.notFound("foto \(scan.id)")) { try world.service.removePhoto(scan.id, by: other) }
        try world.service.removePhoto(scan.id, by: op)
        #expect(try world.service.photos(of: .id(paper.id), viewer: .actor(op)).isEmpty)
    }

    @Test func thePublicSeesAPublishedProposalsSmallPhotosNeverItsOriginals() throws {
        let world = try TestWorld()
        let warga = world.actor("warga")
        world.at(.praMusrenbang)
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        let photo = try world.service.addPhoto(to: .id(draft.id), fileName: "a.jpg", bytes: try TestPhotos.jpeg(width: 640, height: 480),
                                               by: warga)
        _ = try world.service.apply(.ajukan, to: .id(draft.id), by: warga, expectedVersion: draft.version)
        #expect(throws: PersistenceError.notFound("foto \(photo.id)")) {
            try world.service.photoBytes(photo.id, variant: .small, viewer: .public)
        }
        // Published once the kecamatan Musrenbang opens: the small version (re-encoded, none of the phone's metadata) is
        // public; the original as uploaded stays with those who have full access.
        world.at(.kecamatan)
        #expect(try world.service.photos(of: .id(draft.id), viewer: .public).map(\.id) == [photo.id])
        let small = try world.service.photoBytes(photo.id, variant: .small, viewer: .public)
        #expect(small.mediaType == "image/jpeg" && !small.bytes.isEmpty)
        #expect(throws: PersistenceError.notFound("foto \(photo.id)")) {
            try world.service.photoBytes(photo.id, variant: .original, viewer: .public)
        }
        #expect(try world.service.photoBytes(photo.id, variant: .original, viewer: .actor(warga)).bytes.count > small.bytes.count)
    }

    @Test func aBackupCarriesThePhotos() throws {
        let world = try TestWorld()
        let warga = world.actor("warga")
        world.at(.praMusrenbang)
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        let original = try TestPhotos.jpeg(width: 640, height: 480)
        let photo = try world.service.addPhoto(to: .id(draft.id), fileName: "a.jpg", bytes: original, by: warga)
        let path = world.temporary.directory + "/cadangan.db"
        try world.database.backup(to: path)
        let restored = try Database(path: path)
        let rows = try restored.read { db in
            try db.query("SELECT id, original, length(small) AS small_bytes FROM proposal_photos")
        }
        #expect(rows.count == 1)
        #expect(try rows[0].get("id", as: Int64.self) == photo.id.rawValue)
        #expect(try rows[0].get("original", as: [UInt8].self) == original)
        #expect(try rows[0].get("small_bytes", as: Int64.self) > 0)
    }
}

/// Photos of unsaved forms: per account and form token, the room left respected, attached in the saving transaction.
@Suite("Pending photos")
struct PendingPhotoTests {
    @Test func keptPerAccountAndTokenThenAttached() throws {
        let world = try TestWorld()
        let warga = world.actor("warga"), op = world.actor("op.kel0")
        world.at(.praMusrenbang)
        let token = String(repeating: "a", count: 43), photo = try TestPhotos.jpeg(width: 800, height: 600)
        let first = try world.service.addPendingPhoto(formToken: token, fileName: "a.jpg", bytes: photo, by: warga)
        #expect(first.smallWidth == 480 && first.smallHeight == 360)
        // Another account sees nothing of it and cannot remove it.
        #expect(try world.service.pendingPhotos(formToken: token, by: op).isEmpty)
        #expect(throws: PersistenceError.self) { try world.service.pendingPhotoSmall(first.id, by: op) }
        try world.service.removePendingPhoto(first.id, formToken: token, by: op)
        #expect(try world.service.pendingPhotos(formToken: token, by: warga) == [first])
        // The room left: a proposal with 2 photos takes one more.
        _ = try world.service.addPendingPhoto(formToken: token, fileName: "b.jpg", bytes: photo, room: 2, by: warga)
        #expect(throws: DomainError.self) {
            try world.service.addPendingPhoto(formToken: token, fileName: "c.jpg", bytes: photo, room: 2, by: warga)
        }
        let draft = try world.service.transaction { tx in
            let draft = try tx.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
            try tx.attachPendingPhotos(formToken: token, to: .id(draft.id), by: warga)
            return draft
        }
        #expect(try world.service.photos(of: .id(draft.id), viewer: .actor(warga)).map(\.position) == [1, 2])
        #expect(try world.service.pendingPhotos(formToken: token, by: warga).isEmpty)
        // A day later, forgotten forms are cleaned by the next upload.
        let other = String(repeating: "b", count: 43)
        _ = try world.service.addPendingPhoto(formToken: other, fileName: "d.jpg", bytes: photo, by: warga)
        world.clock.advance(MusrenbangService.pendingPhotoLifetime + 60)
        _ = try world.service.addPendingPhoto(formToken: token, fileName: "e.jpg", bytes: photo, by: warga)
        #expect(try world.service.pendingPhotos(formToken: other, by: warga).isEmpty)
    }
}
