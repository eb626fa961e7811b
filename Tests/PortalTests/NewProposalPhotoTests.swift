import TestSupport
import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

extension NewProposalTests {
    /// The value of the hidden field `name` on `page`.
    private func hidden(_ name: String, _ page: TestBrowser.Page) -> String? {
        page.body.range(of: "name=\"\(name)\" value=\"").map { String(page.body[$0.upperBound...].prefix { $0 != "\"" }) }
    }

    @Test func photosSurviveAValidationErrorAndAreAttachedWhenSent() throws {
        let (world, item, rt) = try world()
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        #expect(form.body.contains("enctype=\"multipart/form-data\"") && form.body.contains("type=\"file\" id=\"foto\""))
        let token = try #require(hidden("foto_token", form))
        let photo = try TestPhotos.jpeg(width: 1600, height: 1200)
        let noise = (0..<2048).map { _ in UInt8.random(in: 0...255) }
        // No title, a real photo and a file that is not one: the form comes back with every answer and the photo kept.
        let untitled = answers(item, rt).map { $0.0 == "title" ? ("title", "") : $0 }
        let refused = try browser.postMultipart("/usulan/baru", untitled + [("foto_token", token), ("aksi", "periksa")],
                                                files: [MultipartFile(field: "foto", fileName: "jalan.jpg", contentType: "image/jpeg", bytes: photo),
                                                        MultipartFile(field: "foto", fileName: "rusak.jpg", contentType: "image/jpeg", bytes: noise)],
                                                csrf: form.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("<p class=\"field-error\" id=\"foto-error\">rusak.jpg: Berkas bukan foto JPEG atau PNG.</p>"))
        #expect(refused.body.contains("value=\"1.200\"") && refused.body.contains("Gang Melati") && hidden("foto_token", refused) == token)
        let pendingId: Int64 = try #require(try world.database.read { db in try db.scalar("SELECT id FROM pending_photos") })
        #expect(refused.body.contains("<img src=\"/foto-sementara/\(pendingId)\" width=\"480\" height=\"360\""))
        #expect(refused.body.contains("name=\"hapus_foto\" value=\"\(pendingId)\" class=\"button secondary\" formnovalidate>Hapus foto"))
        let preview = try browser.get("/foto-sementara/\(pendingId)")
        #expect(preview.status == 200 && preview.headers["Content-Type"] == "image/jpeg" && preview.headers["Cache-Control"]?.hasPrefix("private") == true)
        try world.service.createAccount(username: "warga2", displayName: "Warga Dua", roles: [try RoleAssignment(role: .warga, scope: .selfOnly)],
                                        password: world.password)
        let other = world.browser(address: "10.0.0.9:1")
        try other.signIn("warga2", world.password)
        #expect(try other.get("/foto-sementara/\(pendingId)").status == 404)
        // A second photo, then "Hapus foto" on it (with "Periksa jawaban", as an older form's checkbox would): one photo stays.
        let two = try browser.postMultipart("/usulan/baru", untitled + [("foto_token", token), ("aksi", "periksa")],
                                            files: [MultipartFile(field: "foto", fileName: "b.png", contentType: "image/png",
                                                                  bytes: try TestPhotos.jpeg(width: 300, height: 200))],
                                            csrf: refused.csrf)
        let secondId: Int64 = try #require(try world.database.read { db in try db.scalar("SELECT max(id) FROM pending_photos") })
        #expect(secondId != pendingId && two.body.contains("/foto-sementara/\(secondId)"))
        let check = try browser.postMultipart("/usulan/baru", answers(item, rt) + [("foto_token", token), ("hapus_foto", String(secondId)),
                                                                                  ("aksi", "periksa")],
                                              files: [], csrf: two.csrf)
        #expect(check.status == 200 && check.body.contains("Periksa usulan Anda") && hidden("foto_token", check) == token)
        #expect(check.body.contains("1 foto baru akan disimpan bersama usulan."))
        // Sent from the check page: the proposal has the photo, nothing is left pending.
        let formToken = try #require(hidden("formulir", check))
        let sent = try browser.post("/usulan/baru", answers(item, rt) + [("foto_token", token), ("formulir", formToken), ("aksi", "kirim")],
                                    csrf: check.csrf)
        #expect(sent.status == 303 && sent.location == "/usulan/baru/terkirim/TGS-2027-000001")
        let proposal = try world.service.proposal(.code(try #require(TrackingCode(parsing: "TGS-2027-000001"))))
        let warga1 = try #require(try world.service.authenticate(username: "warga1", password: world.password))
        let photos = try world.service.photos(of: .id(proposal.id), viewer: .actor(warga1))
        #expect(photos.count == 1 && photos[0].smallWidth == 480 && photos[0].smallHeight == 360 && photos[0].position == 1)
        #expect(try world.service.photoBytes(photos[0].id, variant: .original, viewer: .actor(warga1)).bytes == photo)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM pending_photos") as Int? } == 0)
        #expect(try browser.get("/foto/\(photos[0].id.rawValue)/kecil").status == 200)
        // The resident's own proposal page shows it small, linked to the original.
        let page = try browser.get("/usulan/saya/TGS-2027-000001")
        #expect(page.body.contains("<a href=\"/foto/\(photos[0].id.rawValue)\"><img src=\"/foto/\(photos[0].id.rawValue)/kecil\" width=\"480\""))
    }
}

extension PhotoRoutesTests {
    @Test func theEditFormAddsAPhotoToADraft() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let draft = try scene.draft("Perbaikan jalan Gang Mawar", by: scene.ani)
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let form = try ani.get("/usulan/\(draft.trackingCode)/ubah")
        let fields: [(String, String)] = [
            ("versi", try #require(form.hidden("versi"))), ("foto_token", try #require(form.hidden("foto_token"))),
            ("kamus", String(scene.kamus.rawValue)), ("volume", "120"), ("title", "Perbaikan jalan Gang Mawar"),
            ("problem", "Jalan berlubang."), ("location", "Gang Mawar"), ("beneficiaries", "80"),
        ]
        let saved = try ani.postMultipart("/usulan/\(draft.trackingCode)/ubah", fields + [("aksi", "draf")],
                                          files: [MultipartFile(field: "foto", fileName: "jalan.png", contentType: "image/png",
                                                                bytes: try TestPhotos.jpeg(width: 640, height: 480))],
                                          csrf: form.csrf)
        #expect(saved.status == 303 && saved.location == "/usulan/saya")
        let photos = try world.service.photos(of: .id(draft.id), viewer: .actor(scene.ani))
        #expect(photos.count == 1 && photos[0].smallWidth == 480)
        #expect(try ani.get("/usulan/\(draft.trackingCode)/ubah").body.contains("<img src=\"/foto/\(photos[0].id.rawValue)/kecil\""))
    }
}
