import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// The CSV import at /kerja/impor over the in-process HTTP: the template, the preview with every error by line and
/// column, the confirmation that stores every row or none, and the held file bound to its session.
@Suite("CSV import at /kerja/impor")
struct ProposalImportTests {
    static let header = "rw;rt;nama_pengusul;kegiatan;volume;judul;permasalahan;keluaran;hasil;lokasi;lintang;bujur;penerima_manfaat"

    /// `count` rows of RT 01 or 02 / RW 01 (line n+1 holds row n), `;`-separated with a BOM and CRLF as Excel saves it;
    /// `row` may replace a row's text.
    static func file(_ count: Int, row: (Int, String) -> String = { _, text in text }) -> [UInt8] {
        var lines = [header]
        for n in 1...count {
            let kegiatan = n % 2 == 0 ? "JL-01" : "penerangan JALAN umum"          // by code, or by name in any case
            lines.append(row(n, "1;\(n % 2 + 1);Warga \(n);\(kegiatan);\(n % 50 + 1);Usulan nomor \(n);\"Masalah; \"\"mendesak\"\"\";;;Gang \(n);;;\(n)"))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func upload(_ browser: TestBrowser, _ bytes: [UInt8], name: String = "usulan.csv") throws -> TestBrowser.Page {
        let form = try browser.get("/kerja/impor")
        return try browser.postMultipart("/kerja/impor", [], files: [MultipartFile(field: "berkas", fileName: name, contentType: "text/csv",
                                                                                      bytes: bytes)], csrf: form.csrf)
    }

    @Test func theTemplateIsWhatExcelSavesAndNamesEveryColumn() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let template = try op.get("/kerja/impor/template.csv")
        #expect(template.status == 200 && template.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(template.headers["Content-Disposition"]?.contains("attachment") == true)
        #expect(Array(template.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let table = try CSVTable.parse(template.bytes)
        #expect(table.separator == UInt8(ascii: ";") && table.records[0].fields.joined(separator: ";") == Self.header)
        #expect(table.records.count == 2 && table.records[1].fields.count == 13)
        let page = try op.get("/kerja/impor")
        #expect(page.status == 200 && page.body.contains("<code>JL-01</code>") && page.body.contains("href=\"/kerja/impor/template.csv\""))
    }

    @Test func anErrorOnLine734Of1000LeavesNothingImportedAndNamesLine734() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        // Row 733 is on line 734 (the header is line 1).
        let bytes = Self.file(1000) { n, text in n == 733 ? text.replacingOccurrences(of: ";34;Usulan", with: ";tiga puluh;Usulan") : text }
        let preview = try Self.upload(op, bytes)
        #expect(preview.status == 422)
        #expect(preview.body.contains("Baris 734, kolom volume: Isi volume dengan angka bulat, misalnya 120."))
        #expect(preview.body.contains("Tidak ada yang diimpor. Perbaiki kesalahan ini di berkas, lalu unggah lagi."))
        // The faulty row in full and linked from the summary; the 999 others counted, a sample of 100 shown.
        #expect(preview.body.contains("href=\"#baris-734\"") && preview.body.contains("<tr id=\"baris-734\" class=\"has-error\">"))
        #expect(preview.body.contains("Baris bermasalah: <strong>1</strong>") && preview.body.contains("100 pertama dari 999"))
        #expect(preview.body.utf8.count < 100_000, "\(preview.body.utf8.count) bytes")
        #expect(preview.hidden("berkas_token") == nil && !preview.body.contains("Impor semua"))
        #expect(try scene.proposalCount() == 0)
    }

