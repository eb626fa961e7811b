import HTTPServer
import Musrenbang

/// One OPD's Musrenbang ceiling as typed: `opd` (its id), `pagu-<id>` in rupiah (dots allowed) and `alasan-<id>`
/// (required by the engine once a berita acara of the cycle is signed).
struct OPDCeilingForm {
    var opdId: OPDID?
    var amount = ""
    var reason = ""
    var errors: [FieldError] = []

    static func amountField(_ id: OPDID) -> String { "pagu-\(id)" }
    static func reasonField(_ id: OPDID) -> String { "alasan-\(id)" }

    init?(_ form: FormData) {
        guard let raw = form["opd"].flatMap({ Int64($0) }) else { return nil }
        let id = OPDID(raw)
        opdId = id
        amount = form[Self.amountField(id)] ?? ""
        reason = form[Self.reasonField(id)] ?? ""
        if VerificationForm.number(amount) == nil {
            errors.append(FieldError(field: Self.amountField(id), message: "Tulis pagu dalam rupiah, misalnya 2.500.000.000."))
        }
        if trimmedReason.count > 2_000 {
            errors.append(FieldError(field: Self.reasonField(id), message: "Alasan terlalu panjang: paling banyak 2.000 huruf."))
        }
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    var value: Int64? { errors.isEmpty ? VerificationForm.number(amount) : nil }
}
