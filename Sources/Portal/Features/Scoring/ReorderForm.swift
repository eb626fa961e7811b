import HTTPServer
import Musrenbang

/// A manual move in the ranked list decided by the meeting: which proposal (`usulan`, its id), to which position
/// (`posisi`, 1 = first) and why (`alasan`, required: the engine logs it on every proposal whose rank changes).
struct ReorderForm {
    var proposal = ""
    var position = ""
    var reason = ""
    /// The board's `stateToken` when the page was loaded (empty: this page's board).
    var state = ""
    var errors: [FieldError] = []

    init() {}

    /// Prefilled from a row's "Naikkan"/"Turunkan" link (`?pindah=<id>&ke=<posisi>`): nothing moves until it is sent.
    init(proposal: String?, position: String?) {
        self.proposal = proposal ?? ""
        self.position = position ?? ""
    }

    init(_ form: FormData, count: Int) {
        proposal = form["usulan"] ?? ""
        position = (form["posisi"] ?? "").trimmingCharacters(in: .whitespaces)
        reason = form["alasan"] ?? ""
        state = form["keadaan"] ?? ""
        if proposalId == nil { errors.append(FieldError(field: "usulan", message: "Pilih usulan yang dipindahkan.")) }
        if let target = Int(position), (1...max(count, 1)).contains(target) {} else {
            errors.append(FieldError(field: "posisi", message: "Isi posisi baru dengan angka 1 sampai \(max(count, 1))."))
        }
        if trimmedReason.isEmpty {
            errors.append(FieldError(field: "alasan", message: "Tulis alasan musyawarah mengubah urutan; alasan ini dicatat pada riwayat usulan."))
        } else if reason.count > 2000 {
            errors.append(FieldError(field: "alasan", message: "Alasan paling banyak 2.000 huruf."))
        }
    }

    var proposalId: ProposalID? { Int64(proposal).flatMap { $0 > 0 ? ProposalID($0) : nil } }
    var targetPosition: Int? { Int(position) }
    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
