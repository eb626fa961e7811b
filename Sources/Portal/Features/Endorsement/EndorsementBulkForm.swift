import Foundation
import HTTPServer
import Musrenbang

/// Several proposals of the work list decided at once with one note: the ticked rows (`pilih`, each "KODE@versi",
/// the version the list showed), the decision (`keputusan`), and the reason a return needs (`alasan-bersama`). Every field error is collected; the
/// ticks and the typed reason are kept.
struct EndorsementBulkForm {
    /// One ticked row: the proposal and the version the list showed.
    struct Pick: Hashable {
        let code: TrackingCode
        let version: Int64

        init?(_ text: String) {
            let parts = text.split(separator: "@")
            guard parts.count == 2, let code = TrackingCode(parsing: String(parts[0])), let version = Int64(parts[1]) else { return nil }
            self.code = code
            self.version = version
        }

        /// "TGS-2027-000123@4", the checkbox's value.
        var value: String { "\(code.description)@\(version)" }
    }

    static let maxPicks = 100

    var picks: [Pick] = []
    var decision: EndorsementForm.Decision?
    /// The reason as typed (kept on a refusal).
    var reason = ""
    var errors: [FieldError] = []

    init() {}

    /// Reads and checks the submitted fields.
    init(_ form: FormData) {
        var seen = Set<Pick>()
        picks = form.values("pilih").compactMap(Pick.init).filter { seen.insert($0).inserted }
        decision = form["keputusan"].flatMap(EndorsementForm.Decision.init(rawValue:))
        reason = form["alasan-bersama"] ?? ""
        if picks.isEmpty {
            errors.append(FieldError(field: "pilih-semua", message: "Centang paling sedikit satu usulan di daftar."))
        } else if picks.count > Self.maxPicks {
            errors.append(FieldError(field: "pilih-semua", message: "Paling banyak \(Self.maxPicks) usulan sekaligus."))
        }
        if decision == nil {
            errors.append(FieldError(field: "keputusan-bersama", message: "Pilih Setujui atau Kembalikan untuk usulan yang dicentang."))
        }
        errors += EndorsementForm.reasonErrors(decision, reason: trimmedReason, field: "alasan-bersama",
                                               missing: "Tulis alasan pengembalian; alasan yang sama dicatat pada setiap usulan yang dicentang.")
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    func isPicked(_ code: TrackingCode) -> Bool { picks.contains { $0.code == code } }
}
