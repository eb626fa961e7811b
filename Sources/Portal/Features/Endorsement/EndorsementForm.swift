import Foundation
import HTTPServer
import Musrenbang

/// An RT/RW head's decision on one proposal: approve ("setujui") or return to the proposer ("kembalikan") with a
/// reason, at the version the head saw (`versi`). Every field error is collected; the typed reason is kept.
struct EndorsementForm {
    /// What the head decided.
    enum Decision: String {
        case setujui, kembalikan
        var action: Action { self == .setujui ? .setujui : .kembalikan }
    }

    var decision: Decision?
    var version: Int64?
    /// The reason as typed (shown again on a refusal); `trimmedReason` is what is checked and recorded.
    var reason = ""
    var returnTo = EndorsementPaths.list
    var errors: [FieldError] = []

    /// A blank form at `version` (the proposal page).
    init(version: Int64, returnTo: String) {
        self.version = version
        self.returnTo = Portal.localPath(returnTo)
    }

    /// Reads and checks the submitted fields.
    init(_ form: FormData) {
        decision = form["keputusan"].flatMap(Decision.init(rawValue:))
        version = form["versi"].flatMap { Int64($0) }
        reason = form["alasan"] ?? ""
        returnTo = Portal.localPath(form["kembali"] ?? EndorsementPaths.list)
        if decision == nil || version == nil {
            errors.append(FieldError(field: "keputusan", message: "Formulir tidak lengkap. Muat ulang halaman, lalu pilih Setujui atau Kembalikan."))
        }
        errors += Self.reasonErrors(decision, reason: trimmedReason, field: "alasan",
                                    missing: "Tulis alasan pengembalian, supaya pengusul tahu apa yang perlu diperbaiki.")
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The reason's rules, the same for one proposal and for several: required to return, at most 2,000 characters.
    static func reasonErrors(_ decision: Decision?, reason: String, field: String, missing: String) -> [FieldError] {
        if decision == .kembalikan && reason.isEmpty { return [FieldError(field: field, message: missing)] }
        if reason.count > 2000 { return [FieldError(field: field, message: "Alasan terlalu panjang: paling banyak 2.000 huruf.")] }
        return []
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    /// The engine's input (only once `errors` is empty).
    var input: TransitionInput? {
        guard let decision, let version else { return nil }
        return TransitionInput(decision.action, expectedVersion: version, reason: decision == .kembalikan ? trimmedReason : nil)
    }
}
