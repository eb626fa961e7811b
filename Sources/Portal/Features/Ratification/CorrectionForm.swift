import HTTPServer
import Musrenbang

/// Bappeda's logged correction of a proposal (also of a locked result), at the version shown: the state it should be
/// in (`tujuan`, "stage:status"), optionally a new volume and cost (`volume`, `biaya`, both or neither) and the reason
/// (`alasan-koreksi`, required). The engine checks the rest (SSH price, ceiling, a correction that changes nothing).
struct CorrectionForm {
    var version: Int64?
    var target: ProposalState?
    var volume = ""
    var cost = ""
    var reason = ""
    var errors: [FieldError] = []

    /// The states a correction may lead to: every one but a draft.
    static let targets = ProposalState.all.filter { $0 != ProposalState(.praMusrenbang, .draft) }

    init(_ proposal: Proposal) {
        version = proposal.version
        target = proposal.state
    }

    init(_ form: FormData) {
        version = form["versi"].flatMap { Int64($0) }
        target = form["tujuan"].flatMap { text in Self.targets.first { $0.description == text } }
        volume = form["volume"] ?? ""
        cost = form["biaya"] ?? ""
        reason = form["alasan-koreksi"] ?? ""
        if version == nil || target == nil { errors.append(FieldError(field: "tujuan", message: "Pilih keadaan usulan yang benar.")) }
        let hasVolume = !volume.trimmingCharacters(in: .whitespaces).isEmpty, hasCost = !cost.trimmingCharacters(in: .whitespaces).isEmpty
        if hasVolume || hasCost {
            if VerificationForm.number(volume).map({ $0 > 0 }) != true {
                errors.append(FieldError(field: "volume", message: "Tulis volume baru sebagai angka bulat lebih dari 0, atau kosongkan volume dan biaya."))
            }
            if VerificationForm.number(cost) == nil {
                errors.append(FieldError(field: "biaya", message: "Tulis biaya baru dalam rupiah, misalnya 40.000.000, atau kosongkan volume dan biaya."))
            }
        }
        if trimmedReason.isEmpty {
            errors.append(FieldError(field: "alasan-koreksi", message: "Tulis alasan koreksi; koreksi Bappeda selalu dicatat dengan alasannya."))
        } else if trimmedReason.count > RatificationForm.maxReason {
            errors.append(FieldError(field: "alasan-koreksi", message: "Alasan terlalu panjang: paling banyak 2.000 huruf."))
        }
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The engine's input (only once `errors` is empty).
    var input: TransitionInput? {
        guard errors.isEmpty, let version, let target else { return nil }
        let change = VerificationForm.number(volume).flatMap { volume in VerificationForm.number(cost).map { ValueChange(volume: volume, cost: $0) } }
        return TransitionInput(.koreksi, expectedVersion: version, reason: trimmedReason, change: change, target: target)
    }

    /// The engine's refusal as a field error where it belongs to one field; nil for a rule of the whole correction.
    static func fieldError(for error: DomainError) -> FieldError? {
        switch error {
        case .costBelowSSH: FieldError(field: "biaya", message: error.message)
        case .changeRequired: FieldError(field: "tujuan", message: "Koreksi ini tidak mengubah apa pun: pilih keadaan lain, atau ubah volume dan biayanya.")
        case .invalidInput(field: "status tujuan", _): FieldError(field: "tujuan", message: error.message)
        default: nil
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
