import Foundation
import HTTPServer
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// Announcements over the in-process HTTP: the staff's screens at /kerja/pengumuman (scope enforced whatever the form
/// sends, 422 with every answer kept, publish, edit, withdraw), the public pages and their feeds (drafts never public,
/// escaping everywhere); the feeds' validity is in AnnouncementFeedTests.
@Suite("Announcements at /kerja/pengumuman and /pengumuman")
struct AnnouncementPortalTests {
    @Test func anOperatorWritesADraftThatStaysPrivateUntilPublished() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op = try scene.browser("op1")
        let list = try op.get("/kerja/pengumuman")
        #expect(list.status == 200 && list.body.contains("Belum ada pengumuman di sini."))
        let form = try op.get("/kerja/pengumuman/baru")
        #expect(form.status == 200 && !form.body.contains("name=\"wilayah\"") && form.body.contains("Wilayah: <strong>Kelurahan Pondok Karya</strong>"))
        let id = try scene.created(op, AnnouncementScene.meeting())
        let staffPage = try op.get("/kerja/pengumuman/\(id)")
        #expect(staffPage.status == 200 && staffPage.body.contains("Draf &quot;Musrenbang Kelurahan Pondok Karya&quot; tersimpan."))
        #expect(staffPage.body.contains("Draf: belum terlihat oleh publik.") && staffPage.body.contains("Umumkan sekarang"))

        // The draft is nowhere public: its page answers exactly like an unknown id, for a visitor and for its author.
        let visitor = world.browser(address: "10.0.9.2:1")
        let unknown = try visitor.get("/pengumuman/999999")
        #expect(unknown.status == 404)
        #expect(try visitor.get("/pengumuman/\(id)").body == unknown.body)
        #expect(try op.get("/pengumuman/\(id)").status == 404)
        for path in ["/pengumuman", "/pengumuman.atom", "/jadwal", "/jadwal.ics", "/"] {
            let page = try visitor.get(path)
            #expect(page.status == 200 && !page.body.contains("Musrenbang Kelurahan Pondok Karya"), "\(path)")
        }

