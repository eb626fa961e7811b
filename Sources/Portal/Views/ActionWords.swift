import Musrenbang

/// What an action did, as a timeline says it ("mengajukan usulan", "mengembalikan usulan ke pengusul").
enum ActionWords {
    static func past(_ action: Action) -> String {
        switch action {
        case .buat: "membuat usulan"
        case .ubah: "mengubah usulan"
        case .ajukan: "mengajukan usulan"
        case .setujui: "menyetujui usulan"
        case .kembalikan: "mengembalikan usulan ke pengusul"
        case .terima: "menerima usulan"
        case .terimaDenganPerubahan: "menerima usulan dengan perubahan"
        case .tolak: "menolak usulan"
        case .alokasiF1: "memasukkan usulan ke pagu (F1)"
        case .alokasiF2: "melimpahkan usulan ke tingkat berikutnya (F2)"
        case .rutekanOPD: "meneruskan usulan ke perangkat daerah"
        case .rutekanPokir: "mengalihkan usulan ke Pokir DPRD"
        case .ubahPeringkat: "mengubah peringkat usulan"
        case .tetapkan: "menetapkan usulan dalam RKPD"
        case .tidakTetapkan: "tidak menetapkan usulan dalam RKPD"
        case .koreksi: "mengoreksi usulan"
        case .bawaKeSiklusBerikut: "membawa usulan ke siklus berikutnya"
        }
    }
}
