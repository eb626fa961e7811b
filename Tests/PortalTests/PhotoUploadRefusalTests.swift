import TestSupport
import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// Every refused upload (too big, not a photo behind a `.jpg` name, a fourth photo) is a 422 form with the message
/// beside the photo field, every other answer kept and the photos already accepted still there.
extension NewProposalTests {
    private func pendingCount(_ world: PortalWorld) throws -> Int {
        try world.database.read { db in try db.scalar("SELECT count(*) FROM pending_photos") ?? -1 }
    }

    private func photo(_ name: String, _ bytes: [UInt8]) -> MultipartFile {
        MultipartFile(field: "foto", fileName: name, contentType: "image/jpeg", bytes: bytes)
    }

    /// The answers of `answers(item, rt)` shown again on `page`, and the pending photos `ids` shown on it.
    private func keepsEverything(_ page: TestBrowser.Page, photos ids: [Int64]) -> Bool {
        page.body.contains("value=\"1.200\"") && page.body.contains("value=\"Saluran &lt;Gang Melati&gt;\"")
            && page.body.contains("Saluran tersumbat.") && page.body.contains("value=\"Gang Melati\"") && page.body.contains("value=\"160\"")
            && ids.allSatisfy { page.body.contains("<img src=\"/foto-sementara/\($0)\"") }
    }

    @Test func tooBigNotAPhotoAndAFourthPhotoAreRefusedWithEverythingKept() throws {
        let (world, item, rt) = try world()
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        let token = try #require(form.hidden("foto_token"))
        let fields = answers(item, rt) + [("foto_token", token), ("aksi", "periksa")]
        let first = try TestPhotos.jpeg(width: 800, height: 600)
        let accepted = try browser.postMultipart("/usulan/baru", fields, files: [photo("satu.jpg", first)], csrf: form.csrf)
        #expect(accepted.status == 200 && accepted.body.contains("Periksa usulan Anda"))
        let firstId: Int64 = try #require(try world.database.read { db in try db.scalar("SELECT id FROM pending_photos") })

        // Too big: a real JPEG padded past 5 MB (decoders would ignore the padding; the size is checked first).
        let big = first + [UInt8](repeating: 0, count: ProposalPhotoRules.maxBytes + 1 - first.count)
        let tooBig = try browser.postMultipart("/usulan/baru", fields, files: [photo("besar.jpg", big)], csrf: form.csrf)
        #expect(tooBig.status == 422)
        #expect(tooBig.body.contains("<p class=\"field-error\" id=\"foto-error\">besar.jpg: ukuran foto paling besar 5 MB.</p>"))
        #expect(tooBig.body.contains("Ada yang perlu diperbaiki") && keepsEverything(tooBig, photos: [firstId]))
        #expect(try pendingCount(world) == 1)

        // Not a photo, named `.jpg` and declared `image/jpeg`: judged by its bytes.
        let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
        let notAPhoto = try browser.postMultipart("/usulan/baru", fields, files: [photo("jalan.jpg", pdf)], csrf: form.csrf)
        #expect(notAPhoto.status == 422)
        #expect(notAPhoto.body.contains("jalan.jpg: Berkas bukan foto JPEG atau PNG."))
        #expect(try keepsEverything(notAPhoto, photos: [firstId]) && pendingCount(world) == 1)

        // Two more fit; a fourth in the same request is refused, the three kept.
        let three = try browser.postMultipart("/usulan/baru", fields,
                                              files: [photo("dua.jpg", try TestPhotos.jpeg(width: 640, height: 480)),
                                                      photo("tiga.jpg", try TestPhotos.jpeg(width: 480, height: 640)),
                                                      photo("empat.jpg", try TestPhotos.jpeg(width: 300, height: 300))],
                                              csrf: form.csrf)
        #expect(three.status == 422 && three.body.contains("Paling banyak 3 foto untuk satu usulan."))
        let ids: [Int64] = try world.database.read { db in try db.query("SELECT id FROM pending_photos ORDER BY id").map { try $0.get(0) } }
        #expect(ids.count == 3 && ids[0] == firstId && keepsEverything(three, photos: ids))
        // With three, the file input is gone; a fourth sent anyway (an old page) is refused in its own request too.
        #expect(!three.body.contains("type=\"file\"") && three.body.contains("Sudah 3 foto."))
        let fourth = try browser.postMultipart("/usulan/baru", fields, files: [photo("lagi.jpg", first)], csrf: form.csrf)
        #expect(fourth.status == 422 && fourth.body.contains("Paling banyak 3 foto untuk satu usulan.") && keepsEverything(fourth, photos: ids))
        #expect(try pendingCount(world) == 3)
    }

    @Test func theEditFormCountsThePhotosTheProposalHas() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let draft = try scene.draft("Perbaikan jalan Gang Mawar", by: scene.ani)
        for name in ["a.jpg", "b.jpg"] {
            try world.service.addPhoto(to: .id(draft.id), fileName: name, bytes: try TestPhotos.jpeg(width: 640, height: 480), by: scene.ani)
        }
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let form = try ani.get("/usulan/\(draft.trackingCode)/ubah")
        let fields: [(String, String)] = [
            ("versi", try #require(form.hidden("versi"))), ("foto_token", try #require(form.hidden("foto_token"))),
            ("kamus", String(scene.kamus.rawValue)), ("volume", "120"), ("title", "Perbaikan jalan Gang Mawar"),
            ("problem", "Jalan berlubang."), ("location", "Gang Mawar"), ("beneficiaries", "80"), ("aksi", "periksa"),
        ]
        let refused = try ani.postMultipart("/usulan/\(draft.trackingCode)/ubah", fields,
                                            files: [photo("c.jpg", try TestPhotos.jpeg(width: 320, height: 240)),
                                                    photo("d.jpg", try TestPhotos.jpeg(width: 320, height: 240))],
                                            csrf: form.csrf)
        #expect(refused.status == 422 && refused.body.contains("Paling banyak 3 foto untuk satu usulan."))
        #expect(refused.body.contains("value=\"Perbaikan jalan Gang Mawar\"") && refused.body.contains("value=\"Gang Mawar\""))
        #expect(try pendingCount(world) == 1 && world.service.photos(of: .id(draft.id), viewer: .actor(scene.ani)).count == 2)
    }
}
