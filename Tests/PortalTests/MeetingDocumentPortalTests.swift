import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// The kelurahan Musrenbang's documents at /kerja/dokumen over the in-process HTTP: upload, list, download by the staff
/// the engine lets read them, every error at once; and a file attached to one proposal by its code.
@Suite("Meeting documents at /kerja/dokumen")
struct MeetingDocumentPortalTests {
    @Test func theOperatorUploadsAndTheKelurahanStaffDownload() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let page = try op.get("/kerja/dokumen")
        #expect(page.status == 200 && page.body.contains("Belum ada dokumen Musrenbang kelurahan"))
        let uploaded = try op.postMultipart("/kerja/dokumen", [("jenis", "berita_acara"), ("judul", "Berita acara <Musrenbang> PK")],
                                            files: [MultipartFile(field: "berkas", fileName: "ba.pdf", contentType: "application/pdf",
                                                                  bytes: OperatorScene.pdf)], csrf: page.csrf)
        #expect(uploaded.status == 303 && uploaded.location == "/kerja/dokumen")
        let list = try op.get("/kerja/dokumen")
        #expect(list.body.contains("Dokumen &quot;Berita acara &lt;Musrenbang&gt; PK&quot; tersimpan."))
        #expect(list.body.contains("<td>Berita acara bertanda tangan</td>") && list.body.contains("<td>ba.pdf</td>"))
        let id: Int64 = try #require(try world.database.read { db in try db.scalar("SELECT id FROM meeting_documents") })
        #expect(list.body.contains("href=\"/kerja/dokumen/\(id)\""))
        let download = try op.get("/kerja/dokumen/\(id)")
        #expect(download.status == 200 && download.bytes == OperatorScene.pdf && download.headers["Content-Type"] == "application/pdf")
        #expect(download.headers["Content-Disposition"] == "attachment; filename=\"dokumen-\(id).pdf\"")
        #expect(download.headers["X-Content-Type-Options"] == "nosniff")
        #expect(try scene.browser("verif1", address: "10.0.2.1:1").get("/kerja/dokumen/\(id)").status == 200)
        #expect(try scene.browser("op2", address: "10.0.2.2:1").get("/kerja/dokumen/\(id)").status == 404)
        #expect(try scene.browser("ani", address: "10.0.2.3:1").get("/kerja/dokumen/\(id)").status == 404)
        #expect(try op.get("/kerja/dokumen/\(id + 1)").status == 404)
    }

    @Test func everyErrorOfAnUploadAtOnce() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let page = try op.get("/kerja/dokumen")
        let refused = try op.postMultipart("/kerja/dokumen", [("jenis", "daftar_hadir"), ("judul", " ")],
                                           files: [MultipartFile(field: "berkas", fileName: "x.gif", contentType: "image/gif",
                                                                 bytes: Array("GIF89a".utf8))], csrf: page.csrf)
        #expect(refused.status == 422 && refused.body.contains("id=\"judul-error\"") && refused.body.contains("id=\"berkas-error\">Berkas harus PDF"))
        #expect(refused.body.contains("<option value=\"daftar_hadir\" selected>"))
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM meeting_documents") as Int64? } == 0)
    }

    @Test func aFileForOneProposalByItsCode() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let form = try op.get("/kerja/formulir")
        #expect(try op.postMultipart("/kerja/formulir", PaperFormTests.answers(rt: scene.residents.rt, kamus: scene.residents.kamus),
                                     files: [PaperFormTests.scan()], csrf: form.csrf).status == 303)
        let paper = try #require(try world.service.proposals(ProposalFilter(cycleId: scene.residents.cycleId)).first)
        let own = try scene.residents.draft("Draf daring Ani", by: scene.residents.ani)
        let page = try op.get("/kerja/dokumen")
        func attach(_ code: String) throws -> TestBrowser.Page {
            try op.postMultipart("/kerja/dokumen/usulan", [("kode", code)],
                                 files: [MultipartFile(field: "lampiran", fileName: "lokasi.png", contentType: "image/png", bytes: OperatorScene.png)],
                                 csrf: page.csrf)
        }
        let done = try attach(paper.trackingCode.description.lowercased())
        #expect(try done.status == 303 && (op.get("/kerja/dokumen")).body.contains("Berkas lokasi.png dilampirkan ke usulan \(paper.trackingCode)."))
        #expect(try world.service.attachments(of: .id(paper.id), viewer: .actor(scene.operatorActor)).count == 2)
        // A resident's own online draft is not the operator's to touch; an unknown code is said so.
        let refused = try attach(own.trackingCode.description)
        #expect(refused.status == 422 && refused.body.contains("Tidak ada usulan \(own.trackingCode) di kelurahan Anda."))
        #expect(try attach("bukan kode").status == 422)
        let other = try scene.browser("op2", address: "10.0.2.4:1")
        let foreign = try other.postMultipart("/kerja/dokumen/usulan", [("kode", paper.trackingCode.description)],
                                              files: [MultipartFile(field: "lampiran", fileName: "x.png", contentType: "image/png",
                                                                    bytes: OperatorScene.png)], csrf: try other.get("/kerja/dokumen").csrf)
        #expect(try foreign.status == 422 && (world.service.attachments(of: .id(paper.id), viewer: .actor(scene.operatorActor)).count) == 2)
    }
}
