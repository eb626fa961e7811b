import Foundation
import Musrenbang

/// The tasks of the signed-in role, in the order of its work at the Musrenbang: what a role does is the transition
/// table's business (domain.md "Actors"); this only points at the workspaces that do it.
enum StaffHome {
    static let rule = "Halaman kerja hanya untuk petugas: Ketua RT/RW, operator dan verifikator kelurahan, kecamatan, perangkat "
        + "daerah, dan Bappeda. Warga mengikuti usulannya di \"Usulan saya\"."

    static let endorsement = StaffTask(path: "/kerja/persetujuan", title: "Persetujuan usulan warga",
                                       summary: "Setujui usulan warga di wilayah Anda, atau kembalikan dengan alasan.")
    static let verification = StaffTask(path: "/kerja/verifikasi", title: "Verifikasi usulan",
                                        summary: "Terima, terima dengan perubahan, atau tolak usulan pada tingkat Anda.")
    static let paperForms = StaffTask(path: "/kerja/formulir", title: "Masukkan formulir kertas",
                                      summary: "Ketik usulan dari formulir yang sudah ditandatangani RT dan RW.")
    static let returnedPaperForms = StaffTask(path: "/kerja/formulir/dikembalikan", title: "Formulir yang dikembalikan",
                                              summary: "Perbaiki formulir kertas yang dikembalikan verifikator (isi usulan, nama dan RT/RW "
                                                  + "pengusul), lalu kirim lagi ke verifikasi kelurahan.",
                                              waitingText: "formulir menunggu perbaikan")
    static let csvImport = StaffTask(path: "/kerja/impor", title: "Impor CSV", summary: "Masukkan banyak usulan sekaligus dari berkas CSV.")
    static let scoring = StaffTask(path: "/kerja/penilaian", title: "Penilaian dan peringkat",
                                   summary: "Beri nilai 1-5 per kriteria; peringkat dihitung dari bobotnya.")
    static let allocation = StaffTask(path: "/kerja/alokasi", title: "Alokasi pagu",
                                      summary: "Jalankan alokasi: usulan yang masuk pagu (F1) dan yang diteruskan (F2).")
    static let beritaAcara = StaffTask(path: "/kerja/berita-acara", title: "Berita acara",
                                       summary: "Kunci hasil tingkat ini dengan berita acara yang ditandatangani.")
    static let routing = StaffTask(path: "/kerja/rute", title: "Rute usulan F2",
                                   summary: "Teruskan usulan F2 kecamatan ke perangkat daerah atau Pokir DPRD, atau tolak dengan alasan.")
    static let ratification = StaffTask(path: "/kerja/penetapan", title: "Penetapan hasil Musrenbang",
                                        summary: "Tetapkan usulan yang didanai di tingkat kelurahan, kecamatan dan perangkat daerah, atau "
                                            + "tidak ditetapkan dengan alasan; koreksi hasil yang sudah dikunci dari halaman usulannya.")

    static let meetingDocuments = StaffTask(path: "/kerja/dokumen", title: "Dokumen Musrenbang",
                                            summary: "Simpan undangan, daftar hadir, foto kegiatan dan berita acara kelurahan.")
    static let accounts = StaffTask(path: "/kerja/akun", title: "Akun pengguna",
                                    summary: "Buat akun petugas, beri atau serahkan peran, nonaktifkan, atur ulang kata sandi.")
    static let adminLog = StaffTask(path: "/kerja/log-admin", title: "Catatan perubahan",
                                    summary: "Setiap perubahan data induk, pagu, jadwal dan akun: siapa, kapan, dan alasannya.")
    static let cycleSchedule = StaffTask(path: "/kerja/siklus", title: "Jadwal siklus",
                                         summary: "Lihat jadwal setiap tahap dan perpanjang suatu tahap dengan alasan.")

    static let recap = StaffTask(path: "/kerja/rekap", title: "Rekap Musrenbang",
                                 summary: "Jumlah dan nilai usulan per wilayah, bidang, perangkat daerah dan keadaan, pemakaian pagu dan grafiknya, "
                                     + "juga sebelum diumumkan; versi cetak untuk rapat.")