    @Test func aThousandRowsImportInOneTransactionOnce() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let preview = try Self.upload(op, Self.file(1000), name: "musrenbang-pk.csv")
        #expect(preview.status == 200 && preview.body.contains("1000 usulan siap diimpor"))
        #expect(preview.body.contains("<td>Usulan nomor 100</td>") && preview.body.contains("<td>RT 02/RW 01</td>"))
        #expect(!preview.body.contains("<td>Usulan nomor 101</td>") && !preview.body.contains("class=\"has-error\""))
        #expect(preview.body.contains("Baris usulan: <strong>1.000</strong>") && preview.body.contains("Baris bermasalah: <strong>0</strong>"))
        #expect(preview.body.contains("semua 1.000 baris yang siap ikut diperiksa dan diimpor"))
        let token = try #require(preview.hidden("berkas_token"))
        // Another session of the same operator cannot confirm it.
        let other = try scene.browser("op1", address: "10.0.1.3:1")
        let foreign = try other.post("/kerja/impor/konfirmasi", [("berkas_token", token)], csrf: try other.get("/kerja/impor").csrf)
        #expect(try foreign.status == 409 && (scene.proposalCount()) == 0)
        let done = try op.post("/kerja/impor/konfirmasi", [("berkas_token", token)], csrf: preview.csrf)
        #expect(done.status == 303 && done.location == "/kerja/impor")
        #expect(try scene.proposalCount() == 1000)
        let stored = try world.service.proposals(ProposalFilter(cycleId: scene.residents.cycleId))
        #expect(stored.allSatisfy { $0.state == ProposalState(.kelurahan, .verifikasi) && $0.proposerAccountId == nil })
        #expect(stored.first { $0.title == "Usulan nomor 2" }?.problem == "Masalah; \"mendesak\"")
        #expect(stored.first { $0.title == "Usulan nomor 1" }?.kamusId == scene.streetLight)
        #expect(stored.first { $0.title == "Usulan nomor 2" }?.origin.rtId == scene.residents.rt)   // RT 01 by its number
        #expect(stored.first { $0.title == "Usulan nomor 1" }?.origin.rtId != scene.residents.rt)   // RT 02
        let flash = try op.get("/kerja/impor")
        #expect(flash.body.contains("1.000 usulan dari musrenbang-pk.csv diimpor (TGS-2027-000001 sampai TGS-2027-001000)"))
        // Sent twice (the back button): the second finds the file gone and imports nothing.
        let again = try op.post("/kerja/impor/konfirmasi", [("berkas_token", token)], csrf: preview.csrf)
        #expect(try again.status == 409 && (scene.proposalCount()) == 1000)
    }

    /// The page budget (100 KB): a summary and a sample, not 1,000 table rows.
    @Test func thePreviewOfAThousandReadyRowsStaysUnder100KB() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let preview = try Self.upload(try scene.browser("op1"), Self.file(1000))
        #expect(preview.status == 200 && preview.hidden("berkas_token") != nil)
        #expect(preview.body.utf8.count < 100_000, "\(preview.body.utf8.count) bytes")
        #expect(preview.body.components(separatedBy: "<tr><td class=\"num\">").count - 1 == ImportPreviewRows.readyShown)
        #expect(preview.body.contains("Total biaya baris yang siap: <strong>Rp "))
    }

    @Test func commasQuotedLineBreaksAndEveryProblemOfTheFileByLineAndColumn() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let text = #"""
            rw,rt,nama_pengusul,kegiatan,volume,judul,permasalahan,lokasi,penerima_manfaat
            1,1,"Ani, Budi",JL-01,10,"Jalan ""utama""","Rusak
            sejak lama",Gang A,5
            9,1,Citra,JL-01,10,Jalan,Rusak,Gang B,5
            1,7,Dedi,XX-99,,Jalan,Rusak,Gang C,5
            ,,,,,,,,
            """#
        let preview = try Self.upload(op, Array(text.utf8))
        #expect(preview.status == 422)
        for expected in ["Baris 4, kolom RW: Kelurahan Pondok Karya tidak punya RW 09.",
                         "Baris 5, kolom RT: RW 01 tidak punya RT 07.",
                         "Baris 5, kolom kegiatan: Tidak ada kegiatan aktif dengan kode atau nama &quot;XX-99&quot; di kamus usulan.",
                         "Baris 5, kolom volume: Isi volume dengan angka bulat"] {
            #expect(preview.body.contains(expected), "\(expected)")
        }
        #expect(!preview.body.contains("Baris 2,") && !preview.body.contains("Baris 3,") && !preview.body.contains("Baris 6"))
        #expect(preview.body.contains("<td>Jalan &quot;utama&quot;</td>"))
        // A missing column and an unknown one are named before any row.
        let broken = try Self.upload(op, Array("rw;rt;judul;warna\n1;1;Jalan;merah\n".utf8))
        #expect(broken.status == 422 && broken.body.contains("Baris 1: Judul kolom &quot;warna&quot; tidak dikenal"))
        #expect(broken.body.contains("Baris 1, kolom volume: Kolom ini tidak ada di baris judul"))
        let unreadable = try Self.upload(op, Array("rw;rt\n1;\"2\n".utf8))
        #expect(unreadable.status == 422 && unreadable.body.contains("Baris 2: Tanda petik (&quot;) dibuka tetapi tidak ditutup."))
        #expect(try scene.proposalCount() == 0)
    }

    @Test func aRuleTheEngineAppliesAtConfirmationRollsBackEveryRow() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let preview = try Self.upload(op, Self.file(5))
        let token = try #require(preview.hidden("berkas_token"))
        // The pra-Musrenbang closes meanwhile (the preview was fine): the engine refuses the first row, nothing stays.
        try world.database.write { db in
            try db.execute("UPDATE stage_windows SET closes_at = ? WHERE stage = 'pra_musrenbang'",
                           [WIBTime.iso8601(WIBTime.date(year: 2026, month: 12, day: 3, hour: 8))])
        }
        let refused = try op.post("/kerja/impor/konfirmasi", [("berkas_token", token)], csrf: preview.csrf)
        #expect(refused.status == 422 && refused.body.contains("Baris 2: ") && refused.body.contains("Tidak ada yang diimpor"), "\(refused.status) \(refused.body.suffix(3000))")
        #expect(try scene.proposalCount() == 0)
    }
}

extension ProposalImportTests {
    @Test func aFileOverTheLimitIsRefusedWithoutAPageError() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let big = Array(repeating: UInt8(ascii: "a"), count: OperatorPaths.importMaxBytes + 1024)
        let refused = try Self.upload(op, big)
        #expect(refused.status == 413 || refused.status == 422, "\(refused.status)")
        #expect(try scene.proposalCount() == 0)
    }
}
