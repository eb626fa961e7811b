import TestSupport
import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// "Hapus foto": on the new proposal's form and check page (a photo uploaded with the form) and on the edit form (a
/// photo the proposal has), each a POST with the CSRF token that removes only the resident's own photo.
@Suite struct PhotoRemovalTests {
    @Test func aResidentRemovesAnUploadedPhotoFromTheFormAndFromTheCheckPage() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let form = try ani.get("/usulan/baru?rt=\(scene.rt.rawValue)")
        let token = try #require(form.hidden("foto_token"))
        let fields: [(String, String)] = [
            ("rt", String(scene.rt.rawValue)), ("foto_token", token), ("kamus", String(scene.kamus.rawValue)), ("volume", "120"),
            ("title", "Perbaikan jalan Gang Mawar"), ("problem", "Jalan berlubang."), ("location", "Gang Mawar"), ("beneficiaries", "80"),
        ]
        let image = try TestPhotos.jpeg(width: 640, height: 480)
        let uploaded = try ani.postMultipart("/usulan/baru", fields + [("aksi", "hitung")],
                                             files: [MultipartFile(field: "foto", fileName: "a.jpg", contentType: "image/jpeg", bytes: image),
                                                     MultipartFile(field: "foto", fileName: "b.jpg", contentType: "image/jpeg", bytes: image),
                                                     MultipartFile(field: "foto", fileName: "c.jpg", contentType: "image/jpeg", bytes: image)],
                                             csrf: form.csrf)
        #expect(uploaded.status == 200)
        let ids: [Int64] = try world.database.read { db in try db.query("SELECT id FROM pending_photos ORDER BY id").map { try $0.get(0) } }
        #expect(ids.count == 3)
        #expect(uploaded.body.contains("<button type=\"submit\" name=\"hapus_foto\" value=\"\(ids[0])\" class=\"button secondary\" formnovalidate>Hapus foto"))

