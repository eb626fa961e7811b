import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage
import Testing
import TestSupport

/// Every route the portal registers (GET and POST) for every kind of visitor, on an object in the visitor's scope and
/// one outside it: who gets the page, who is sent to sign in (303), who is refused (403), who is told nothing is there
/// (404), whose form is refused (422) or stale (409). A registered route without a row fails the test, and so does a
/// row whose pattern is no longer registered.
///
/// POSTs carry a valid CSRF token, so the status says who may act, not whether the token was right. Where a valid
/// body would change state for an allowed visitor, the row sends an incomplete one (a 422 after the authorization
/// check); rows on objects outside the visitor's scope send a complete body, and the test ends by checking that no
/// proposal, photo or pending photo changed.
@Suite struct RouteRoleMatrixTests {
    /// The visitors, in the order of every row's statuses: nobody; Ani (the proposer); Budi (another resident of the
    /// same RT); the Ketua RT 01 (Ani's RT); the Ketua RT 02 (another RT of the same RW); the Ketua RW 01; the
    /// kelurahan operator acting as operator.
    static let visitors: [(name: String, username: String?)] = [
        ("tamu", nil), ("ani", "ani"), ("budi", "budi"), ("rt01", "rt01"), ("rt02", "rt02"), ("rw01", "rw01"), ("op.pk", "op.pk"),
    ]

    /// A page of a workspace none of this table's visitors holds: sign in first, else refused.
    static let staffOnly = [303, 403, 403, 403, 403, 403, 403]

    /// A page of the kelurahan operator's desk: `status` for the operator, refused for everyone else.
    static func operatorOnly(_ status: Int) -> [Int] { [303, 403, 403, 403, 403, 403, status] }

    struct Row {
        let method: HTTPMethod
        /// The registered pattern this row exercises.
        let pattern: String
        let target: String
        let fields: [(String, String)]
        /// One status per visitor, in the order of `visitors`.
        let statuses: [Int]

        static func get(_ pattern: String, _ target: String, _ statuses: [Int]) -> Row {
            Row(method: .get, pattern: pattern, target: target, fields: [], statuses: statuses)
        }

        static func post(_ pattern: String, _ target: String, _ fields: [(String, String)], _ statuses: [Int]) -> Row {
            Row(method: .post, pattern: pattern, target: target, fields: fields, statuses: statuses)
        }

        /// A POST with nothing but the CSRF token.
        static func post(_ pattern: String, _ target: String, _ statuses: [Int]) -> Row {
            Row(method: .post, pattern: pattern, target: target, fields: [], statuses: statuses)
        }
    }

    /// The objects of the table: Ani's submitted proposal with a photo (RT 01, waiting for the Ketua RT), Ani's draft,
    /// Citra's submitted proposal with a photo in RW 02 (outside every head's area but the operator's kelurahan), and
    /// a photo Ani uploaded with a form not saved yet.
    struct Objects {
        let submitted: Proposal
        let draft: Proposal
        let elsewhere: Proposal
        let photo: ProposalPhotoID
        let elsewherePhoto: ProposalPhotoID
        let pending: PendingPhotoID
        /// Feedback about Pondok Karya (the operator's unit) with a photo, and feedback about the Musrenbang process
        /// (Bappeda's).
        let feedback: FeedbackItem
        let elsewhereFeedback: FeedbackItem
    }

    static func objects(_ world: PortalWorld, _ scene: ResidentScene) throws -> Objects {
        let service = world.service
        let image = try TestPhotos.jpeg(width: 640, height: 480)
        var submitted = try scene.draft("Saluran Gang Melati", by: scene.ani)
        let photo = try service.addPhoto(to: .id(submitted.id), fileName: "saluran.jpg", bytes: image, by: scene.ani)
        submitted = try service.apply(.ajukan, to: .id(submitted.id), by: scene.ani, expectedVersion: submitted.version)
        let draft = try scene.draft("Lampu Gang Mawar", by: scene.ani)
        let (rw2, rt2) = try world.database.write { db in
            let wilayah = WilayahRepository(db)
            let rw = try wilayah.insertRW(kelurahanId: world.kelurahan, number: 2)
            return (rw, try wilayah.insertRT(rwId: rw, number: 1))
        }
        var new = NewProposal(origin: Origin(kecamatanId: world.kecamatan, kelurahanId: world.kelurahan, rwId: rw2, rtId: rt2),
                              proposerAccountId: scene.citra.accountId, proposerName: "Citra Lestari", title: "Taman RW 02",
                              problem: "Tidak ada ruang bermain.", kamusId: scene.kamus, volume: 10, locationText: "Jalan Kenanga",
                              beneficiaries: 40)
        new.content.expectedOutput = "Taman kecil"
        var elsewhere = try service.create(new, cycleId: scene.cycleId, by: scene.citra)
        let elsewherePhoto = try service.addPhoto(to: .id(elsewhere.id), fileName: "taman.jpg", bytes: image, by: scene.citra)
        elsewhere = try service.apply(.ajukan, to: .id(elsewhere.id), by: scene.citra, expectedVersion: elsewhere.version)
        let pending = try service.addPendingPhoto(formToken: SessionToken.make(), fileName: "baru.jpg", bytes: image, by: scene.ani)
        let feedback = try service.submitFeedback(NewFeedback(kind: .pengaduan, category: .infrastruktur, area: .kelurahan(world.kelurahan),
                                                              text: "Jalan Gang Melati berlubang.", senderName: "Rahasia"),
                                                  photo: try ProposalPhotoRules.check(image, fileName: "jalan.jpg"))
        let elsewhereFeedback = try service.submitFeedback(NewFeedback(kind: .saran, category: .musrenbang, area: .kota,
                                                                       text: "Umumkan jadwal musyawarah lebih awal."))
        return Objects(submitted: submitted, draft: draft, elsewhere: elsewhere, photo: photo.id, elsewherePhoto: elsewherePhoto.id,
                       pending: pending.id, feedback: feedback, elsewhereFeedback: elsewhereFeedback)
    }

