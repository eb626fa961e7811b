/// A rule of domain.md that refused an operation. `ruleId` is stable (logs, tests, HTTP mapping);
/// `message` is the Indonesian text shown to the user, naming the rule.
public enum DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stage's window is not open now.
    case outsideWindow(stage: Stage, window: StageWindow?)
    /// The actor's scope does not cover the proposal (or the area).
    case notInScope
    /// The actor's role may not perform this action on a proposal in this state.
    case roleNotAllowed(role: Role, action: String)
    /// The level's results are locked by its berita acara; only Bappeda may correct them.
    case levelLocked(LockKey)
    /// The action needs a reason (ditolak, dikembalikan, tidak ditetapkan, diterima dengan perubahan, koreksi).
    case reasonRequired(action: String)
    /// A cost below volume x SSH unit price.
    case costBelowSSH(cost: Int64, minimum: Int64)
    /// The proposal changed since the actor loaded it.
    case staleVersion(expected: Int64, actual: Int64)
    /// No transition for this action from this state.
    case invalidTransition(from: ProposalState, action: String)
    /// "Diterima dengan perubahan" (or a correction) without any change.
    case changeRequired
    /// A required input is missing.
    case missingInput(field: String)
    /// An input is out of range or malformed.
    case invalidInput(field: String, detail: String)
    /// A proposal lacks a score for some ranking criterion.
    case incompleteScores(ProposalID)
    /// The account is deactivated.
    case accountInactive
    /// The proposal does not belong to the cycle given.
    case cycleMismatch
    /// Several fields of a form-like input are invalid; every one is listed (a form shows them all).
    case invalidFields([FieldError])

    /// Stable rule identifier, e.g. "outside_window".
    public var ruleId: String {
        switch self {
        case .outsideWindow: "outside_window"
        case .notInScope: "not_in_scope"
        case .roleNotAllowed: "role_not_allowed"
        case .levelLocked: "level_locked"
        case .reasonRequired: "reason_required"
        case .costBelowSSH: "cost_below_ssh"
        case .staleVersion: "stale_version"
        case .invalidTransition: "invalid_transition"
        case .changeRequired: "change_required"
        case .missingInput: "missing_input"
        case .invalidInput: "invalid_input"
        case .incompleteScores: "incomplete_scores"
        case .accountInactive: "account_inactive"
        case .cycleMismatch: "cycle_mismatch"
        case .invalidFields: "invalid_fields"
        }
    }

    /// Indonesian message for the user.
    public var message: String {
        switch self {
        case .outsideWindow(let stage, let window):
            let schedule = window.map { "jadwal: \($0.scheduleText)" } ?? "jadwal belum ditetapkan"
            return "Tahap \(stage.displayName) belum dibuka atau sudah ditutup (\(schedule))."
        case .notInScope:
            return "Usulan ini berada di luar wilayah atau perangkat daerah yang menjadi kewenangan Anda."
        case .roleNotAllowed(let role, let action):
            return "Peran \(role.displayName) tidak berwenang melakukan \"\(action)\" pada usulan ini."
        case .levelLocked(let key):
            return "Hasil \(key.level.stage.displayName) sudah dikunci dengan berita acara; perubahan hanya dapat dilakukan oleh Bappeda dan dicatat."
        case .reasonRequired(let action):
            return "Alasan wajib diisi untuk \"\(action)\"."
        case .costBelowSSH(let cost, let minimum):
            return "Biaya \(Rupiah.format(cost)) di bawah harga Standar Satuan Harga (volume x harga satuan = \(Rupiah.format(minimum)))."
        case .staleVersion:
            return "Usulan ini baru saja diubah oleh pengguna lain. Muat ulang halaman lalu ulangi tindakan Anda."
        case .invalidTransition(let from, let action):
            return "Tindakan \"\(action)\" tidak dapat dilakukan pada usulan berstatus \(from.displayName)."
        case .changeRequired:
            return "Tidak ada perubahan volume atau biaya yang diisi."
        case .missingInput(let field):
            return "Isian \(field) wajib diisi."
        case .invalidInput(let field, let detail):
            return "Isian \(field) tidak valid: \(detail)."
        case .incompleteScores:
            return "Nilai kriteria pemeringkatan belum lengkap untuk usulan ini."
        case .accountInactive:
            return "Akun ini tidak aktif."
        case .cycleMismatch:
            return "Usulan tidak termasuk siklus perencanaan ini."
        case .invalidFields(let errors):
            return "Isian tidak valid: " + errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ") + "."
        }
    }

    public var description: String { "\(ruleId): \(message)" }
}
