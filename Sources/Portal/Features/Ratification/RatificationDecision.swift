import Musrenbang

/// Bappeda's decision on a funded proposal: ratify it into the RKPD, or not (with a reason).
enum RatificationDecision: String, CaseIterable {
    case tetapkan
    case tidakTetapkan = "tidak-tetapkan"

    var action: Action { self == .tetapkan ? .tetapkan : .tidakTetapkan }
    var needsReason: Bool { self == .tidakTetapkan }
    var label: String { self == .tetapkan ? "Tetapkan (masuk RKPD)" : "Tidak ditetapkan (isi alasannya)" }
    /// After "Usulan X ...".
    var done: String { self == .tetapkan ? "ditetapkan" : "tidak ditetapkan" }
}