    static func rows(_ objects: Objects) -> [Row] {
        let p1 = objects.submitted.trackingCode.description, p1v = String(objects.submitted.version)
        let d1 = objects.draft.trackingCode.description
        let p2 = objects.elsewhere.trackingCode.description, p2v = String(objects.elsewhere.version)
        let photo = objects.photo.rawValue, elsewherePhoto = objects.elsewherePhoto.rawValue
        let f1 = objects.feedback.code.description, f2 = objects.elsewhereFeedback.code.description
        let complete: [(String, String)] = [("kamus", "1"), ("volume", "5"), ("title", "Judul"), ("problem", "Masalah"), ("location", "Gang"),
                                            ("beneficiaries", "5"), ("aksi", "draf")]
        //                                                                   tamu  ani  budi rt01 rt02 rw01 op
        return [
            .get("/", "/", [200, 200, 200, 200, 200, 200, 200]),
            .get("/masuk", "/masuk", [200, 303, 303, 303, 303, 303, 303]),
            // The public recap and ceilings: anyone (read as the public); Bappeda's recap: none of this table's visitors.
            .get("/rekap", "/rekap", [200, 200, 200, 200, 200, 200, 200]),
            .get("/rekap/cetak", "/rekap/cetak", [200, 200, 200, 200, 200, 200, 200]),
            .get("/pagu", "/pagu", [200, 200, 200, 200, 200, 200, 200]),
            .get("/kerja/rekap", "/kerja/rekap", Self.staffOnly),
            .get("/kerja/rekap/cetak", "/kerja/rekap/cetak", Self.staffOnly),
            // Sign-in with nothing filled in: the form again, for anyone.
            .post("/masuk", "/masuk", [422, 422, 422, 422, 422, 422, 422]),
            .post("/keluar", "/keluar", [303, 303, 303, 303, 303, 303, 303]),
            .get("/daftar", "/daftar", [200, 303, 303, 303, 303, 303, 303]),
            .post("/daftar", "/daftar", [422, 303, 303, 303, 303, 303, 303]),
            .get("/peran", "/peran", [303, 200, 200, 200, 200, 200, 200]),
            .post("/peran", "/peran", [303, 422, 422, 422, 422, 422, 422]),
            .get("/usulan/baru", "/usulan/baru", [303, 200, 200, 403, 403, 403, 403]),
            .post("/usulan/baru", "/usulan/baru", [303, 422, 422, 403, 403, 403, 403]),
            .get("/usulan/baru/terkirim/:kode", "/usulan/baru/terkirim/\(p1)", [303, 200, 404, 403, 403, 403, 403]),
            .get("/usulan/baru/terkirim/:kode", "/usulan/baru/terkirim/\(p2)", [303, 404, 404, 403, 403, 403, 403]),
            .get("/usulan/:kode/ubah", "/usulan/\(d1)/ubah", [303, 200, 404, 403, 403, 403, 403]),
            .get("/usulan/:kode/ubah", "/usulan/\(p1)/ubah", [303, 409, 404, 403, 403, 403, 403]),
            .get("/usulan/:kode/ubah", "/usulan/\(p2)/ubah", [303, 404, 404, 403, 403, 403, 403]),
            .post("/usulan/:kode/ubah", "/usulan/\(d1)/ubah", [("aksi", "periksa")], [303, 422, 404, 403, 403, 403, 403]),
            .post("/usulan/:kode/ubah", "/usulan/\(p2)/ubah", complete + [("versi", p2v)], [303, 404, 404, 403, 403, 403, 403]),
            // Removing a photo through the edit form: only the owner, only a photo of that proposal.
            .post("/usulan/:kode/ubah", "/usulan/\(d1)/ubah", [("hapus_lampiran", String(photo))], [303, 404, 404, 403, 403, 403, 403]),
            .post("/usulan/:kode/ubah", "/usulan/\(p2)/ubah", [("hapus_lampiran", String(elsewherePhoto))],
                  [303, 404, 404, 403, 403, 403, 403]),
            .get("/usulan/saya", "/usulan/saya", [303, 200, 200, 403, 403, 403, 403]),
            .get("/usulan/saya/:kode", "/usulan/saya/\(p1)", [303, 200, 404, 403, 403, 403, 403]),
            .get("/usulan/saya/:kode", "/usulan/saya/\(p2)", [303, 404, 404, 403, 403, 403, 403]),
            .post("/usulan/saya/:kode/ajukan", "/usulan/saya/\(p1)/ajukan", [303, 422, 404, 403, 403, 403, 403]),
            .post("/usulan/saya/:kode/ajukan", "/usulan/saya/\(p2)/ajukan", [("versi", p2v)], [303, 404, 404, 403, 403, 403, 403]),
            .post("/usulan/saya/:kode/bawa", "/usulan/saya/\(p1)/bawa", [303, 422, 404, 403, 403, 403, 403]),
            .post("/usulan/saya/:kode/bawa", "/usulan/saya/\(p2)/bawa", [("versi", p2v)], [303, 404, 404, 403, 403, 403, 403]),
            // The public page of a proposal reads as the public for everyone: nothing is published during the
            // pra-Musrenbang, so a submitted proposal, a draft and an unknown code are the same 404 (published ones:
            // PublicProposalTests).
            .get("/usulan/:kode", "/usulan/\(p1)", [404, 404, 404, 404, 404, 404, 404]),
            .get("/usulan/:kode", "/usulan/\(d1)", [404, 404, 404, 404, 404, 404, 404]),
            .get("/usulan/:kode", "/usulan/TGS-2027-999999", [404, 404, 404, 404, 404, 404, 404]),
            .get("/lacak", "/lacak", [200, 200, 200, 200, 200, 200, 200]),
            // The public list answers everyone alike (nothing is published yet; PublicBrowseTests has the rest).
            .get("/usulan", "/usulan?q=jalan&kecamatan=bukan", [200, 200, 200, 200, 200, 200, 200]),
            .get("/lacak", "/lacak?kode=\(p1)", [404, 404, 404, 404, 404, 404, 404]),
            .get("/lacak", "/lacak?kode=bukan-kode", [422, 422, 422, 422, 422, 422, 422]),
            // Open data: public to everyone, whoever is signed in; nothing is published during the pra-Musrenbang, so the
            // exports hold only their headers, the ratified lists have no published cycle, no envelope has a public result
            // (published ones: OpenDataTests).
            .get("/data", "/data", [200, 200, 200, 200, 200, 200, 200]),
            .get("/data/usulan.csv", "/data/usulan.csv", [200, 200, 200, 200, 200, 200, 200]),
            .get("/data/usulan.csv", "/data/usulan.csv?siklus=2027", [404, 404, 404, 404, 404, 404, 404]),
            .get("/data/usulan.json", "/data/usulan.json", [200, 200, 200, 200, 200, 200, 200]),
            .get("/data/pagu.csv", "/data/pagu.csv?siklus=2027", [200, 200, 200, 200, 200, 200, 200]),
            .get("/data/tabel-td4.csv", "/data/tabel-td4.csv", [404, 404, 404, 404, 404, 404, 404]),
            .get("/data/sipd-usulan.csv", "/data/sipd-usulan.csv", [404, 404, 404, 404, 404, 404, 404]),
            .get("/data/pabulib/:berkas", "/data/pabulib/2027-kelurahan-1.pb", [404, 404, 404, 404, 404, 404, 404]),
            .get("/kerja/persetujuan", "/kerja/persetujuan", [303, 403, 403, 200, 200, 200, 403]),
            // Several at once without a decision: the list again (422) for a head.
            .post("/kerja/persetujuan", "/kerja/persetujuan", [("pilih", "\(p1)@\(p1v)")], [303, 403, 403, 422, 422, 422, 403]),
            // A complete decision on a proposal outside every head's area: back to the list, the proposal untouched.
            .post("/kerja/persetujuan", "/kerja/persetujuan", [("pilih", "\(p2)@\(p2v)"), ("keputusan", "setujui")],
                  [303, 403, 403, 303, 303, 303, 403]),
            .get("/kerja/persetujuan/:kode", "/kerja/persetujuan/\(p1)", [303, 403, 403, 200, 404, 200, 403]),
            .get("/kerja/persetujuan/:kode", "/kerja/persetujuan/\(p2)", [303, 403, 403, 404, 404, 404, 403]),
            .post("/kerja/persetujuan/:kode", "/kerja/persetujuan/\(p1)", [("versi", p1v)], [303, 403, 403, 422, 404, 422, 403]),
            .post("/kerja/persetujuan/:kode", "/kerja/persetujuan/\(p2)", [("versi", p2v), ("keputusan", "setujui")],
                  [303, 403, 403, 404, 404, 404, 403]),
            .get("/foto/:id", "/foto/\(photo)", [404, 200, 404, 200, 404, 200, 200]),
            .get("/foto/:id", "/foto/\(elsewherePhoto)", [404, 404, 404, 404, 404, 404, 200]),
            .get("/foto/:id/kecil", "/foto/\(photo)/kecil", [404, 200, 404, 200, 404, 200, 200]),
            .get("/foto/:id/kecil", "/foto/\(elsewherePhoto)/kecil", [404, 404, 404, 404, 404, 404, 200]),
            .get("/foto-sementara/:id", "/foto-sementara/\(objects.pending.rawValue)", [303, 200, 404, 404, 404, 404, 404]),
            // An attachment that does not exist: the same 404 for everyone (an existing one is in AttachmentDownloadTests).
            .get("/lampiran/:id", "/lampiran/999999", [404, 404, 404, 404, 404, 404, 404]),
            // The staff home: every staff role has one; residents are refused.
            .get("/kerja", "/kerja", [303, 403, 403, 200, 200, 200, 200]),
            // The verifiers', meeting and routing workspaces refuse every visitor of this table before reading anything;
            // their staff at every level, in and out of scope, are in VerificationAuthorizationTests,
            // MeetingAuthorizationTests and RoutingAuthorizationTests.
            .get("/kerja/verifikasi", "/kerja/verifikasi", Self.staffOnly),
            .post("/kerja/verifikasi", "/kerja/verifikasi", [("pilih", "\(p1)@\(p1v)"), ("keputusan", "terima")], Self.staffOnly),
            .get("/kerja/verifikasi/:kode", "/kerja/verifikasi/\(p1)", Self.staffOnly),
            .post("/kerja/verifikasi/:kode", "/kerja/verifikasi/\(p1)", [("versi", p1v), ("keputusan", "terima")], Self.staffOnly),
            .get("/kerja/verifikasi/alasan", "/kerja/verifikasi/alasan", Self.staffOnly),
            .post("/kerja/verifikasi/alasan", "/kerja/verifikasi/alasan", [("teks", "Alasan.")], Self.staffOnly),
            .post("/kerja/verifikasi/alasan/:id/hapus", "/kerja/verifikasi/alasan/1/hapus", Self.staffOnly),
            .get("/kerja/verifikasi/siklus-lalu", "/kerja/verifikasi/siklus-lalu", Self.staffOnly),
            .get("/kerja/penilaian", "/kerja/penilaian", Self.staffOnly),
            .post("/kerja/penilaian", "/kerja/penilaian", Self.staffOnly),
            .post("/kerja/penilaian/urutan", "/kerja/penilaian/urutan", [("usulan", p1), ("posisi", "1"), ("alasan", "Rapat.")],
                  Self.staffOnly),
            .get("/kerja/peringkat", "/kerja/peringkat", Self.staffOnly),
            .get("/kerja/alokasi", "/kerja/alokasi", Self.staffOnly),
            .post("/kerja/alokasi", "/kerja/alokasi", Self.staffOnly),
            .get("/kerja/berita-acara", "/kerja/berita-acara", Self.staffOnly),
            .post("/kerja/berita-acara", "/kerja/berita-acara", Self.staffOnly),
            .get("/kerja/berita-acara/pindaian", "/kerja/berita-acara/pindaian", Self.staffOnly),
            .post("/kerja/berita-acara/pindaian", "/kerja/berita-acara/pindaian", Self.staffOnly),
            .get("/kerja/berita-acara/cetak", "/kerja/berita-acara/cetak", Self.staffOnly),
            .get("/kerja/rute", "/kerja/rute", Self.staffOnly),
            .post("/kerja/rute", "/kerja/rute", [("pilih", "\(p1)@\(p1v)"), ("tujuan", "tolak"), ("alasan", "Uji.")], Self.staffOnly),
            .get("/kerja/rute/:kode", "/kerja/rute/\(p1)", Self.staffOnly),
            .post("/kerja/rute/:kode", "/kerja/rute/\(p1)", [("versi", p1v), ("tujuan", "tolak"), ("alasan", "Uji.")], Self.staffOnly),
            // Bappeda's kota stage: none of this table's visitors (Bappeda's own rows are in RatificationTests).
            .get("/kerja/penetapan", "/kerja/penetapan", Self.staffOnly),
            .post("/kerja/penetapan", "/kerja/penetapan", [("pilih", "\(p1)@\(p1v)"), ("keputusan", "tetapkan")], Self.staffOnly),
            .get("/kerja/penetapan/:kode", "/kerja/penetapan/\(p1)", Self.staffOnly),
            .get("/kerja/penetapan/cetak", "/kerja/penetapan/cetak", Self.staffOnly),
            .post("/kerja/penetapan/:kode", "/kerja/penetapan/\(p1)", [("versi", p1v), ("keputusan", "tetapkan")], Self.staffOnly),
            .post("/kerja/penetapan/:kode/koreksi", "/kerja/penetapan/\(p1)/koreksi", [("versi", p1v), ("alasan", "Uji.")], Self.staffOnly),
            .get("/kerja/siklus", "/kerja/siklus", Self.staffOnly),
            .get("/kerja/master/opd", "/kerja/master/opd", Self.staffOnly),
            .post("/kerja/master/opd", "/kerja/master/opd", [("kode", "UJI")], Self.staffOnly),
            .post("/kerja/master/opd/:id", "/kerja/master/opd/1", [("nama-1", "")], Self.staffOnly),
            .get("/kerja/master/kriteria", "/kerja/master/kriteria", Self.staffOnly),
            .post("/kerja/master/kriteria", "/kerja/master/kriteria", [("kode", "UJI")], Self.staffOnly),
            .post("/kerja/master/kriteria/:id", "/kerja/master/kriteria/1", [("nama-1", "")], Self.staffOnly),
            .post("/kerja/master/kriteria/:id/hapus", "/kerja/master/kriteria/1/hapus", Self.staffOnly),
            .get("/kerja/master/bidang", "/kerja/master/bidang", Self.staffOnly),
            .post("/kerja/master/bidang", "/kerja/master/bidang", [("kode", "UJI")], Self.staffOnly),
            .post("/kerja/master/bidang/:id", "/kerja/master/bidang/1", [("nama-1", "")], Self.staffOnly),
            .get("/kerja/master/kamus", "/kerja/master/kamus", Self.staffOnly),
            .post("/kerja/master/kamus", "/kerja/master/kamus", [("kode", "UJI-01")], Self.staffOnly),
            .get("/kerja/master/kamus/:id", "/kerja/master/kamus/1", Self.staffOnly),
            .post("/kerja/master/kamus/:id", "/kerja/master/kamus/1", [("harga", "1")], Self.staffOnly),
            .post("/kerja/master/kamus/:id/status", "/kerja/master/kamus/1/status", [("aktif", "tidak"), ("alasan-status", "Uji.")], Self.staffOnly),
            .get("/kerja/pagu", "/kerja/pagu", Self.staffOnly),
            .post("/kerja/pagu", "/kerja/pagu", [("tingkat", "kelurahan"), ("total", "1.000.000"), ("porsi-dasar", "30"), ("bobot-population", "1"),
                                                 ("bobot-area", "0"), ("bobot-pbb_realisation", "0"), ("bobot-poor_households", "0"),
                                                 ("pembulatan", "1"), ("aksi", "simpan")], Self.staffOnly),
            .post("/kerja/pagu/opd", "/kerja/pagu/opd", [("opd", "1"), ("pagu-1", "1.000.000")], Self.staffOnly),
            .post("/kerja/siklus/perpanjang", "/kerja/siklus/perpanjang", [("tahap", "kelurahan"), ("tutup", "2027-01-31T23:59"), ("alasan", "Uji.")],
                  Self.staffOnly),
            .get("/kerja/siklus/baru", "/kerja/siklus/baru", Self.staffOnly),
            .post("/kerja/siklus/baru", "/kerja/siklus/baru", [("tahun", "2030"), ("tahun-anggaran", "2031"), ("nama", "Uji")], Self.staffOnly),
            .get("/kerja/pagu/kriteria", "/kerja/pagu/kriteria", Self.staffOnly),
            .post("/kerja/pagu/kriteria", "/kerja/pagu/kriteria", [("versi", "0"), ("penduduk-1", "1")], Self.staffOnly),
            .get("/kerja/pagu/kriteria/templat.csv", "/kerja/pagu/kriteria/templat.csv", Self.staffOnly),
            .post("/kerja/pagu/kriteria/impor", "/kerja/pagu/kriteria/impor", Self.staffOnly),
            .post("/kerja/pagu/kriteria/impor/konfirmasi", "/kerja/pagu/kriteria/impor/konfirmasi", [("berkas_token", "tidak-ada")], Self.staffOnly),
            .get("/kerja/pagu/bagian", "/kerja/pagu/bagian?tingkat=kecamatan", Self.staffOnly),
            .post("/kerja/pagu/bagian", "/kerja/pagu/bagian", [("tingkat", "kelurahan"), ("versi", "0"), ("min-fisik", "10")], Self.staffOnly),
            .get("/kerja/master/wilayah", "/kerja/master/wilayah", Self.staffOnly),
            .post("/kerja/master/wilayah/kecamatan", "/kerja/master/wilayah/kecamatan", [("kecamatan-kode", "UJI")], Self.staffOnly),
            .post("/kerja/master/wilayah/kecamatan/:id", "/kerja/master/wilayah/kecamatan/1", [("nama-kecamatan-1", "")], Self.staffOnly),
            .post("/kerja/master/wilayah/kelurahan", "/kerja/master/wilayah/kelurahan", [("kelurahan-kode", "UJI")], Self.staffOnly),
            .post("/kerja/master/wilayah/kelurahan/:id", "/kerja/master/wilayah/kelurahan/1", [("nama-kelurahan-1", "")], Self.staffOnly),
            .get("/kerja/master/wilayah/kelurahan/:id", "/kerja/master/wilayah/kelurahan/1", Self.staffOnly),
            .post("/kerja/master/wilayah/kelurahan/:id/rw", "/kerja/master/wilayah/kelurahan/1/rw", [("rw-nomor", "")], Self.staffOnly),
            .post("/kerja/master/wilayah/kelurahan/:id/rt", "/kerja/master/wilayah/kelurahan/1/rt", [("rt-nomor", "")], Self.staffOnly),
            // The kelurahan operator's desk: only the operator (another kelurahan's operator: OperatorRouteAuthorizationTests).
            .get("/kerja/formulir", "/kerja/formulir", Self.operatorOnly(200)),
            .post("/kerja/formulir", "/kerja/formulir", Self.operatorOnly(422)),
            .get("/kerja/formulir/dikembalikan", "/kerja/formulir/dikembalikan", Self.operatorOnly(200)),
            .get("/kerja/formulir/dikembalikan/:kode", "/kerja/formulir/dikembalikan/TGS-2027-999999", Self.operatorOnly(404)),
            .post("/kerja/formulir/dikembalikan/:kode", "/kerja/formulir/dikembalikan/TGS-2027-999999", Self.operatorOnly(404)),
            .get("/kerja/impor", "/kerja/impor", Self.operatorOnly(200)),
            .get("/kerja/impor/template.csv", "/kerja/impor/template.csv", Self.operatorOnly(200)),
            .post("/kerja/impor", "/kerja/impor", Self.operatorOnly(422)),
            .post("/kerja/impor/konfirmasi", "/kerja/impor/konfirmasi", [("token", "tidak-ada")], Self.operatorOnly(409)),
            .get("/kerja/dokumen", "/kerja/dokumen", Self.operatorOnly(200)),
            .post("/kerja/dokumen", "/kerja/dokumen", Self.operatorOnly(422)),
            .post("/kerja/dokumen/usulan", "/kerja/dokumen/usulan", Self.operatorOnly(422)),
            .get("/kerja/dokumen/:id", "/kerja/dokumen/999999", [303, 404, 404, 404, 404, 404, 404]),
            // The admin sistem's accounts and the admin log: nobody of the table holds those roles (AccountsTests covers them).
            .get("/kerja/akun", "/kerja/akun", [303, 403, 403, 403, 403, 403, 403]),
            .get("/kerja/akun/baru", "/kerja/akun/baru", [303, 403, 403, 403, 403, 403, 403]),
            .post("/kerja/akun/baru", "/kerja/akun/baru", [("nama_pengguna", "op.baru"), ("nama", "Baru"), ("peran", "warga"),
                                                           ("kata_sandi", "pohon-mangga-berbuah")], [303, 403, 403, 403, 403, 403, 403]),
            .get("/kerja/akun/:id", "/kerja/akun/1", [303, 403, 403, 403, 403, 403, 403]),
            .post("/kerja/akun/:id/status", "/kerja/akun/1/status", [("aktif", "0"), ("alasan", "uji")], [303, 403, 403, 403, 403, 403, 403]),
            .post("/kerja/akun/:id/sandi", "/kerja/akun/1/sandi", [303, 403, 403, 403, 403, 403, 403]),
            .post("/kerja/akun/:id/peran", "/kerja/akun/1/peran", [("aksi", "tambah"), ("peran", "bappeda")], [303, 403, 403, 403, 403, 403, 403]),
            .post("/kerja/akun/:id/serahkan", "/kerja/akun/2/serahkan", [("akun_baru", "ani")], [303, 403, 403, 403, 403, 403, 403]),
            .get("/kerja/log-admin", "/kerja/log-admin", [303, 403, 403, 403, 403, 403, 403]),
            // Feedback: the public pages for everyone (an empty form is refused for anyone: 422); the desk for the staff of
            // the unit holding it (here the operator's kelurahan; Bappeda's is a 404 to the operator). Every unit and role:
            // FeedbackPortalTests.
            .get("/saran", "/saran", [200, 200, 200, 200, 200, 200, 200]),
            .post("/saran", "/saran", [422, 422, 422, 422, 422, 422, 422]),
            .get("/saran/daftar", "/saran/daftar", [200, 200, 200, 200, 200, 200, 200]),
            .get("/saran/statistik", "/saran/statistik", [200, 200, 200, 200, 200, 200, 200]),
            .get("/saran/lacak", "/saran/lacak?kode=\(f1)", [303, 303, 303, 303, 303, 303, 303]),
            .get("/saran/terkirim/:kode", "/saran/terkirim/\(f1)", [200, 200, 200, 200, 200, 200, 200]),
            .get("/saran/:kode", "/saran/\(f1)", [200, 200, 200, 200, 200, 200, 200]),
            .get("/saran/:kode", "/saran/SRN-2026-999999", [404, 404, 404, 404, 404, 404, 404]),
            .get("/saran/:kode/foto", "/saran/\(f1)/foto", [200, 200, 200, 200, 200, 200, 200]),
            .get("/saran/:kode/foto", "/saran/\(f2)/foto", [404, 404, 404, 404, 404, 404, 404]),
            .get("/kerja/saran", "/kerja/saran", Self.operatorOnly(200)),
            .get("/kerja/saran/:kode", "/kerja/saran/\(f1)", Self.operatorOnly(200)),
            .get("/kerja/saran/:kode", "/kerja/saran/\(f2)", Self.operatorOnly(404)),
            .get("/kerja/saran/:kode/foto", "/kerja/saran/\(f1)/foto", Self.operatorOnly(200)),
            .get("/kerja/saran/:kode/foto", "/kerja/saran/\(f2)/foto", Self.operatorOnly(404)),
            .post("/kerja/saran/:kode/jawab", "/kerja/saran/\(f1)/jawab", [("versi", "1")], Self.operatorOnly(422)),
            .post("/kerja/saran/:kode/jawab", "/kerja/saran/\(f2)/jawab", [("versi", "1"), ("jawaban", "Uji.")], Self.operatorOnly(404)),
            .post("/kerja/saran/:kode/teruskan", "/kerja/saran/\(f1)/teruskan", [("versi", "1")], Self.operatorOnly(422)),
            .post("/kerja/saran/:kode/teruskan", "/kerja/saran/\(f2)/teruskan", [("versi", "1"), ("tujuan", "kelurahan:1"), ("catatan", "Uji.")],
                  Self.operatorOnly(404)),
            .post("/kerja/saran/:kode/tutup", "/kerja/saran/\(f1)/tutup", [("versi", "1")], Self.operatorOnly(422)),
            .post("/kerja/saran/:kode/tutup", "/kerja/saran/\(f2)/tutup", [("versi", "1"), ("alasan", "Uji.")], Self.operatorOnly(404)),
            // Comments: only a resident, only on a published proposal (none is, in the pra-Musrenbang); moderation only
            // by the proposal's verifiers, camat and Bappeda (CommentTests). Notifications: every signed-in account, its own.
            .post("/usulan/:kode/komentar", "/usulan/\(p1)/komentar", [("isi", "Uji.")], [303, 404, 404, 403, 403, 403, 403]),
            .get("/kerja/komentar", "/kerja/komentar", Self.staffOnly),
            .post("/kerja/komentar/:id/sembunyikan", "/kerja/komentar/1/sembunyikan", [("alasan", "Uji.")], Self.staffOnly),
            .get("/notifikasi", "/notifikasi", [303, 200, 200, 200, 200, 200, 200]),
            .post("/notifikasi/baca", "/notifikasi/baca", [303, 303, 303, 303, 303, 303, 303]),
            .post("/notifikasi/:id/buka", "/notifikasi/999999/buka", [303, 404, 404, 404, 404, 404, 404]),
            // Announcements: the operator writes for its kelurahan (an incomplete form: 422; an id that is not its own: 404);
            // the public pages and feeds answer everyone alike (scope across units: AnnouncementPortalTests).
            .get("/kerja/pengumuman", "/kerja/pengumuman", Self.operatorOnly(200)),
            .get("/kerja/pengumuman/baru", "/kerja/pengumuman/baru", Self.operatorOnly(200)),
            .post("/kerja/pengumuman/baru", "/kerja/pengumuman/baru", Self.operatorOnly(422)),
            .get("/kerja/pengumuman/:id", "/kerja/pengumuman/999999", Self.operatorOnly(404)),
            .post("/kerja/pengumuman/:id", "/kerja/pengumuman/999999", [("jenis", "berita"), ("judul", "Uji"), ("isi", "Uji.")], Self.operatorOnly(404)),
            .post("/kerja/pengumuman/:id/umumkan", "/kerja/pengumuman/999999/umumkan", [("versi", "1")], Self.operatorOnly(404)),
            .post("/kerja/pengumuman/:id/tarik", "/kerja/pengumuman/999999/tarik", [("versi", "1"), ("alasan", "Uji.")], Self.operatorOnly(404)),
            .get("/pengumuman", "/pengumuman", [200, 200, 200, 200, 200, 200, 200]),
            .get("/pengumuman/:id", "/pengumuman/999999", [404, 404, 404, 404, 404, 404, 404]),
            .get("/pengumuman/:id/dokumen/:dokumen", "/pengumuman/1/dokumen/1", [404, 404, 404, 404, 404, 404, 404]),
            .get("/pengumuman.atom", "/pengumuman.atom", [200, 200, 200, 200, 200, 200, 200]),
            .get("/jadwal", "/jadwal", [200, 200, 200, 200, 200, 200, 200]),
            .get("/jadwal.ics", "/jadwal.ics", [200, 200, 200, 200, 200, 200, 200]),
        ]
    }

