import HTTPServer
import Musrenbang

/// A form that applies one decision to several ticked rows of a work list (`pilih`, each "KODE@versi"). The rows'
/// reading and their one rule (at least one, at most `maxPicks`, each once) live here; each form adds its own fields.
protocol BulkForm {
    var picks: [TickedProposal] { get }
    var errors: [FieldError] { get }
}

extension BulkForm {
    /// The most rows one bulk action takes: each is its own transaction, and the flash names every one.
    static var maxPicks: Int { 100 }

    /// The ticked rows of `form`, each once, and the field error when there is none or too many.
    static func readPicks(_ form: FormData, errors: inout [FieldError]) -> [TickedProposal] {
        var seen = Set<TickedProposal>()
        let picks = form.values("pilih").compactMap(TickedProposal.init).filter { seen.insert($0).inserted }
        if picks.isEmpty {
            errors.append(FieldError(field: "pilih-semua", message: "Centang paling sedikit satu usulan di daftar."))
        } else if picks.count > maxPicks {
            errors.append(FieldError(field: "pilih-semua", message: "Paling banyak \(maxPicks) usulan sekaligus."))
        }
        return picks
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    func isPicked(_ code: TrackingCode) -> Bool { picks.contains { $0.code == code } }
}
