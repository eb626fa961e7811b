import Musrenbang

/// The engine's refusal on the page where it happened: its rule in words (`DomainError.message`) and what the
/// person can do next.
struct RefusalNotice {
    let rule: String
    let next: String

    init(_ error: DomainError) {
        rule = error.message
        next = Self.nextStep(error)
    }

    init(rule: String, next: String) { self.rule = rule; self.next = next }

    static func nextStep(_ error: DomainError) -> String {
        switch error {
        case .outsideWindow:
            "Bila tahap ini belum dibuka, tunggu sampai jadwalnya. Bila sudah ditutup, hubungi operator kelurahan Anda: "
                + "hanya Bappeda yang dapat memperpanjang jadwal."
        case .invalidTransition, .roleNotAllowed:
            "Usulan ini tidak sedang menunggu tindakan ini dari Anda. Lihat keadaannya sekarang di bawah."
        case .levelLocked:
            "Hubungi Bappeda bila hasilnya memang perlu dikoreksi."
        case .cycleNotFinished:
            "Tunggu sampai Musrenbang kota siklus itu selesai, lalu coba lagi."
        case .invalidFields, .invalidInput, .missingInput:
            "Ubah usulan untuk memperbaikinya, lalu coba lagi."
        default:
            "Periksa keterangan di atas, lalu coba lagi. Bila tetap ditolak, hubungi operator kelurahan Anda."
        }
    }

    var html: HTML {
        """
        <div class="notice" role="alert">
        <h2>Tidak dapat dilakukan</h2>
        <p>\(rule)</p>
        <p>\(next)</p>
        </div>
        """
    }
}

extension RefusalNotice {
    /// A refusal of a meeting's work (scoring, allocation, berita acara), with the step that resolves it.
    init(meeting error: DomainError) {
        let next: String = switch error {
        case .unrankedCandidates: "Lengkapi nilai setiap kriteria di halaman Penilaian, lalu jalankan alokasi lagi."
        case .allocationRunOutdated: "Buka halaman Alokasi, jalankan alokasi lagi, tinjau hasilnya bersama musyawarah, lalu tanda tangani berita acara."
        case .workPending: "Selesaikan verifikasi usulan yang disebut (terima, terima dengan perubahan, atau tolak), lalu kembali ke sini."
        case .manualOrderInPlace: "Centang \"Atur ulang urutan dari nilai\" dan tulis alasannya bila musyawarah memutuskannya."
        case .missingInput: "Hubungi Bappeda: pagu atau kriteria untuk musyawarah ini belum ditetapkan."
        default: Self.nextStep(error)
        }
        self.init(rule: error.message, next: next)
    }
}
