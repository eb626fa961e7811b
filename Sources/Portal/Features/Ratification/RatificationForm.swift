import HTTPServer
import Musrenbang

/// Bappeda's decision on one funded proposal, at the version shown (`versi`): `keputusan` (tetapkan, tidak-tetapkan)
/// and the reason a "tidak ditetapkan" needs (`alasan`).
struct RatificationForm {
    static let maxReason = 2000

    var version: Int64?
    var decision: RatificationDecision?
    var reason = ""
    var errors: [FieldError] = []

    init(_ proposal: Proposal) { version = proposal.version }

    init(_ form: FormData) {
        version = form["versi"].flatMap { Int64($0) }
        decision = form["keputusan"].flatMap(RatificationDecision.init(rawValue:))
        reason = form["alasan"] ?? ""
        if version == nil || decision == nil {
            errors.append(FieldError(field: "keputusan", message: "Pilih Tetapkan atau Tidak ditetapkan."))
        }
        errors += Self.reasonErrors(reason, decision: decision, field: "alasan")
    }

    static func reasonErrors(_ reason: String, decision: RatificationDecision?, field: String) -> [FieldError] {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision?.needsReason == true && trimmed.isEmpty {
            return [FieldError(field: field, message: "Tulis alasan tidak ditetapkan; alasan ini dicatat pada riwayat usulan dan dibaca pengusul.")]
        }
        if trimmed.count > maxReason { return [FieldError(field: field, message: "Alasan terlalu panjang: paling banyak 2.000 huruf.")] }
        return []
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
