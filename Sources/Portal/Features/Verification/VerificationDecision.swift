import Musrenbang

/// A verifier's decision on one proposal, as the form names it (`keputusan`), and the engine's action behind it.
enum VerificationDecision: String, CaseIterable {
    case terima
    case terimaDenganPerubahan = "terima-perubahan"
    case tolak
    case kembalikan

    var action: Action {
        switch self {
        case .terima: .terima
        case .terimaDenganPerubahan: .terimaDenganPerubahan
        case .tolak: .tolak
        case .kembalikan: .kembalikan
        }
    }

    /// The label of its choice on the form.
    var label: String {
        switch self {
        case .terima: "Terima"
        case .terimaDenganPerubahan: "Terima dengan perubahan volume dan biaya"
        case .tolak: "Tolak"
        case .kembalikan: "Kembalikan ke pengusul untuk diperbaiki"
        }
    }

    /// What happened, for the flash: "diterima", "ditolak", ...
    var done: String {
        switch self {
        case .terima: "diterima"
        case .terimaDenganPerubahan: "diterima dengan perubahan"
        case .tolak: "ditolak"
        case .kembalikan: "dikembalikan ke pengusul"
        }
    }

    /// The engine requires a reason for every decision but a plain "terima".
    var needsReason: Bool { self != .terima }
}