    /// The README's "Public pages and feeds" names every page the table opens to a visitor without an account (issue 10:
    /// "the README names the public pages and feeds"), as `/usulan/{kode}` for `/usulan/:kode`. Not there: signing in
    /// and registering (the README's "Accounts"), and the confirmation a feedback sender is sent to after the form.
    @Test func everyPageOpenToAVisitorIsNamedInTheREADME() throws {
        let world = try PortalWorld()
        let rows = Self.rows(try Self.objects(world, try world.residents()))
        let readme = try String(contentsOfFile: URL(fileURLWithPath: PortalWorld.migrations).deletingLastPathComponent()
            .appendingPathComponent("README.md").path, encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Public pages and feeds\n"))
        let section = String(readme[start.upperBound...]).components(separatedBy: "\n## ").first ?? ""
        let notPages: Set<String> = ["/masuk", "/daftar", "/saran/terkirim/:kode"]
        let open = rows.filter { $0.method == .get && $0.statuses.first == 200 && !notPages.contains($0.pattern) }
        #expect(open.count >= 15)
        for row in open {
            let named = row.pattern.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            #expect(section.contains("`\(named)`") || section.contains("`\(named)?"),
                    "\(named) is not named in the README's public pages")
        }
    }

    @Test func everyRouteForEveryVisitor() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let objects = try Self.objects(world, scene)
        let rows = Self.rows(objects)
        // Every registered route has a row, and every row exercises a registered route.
        let registered = Set(world.portal.routeTable().registered.map { "\($0.method) \($0.pattern)" })
        let covered = Set(rows.map { "\($0.method) \($0.pattern)" })
        #expect(registered.subtracting(covered).isEmpty, "routes without a row: \(registered.subtracting(covered).sorted())")
        #expect(covered.subtracting(registered).isEmpty, "rows of unregistered routes: \(covered.subtracting(registered).sorted())")
        #expect(registered.count >= 24)

