import HTTPServer
import Musrenbang

/// Several funded proposals decided at once, as the meeting decides: the ticked rows (`pilih`, "KODE@versi"), one
/// decision (`keputusan`) and one reason (`alasan-bersama`, required for "tidak ditetapkan").
struct RatificationBulkForm {
    typealias Pick = EndorsementBulkForm.Pick

    static let maxPicks = 100

    var picks: [Pick] = []
    var decision: RatificationDecision?
    var reason = ""
    var returnTo = RatificationPaths.list
    var errors: [FieldError] = []

    init() {}

    init(_ form: FormData) {
        var seen = Set<Pick>()
        picks = form.values("pilih").compactMap(Pick.init).filter { seen.insert($0).inserted }
        decision = form["keputusan"].flatMap(RatificationDecision.init(rawValue:))
        reason = form["alasan-bersama"] ?? ""
        returnTo = Portal.localPath(form["kembali"] ?? RatificationPaths.list)
        if picks.isEmpty {
            errors.append(FieldError(field: "pilih-semua", message: "Centang paling sedikit satu usulan di daftar."))
        } else if picks.count > Self.maxPicks {
            errors.append(FieldError(field: "pilih-semua", message: "Paling banyak \(Self.maxPicks) usulan sekaligus."))
        }
        if decision == nil { errors.append(FieldError(field: "keputusan-bersama", message: "Pilih Tetapkan atau Tidak ditetapkan.")) }
        errors += RatificationForm.reasonErrors(reason, decision: decision, field: "alasan-bersama")
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    func isPicked(_ code: TrackingCode) -> Bool { picks.contains { $0.code == code } }
}
