import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// The kelurahan meeting's work through HTTP: scoring and ranking, manual reorder with its reason, the allocation run,
/// the berita acara (lock, stale run, pending verification, the delegates' warning), its scan and its printable document.
@Suite struct MeetingWorkTests {
    @Test func scoresAreSavedAtOnceAndTheRankingIsShown() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let browser = try scene.browser("lurah.pk")
        let form = try browser.get("/kerja/penilaian")
        #expect(form.status == 200)
        for p in [scene.a, scene.b, scene.c] { #expect(form.body.contains(p.trackingCode.description)) }
        #expect(form.body.contains("Urgensi") && form.body.contains("bobot 3"))

        let saved = try browser.post("/kerja/penilaian", scene.scoreFields([(scene.a, ["5", "5"]), (scene.b, ["4", "3"]), (scene.c, ["2", "2"])])
                                     + [MeetingScene.state(form)], csrf: form.csrf)
        #expect(saved.status == 303)
        #expect(saved.location == "/kerja/penilaian#peringkat")
        #expect(try scene.current(scene.a).ranks[.kelurahan] == 1)
        #expect(try scene.current(scene.b).ranks[.kelurahan] == 2)
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 3)

        let page = try browser.get("/kerja/penilaian")
        #expect(page.body.contains("Nilai tersimpan. 3 usulan berperingkat."))
        // B: (3 x 4 + 2 x 3) / 5 = 3,60; the ranked list holds A, B, C in that order.
        #expect(page.body.contains("3,60") && page.body.contains("5,00"))
        let ranked = try #require(page.body.range(of: "id=\"peringkat\"")).upperBound
        let tail = page.body[ranked...]
        let positions = try [scene.a, scene.b, scene.c].map { try #require(tail.range(of: $0.trackingCode.description)).lowerBound }
        #expect(positions[0] < positions[1] && positions[1] < positions[2])
    }

