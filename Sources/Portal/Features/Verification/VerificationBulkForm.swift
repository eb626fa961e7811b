import Foundation
import HTTPServer
import Musrenbang

/// Several proposals of the queue decided at once: the ticked rows (`pilih`, each "KODE@versi", the version the
/// queue showed), the decision (`keputusan`: terima, tolak, or kembalikan where the level may return), and the one
/// note a rejection or a return needs (`alasan-bersama`). Every field error is collected; the ticks and the typed note are kept.
struct VerificationBulkForm: BulkForm {
    var picks: [TickedProposal] = []
    var decision: VerificationDecision?
    var reason = ""
    var returnTo = VerificationPaths.queue
    var errors: [FieldError] = []

    init() {}

    /// Reads and checks the submitted fields against what `verifier`'s level may decide in bulk.
    init(_ form: FormData, verifier: Verifier) {
        picks = Self.readPicks(form, errors: &errors)
        decision = form["keputusan"].flatMap(VerificationDecision.init(rawValue:)).flatMap { Self.offered(verifier).contains($0) ? $0 : nil }
        reason = form["alasan-bersama"] ?? ""
        returnTo = Portal.localPath(form["kembali"] ?? VerificationPaths.queue)
        if decision == nil {
            let words = verifier.canReturn ? "Terima, Tolak atau Kembalikan" : "Terima atau Tolak"
            errors.append(FieldError(field: "keputusan-bersama", message: "Pilih \(words) untuk usulan yang dicentang."))
        }
        if let decision, decision.needsReason, trimmedReason.isEmpty {
            errors.append(FieldError(field: "alasan-bersama",
                                     message: "Tulis alasannya; alasan yang sama dicatat pada setiap usulan yang dicentang."))
        } else if trimmedReason.count > VerificationForm.maxReason {
            errors.append(FieldError(field: "alasan-bersama", message: "Alasan terlalu panjang: paling banyak 2.000 huruf."))
        }
    }

    /// The decisions taken in bulk: accept several; reject or return (kelurahan only) several with one note. A change
    /// of volume and cost is decided one by one.
    static func offered(_ verifier: Verifier) -> [VerificationDecision] {
        verifier.decisions.filter { $0 != .terimaDenganPerubahan }
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }
}
