import HTTPServer
import Musrenbang

/// The scoring table as submitted: one 1-5 field per candidate and criterion (`n-<proposal>-<criterion>`), saved at
/// once. An empty field leaves a candidate unscored (it gets no rank); a stored score cannot be emptied. When the
/// meeting has reordered by hand, saving re-ranks from the scores only with "atur ulang urutan" and its reason.
struct ScoreSheetForm {
    /// What each field shows (stored scores, or what was typed).
    var values: [String: String] = [:]
    var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
    /// The board's `stateToken` when the page was loaded.
    var state = ""
    var resetOrder = false
    var resetReason = ""
    var errors: [FieldError] = []

    static func field(_ proposal: ProposalID, _ criterion: ScoringCriterionID) -> String { "n-\(proposal.rawValue)-\(criterion.rawValue)" }
    static let resetField = "atur_ulang"
    static let resetReasonField = "alasan_atur_ulang"

    /// The stored scores of `board`.
    init(_ board: ScoringBoard) {
        state = board.stateToken
        for row in board.rows {
            for (criterion, score) in row.scores { values[Self.field(row.proposal.id, criterion)] = String(score) }
        }
    }

    /// Reads and checks every field of `form` against `board` (its candidates and criteria).
    init(_ form: FormData, board: ScoringBoard) {
        state = form["keadaan"] ?? ""
        for row in board.rows {
            for criterion in board.criteria {
                let name = Self.field(row.proposal.id, criterion.id)
                let typed = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
                values[name] = typed
                let subject = "\(criterion.name) untuk \(row.proposal.trackingCode.description)"
                if typed.isEmpty {
                    if row.scores[criterion.id] != nil {
                        errors.append(FieldError(field: name, message: "Nilai \(subject) sudah tersimpan dan tidak dapat dikosongkan: isi 1 sampai 5."))
                    }
                    continue
                }
                guard let score = Int(typed), ScoringCriterion.scoreRange.contains(score) else {
                    errors.append(FieldError(field: name, message: "Isi nilai \(subject) dengan angka 1 sampai 5."))
                    continue
                }
                scores[row.proposal.id, default: [:]][criterion.id] = score
            }
        }
        resetOrder = form[Self.resetField] == "1"
        resetReason = form[Self.resetReasonField] ?? ""
        if board.manualOrder {
            if !resetOrder {
                errors.append(FieldError(field: Self.resetField, message: "Urutan sudah diubah manual oleh musyawarah. Centang \"Atur ulang urutan dari nilai\" "
                                         + "bila musyawarah memutuskan menyusun peringkat dari nilai lagi."))
            } else if trimmedResetReason.isEmpty {
                errors.append(FieldError(field: Self.resetReasonField, message: "Tulis alasan musyawarah mengatur ulang urutan."))
            }
        }
        if resetReason.count > 2000 { errors.append(FieldError(field: Self.resetReasonField, message: "Alasan paling banyak 2.000 huruf.")) }
    }

    var trimmedResetReason: String { resetReason.trimmingCharacters(in: .whitespacesAndNewlines) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
