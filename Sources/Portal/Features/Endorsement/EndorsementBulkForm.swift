import Foundation
import HTTPServer
import Musrenbang

/// Several proposals of the work list decided at once with one note: the ticked rows (`pilih`, each "KODE@versi",
/// the version the list showed), the decision (`keputusan`), and the reason a return needs (`alasan-bersama`). Every field error is collected; the
/// ticks and the typed reason are kept.
struct EndorsementBulkForm: BulkForm {
    var picks: [TickedProposal] = []
    var decision: EndorsementForm.Decision?
    /// The reason as typed (kept on a refusal).
    var reason = ""
    var errors: [FieldError] = []

    init() {}

    /// Reads and checks the submitted fields.
    init(_ form: FormData) {
        picks = Self.readPicks(form, errors: &errors)
        decision = form["keputusan"].flatMap(EndorsementForm.Decision.init(rawValue:))
        reason = form["alasan-bersama"] ?? ""
        if decision == nil {
            errors.append(FieldError(field: "keputusan-bersama", message: "Pilih Setujui atau Kembalikan untuk usulan yang dicentang."))
        }
        errors += EndorsementForm.reasonErrors(decision, reason: trimmedReason, field: "alasan-bersama",
                                               missing: "Tulis alasan pengembalian; alasan yang sama dicatat pada setiap usulan yang dicentang.")
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }
}
