import HTTPServer
import Musrenbang

/// The criteria table as typed: per kelurahan one field per criterion (`penduduk-<id>`, `luas-<id>`, `pbb-<id>`,
/// `miskin-<id>`), the version of the stored inputs the table was read at (`versi`) and the reason (`alasan`, needed
/// once a berita acara is locked). A kelurahan left blank that has no inputs yet is skipped; one partly filled is
/// refused. Only the kelurahan whose values changed go to the engine.
struct CeilingInputForm {
    var texts: [String: String] = [:]
    var reason = ""
    var version = ""
    var errors: [FieldError] = []
    /// The kelurahan whose values changed, read.
    var changed: [CeilingInput] = []

    init() {}

    init(_ form: FormData, sheet: CeilingInputSheet) {
        reason = form["alasan"] ?? ""
        version = form["versi"] ?? ""
        for row in sheet.rows {
            let id = row.kelurahan.id.rawValue
            for criterion in CeilingCriterion.allCases {
                let name = CeilingInputColumn.field(criterion, id)
                texts[name] = form[name] ?? ""
            }
            let typed = CeilingCriterion.allCases.map { texts[CeilingInputColumn.field($0, id)] ?? "" }
            if row.stored == nil, typed.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var values: [CeilingCriterion: Int64] = [:]
            for criterion in CeilingCriterion.allCases {
                let name = CeilingInputColumn.field(criterion, id)
                guard let value = CeilingInputColumn.number(texts[name] ?? "") else {
                    errors.append(FieldError(field: name, message: "Kelurahan \(row.kelurahan.name): \(CeilingInputColumn.invalid(criterion))"))
                    continue
                }
                guard value <= CeilingCalculator.maxCriterionValue else {
                    errors.append(FieldError(field: name, message: "Kelurahan \(row.kelurahan.name): \(CeilingInputColumn.outOfRange(criterion))"))
                    continue
                }
                values[criterion] = value
            }
            guard values.count == CeilingCriterion.allCases.count else { continue }
            let input = CeilingInput(areaId: id, values: values)
            if input != row.stored { changed.append(input) }
        }
    }

    var trimmedReason: String? {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// What the field shows: as typed after a refusal, else the stored value (blank when none).
    func value(_ criterion: CeilingCriterion, _ row: CeilingInputSheet.Row) -> String {
        let name = CeilingInputColumn.field(criterion, row.kelurahan.id.rawValue)
        if let typed = texts[name] { return typed }
        return row.stored.map { CeilingInputColumn.text($0.value(criterion)) } ?? ""
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
