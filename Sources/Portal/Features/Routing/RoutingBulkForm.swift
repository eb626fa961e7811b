import HTTPServer
import Musrenbang

/// Several F2 proposals routed at once: the ticked rows (`pilih`, each "KODE@versi"), one target (`tujuan`: the
/// kamus item's OPD of each, one OPD, Pokir DPRD, or reject) and one note (`catatan-bersama`, required to reject).
struct RoutingBulkForm {
    typealias Pick = EndorsementBulkForm.Pick

    static let maxPicks = 100

    var picks: [Pick] = []
    var target: RouteTarget?
    var note = ""
    var returnTo = RoutingPaths.list
    var errors: [FieldError] = []

    init() {}

    init(_ form: FormData, opds: [OPD]) {
        var seen = Set<Pick>()
        picks = form.values("pilih").compactMap(Pick.init).filter { seen.insert($0).inserted }
        target = RouteTarget(form["tujuan"], opds: opds)
        note = form["catatan-bersama"] ?? ""
        returnTo = Portal.localPath(form["kembali"] ?? RoutingPaths.list)
        if picks.isEmpty {
            errors.append(FieldError(field: "pilih-semua", message: "Centang paling sedikit satu usulan di daftar."))
        } else if picks.count > Self.maxPicks {
            errors.append(FieldError(field: "pilih-semua", message: "Paling banyak \(Self.maxPicks) usulan sekaligus."))
        }
        if target == nil {
            errors.append(FieldError(field: "tujuan-bersama", message: "Pilih tujuan untuk usulan yang dicentang."))
        }
        errors += RoutingForm.noteErrors(note, target: target, field: "catatan-bersama")
    }

    var trimmedNote: String { note.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    func isPicked(_ code: TrackingCode) -> Bool { picks.contains { $0.code == code } }
}
