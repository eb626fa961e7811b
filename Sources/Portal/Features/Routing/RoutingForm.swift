import HTTPServer
import Musrenbang

/// One F2 proposal's routing: the version shown (`versi`), the target (`tujuan`), the meeting's note (`catatan`,
/// required to reject). Every field error is collected; what was chosen and typed is kept.
struct RoutingForm {
    static let maxNote = 2000

    var version: Int64?
    var target: RouteTarget?
    var note = ""
    var errors: [FieldError] = []

    /// The form as first shown: the proposal's version and its kamus item's OPD proposed.
    init(_ proposal: Proposal) {
        version = proposal.version
        target = .opd(proposal.opdId)
    }

    init(_ form: FormData, opds: [OPD]) {
        version = form["versi"].flatMap { Int64($0) }
        target = RouteTarget(form["tujuan"], opds: opds)
        note = form["catatan"] ?? ""
        if version == nil { errors.append(FieldError(field: "tujuan", message: "Muat ulang halaman usulan, lalu kirim lagi.")) }
        if target == nil || target == .kamusOPD {
            errors.append(FieldError(field: "tujuan", message: "Pilih perangkat daerah tujuan, Pokir DPRD, atau tolak."))
        }
        errors += Self.noteErrors(note, target: target, field: "catatan")
    }

    static func noteErrors(_ note: String, target: RouteTarget?, field: String) -> [FieldError] {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if target?.needsReason == true && trimmed.isEmpty {
            return [FieldError(field: field, message: "Tulis alasan penolakannya; alasan ini dicatat pada riwayat usulan dan dibaca pengusul.")]
        }
        if trimmed.count > maxNote { return [FieldError(field: field, message: "Catatan terlalu panjang: paling banyak 2.000 huruf.")] }
        return []
    }

    var trimmedNote: String { note.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
