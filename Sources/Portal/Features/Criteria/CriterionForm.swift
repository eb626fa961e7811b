import HTTPServer
import Musrenbang

/// A scoring criterion as typed: when adding, `kode`, `nama`, `bobot`; when changing the criterion with id N,
/// `nama-N` and `bobot-N`. A weight is a whole number from 1 to 1.000.000 (the engine's range).
struct CriterionForm {
    /// The criterion changed (nil when adding one).
    var changing: ScoringCriterionID?
    var code = ""
    var name = ""
    var weight = ""
    var errors: [FieldError] = []

    static func nameField(_ id: ScoringCriterionID?) -> String { id.map { "nama-\($0)" } ?? "nama" }
    static func weightField(_ id: ScoringCriterionID?) -> String { id.map { "bobot-\($0)" } ?? "bobot" }

    init() {}

    init(_ form: FormData, changing: ScoringCriterionID?) {
        self.changing = changing
        code = changing == nil ? form["kode"] ?? "" : ""
        name = form[Self.nameField(changing)] ?? ""
        weight = form[Self.weightField(changing)] ?? ""
        if changing == nil, code.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "kode", message: "Tulis kode kriteria, misalnya K1."))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: Self.nameField(changing), message: "Tulis nama kriteria, misalnya Tingkat kemendesakan."))
        }
        if weightValue == nil {
            errors.append(FieldError(field: Self.weightField(changing), message: "Tulis bobot sebagai angka bulat dari 1 sampai 1.000.000, misalnya 30."))
        }
    }

    var weightValue: Int? {
        guard let value = Int(weight.trimmingCharacters(in: .whitespaces)), (1...1_000_000).contains(value) else { return nil }
        return value
    }

    /// The engine's refusal beside its field; nil for another error.
    func fieldErrors(for error: Error) -> [FieldError]? {
        switch error {
        case DomainError.invalidFields(let fields):
            fields.map { field in
                let name = switch field.field {
                case "kode": "kode"
                case "bobot": Self.weightField(changing)
                default: Self.nameField(changing)
                }
                return field.placed(at: name)
            }
        case DomainError.changeRequired: [FieldError(field: Self.nameField(changing), message: "Tidak ada yang berubah: ubah nama atau bobotnya.")]
        case PersistenceError.duplicate: [FieldError(field: "kode", message: "Kode ini sudah dipakai kriteria lain pada siklus ini; pilih kode lain.")]
        default: nil
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
