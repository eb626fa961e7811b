import HTTPServer
import Musrenbang

/// A perangkat daerah as typed: `kode` (when adding; codes never change), `nama` and `singkatan`, or, to rename the
/// OPD with id N, `nama-N` and `singkatan-N`. The engine checks each text and that a code is not taken.
struct OPDForm {
    /// The OPD renamed (nil when adding one).
    var renaming: OPDID?
    var code = ""
    var name = ""
    var shortName = ""
    var errors: [FieldError] = []

    static func nameField(_ id: OPDID?) -> String { id.map { "nama-\($0)" } ?? "nama" }
    static func shortField(_ id: OPDID?) -> String { id.map { "singkatan-\($0)" } ?? "singkatan" }

    init() {}

    init(_ form: FormData, renaming: OPDID?) {
        self.renaming = renaming
        code = renaming == nil ? form["kode"] ?? "" : ""
        name = form[Self.nameField(renaming)] ?? ""
        shortName = form[Self.shortField(renaming)] ?? ""
        if renaming == nil, code.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "kode", message: "Tulis kode perangkat daerah, misalnya DISHUB."))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: Self.nameField(renaming), message: "Tulis nama perangkat daerah, misalnya Dinas Perhubungan."))
        }
        if shortName.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: Self.shortField(renaming), message: "Tulis singkatannya, misalnya DISHUB."))
        }
    }

    /// The engine's refusal beside its field; nil for another error.
    func fieldErrors(for error: Error) -> [FieldError]? {
        switch error {
        case DomainError.invalidFields(let fields):
            fields.map { field in
                let name = switch field.field {
                case "kode": "kode"
                case "singkatan": Self.shortField(renaming)
                default: Self.nameField(renaming)
                }
                return field.placed(at: name)
            }
        case PersistenceError.duplicate: [FieldError(field: "kode", message: "Kode ini sudah dipakai perangkat daerah lain; pilih kode lain.")]
        default: nil
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
