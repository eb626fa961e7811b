import HTTPServer
import Musrenbang

/// Several F2 proposals routed at once: the ticked rows (`pilih`, each "KODE@versi"), one target (`tujuan`: the
/// kamus item's OPD of each, one OPD, Pokir DPRD, or reject) and one note (`catatan-bersama`, required to reject).
struct RoutingBulkForm: BulkForm {
    var picks: [TickedProposal] = []
    var target: RouteTarget?
    var note = ""
    var returnTo = RoutingPaths.list
    var errors: [FieldError] = []

    init() {}

    init(_ form: FormData, opds: [OPD]) {
        picks = Self.readPicks(form, errors: &errors)
        target = RouteTarget(form["tujuan"], opds: opds)
        note = form["catatan-bersama"] ?? ""
        returnTo = Portal.localPath(form["kembali"] ?? RoutingPaths.list)
        if target == nil {
            errors.append(FieldError(field: "tujuan-bersama", message: "Pilih tujuan untuk usulan yang dicentang."))
        }
        errors += RoutingForm.noteErrors(note, target: target, field: "catatan-bersama")
    }

    var trimmedNote: String { note.trimmingCharacters(in: .whitespacesAndNewlines) }
}
