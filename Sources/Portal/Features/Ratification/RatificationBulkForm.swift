import HTTPServer
import Musrenbang

/// Several funded proposals decided at once, as the meeting decides: the ticked rows (`pilih`, "KODE@versi"), one
/// decision (`keputusan`) and one reason (`alasan-bersama`, required for "tidak ditetapkan").
struct RatificationBulkForm: BulkForm {
    var picks: [TickedProposal] = []
    var decision: RatificationDecision?
    var reason = ""
    var returnTo = RatificationPaths.list
    var errors: [FieldError] = []

    init() {}

    init(_ form: FormData) {
        picks = Self.readPicks(form, errors: &errors)
        decision = form["keputusan"].flatMap(RatificationDecision.init(rawValue:))
        reason = form["alasan-bersama"] ?? ""
        returnTo = Portal.localPath(form["kembali"] ?? RatificationPaths.list)
        if decision == nil { errors.append(FieldError(field: "keputusan-bersama", message: "Pilih Tetapkan atau Tidak ditetapkan.")) }
        errors += RatificationForm.reasonErrors(reason, decision: decision, field: "alasan-bersama")
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }
}
