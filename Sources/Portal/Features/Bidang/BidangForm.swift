import HTTPServer
import Musrenbang

/// A bidang as typed: `kode` (when adding; codes never change) and `nama`, or, to rename the bidang with id N,
/// `nama-N`. The engine checks each text and that a code is not taken.
struct BidangForm {
    /// The bidang renamed (nil when adding one).
    var renaming: BidangID?
    var code = ""
    var name = ""
    var errors: [FieldError] = []

    static func nameField(_ renaming: BidangID?) -> String { renaming.map { "nama-\($0)" } ?? "nama" }

    init() {}

    init(_ form: FormData, renaming: BidangID?) {
        self.renaming = renaming
        code = renaming == nil ? form["kode"] ?? "" : ""
        name = form[Self.nameField(renaming)] ?? ""
        if renaming == nil, code.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "kode", message: "Tulis kode bidang, misalnya EKO."))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: Self.nameField(renaming), message: "Tulis nama bidang, misalnya Ekonomi."))
        }
    }

    /// The engine's refusal beside its field; nil for another error.
    func fieldErrors(for error: Error) -> [FieldError]? {
        switch error {
        case DomainError.invalidFields(let fields):
            fields.map { $0.placed(at: $0.field == "kode" ? "kode" : Self.nameField(renaming)) }
        case PersistenceError.duplicate: [FieldError(field: "kode", message: "Kode ini sudah dipakai bidang lain; pilih kode lain.")]
        default: nil
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