        let published = try op.post("/kerja/pengumuman/\(id)/umumkan", [("versi", "1")], csrf: staffPage.csrf)
        #expect(published.status == 303 && published.location == "/kerja/pengumuman/\(id)")
        let page = try visitor.get("/pengumuman/\(id)")
        #expect(page.status == 200 && page.body.contains("<h1>Musrenbang Kelurahan Pondok Karya</h1>"))
        #expect(page.body.contains("Selasa, 12 Januari 2027, 09.00–12.00 WIB") && page.body.contains("Aula Kantor Kelurahan"))
        // Public everywhere, and named by its unit: the author's account name is in no public byte.
        for path in ["/pengumuman", "/pengumuman.atom", "/jadwal", "/jadwal.ics", "/", "/pengumuman/\(id)"] {
            let body = try visitor.get(path).body
            #expect(body.contains("Musrenbang Kelurahan Pondok Karya") && !body.contains("Petugas op1"), "\(path)")
        }
        // The staff home offers the announcements.
        #expect(try op.get("/kerja").body.contains("href=\"/kerja/pengumuman\""))
    }

    @Test func aForgedAreaOrAnotherUnitsAnnouncementIsRefused() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op1 = try scene.browser("op1")
        // Operator of Pondok Karya sends the area of Cempaka Putih: 422 beside the area, every answer kept, nothing stored.
        var forged = AnnouncementScene.meeting(title: "Rapat palsu", action: "umumkan")
        forged.append(("wilayah", scene.cempakaPutih.text))
        let refused = try scene.create(op1, forged)
        #expect(refused.status == 422 && refused.body.contains("Anda hanya dapat membuat pengumuman untuk wilayah atau perangkat daerah Anda sendiri."))
        #expect(refused.body.contains("value=\"Rapat palsu\"") && refused.body.contains("href=\"#wilayah\""))
        #expect(try scene.count() == 0)
        // The same on a change of its own announcement: it stays in Pondok Karya.
        let id = try scene.created(op1, AnnouncementScene.meeting())
        let page = try op1.get("/kerja/pengumuman/\(id)")
        let moved = try op1.postMultipart("/kerja/pengumuman/\(id)", forged + [("versi", "1")], files: [], csrf: page.csrf)
        #expect(moved.status == 422 && moved.body.contains("Anda hanya dapat membuat pengumuman"))
        #expect(try scene.stored(id).area == scene.pondokKarya && scene.stored(id).status == .draft)

        // The operator of Cempaka Putih: the announcement of Pondok Karya is not there for them, and nothing changes.
        let op2 = try scene.browser("op2", address: "10.0.9.3:1")
        let csrf = try #require(try op2.get("/kerja/pengumuman").csrf)
        #expect(try op2.get("/kerja/pengumuman/\(id)").status == 404)
        #expect(try op2.post("/kerja/pengumuman/\(id)/umumkan", [("versi", "1")], csrf: csrf).status == 404)
        #expect(try op2.post("/kerja/pengumuman/\(id)/tarik", [("versi", "1"), ("alasan", "Uji")], csrf: csrf).status == 404)
        #expect(try op2.postMultipart("/kerja/pengumuman/\(id)", AnnouncementScene.meeting(title: "Diambil alih") + [("versi", "1")], files: [],
                                      csrf: csrf).status == 404)
        #expect(try !op2.get("/kerja/pengumuman").body.contains("Musrenbang Kelurahan Pondok Karya"))
        let after = try scene.stored(id)
        #expect(after.version == 1 && after.status == .draft && after.title == "Musrenbang Kelurahan Pondok Karya")
        // A resident has no announcements desk; a visitor is sent to sign in.
        let warga = try scene.browser("warga1", address: "10.0.9.4:1")
        #expect(try warga.get("/kerja/pengumuman").status == 403)
        #expect(try world.browser().get("/kerja/pengumuman").location == "/masuk?kembali=/kerja/pengumuman")
    }

    @Test func bappedaChoosesTheAreaAndTheCamatWritesForTheKecamatan() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let bappeda = try scene.browser("bappeda")
        let form = try bappeda.get("/kerja/pengumuman/baru")
        #expect(form.body.contains("<select id=\"wilayah\" name=\"wilayah\"") && form.body.contains("value=\"\(scene.cempakaPutih.text)\""))
        let id = try scene.created(bappeda, AnnouncementScene.meeting(title: "Musrenbang Kelurahan Cempaka Putih", action: "umumkan")
                                   + [("wilayah", scene.cempakaPutih.text)])
        #expect(try scene.stored(id).area == scene.cempakaPutih && scene.stored(id).status == .published)
        let camat = try scene.browser("camat", address: "10.0.9.5:1")
        let kecamatan = try scene.created(camat, AnnouncementScene.meeting(title: "Musrenbang Kecamatan Ciputat Timur", stage: .kecamatan,
                                                                           action: "umumkan"))
        #expect(try scene.stored(kecamatan).area == scene.ciputatTimur)
        // The camat does not see the kelurahan's announcement among its own; Bappeda sees both.
        #expect(try !camat.get("/kerja/pengumuman").body.contains("Musrenbang Kelurahan Cempaka Putih"))
        let all = try bappeda.get("/kerja/pengumuman").body
        #expect(all.contains("Musrenbang Kelurahan Cempaka Putih") && all.contains("Musrenbang Kecamatan Ciputat Timur"))
        // A kecamatan meeting at the kelurahan level is a field error beside the level.
        let wrongLevel = try scene.create(camat, AnnouncementScene.meeting(stage: .kelurahan))
        #expect(wrongLevel.status == 422 && wrongLevel.body.contains("id=\"tingkat-error\">Rapat untuk wilayah ini adalah Musrenbang kecamatan."))
    }

    @Test func aRefusedFormComesBackWithEveryAnswerAndEveryError() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op = try scene.browser("op1")
        let refused = try scene.create(op, AnnouncementScene.meeting(title: " ", day: "31-02-2027", start: "25.00", end: "", place: "Balai <RW> 02"))
        #expect(refused.status == 422 && refused.body.contains("Ada yang perlu diperbaiki"))
        for field in ["judul", "tanggal", "mulai", "selesai"] { #expect(refused.body.contains("id=\"\(field)-error\""), "\(field)") }
        #expect(refused.body.contains("Tulis tanggal seperti 2027-01-12") && refused.body.contains("Tulis jam mulai seperti 09.00"))
        #expect(refused.body.contains("value=\"31-02-2027\"") && refused.body.contains("value=\"Balai &lt;RW&gt; 02\""))
        #expect(refused.body.contains("<option value=\"jadwal_rapat\" selected>") && refused.body.contains("<option value=\"kelurahan\" selected>"))
        #expect(try scene.count() == 0)
        // Day first and a dot in the time are read as Indonesians write them.
        let id = try scene.created(op, AnnouncementScene.meeting(day: "12/01/2027", start: "9.30", end: "11.00"))
        #expect(try scene.stored(id).meeting?.startsAt == WIBTime.date(year: 2027, month: 1, day: 12, hour: 9, minute: 30))
    }

    @Test func aGuidelineWithItsDocumentsDownloadable() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op = try scene.browser("op1")
        let guideline: [(String, String)] = [("jenis", "panduan_teknis"), ("judul", "Panduan teknis Musrenbang kelurahan"),
                                             ("isi", "Baca sebelum rapat."), ("aksi", "umumkan")]
        let withoutDocument = try scene.create(op, guideline)
        #expect(withoutDocument.status == 422 && withoutDocument.body.contains("Lampirkan paling sedikit satu dokumen panduan"))
        let gif = try scene.create(op, guideline, files: [MultipartFile(field: "berkas", fileName: "panduan.pdf", contentType: "application/pdf",
                                                                        bytes: Array("GIF89a".utf8))])
        #expect(gif.status == 422 && gif.body.contains("id=\"berkas-error\">Berkas harus PDF, JPEG atau PNG.")
                && gif.body.contains("value=\"Panduan teknis Musrenbang kelurahan\""))
        let id = try scene.created(op, guideline + [("judul_berkas", "Panduan <lengkap>")],
                                   files: [MultipartFile(field: "berkas", fileName: "panduan.pdf", contentType: "application/pdf", bytes: AnnouncementScene.pdf)])
        let stored = try scene.stored(id)
        let document = try #require(stored.documents.first)
        #expect(stored.status == .published && document.title == "Panduan <lengkap>")
        let visitor = world.browser(address: "10.0.9.6:1")
        let page = try visitor.get("/pengumuman/\(id)")
        #expect(page.body.contains("href=\"/pengumuman/\(id)/dokumen/\(document.id)\" download>Panduan &lt;lengkap&gt;</a>"))
        let download = try visitor.get("/pengumuman/\(id)/dokumen/\(document.id)")
        #expect(download.status == 200 && download.bytes == AnnouncementScene.pdf && download.headers["Content-Type"] == "application/pdf")
        #expect(download.headers["X-Content-Type-Options"] == "nosniff"
                && download.headers["Content-Disposition"] == "attachment; filename=\"pengumuman-\(id)-\(document.id).pdf\"")
        #expect(try visitor.get("/pengumuman/\(id.rawValue + 1)/dokumen/\(document.id)").status == 404)
        // A draft's document: its staff download it, the public does not.
        let draft = try scene.created(op, [("jenis", "berita"), ("judul", "Draf berita"), ("isi", "Isi."), ("aksi", "draf")],
                                      files: [MultipartFile(field: "berkas", fileName: "foto.png", contentType: "image/png",
                                                            bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])])
        let draftDocument = try #require(try scene.stored(draft).documents.first)
        #expect(try visitor.get("/pengumuman/\(draft)/dokumen/\(draftDocument.id)").status == 404)
        let staffCopy = try op.get("/pengumuman/\(draft)/dokumen/\(draftDocument.id)")
        #expect(staffCopy.status == 200 && staffCopy.headers["Cache-Control"] == "private, no-store")
        // Removing a document through the edit form.
        let edit = try op.get("/kerja/pengumuman/\(draft)")
        let removed = try op.postMultipart("/kerja/pengumuman/\(draft)", [("jenis", "berita"), ("judul", "Draf berita"), ("isi", "Isi."),
                                                                          ("hapus_dokumen", "\(draftDocument.id)"), ("versi", "1"), ("aksi", "draf")],
                                           files: [], csrf: edit.csrf)
        #expect(try removed.status == 303 && scene.stored(draft).documents.isEmpty)
        let history = try op.get("/kerja/pengumuman/\(draft)").body
        #expect(history.contains("<strong>Dokumen dihapus</strong>") && history.contains("<strong>Dokumen ditambahkan</strong>")
                && history.contains("<p>foto.png</p>"))
    }

    @Test func aWithdrawalNeedsAReasonAndLeavesEveryListAndFeed() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op = try scene.browser("op1")
        let id = try scene.created(op, AnnouncementScene.meeting(action: "umumkan"))
        let page = try op.get("/kerja/pengumuman/\(id)")
        #expect(page.body.contains("Tarik pengumuman"))
        let noReason = try op.post("/kerja/pengumuman/\(id)/tarik", [("versi", "1"), ("alasan", " ")], csrf: page.csrf)
        #expect(noReason.status == 422 && noReason.body.contains("Tulis alasan penarikan"))
        let withdrawn = try op.post("/kerja/pengumuman/\(id)/tarik", [("versi", "1"), ("alasan", "Rapat dipindah ke <Februari>.")], csrf: page.csrf)
        #expect(withdrawn.status == 303)
        let visitor = world.browser(address: "10.0.9.7:1")
        let gone = try visitor.get("/pengumuman/\(id)")
        #expect(gone.status == 410 && gone.body.contains("Pengumuman ditarik") && gone.body.contains("Rapat dipindah ke &lt;Februari&gt;."))
        #expect(!gone.body.contains("Mohon hadir tepat waktu."))
        for path in ["/pengumuman", "/pengumuman.atom", "/jadwal", "/jadwal.ics", "/"] {
            #expect(try !visitor.get(path).body.contains("Musrenbang Kelurahan Pondok Karya"), "\(path)")
        }
        // The staff page shows the history with the reason; a withdrawn announcement is final.
        let history = try op.get("/kerja/pengumuman/\(id)").body
        #expect(history.contains("<strong>Ditarik</strong> oleh Petugas op1 (Operator Kelurahan)") && history.contains("Alasan: Rapat dipindah"))
        #expect(history.contains("<strong>Diumumkan</strong>") && history.contains("<strong>Dibuat</strong>") && !history.contains("Simpan perubahan"))
        #expect(try op.post("/kerja/pengumuman/\(id)/umumkan", [("versi", "2")], csrf: page.csrf).status == 409)
        #expect(try op.postMultipart("/kerja/pengumuman/\(id)", AnnouncementScene.meeting() + [("versi", "2")], files: [], csrf: page.csrf).status == 409)
    }

    @Test func anEditOfAPublishedAnnouncementIsLoggedAndAStaleOneRefused() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op = try scene.browser("op1")
        let id = try scene.created(op, AnnouncementScene.meeting(action: "umumkan"))
        let page = try op.get("/kerja/pengumuman/\(id)")
        #expect(page.body.contains("Simpan perubahan") && !page.body.contains("Simpan dan umumkan"))
        world.clock.advance(600)
        let edited = try op.postMultipart("/kerja/pengumuman/\(id)", AnnouncementScene.meeting(place: "Balai Warga RW 01") + [("versi", "1")],
                                          files: [], csrf: page.csrf)
        #expect(edited.status == 303)
        let stored = try scene.stored(id)
        #expect(stored.revision == 1 && stored.meeting?.place == "Balai Warga RW 01" && stored.status == .published)
        #expect(try op.get("/kerja/pengumuman/\(id)").body.contains("Yang berubah: tempat"))
        #expect(try world.browser().get("/pengumuman/\(id)").body.contains("diperbarui"))
        // The same form sent again, at the version it was loaded at: someone changed it meanwhile.
        let stale = try op.postMultipart("/kerja/pengumuman/\(id)", AnnouncementScene.meeting(place: "Masjid") + [("versi", "1")], files: [],
                                         csrf: page.csrf)
        #expect(stale.status == 409 && stale.body.contains("sudah diubah petugas lain"))
        #expect(try scene.stored(id).meeting?.place == "Balai Warga RW 01")
    }

    @Test func scriptInTitleAndBodyIsEscapedOnEveryPage() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op = try scene.browser("op1")
        let title = "<script>alert(\"judul\")</script> & rapat"
        let id = try scene.created(op, AnnouncementScene.meeting(title: title, place: "<b>Aula</b>", body: "<script>alert(1)</script>\nbaris kedua",
                                                                 action: "umumkan"))
        let visitor = world.browser(address: "10.0.9.8:1")
        for path in ["/pengumuman/\(id)", "/pengumuman", "/jadwal", "/", "/kerja/pengumuman/\(id)"] {
            let body = (path.hasPrefix("/kerja") ? try op.get(path) : try visitor.get(path)).body
            #expect(!body.contains("<script>") && !body.contains("<b>Aula"), "\(path)")
            #expect(body.contains("&lt;script&gt;alert(&quot;judul&quot;)&lt;/script&gt; &amp; rapat"), "\(path)")
        }
        let page = try visitor.get("/pengumuman/\(id)").body
        #expect(page.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>baris kedua</p>"))
        // The feeds carry the text itself, escaped for their own syntax.
        let atom = try AtomDocument(try visitor.get("/pengumuman.atom").bytes)
        #expect(atom.entries.first?.title == title && atom.entries.first?.content?.contains("<script>alert(1)</script>\nbaris kedua") == true)
        #expect(try !visitor.get("/pengumuman.atom").body.contains("<script>"))
        let calendar = try StrictICalendar(try visitor.get("/jadwal.ics").bytes)
        #expect(try calendar.events.first?.text("SUMMARY") == title && calendar.events.first?.text("LOCATION") == "<b>Aula</b>")
    }

    @Test func theListFiltersByAreaAndKindInPagesAndLinksItsFeed() throws {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let bappeda = try scene.browser("bappeda")
        for index in 1...22 {
            _ = try scene.created(bappeda, [("jenis", "berita"), ("judul", "Berita kota \(index)"), ("isi", "Isi \(index)."), ("wilayah", "kota"),
                                            ("aksi", "umumkan")])
            world.clock.advance(60)
        }
        _ = try scene.created(bappeda, AnnouncementScene.meeting(title: "Rapat Cempaka Putih", action: "umumkan") + [("wilayah", scene.cempakaPutih.text)])
        let visitor = world.browser(address: "10.0.9.9:1")
        let first = try visitor.get("/pengumuman")
        #expect(first.body.contains("23 pengumuman.") && first.body.contains("Rapat Cempaka Putih") && first.body.contains("Berita kota 22"))
        #expect(first.body.contains("href=\"/pengumuman?halaman=2\"") && !first.body.contains("Berita kota 3<"))
        #expect(first.body.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
        let second = try visitor.get("/pengumuman?halaman=2")
        #expect(second.body.contains("Berita kota 3<") && second.body.contains("Berita kota 1<") && !second.body.contains("Berita kota 22"))
        let kecamatan = try visitor.get("/pengumuman?wilayah=\(scene.ciputatTimur.text)")
        #expect(kecamatan.body.contains("1 pengumuman untuk Kecamatan Ciputat Timur.") && kecamatan.body.contains("Rapat Cempaka Putih"))
        #expect(kecamatan.body.contains("href=\"/pengumuman.atom?wilayah=kecamatan:\(world.kecamatan)\""))
        let news = try visitor.get("/pengumuman?jenis=berita&wilayah=")
        #expect(news.body.contains("22 pengumuman.") && !news.body.contains("Rapat Cempaka Putih"))
        #expect(try visitor.get("/pengumuman?wilayah=kelurahan:999").status == 404)
        #expect(try visitor.get("/pengumuman?jenis=rahasia").status == 404)
        let schedule = try visitor.get("/jadwal?wilayah=\(scene.cempakaPutih.text)")
        #expect(schedule.body.contains("<link rel=\"alternate\" type=\"text/calendar\"") && schedule.body.contains("Rapat Cempaka Putih"))
        #expect(schedule.body.contains("href=\"/jadwal.ics?wilayah=kelurahan:\(scene.otherKelurahan)\"") && schedule.body.contains("Tahapan Musrenbang 2027"))
        #expect(try !visitor.get("/jadwal?wilayah=\(scene.pondokKarya.text)").body.contains("Rapat Cempaka Putih"))
    }
}
