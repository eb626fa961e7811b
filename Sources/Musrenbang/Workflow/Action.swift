/// What an actor does to a proposal. Raw values are the stored text of `proposal_events.action`.
public enum Action: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Creation of a draft (not in the transition table: see `Workflow.create`).
    case buat
    /// Edit by the proposer (or operator) while draft or returned.
    case ubah
    /// Submit (or resubmit after a return).
    case ajukan
    /// Endorsement by the Ketua RT, then by the Ketua RW.
    case setujui
    /// Return to the proposer with a reason.
    case kembalikan
    case terima
    case terimaDenganPerubahan = "terima_dengan_perubahan"
    case tolak
    /// Allocation outcome: funded inside the level's envelope (F1).
    case alokasiF1 = "alokasi_f1"
    /// Allocation outcome: not funded by the level (F2; at kelurahan it goes up to the kecamatan).
    case alokasiF2 = "alokasi_f2"
    /// Kecamatan routes a proposal to an OPD.
    case rutekanOPD = "rutekan_opd"
    /// Kecamatan routes a proposal to the Pokir DPRD channel.
    case rutekanPokir = "rutekan_pokir"
    /// Manual reorder of the ranking by the meeting.
    case ubahPeringkat = "ubah_peringkat"
    case tetapkan
    case tidakTetapkan = "tidak_tetapkan"
    /// Bappeda correction (also of a locked level), logged.
    case koreksi
    /// Marks an unfunded proposal as carried into the next cycle (the new proposal links back).
    case bawaKeSiklusBerikut = "bawa_ke_siklus_berikut"

    /// Indonesian display name.
    public var displayName: String {
        switch self {
        case .buat: "buat usulan"
        case .ubah: "ubah usulan"
        case .ajukan: "ajukan"
        case .setujui: "setujui"
        case .kembalikan: "kembalikan"
        case .terima: "terima"
        case .terimaDenganPerubahan: "terima dengan perubahan"
        case .tolak: "tolak"
        case .alokasiF1: "masukkan ke pagu (F1)"
        case .alokasiF2: "limpahkan (F2)"
        case .rutekanOPD: "teruskan ke perangkat daerah"
        case .rutekanPokir: "alihkan ke Pokir DPRD"
        case .ubahPeringkat: "ubah peringkat"
        case .tetapkan: "tetapkan"
        case .tidakTetapkan: "tidak ditetapkan"
        case .koreksi: "koreksi Bappeda"
        case .bawaKeSiklusBerikut: "bawa ke siklus berikutnya"
        }
    }

    /// Actions that need a reason (domain.md: ditolak, dikembalikan, tidak ditetapkan, diterima dengan
    /// perubahan; every Bappeda correction; and a manual reorder, which the meeting must explain).
    public var requiresReason: Bool {
        switch self {
        case .tolak, .kembalikan, .tidakTetapkan, .terimaDenganPerubahan, .koreksi, .ubahPeringkat: true
        default: false
        }
    }

    public var description: String { rawValue }
}
