import Foundation
import Storage
import TestSupport
import Testing
@testable import Musrenbang

/// Attachments through the service: kinds checked by their bytes, size limit, generated names, the bytes kept in the
/// database (so a backup carries them), who may add and remove, the removal logged.
@Suite("Attachments")
struct AttachmentTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF foto jalan".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 20)
    static let pdf: [UInt8] = Array("%PDF-1.4\nformulir kertas".utf8)

    /// How many attachments' bytes the database holds.
    static func storedContents(_ world: TestWorld) throws -> Int64 {
        try world.database.read { db in try db.scalar("SELECT count(*) FROM attachment_contents") ?? 0 }
    }

    @Test func kindsByTheBytesGeneratedNamesAndTheSizeLimit() throws {
        let world = try TestWorld()
        let store = AttachmentStore(maxBytes: 64)
        let warga = world.actor("warga")
        world.at(.praMusrenbang)
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        let photo = try world.service.addAttachment(to: .id(draft.id), fileName: "../../etc/passwd.jpg", bytes: Self.jpeg, by: warga,
                                                    store: store)
        #expect(photo.mediaType == "image/jpeg" && photo.fileName == "passwd.jpg" && photo.byteCount == Int64(Self.jpeg.count))
        #expect(photo.sha256 == SHA256.hexDigest(Self.jpeg) && photo.uploadedBy == warga.accountId)
        #expect(photo.storagePath.hasPrefix("p\(draft.id.rawValue)/") && photo.storagePath.hasSuffix(".jpg")
                && !photo.storagePath.contains("..") && !photo.storagePath.contains("passwd"))
        #expect(try world.service.attachmentFile(photo.id, viewer: .actor(warga)).bytes == Self.jpeg)
        let scan = try world.service.addAttachment(to: .id(draft.id), fileName: "C:\\Users\\x\\Formulir.PDF", bytes: Self.pdf,
                                                   by: warga, store: store)
        let image = try world.service.addAttachment(to: .id(draft.id), fileName: "", bytes: Self.png, by: warga, store: store)
        #expect(scan.mediaType == "application/pdf" && scan.fileName == "Formulir.PDF")
        #expect(image.mediaType == "image/png" && image.fileName == "lampiran.png" && image.storagePath != photo.storagePath)
        // Refused before anything is written: other kinds (whatever the name says), empty, too large.
        #expect(try Self.storedContents(world) == 3)
        let gif = Array("GIF89a....".utf8), html = Array("<html><script>".utf8)
        for (bytes, name) in [(gif, "foto.jpg"), (html, "x.pdf"), ([UInt8](), "kosong.png"), (Self.jpeg + [UInt8](repeating: 0, count: 64), "besar.jpg")] {
            #expect(throws: DomainError.self, "\(name)") {
                try world.service.addAttachment(to: .id(draft.id), fileName: name, bytes: bytes, by: warga, store: store)
            }
        }
        #expect(try Self.storedContents(world) == 3)
        let detail = try world.service.proposalDetail(.id(draft.id), viewer: .actor(warga))
        #expect(detail.attachments == [photo, scan, image])
        let file = try world.service.attachmentFile(scan.id, viewer: .actor(warga))
        #expect(file.attachment == scan && file.bytes == Self.pdf)
    }

    @Test func whoMayAddAndRemoveAndTheRemovalIsLogged() throws {
        let world = try TestWorld()
        let store = AttachmentStore()
        let warga = world.actor("warga"), op = world.actor("op.kel0")
        world.at(.praMusrenbang)
        let online = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        // The operator neither sees nor touches a resident's own online draft; others are refused by rule.
        #expect(throws: PersistenceError.notFound("usulan \(online.id)")) {
            try world.service.addAttachment(to: .id(online.id), fileName: "a.jpg", bytes: Self.jpeg, by: op, store: store)
        }
        let mine = try world.service.addAttachment(to: .id(online.id), fileName: "a.jpg", bytes: Self.jpeg, by: warga, store: store)
        #expect(throws: PersistenceError.notFound("lampiran \(mine.id)")) {
            try world.service.removeAttachment(mine.id, by: op)
        }
        #expect(throws: PersistenceError.notFound("lampiran \(mine.id)")) {
            try world.service.attachmentFile(mine.id, viewer: .public)
        }
        // Submitted: the resident may no longer change them; the kelurahan's operator may; Bappeda may not.
        let submitted = try world.service.apply(.ajukan, to: .id(online.id), by: warga, expectedVersion: online.version)
        #expect(throws: DomainError.invalidTransition(from: submitted.state, action: "ubah lampiran")) {
            try world.service.addAttachment(to: .id(online.id), fileName: "b.jpg", bytes: Self.jpeg, by: warga, store: store)
        }
        let scan = try world.service.addAttachment(to: .id(online.id), fileName: "berita.pdf", bytes: Self.pdf, by: op, store: store)
        #expect(throws: DomainError.roleNotAllowed(role: .bappeda, action: "ubah lampiran")) {
            try world.service.addAttachment(to: .id(online.id), fileName: "c.pdf", bytes: Self.pdf, by: world.actor("bappeda"), store: store)
        }
        // A paper draft of kelurahan 0: its operator adds and removes; kelurahan 1's operator cannot see it.
        let paper = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: op)
        let form = try world.service.addAttachment(to: .id(paper.id), fileName: "form.png", bytes: Self.png, by: op, store: store)
        #expect(throws: PersistenceError.notFound("lampiran \(form.id)")) {
            try world.service.removeAttachment(form.id, by: world.actor("op.kel1"))
        }
        #expect(try Self.storedContents(world) == 3)
        world.clock.advance(60)
        try world.service.removeAttachment(form.id, by: op)
        #expect(throws: PersistenceError.notFound("lampiran \(form.id)")) { try world.service.attachmentFile(form.id, viewer: .actor(op)) }
        #expect(try Self.storedContents(world) == 2)
        #expect(try world.service.attachments(of: .id(paper.id), viewer: .actor(op)).isEmpty)
        #expect(try world.service.attachments(of: .id(online.id), viewer: .actor(warga)) == [mine, scan])
        #expect(throws: PersistenceError.notFound("lampiran \(form.id)")) { try world.service.removeAttachment(form.id, by: op) }
        let log = try world.database.read { db in
            try db.query("SELECT attachment_id, proposal_id, file_name, sha256, removed_by, removed_role, removed_at FROM attachment_removals")
        }
        #expect(log.count == 1)
        #expect(try log[0].get("attachment_id", as: Int64.self) == form.id.rawValue && log[0].get("file_name", as: String.self) == "form.png")
        #expect(try log[0].get("removed_by", as: Int64.self) == op.accountId.rawValue && log[0].get("removed_role", as: String.self) == "operator_kelurahan")
        #expect(try log[0].get("removed_at", as: String.self) == WIBTime.iso8601(world.clock.now))
        #expect(throws: SQLiteError.self) {
            try world.database.write { db in try db.execute("DELETE FROM attachment_removals") }
        }
    }

    /// Issue 8: `musrenbang backup` (the real binary, on the database the service holds open) carries the attachments'
    /// bytes, and a service over the restored file serves them unchanged; nothing is left in a folder beside it.
    @Test func aBackupCarriesTheAttachmentsAndARestoreServesThem() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0")
        world.at(.praMusrenbang)
        let paper = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: op)
        let scan = Self.pdf + [UInt8](repeating: 0x2A, count: 200_000)
        let form = try world.service.addAttachment(to: .id(paper.id), fileName: "formulir.pdf", bytes: scan, by: op, store: AttachmentStore())
        let path = world.temporary.directory + "/cadangan.db"
        let backup = try BuiltBinary.run(["backup", "--db", world.database.path, "--to", path])
        #expect(backup.status == 0, "\(backup.output)")
        let check = try BuiltBinary.run(["check", "--db", path])
        #expect(check.status == 0, "\(check.output)")
        let restored = try MusrenbangService(database: try Database(path: path), clock: .manual(world.clock), hasher: PasswordHasher(cost: 1))
        let file = try restored.attachmentFile(form.id, viewer: .actor(op))
        #expect(file.attachment == form && file.bytes == scan && SHA256.hexDigest(file.bytes) == form.sha256)
        #expect(!FileManager.default.fileExists(atPath: world.database.path + ".lampiran"))
    }
}