        let before = try Self.snapshot(world)
        var failures: [String] = []
        var address = 0
        for row in rows + [.get("", "/tidak-ada", [404, 404, 404, 404, 404, 404, 404])] {
            #expect(row.statuses.count == Self.visitors.count, "\(row.target)")
            for (index, visitor) in Self.visitors.enumerated() {
                // A fresh browser for every request: a sign-out or a role change in one row does not leak into the next.
                address += 1
                let browser = world.browser(address: "10.2.\(address / 250).\(address % 250):1")
                try Self.signIn(browser, visitor.username, world)
                let status: Int
                if row.method == .get {
                    status = try browser.get(row.target).status
                } else {
                    let csrf = try #require(try browser.get(visitor.username == nil ? "/masuk" : "/peran").csrf)
                    status = try browser.post(row.target, row.fields, csrf: csrf).status
                }
                if status != row.statuses[index] {
                    failures.append("\(visitor.name) \(row.method) \(row.target) \(row.fields.map { "\($0.0)=\($0.1)" }): \(status), "
                                    + "expected \(row.statuses[index])")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // Nothing was changed by anyone: every proposal at its version, every photo and pending photo still there.
        #expect(try Self.snapshot(world) == before)
    }

    private static func signIn(_ browser: TestBrowser, _ username: String?, _ world: PortalWorld) throws {
        guard let username else { return }
        try browser.signIn(username, world.password)
        if username == "op.pk" {
            _ = try browser.post("/peran", [("peran", "operator_kelurahan|kelurahan:\(world.kelurahan.rawValue)"), ("kembali", "/")],
                                 csrf: try browser.get("/peran").csrf)
        }
    }

    /// Each proposal's code, state and version, and the photos and pending photos, as one comparable text.
    private static func snapshot(_ world: PortalWorld) throws -> [String] {
        try world.database.read { db in
            let proposals = try db.query("SELECT tracking_code, stage, status, version FROM proposals ORDER BY id").map(\.description)
            let photos = try db.query("SELECT id, proposal_id FROM proposal_photos ORDER BY id").map(\.description)
            let pending = try db.query("SELECT id FROM pending_photos ORDER BY id").map(\.description)
            let accounts = try db.query("SELECT id, username, password_hash, active FROM accounts ORDER BY id").map(\.description)
            let roles = try db.query("SELECT * FROM account_roles ORDER BY id").map(\.description)
            let feedback = try db.query("SELECT code, status, unit_kind, version FROM feedback ORDER BY id").map(\.description)
            return proposals + photos + pending + accounts + roles + feedback
        }
    }
}
