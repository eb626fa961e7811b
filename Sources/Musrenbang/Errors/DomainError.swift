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
    /// Several fields of one input are refused; each names its field (a form shows them all at once).
    case invalidFields([FieldError])
    /// F1/F2 outcomes are written only by the berita acara applying a reviewed allocation run.
    case onlyThroughBeritaAcara(action: String)
    /// Funding this proposal would take its envelope over its ceiling.
    case exceedsCeiling(envelope: FundingEnvelope, ceiling: Int64, used: Int64, cost: Int64)
    /// The berita acara names no reviewed run, or the data changed since that run (what changed, in words).
    case allocationRunOutdated(runId: Int64?, changes: [String])
    /// The level still has proposals waiting for its decision (their codes, at most a few named).
    case workPending(LockKey, count: Int, codes: [String])
    /// Candidates of the envelope have no rank (their scores are incomplete).
    case unrankedCandidates(count: Int, codes: [String])
    /// The envelope's order was changed by hand; re-ranking from the scores must reset it explicitly.
    case manualOrderInPlace
    /// A resident's own online proposal: only the resident edits or submits it (then RT and RW endorse it).
    case residentsOwnProposal
    /// Carry-over is only from a finished cycle.
    case cycleNotFinished(name: String)
    /// A piece of feedback's status does not allow the action (e.g. forwarding one already answered).
    case feedbackTransition(from: FeedbackStatus, action: FeedbackAction)

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
        case .onlyThroughBeritaAcara: "only_through_berita_acara"
        case .exceedsCeiling: "exceeds_ceiling"
        case .allocationRunOutdated: "allocation_run_outdated"
        case .workPending: "work_pending"
        case .unrankedCandidates: "unranked_candidates"
        case .manualOrderInPlace: "manual_order_in_place"
        case .residentsOwnProposal: "residents_own_proposal"
        case .cycleNotFinished: "cycle_not_finished"
        case .feedbackTransition: "invalid_feedback_transition"
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
            return "Ada yang perlu diperbaiki: " + errors.map(\.message).joined(separator: " ")
        case .onlyThroughBeritaAcara(let action):
            return "\"\(action)\" hanya dilakukan oleh berita acara yang menerapkan hasil alokasi yang sudah ditinjau musyawarah."
        case .exceedsCeiling(let envelope, let ceiling, let used, let cost):
            return "Melebihi sisa pagu \(envelope.displayName): pagu \(Rupiah.format(ceiling)), sudah terpakai \(Rupiah.format(used)), "
                + "sisa \(Rupiah.format(max(0, ceiling - used))), biaya \(Rupiah.format(cost))."
        case .allocationRunOutdated(let runId, let changes):
            guard let runId else {
                return "Jalankan alokasi dan tinjau hasilnya dulu; berita acara menerapkan hasil alokasi yang ditinjau."
            }
            return "Data berubah sejak alokasi nomor \(runId) dijalankan (\(changes.joined(separator: "; "))). "
                + "Jalankan alokasi lagi, tinjau hasilnya, lalu tanda tangani berita acara."
        case .workPending(let key, let count, let codes):
            let named = codes.joined(separator: ", ") + (count > codes.count ? ", dan lainnya" : "")
            return "Masih ada \(count) usulan menunggu keputusan \(key.level.stage.displayName) (\(named)). "
                + "Putuskan setiap usulan itu dulu sebelum mengunci berita acara."
        case .unrankedCandidates(let count, let codes):
            let named = codes.joined(separator: ", ") + (count > codes.count ? ", dan lainnya" : "")
            return "\(count) usulan belum memiliki peringkat karena nilainya belum lengkap (\(named)). "
                + "Lengkapi nilai setiap kriteria dulu, lalu jalankan alokasi."
        case .manualOrderInPlace:
            return "Urutan usulan sudah diubah manual oleh musyawarah. Menyusun peringkat dari nilai akan mengatur ulang "
                + "urutan itu; pilih \"atur ulang urutan\" bila memang itu yang diputuskan."
        case .residentsOwnProposal:
            return "Usulan ini dibuat warga secara daring: hanya pengusulnya yang dapat mengubah atau mengajukannya, "
                + "lalu disetujui Ketua RT dan Ketua RW."
        case .cycleNotFinished(let name):
            return "Siklus \(name) belum selesai; usulan hanya dapat dibawa ke siklus berikutnya setelah Musrenbang kota selesai."
        case .feedbackTransition(let from, let action):
            return "Saran atau pengaduan ini berstatus \(from.displayName); tindakan \"\(action.displayName)\" tidak dapat dilakukan lagi."
        }
    }

    public var description: String { "\(ruleId): \(message)" }
}
