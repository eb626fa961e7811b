import Foundation
import Musrenbang
import Storage
import Testing
import TestSupport

/// The whole path of a piece of feedback over HTTP, against the real `musrenbang serve` on a real socket and file: a
/// visitor opens the form, is refused for sending too fast, sends it after a few seconds (the real clock), reads the
/// confirmation and the public page; the kelurahan's verifier finds it in the queue and answers; the answer is public;
/// the limit per address answers 429.
@Suite("Feedback over HTTP")
struct FeedbackHTTPTests {
    @Test func fromTheFormToThePublicAnswer() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-saran-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("saran.sqlite")
        let password = "kata-sandi-uji-123"
        let kelurahan: KelurahanID = try {
            let database = try Database(path: path)
            try Migrator(directory: ServedPortal.migrations).migrate(database)
            let service = try MusrenbangService(database: database, hasher: PasswordHasher(cost: 1))
            let kelurahan = try database.write { db in
                let wilayah = WilayahRepository(db)
                let kota = try wilayah.insertKota(code: "TGS", name: "Kota Tangerang Selatan")
                let kecamatan = try wilayah.insertKecamatan(kotaId: kota, code: "CPT", name: "Ciputat Timur")
                return try wilayah.insertKelurahan(kecamatanId: kecamatan, code: "PK", name: "Pondok Karya")
            }
            try service.createAccount(username: "lurah.pk", displayName: "Lurah Pondok Karya",
                                      roles: [try RoleAssignment(role: .verifikatorKelurahan, scope: .kelurahan(kelurahan))], password: password)
            return kelurahan
        }()

        let portal = try ServedPortal.start(database: path, arguments: ["--feedback-per-hour", "2"])
        defer { portal.stop() }
        let visitor = PortalClient(port: portal.port)
        let form = try visitor.get("/saran")
        #expect(form.status == 200)
        let token = try #require(form.hiddenValue("_csrf")), stamp = try #require(form.hiddenValue("cap"))
        let fields: [(String, String)] = [
            ("_csrf", token), ("cap", stamp), ("jenis", "pengaduan"), ("kategori", "infrastruktur"), ("wilayah", "kelurahan:\(kelurahan.rawValue)"),
            ("uraian", "Lampu jalan di Gang Kenanga mati sejak dua minggu."), ("nama", "Warga Rahasia"), ("kontak", "warga.rahasia@contoh.id"),
            ("situs", ""),
        ]
        // At once: a script's speed; the form comes back with its answers.
        let tooFast = try visitor.post("/saran", fields)
        #expect(tooFast.status == 422 && tooFast.body.contains("terlalu cepat") && tooFast.body.contains("Gang Kenanga"))
        Thread.sleep(forTimeInterval: 3.2)  // a person filling in the form (the server's real clock)
        let sent = try visitor.post("/saran", fields)
        #expect(sent.status == 303)
        let location = try #require(sent.header("location"))
        #expect(location.hasPrefix("/saran/terkirim/SRN-"))
        let code = String(location.dropFirst("/saran/terkirim/".count))
        let confirmation = try visitor.get(location)
        #expect(confirmation.status == 200 && confirmation.body.contains(code) && confirmation.body.contains("Kelurahan Pondok Karya"))
        let before = try visitor.get("/saran/\(code)")
        #expect(before.status == 200 && before.body.contains("Lampu jalan di Gang Kenanga") && before.body.contains("Belum dijawab"))

        let lurah = PortalClient(port: portal.port)
        #expect(try lurah.signIn("lurah.pk", password))
        let queue = try lurah.get("/kerja/saran")
        #expect(queue.status == 200 && queue.body.contains(code))
        let page = try lurah.get("/kerja/saran/\(code)")
        #expect(page.status == 200 && page.body.contains("Warga Rahasia") && page.body.contains("warga.rahasia@contoh.id"))
        let answered = try lurah.post("/kerja/saran/\(code)/jawab", [("_csrf", try #require(page.hiddenValue("_csrf"))),
                                                                    ("versi", try #require(page.hiddenValue("versi"))),
                                                                    ("jawaban", "Lampu sudah diganti oleh petugas PJU.")])
        #expect(answered.status == 303 && answered.header("location") == "/kerja/saran")

        let after = try visitor.get("/saran/\(code)")
        #expect(after.body.contains("Lampu sudah diganti oleh petugas PJU.") && after.body.contains("Dijawab"))
        for page in [before, after, confirmation, try visitor.get("/saran/daftar"), try visitor.get("/saran/statistik")] {
            #expect(!page.body.contains("Warga Rahasia") && !page.body.contains("warga.rahasia@contoh.id"))
        }
        #expect(try visitor.get("/saran/daftar").body.contains(code))

        // The limit of this server is 2 per address per hour: the second is taken, the third refused with 429.
        #expect(try visitor.post("/saran", fields).status == 303)
        let refused = try visitor.post("/saran", fields)
        #expect(refused.status == 429 && refused.header("retry-after") != nil && refused.body.contains("dalam satu jam terakhir"))
    }
}