    @Test func anInvalidScoreKeepsEveryAnswerAndSavesNothing() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let browser = try scene.browser("lurah.pk")
        let form = try browser.get("/kerja/penilaian")
        let refused = try browser.post("/kerja/penilaian", scene.scoreFields([(scene.a, ["5", "7"]), (scene.b, ["4", "x"]), (scene.c, ["2", "2"])])
                                       + [MeetingScene.state(form)], csrf: form.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("Ada yang perlu diperbaiki"))
        #expect(refused.body.contains("Isi nilai Penerima manfaat untuk \(scene.a.trackingCode.description) dengan angka 1 sampai 5."))
        #expect(refused.body.contains("Isi nilai Penerima manfaat untuk \(scene.b.trackingCode.description) dengan angka 1 sampai 5."))
        #expect(refused.body.contains("value=\"7\"") && refused.body.contains("value=\"x\""))
        #expect(try scene.current(scene.a).ranks[.kelurahan] == nil)
        #expect(try scene.current(scene.c).ranks[.kelurahan] == nil)
    }

    @Test func aManualMoveNeedsTheMeetingsReasonAndIsLogged() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        try scene.rankAndRun()
        let browser = try scene.browser("lurah.pk")
        let prefilled = try browser.get("/kerja/penilaian?pindah=\(scene.c.id.rawValue)&ke=2")
        #expect(prefilled.body.contains("<option value=\"\(scene.c.id.rawValue)\" selected>"))
        #expect(prefilled.body.contains("id=\"posisi\" name=\"posisi\" type=\"number\" value=\"2\""))
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 3, "a GET moves nothing")

        let noReason = try browser.post("/kerja/penilaian/urutan", [("usulan", String(scene.c.id.rawValue)), ("posisi", "1"), ("alasan", "  "),
                                                                      MeetingScene.state(prefilled)],
                                        csrf: prefilled.csrf)
        #expect(noReason.status == 422)
        #expect(noReason.body.contains("Tulis alasan musyawarah mengubah urutan"))
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 3)

        let moved = try browser.post("/kerja/penilaian/urutan", [("usulan", String(scene.c.id.rawValue)), ("posisi", "1"),
                                                                 ("alasan", "Genangan membahayakan anak sekolah."),
                                                                 MeetingScene.state(prefilled)], csrf: prefilled.csrf)
        #expect(moved.status == 303)
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 1)
        #expect(try scene.current(scene.a).ranks[.kelurahan] == 2)
        let history = try world.database.read { db in try EventRepository(db).history(of: scene.c.id) }
        #expect(history.last?.action == .ubahPeringkat && history.last?.note == "Genangan membahayakan anak sekolah.")
        #expect(try browser.get("/kerja/penilaian").body.contains("dipindahkan ke peringkat 1"))

        // Saving scores now must say that it replaces the manual order, and needs its reason.
        let form = try browser.get("/kerja/penilaian")
        let fields = scene.scoreFields([(scene.a, ["5", "5"]), (scene.b, ["4", "4"]), (scene.c, ["3", "3"])]) + [MeetingScene.state(form)]
        let refused = try browser.post("/kerja/penilaian", fields, csrf: form.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("Urutan sudah diubah manual oleh musyawarah"))
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 1)
        let reset = try browser.post("/kerja/penilaian", fields + [("atur_ulang", "1"), ("alasan_atur_ulang", "Musyawarah kembali ke nilai.")],
                                     csrf: form.csrf)
        #expect(reset.status == 303)
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 3)
    }

    @Test func aSaveOrAMoveOnAPageSomeoneElseChangedIsRefusedNotOverwritten() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        try scene.rankAndRun()
        let browser = try scene.browser("lurah.pk")
        let loaded = try browser.get("/kerja/penilaian")
        // Meanwhile another member of the meeting moves C to the top.
        try world.service.reorder(.kelurahan(world.kelurahan), cycleId: scene.cycleId, moving: scene.c.id, to: 1, note: "Mendesak", by: scene.lurah)
        let save = try browser.post("/kerja/penilaian", scene.scoreFields([(scene.a, ["1", "1"]), (scene.b, ["1", "1"]), (scene.c, ["1", "1"])])
                                    + [("atur_ulang", "1"), ("alasan_atur_ulang", "Ulang"), MeetingScene.state(loaded)], csrf: loaded.csrf)
        #expect(save.status == 409)
        #expect(save.body.contains("sudah diubah orang lain sejak halaman ini dimuat"))
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 1, "the other person's move stands")
        #expect(try scene.current(scene.a).scores[.kelurahan] == 5000, "no score was overwritten")
        let move = try browser.post("/kerja/penilaian/urutan", [("usulan", String(scene.a.id.rawValue)), ("posisi", "1"), ("alasan", "Kembali"),
                                                                MeetingScene.state(loaded)], csrf: loaded.csrf)
        #expect(move.status == 409)
        #expect(try scene.current(scene.a).ranks[.kelurahan] == 2)
        // Loaded again, the same move goes through.
        let fresh = try browser.get("/kerja/penilaian")
        let again = try browser.post("/kerja/penilaian/urutan", [("usulan", String(scene.a.id.rawValue)), ("posisi", "1"), ("alasan", "Kembali"),
                                                                 MeetingScene.state(fresh)], csrf: fresh.csrf)
        #expect(again.status == 303)
        #expect(try scene.current(scene.a).ranks[.kelurahan] == 1)
    }

    @Test func theAllocationShowsF1AndF2WithinTheCeilingAndCanBeRunAgain() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let browser = try scene.browser("lurah.pk")
        let before = try browser.get("/kerja/alokasi")
        #expect(before.status == 200)
        #expect(before.body.contains("Alokasi belum pernah dijalankan"))
        // Unranked candidates: the engine's rule in words, nothing stored.
        let unranked = try browser.post("/kerja/alokasi", [], csrf: before.csrf)
        #expect(unranked.status == 422)
        #expect(unranked.body.contains("belum memiliki peringkat"))

        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for (p, s) in [(scene.a, 5), (scene.b, 4), (scene.c, 3)] { scores[p.id] = Dictionary(uniqueKeysWithValues: scene.criteria.map { ($0.id, s) }) }
        try world.service.rank(.kelurahan(world.kelurahan), cycleId: scene.cycleId, scores: scores, by: scene.lurah)
        let run = try browser.post("/kerja/alokasi", [], csrf: before.csrf)
        #expect(run.status == 303)
        let page = try browser.get("/kerja/alokasi")
        #expect(page.body.contains("2 usulan didanai (F1), 1 diteruskan (F2), sisa pagu Rp 1.000.000"))
        #expect(!page.body.contains("Data berubah sejak"), "a run that is still true has no warning")
        #expect(page.body.contains("Pagu</dt><dd>Rp 10.000.000"))
        #expect(page.body.contains("Terpakai (F1, 2 usulan)</dt><dd>Rp 9.000.000"))
        let f1 = try #require(page.body.range(of: "id=\"f1\"")).upperBound
        let f2 = try #require(page.body.range(of: "id=\"f2\"")).upperBound
        let funded = page.body[f1..<f2], passed = page.body[f2...]
        #expect(funded.contains(scene.a.trackingCode.description) && funded.contains(scene.b.trackingCode.description))
        #expect(passed.contains(scene.c.trackingCode.description) && !funded.contains(scene.c.trackingCode.description))
        #expect(passed.contains("melebihi sisa pagu: sisa Rp 1.000.000, biaya Rp 3.000.000"))
        // Nothing moves before the berita acara; a second run is stored and shown.
        #expect(try scene.current(scene.a).state == ProposalState(.kelurahan, .diterima))
        _ = try browser.post("/kerja/alokasi", [], csrf: before.csrf)
        let latest = try world.service.latestAllocationRun(.kelurahan(world.kelurahan), cycleId: scene.cycleId, viewer: .actor(scene.lurah))
        #expect(try browser.get("/kerja/alokasi").body.contains("Hasil alokasi nomor \(latest.runId)"))
    }

    /// Issue 9: the allocation shows the group shares the run used (here fisik at most 50% of Rp 10.000.000).
    @Test func theAllocationShowsTheGroupSharesItUsed() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        _ = try world.service.setGroupShares(cycleId: scene.cycleId, level: .kelurahan,
                                             shares: [GroupShare(group: .fisik, capBasisPoints: 5_000)], by: scene.bappeda)
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for (p, s) in [(scene.a, 5), (scene.b, 4), (scene.c, 3)] { scores[p.id] = Dictionary(uniqueKeysWithValues: scene.criteria.map { ($0.id, s) }) }
        try world.service.rank(.kelurahan(world.kelurahan), cycleId: scene.cycleId, scores: scores, by: scene.lurah)
        let browser = try scene.browser("lurah.pk")
        #expect(try browser.post("/kerja/alokasi", [], csrf: try browser.get("/kerja/alokasi").csrf).status == 303)
        let page = try browser.get("/kerja/alokasi")
        // A (Rp 4.000.000) fits the fisik share; B (Rp 5.000.000) and C (Rp 3.000.000) would take it over Rp 5.000.000.
        #expect(page.body.contains("1 usulan didanai (F1), 2 diteruskan (F2)"))
        #expect(page.body.contains("<caption>Porsi kelompok</caption>"))
        #expect(page.body.contains("<span class=\"cell-label\">Porsi </span>Rp 5.000.000</td><td class=\"num\"><span class=\"cell-label\">Terpakai </span>Rp 4.000.000</td>"))
    }

    @Test func theBeritaAcaraAppliesTheReviewedRunAndLocksTheLevel() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let runId = try scene.rankAndRun()
        let browser = try scene.browser("lurah.pk")
        let form = try browser.get("/kerja/berita-acara")
        #expect(form.status == 200)
        #expect(form.body.contains("name=\"alokasi\" value=\"\(runId)\""))
        let signed = try browser.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: runId), csrf: form.csrf)
        #expect(signed.status == 303)
        #expect(try scene.kelurahanLocked())
        #expect(try scene.current(scene.a).state == ProposalState(.kelurahan, .didanai))
        #expect(try scene.current(scene.b).state == ProposalState(.kelurahan, .didanai))
        #expect(try scene.current(scene.c).state == ProposalState(.kecamatan, .verifikasi))
        let details = try #require(try world.service.beritaAcaraDetails(.kelurahan(world.kelurahan), cycleId: scene.cycleId,
                                                                        viewer: .actor(scene.lurah)))
        #expect(details.place == "Aula Kelurahan Pondok Karya" && details.chair == "H. Ahmad Lurah")
        #expect(details.meetingDate.displayText == "8 Desember 2026")
        #expect(details.delegates == [Delegate(name: "Siti Aminah", gender: .perempuan), Delegate(name: "Budi Santoso", gender: .lakiLaki)])

        let page = try browser.get("/kerja/berita-acara")
        #expect(page.body.contains("ditandatangani dan dikunci"))
        #expect(page.body.contains("050/01/BA-MUS/2027") && page.body.contains("Siti Aminah"))
        // Locked: scoring and allocation offer no form, and the engine refuses a run.
        let scoring = try browser.get("/kerja/penilaian")
        #expect(scoring.body.contains("Berita acara sudah ditandatangani") && !scoring.body.contains("Simpan semua nilai"))
        let again = try browser.post("/kerja/alokasi", [], csrf: page.csrf)
        #expect(again.status == 409)
        #expect(again.body.contains("sudah dikunci dengan berita acara"))
    }

    @Test func theBeritaAcaraRefusesARunThatIsNoLongerTheLatestOrNoLongerTrue() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let first = try scene.rankAndRun()
        let browser = try scene.browser("lurah.pk")
        let form = try browser.get("/kerja/berita-acara")
        let second = try world.service.runAllocation(.kelurahan(world.kelurahan), cycleId: scene.cycleId, by: scene.lurah).runId
        let stale = try browser.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: first), csrf: form.csrf)
        #expect(stale.status == 409)
        #expect(stale.body.contains("ada hasil alokasi yang lebih baru, nomor \(second)"))
        #expect(stale.body.contains("Jalankan alokasi lagi"))
        #expect(stale.body.contains("value=\"Aula Kelurahan Pondok Karya\""), "the answers are kept")
        #expect(try !scene.kelurahanLocked())

        // The ranks changed after the latest run: refused, nothing moved.
        try world.service.reorder(.kelurahan(world.kelurahan), cycleId: scene.cycleId, moving: scene.c.id, to: 1, note: "Mendesak", by: scene.lurah)
        let warned = try browser.get("/kerja/berita-acara")
        #expect(warned.body.contains("Data berubah sejak alokasi nomor \(second) dijalankan"))
        #expect(warned.body.contains("peringkat 3 usulan berubah"))
        #expect(try browser.get("/kerja/alokasi").body.contains("peringkat 3 usulan berubah"))
        let changed = try browser.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: second), csrf: form.csrf)
        #expect(changed.status == 409)
        #expect(changed.body.contains("peringkat 3 usulan berubah"))
        #expect(try !scene.kelurahanLocked())
        #expect(try scene.current(scene.a).state == ProposalState(.kelurahan, .diterima))
    }

    @Test func theBeritaAcaraRefusesWhileAProposalWaitsForVerification() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let pending = try scene.pendingProposal("Lampu jalan")
        let runId = try scene.rankAndRun()
        let browser = try scene.browser("lurah.pk")
        let form = try browser.get("/kerja/berita-acara")
        let refused = try browser.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: runId), csrf: form.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("Masih ada 1 usulan menunggu keputusan Musrenbang kelurahan (\(pending.trackingCode.description))"))
        #expect(try !scene.kelurahanLocked())
    }

    @Test func theFormWarnsWhenNoWomanIsAmongTheDelegatesAndKeepsEveryAnswer() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let runId = try scene.rankAndRun()
        let browser = try scene.browser("lurah.pk")
        let form = try browser.get("/kerja/berita-acara")
        let men: [(String, String)] = [("document_number", "050/02/BA"), ("meeting_date", "2026-12-08"), ("place", "Aula"), ("chair", "H. Ahmad"),
                                       ("delegate_name_1", "Budi"), ("delegate_gender_1", "laki_laki"), ("alokasi", String(runId))]
        let warned = try browser.post("/kerja/berita-acara", men, csrf: form.csrf)
        #expect(warned.status == 422)
        #expect(warned.body.contains("Tidak ada perempuan di antara delegasi"))
        #expect(warned.body.contains("value=\"Budi\""))
        #expect(try !scene.kelurahanLocked())

        let empty = try browser.post("/kerja/berita-acara", [("meeting_date", "2026-13-40"), ("alokasi", String(runId))], csrf: form.csrf)
        #expect(empty.status == 422)
        for message in ["Isi nomor berita acara", "Isi tanggal musyawarah", "Isi tempat musyawarah", "Isi nama pimpinan musyawarah",
                        "Isi paling sedikit satu delegasi"] {
            #expect(empty.body.contains(message), "\(message)")
        }

        let confirmed = try browser.post("/kerja/berita-acara", men + [("tanpa_perempuan", "1")], csrf: form.csrf)
        #expect(confirmed.status == 303)
        #expect(try scene.kelurahanLocked())
        #expect(try browser.get("/kerja/berita-acara").body.contains("Tidak ada perempuan di antara delegasi."))
    }

    @Test func theSignedScanIsCheckedByItsBytesAndServedToTheMeetingOnly() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let browser = try scene.browser("lurah.pk")
        let early = try browser.get("/kerja/berita-acara")
        let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
        let tooEarly = try browser.postMultipart("/kerja/berita-acara/pindaian", [],
                                                 files: [MultipartFile(field: "pindaian", fileName: "ba.pdf", contentType: "application/pdf", bytes: pdf)],
                                                 csrf: early.csrf)
        #expect(tooEarly.status == 422)
        #expect(tooEarly.body.contains("berita acara belum ditandatangani"))

        let runId = try scene.rankAndRun()
        _ = try browser.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: runId), csrf: early.csrf)
        let page = try browser.get("/kerja/berita-acara")
        let fake = try browser.postMultipart("/kerja/berita-acara/pindaian", [],
                                             files: [MultipartFile(field: "pindaian", fileName: "ba.pdf", contentType: "application/pdf",
                                                                   bytes: Array("bukan pdf".utf8))], csrf: page.csrf)
        #expect(fake.status == 422)
        #expect(fake.body.contains("hanya dokumen PDF, atau foto JPEG atau PNG"))
        #expect(try browser.get("/kerja/berita-acara/pindaian").status == 404)

        let stored = try browser.postMultipart("/kerja/berita-acara/pindaian", [],
                                               files: [MultipartFile(field: "pindaian", fileName: "ba.pdf", contentType: "application/pdf", bytes: pdf)],
                                               csrf: page.csrf)
        #expect(stored.status == 303)
        let file = try browser.get("/kerja/berita-acara/pindaian")
        #expect(file.status == 200 && file.bytes == pdf && file.headers["Content-Type"] == "application/pdf")
        #expect(try scene.browser("lurah.cp").get("/kerja/berita-acara/pindaian").status == 404)
    }

    @Test func thePrintableBeritaAcaraHoldsItsListsAndTheKecamatansPriorityListPerOPD() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let rejected = try scene.rejectedProposal("Gapura kelurahan", reason: "Bukan kewenangan kelurahan.")
        let runId = try scene.rankAndRun()
        let browser = try scene.browser("lurah.pk")
        #expect(try browser.get("/kerja/berita-acara/cetak").body.contains("DRAF - belum ditandatangani"))
        _ = try browser.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: runId), csrf: try browser.get("/kerja/berita-acara").csrf)

        let print = try browser.get("/kerja/berita-acara/cetak")
        #expect(print.status == 200)
        let body = print.body
        let f1 = try #require(body.range(of: "(F1)")).upperBound
        let f2 = try #require(body.range(of: "(F2)")).upperBound
        let ditolak = try #require(body.range(of: "ditolak, dengan alasannya")).upperBound
        #expect(body[f1..<f2].contains(scene.a.trackingCode.description) && body[f1..<f2].contains(scene.b.trackingCode.description))
        #expect(body[f2..<ditolak].contains(scene.c.trackingCode.description))
        #expect(body[ditolak...].contains(rejected.trackingCode.description) && body[ditolak...].contains("Bukan kewenangan kelurahan."))
        #expect(body.contains("050/01/BA-MUS/2027") && body.contains("Aula Kelurahan Pondok Karya") && body.contains("H. Ahmad Lurah"))
        #expect(body.contains("Siti Aminah") && body.contains("/css/site.css"))
        #expect(!body.contains("Tabel T-D.4"), "the priority list per OPD is the kecamatan's")

        // The kecamatan: C (passed up) is accepted, ranked, allocated and signed; its document has Tabel T-D.4.
        world.clock.set(MeetingScene.insideKecamatan)
        let c = try scene.current(scene.c)
        _ = try world.service.apply(.terima, to: .id(c.id), by: scene.camat, expectedVersion: c.version)
        let envelope = FundingEnvelope.kecamatan(world.kecamatan)
        try world.service.rank(envelope, cycleId: scene.cycleId, scores: [c.id: Dictionary(uniqueKeysWithValues: scene.criteria.map { ($0.id, 4) })],
                               by: scene.camat)
        let kecamatanRun = try world.service.runAllocation(envelope, cycleId: scene.cycleId, by: scene.camat).runId
        let camat = try scene.browser("camat.cpt")
        let signed = try camat.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: kecamatanRun, number: "050/KEC/2027"),
                                    csrf: try camat.get("/kerja/berita-acara").csrf)
        #expect(signed.status == 303)
        let kecamatanPrint = try camat.get("/kerja/berita-acara/cetak").body
        #expect(kecamatanPrint.contains("Tabel T-D.4"))
        for column in ["Prioritas", "Program/Kegiatan", "Lokasi", "Volume", "Pagu Indikatif", "Perangkat Daerah Penanggung Jawab"] {
            #expect(kecamatanPrint.contains(column), "\(column)")
        }
        #expect(kecamatanPrint.contains("Perangkat Daerah DPUPR") && kecamatanPrint.contains("Perbaikan jalan lingkungan")
                && kecamatanPrint.contains("3 paket") && kecamatanPrint.contains(c.trackingCode.description))
    }

    @Test func beforeSigningTheMeetingReadsTheDraftOfTheSameDocumentMarkedUnsigned() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let rejected = try scene.rejectedProposal("Gapura kelurahan", reason: "Bukan kewenangan kelurahan.")
        let browser = try scene.browser("lurah.pk")
        // No run yet: the draft says so and lists nothing funded.
        let empty = try browser.get("/kerja/berita-acara/cetak")
        #expect(empty.status == 200)
        #expect(empty.body.contains("DRAF - belum ditandatangani") && empty.body.contains("belum ada hasil alokasi"))

        let runId = try scene.rankAndRun()
        let form = try browser.get("/kerja/berita-acara")
        #expect(form.body.contains("href=\"/kerja/berita-acara/cetak\">Baca dan cetak draf berita acara"))
        let draft = try browser.get("/kerja/berita-acara/cetak")
        #expect(draft.status == 200)
        let body = draft.body
        #expect(body.contains("class=\"document draft\" data-mark=\"DRAF - belum ditandatangani\""))
        #expect(body.contains("Draf Berita Acara") && body.contains("hasil alokasi nomor \(runId)"))
        let lists = try Self.lists(body)
        #expect(lists.f1.contains(scene.a.trackingCode.description) && lists.f1.contains(scene.b.trackingCode.description))
        #expect(lists.f2.contains(scene.c.trackingCode.description) && !lists.f1.contains(scene.c.trackingCode.description))
        #expect(lists.rejected.contains(rejected.trackingCode.description) && lists.rejected.contains("Bukan kewenangan kelurahan."))
        #expect(!body.contains("Data berubah sejak"), "the run still holds")
        // Nothing was signed or applied by reading the draft.
        #expect(try !scene.kelurahanLocked())
        #expect(try scene.current(scene.a).state == ProposalState(.kelurahan, .diterima))

        // New ranks make the run stale: the draft says so on screen (not on paper).
        try world.service.reorder(.kelurahan(world.kelurahan), cycleId: scene.cycleId, moving: scene.c.id, to: 1, note: "Mendesak", by: scene.lurah)
        let stale = try browser.get("/kerja/berita-acara/cetak").body
        #expect(stale.contains("<div class=\"notice no-print\" role=\"status\"><h2>Data berubah sejak alokasi ini dijalankan"))
        #expect(stale.contains("peringkat 3 usulan berubah"))
        let rerun = try world.service.runAllocation(.kelurahan(world.kelurahan), cycleId: scene.cycleId, by: scene.lurah).runId
        let redrafted = try browser.get("/kerja/berita-acara/cetak").body
        #expect(redrafted.contains("hasil alokasi nomor \(rerun)") && !redrafted.contains("Data berubah sejak"))

        // Signed: the same lists, no draft marking, the number and the meeting's facts filled in.
        let signed = try browser.post("/kerja/berita-acara", scene.beritaAcaraFields(runId: rerun), csrf: form.csrf)
        #expect(signed.status == 303)
        let final = try browser.get("/kerja/berita-acara/cetak").body
        #expect(!final.contains("DRAF") && !final.contains("class=\"document draft\""))
        #expect(final.contains("050/01/BA-MUS/2027") && final.contains("Aula Kelurahan Pondok Karya"))
        #expect(try Self.lists(final) == Self.lists(redrafted), "the draft and the signed document list the same")
    }

    /// The berita acara document's three lists (F1, F2, rejected: up to the end of its table) as printed.
    private static func lists(_ body: String) throws -> (f1: Substring, f2: Substring, rejected: Substring) {
        let f1 = try #require(body.range(of: "(F1)")).upperBound
        let f2 = try #require(body.range(of: "(F2)")).upperBound
        let ditolak = try #require(body.range(of: "ditolak, dengan alasannya")).upperBound
        let end = body.range(of: "</table>", range: ditolak..<body.endIndex)?.upperBound ?? body.endIndex
        return (body[f1..<f2], body[f2..<ditolak], body[ditolak..<end])
    }
}