    static let ceilings = StaffTask(path: "/kerja/pagu", title: "Pagu indikatif",
                                    summary: "Atur total, porsi dasar, bobot dan pembulatan pagu; pratinjau lalu simpan; pagu perangkat daerah.")

    static let kamus = StaffTask(path: "/kerja/master/kamus", title: "Kamus usulan dan harga SSH",
                                 summary: "Tambah kegiatan, ubah harga SSH dengan alasan, nonaktifkan kegiatan.")

    static let bidang = StaffTask(path: "/kerja/master/bidang", title: "Bidang", summary: "Tambah bidang atau ubah namanya.")

    static let criteria = StaffTask(path: "/kerja/master/kriteria", title: "Kriteria penilaian",
                                    summary: "Kriteria penilaian usulan dan bobotnya untuk siklus ini.")

    static let comments = StaffTask(path: "/kerja/komentar", title: "Komentar warga",
                                    summary: "Baca komentar warga pada usulan di cakupan Anda; sembunyikan yang melanggar aturan, dengan alasan.")

    static let opds = StaffTask(path: "/kerja/master/opd", title: "Perangkat daerah", summary: "Tambah perangkat daerah atau ubah nama dan singkatannya.")

    static let ceilingInputs = StaffTask(path: "/kerja/pagu/kriteria", title: "Data kriteria pagu",
                                         summary: "Penduduk, luas, PBB dan rumah tangga miskin setiap kelurahan; ubah di tabel atau impor CSV.")

    static let groupShares = StaffTask(path: "/kerja/pagu/bagian", title: "Porsi kelompok pagu",
                                       summary: "Porsi minimal dan maksimal fisik, non-fisik dan setiap bidang per tingkat.")

    static let wilayah = StaffTask(path: "/kerja/master/wilayah", title: "Wilayah", summary: "Tambah kecamatan, kelurahan, RW dan RT, atau ubah namanya.")

    static let announcements = StaffTask(path: "/kerja/pengumuman", title: "Pengumuman",
                                         summary: "Umumkan jadwal rapat, panduan teknis dan berita untuk wilayah Anda.")

    static let feedback = StaffTask(path: "/kerja/saran", title: "Saran dan pengaduan",
                                    summary: "Jawab saran dan pengaduan warga untuk unit Anda, teruskan ke unit yang berwenang, atau tutup.",
                                    waitingText: "saran atau pengaduan menunggu jawaban")

    /// The tasks of `role` with its feedback desk last (`feedback`: the feedback waiting for the role's unit, Bappeda: for
    /// every unit).
    static func tasks(for role: Role, waiting: Int?, routing: Int? = nil, returned: Int? = nil, feedback: Int?) -> [StaffTask] {
        var desk = Self.feedback
        desk.waiting = feedback
        return tasks(for: role, waiting: waiting, routing: routing, returned: returned) + (FeedbackRules.staffRoles.contains(role) ? [desk] : [])
    }

    /// The tasks of `role`; `waiting` counts the proposals waiting for the role's decisions (RT/RW, verifiers, Bappeda),
    /// `routing` the kecamatan's F2 waiting to be routed, `returned` the kelurahan's paper forms returned for correction.
    static func tasks(for role: Role, waiting: Int?, routing: Int? = nil, returned: Int? = nil) -> [StaffTask] {
        func counted(_ task: StaffTask, _ count: Int? = waiting) -> StaffTask { var task = task; task.waiting = count; return task }
        return switch role {
        case .ketuaRT, .ketuaRW: [counted(endorsement)]
        case .operatorKelurahan: [paperForms, counted(returnedPaperForms, returned), csvImport, meetingDocuments, announcements]
        case .verifikatorKelurahan, .verifikatorOPD: [counted(verification), scoring, allocation, beritaAcara, comments, announcements]
        case .operatorKecamatan, .camat: [counted(verification), scoring, allocation, beritaAcara, counted(Self.routing, routing), comments,
                                          announcements]
        case .bappeda: [counted(ratification), recap, cycleSchedule, ceilings, ceilingInputs, groupShares, kamus, bidang, opds, criteria, wilayah,
                        announcements, adminLog, comments]
        case .adminSistem: [accounts, adminLog]
        case .warga: []
        }
    }
}