        // Budi cannot remove Ani's photo, whatever id he sends with his own form.
        let budi = world.browser(address: "10.0.0.9:1")
        try budi.signIn("budi", world.password)
        let budiForm = try budi.get("/usulan/baru?rt=\(scene.rt.rawValue)")
        let foreign = try budi.post("/usulan/baru", [("rt", String(scene.rt.rawValue)), ("foto_token", try #require(budiForm.hidden("foto_token"))),
                                                     ("hapus_foto", String(ids[0]))], csrf: budiForm.csrf)
        #expect(foreign.status == 200 && !foreign.body.contains("/foto-sementara/\(ids[0])"))
        // Nor with Ani's own form token.
        _ = try budi.post("/usulan/baru", [("rt", String(scene.rt.rawValue)), ("foto_token", token), ("hapus_foto", String(ids[0]))],
                          csrf: budiForm.csrf)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM pending_photos") as Int? } == 3)
        // Without the CSRF token nothing is removed.
        let forged = try ani.post("/usulan/baru", fields + [("hapus_foto", String(ids[0])), ("_csrf", "salah")], csrf: nil)
        #expect(forged.status == 403)

        // "Hapus foto" on the form: the form again (not a check), every answer kept, the photo gone.
        let removed = try ani.post("/usulan/baru", fields + [("hapus_foto", String(ids[0]))], csrf: form.csrf)
        #expect(removed.status == 200 && removed.body.contains("value=\"Perbaikan jalan Gang Mawar\"") && !removed.body.contains("Periksa usulan Anda"))
        #expect(!removed.body.contains("/foto-sementara/\(ids[0])") && removed.body.contains("/foto-sementara/\(ids[1])"))
        #expect(removed.body.contains("type=\"file\""))

        // On the check page: each photo shown with its button; pressing it leads back to the check page without it.
        let check = try ani.post("/usulan/baru", fields + [("aksi", "periksa")], csrf: form.csrf)
        #expect(check.status == 200 && check.body.contains("Periksa usulan Anda") && check.body.contains("2 foto baru akan disimpan"))
        #expect(check.body.contains("name=\"hapus_foto\" value=\"\(ids[1])\"") && check.hidden("dari") == "periksa")
        let checkFields = fields + [("dari", "periksa"), ("formulir", try #require(check.hidden("formulir")))]
        let again = try ani.post("/usulan/baru", checkFields + [("hapus_foto", String(ids[1]))], csrf: check.csrf)
        #expect(again.status == 200 && again.body.contains("Periksa usulan Anda") && again.body.contains("1 foto baru akan disimpan"))
        #expect(!again.body.contains("/foto-sementara/\(ids[1])") && again.body.contains("/foto-sementara/\(ids[2])"))
        // Sent: only the photo left is attached.
        let sent = try ani.post("/usulan/baru", fields + [("formulir", try #require(again.hidden("formulir"))), ("aksi", "kirim")],
                                csrf: again.csrf)
        #expect(sent.status == 303)
        let proposal = try world.service.proposal(.code(try #require(TrackingCode(parsing: "TGS-2027-000001"))))
        #expect(try world.service.photos(of: .id(proposal.id), viewer: .actor(scene.ani)).count == 1)
    }

    @Test func aResidentRemovesAnAttachedPhotoFromTheEditForm() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let draft = try scene.draft("Perbaikan jalan Gang Mawar", by: scene.ani)
        let image = try TestPhotos.jpeg(width: 640, height: 480)
        let first = try world.service.addPhoto(to: .id(draft.id), fileName: "a.jpg", bytes: image, by: scene.ani)
        let second = try world.service.addPhoto(to: .id(draft.id), fileName: "b.jpg", bytes: image, by: scene.ani)
        let budiDraft = try scene.draft("Lampu Gang Kenanga", by: scene.budi)
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let form = try ani.get("/usulan/\(draft.trackingCode)/ubah")
        #expect(form.body.contains("<button type=\"submit\" name=\"hapus_lampiran\" value=\"\(first.id.rawValue)\""))
        let fields: [(String, String)] = [
            ("versi", try #require(form.hidden("versi"))), ("foto_token", try #require(form.hidden("foto_token"))),
            ("kamus", String(scene.kamus.rawValue)), ("volume", "120"), ("title", "Jalan Gang Mawar diperbaiki"),
            ("problem", "Jalan berlubang."), ("location", "Gang Mawar"), ("beneficiaries", "80"),
        ]
        // Budi, on his own draft's form, cannot remove Ani's photo: 404, the photo stays.
        let budi = world.browser(address: "10.0.0.9:1")
        try budi.signIn("budi", world.password)
        let budiForm = try budi.get("/usulan/\(budiDraft.trackingCode)/ubah")
        let foreign = try budi.post("/usulan/\(budiDraft.trackingCode)/ubah", [("hapus_lampiran", String(first.id.rawValue))], csrf: budiForm.csrf)
        #expect(foreign.status == 404)
        #expect(try budi.post("/usulan/\(draft.trackingCode)/ubah", [("hapus_lampiran", String(first.id.rawValue))],
                              csrf: budiForm.csrf).status == 404)
        #expect(try world.service.photos(of: .id(draft.id), viewer: .actor(scene.ani)).count == 2)

        // Ani removes the first: the form again with her unsaved answers, the photo gone at once, the other kept.
        let removed = try ani.post("/usulan/\(draft.trackingCode)/ubah", fields + [("hapus_lampiran", String(first.id.rawValue))], csrf: form.csrf)
        #expect(removed.status == 200 && removed.body.contains("value=\"Jalan Gang Mawar diperbaiki\""))
        #expect(!removed.body.contains("/foto/\(first.id.rawValue)/kecil") && removed.body.contains("/foto/\(second.id.rawValue)/kecil"))
        #expect(try world.service.photos(of: .id(draft.id), viewer: .actor(scene.ani)).map(\.id) == [second.id])
        #expect(try ani.get("/foto/\(first.id.rawValue)").status == 404)
        // The version the form carries still holds: saving works.
        let saved = try ani.post("/usulan/\(draft.trackingCode)/ubah", fields + [("aksi", "draf")], csrf: form.csrf)
        #expect(saved.status == 303 && saved.location == "/usulan/saya")
        #expect(try world.service.proposal(.id(draft.id)).title == "Jalan Gang Mawar diperbaiki")
    }
}
