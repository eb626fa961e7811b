import HTTPServer
import Musrenbang

/// One wilayah change as typed. Adding a kecamatan: `kecamatan-kode`, `kecamatan-nama`; adding a kelurahan:
/// `kelurahan-kecamatan`, `kelurahan-kode`, `kelurahan-nama`; renaming kecamatan or kelurahan N: `nama-kecamatan-N` or
/// `nama-kelurahan-N` (codes never change); adding an RW: `rw-nomor`; adding an RT: `rt-rw`, `rt-nomor`. Nothing is
/// removed: a wilayah once added may be named by proposals and accounts. The engine checks each value and duplicates.
struct WilayahForm {
    enum Change: Equatable {
        case addKecamatan
        case renameKecamatan(Int64)
        case addKelurahan
        case renameKelurahan(Int64)
        case addRW
        case addRT
    }

    var change: Change?
    var texts: [String: String] = [:]
    var errors: [FieldError] = []

    static func renameField(_ kind: String, _ id: Int64) -> String { "nama-\(kind)-\(id)" }

    init() {}

    init(_ form: FormData, change: Change) {
        self.change = change
        func take(_ name: String, _ message: String) {
            let text = form[name] ?? ""
            texts[name] = text
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append(FieldError(field: name, message: message)) }
        }
        func number(_ name: String, _ what: String) {
            let text = form[name] ?? ""
            texts[name] = text
            if Int(text.trimmingCharacters(in: .whitespaces)).map({ (1...999).contains($0) }) != true {
                errors.append(FieldError(field: name, message: "Tulis nomor \(what) dengan angka 1 sampai 999, misalnya 3."))
            }
        }
        switch change {
        case .addKecamatan:
            take("kecamatan-kode", "Tulis kode kecamatan, misalnya 367401.")
            take("kecamatan-nama", "Tulis nama kecamatan, misalnya Serpong.")
        case .renameKecamatan(let id):
            take(Self.renameField("kecamatan", id), "Tulis nama baru kecamatan ini.")
        case .addKelurahan:
            take("kelurahan-kecamatan", "Pilih kecamatan kelurahan ini.")
            take("kelurahan-kode", "Tulis kode kelurahan, misalnya 3674011001.")
            take("kelurahan-nama", "Tulis nama kelurahan, misalnya Lengkong Karya.")
        case .renameKelurahan(let id):
            take(Self.renameField("kelurahan", id), "Tulis nama baru kelurahan ini.")
        case .addRW:
            number("rw-nomor", "RW")
        case .addRT:
            take("rt-rw", "Pilih RW tempat RT ini.")
            number("rt-nomor", "RT")
        }
    }

    func text(_ name: String) -> String { texts[name] ?? "" }
    func trimmed(_ name: String) -> String { text(name).trimmingCharacters(in: .whitespacesAndNewlines) }
    func number(_ name: String) -> Int { Int(text(name).trimmingCharacters(in: .whitespaces)) ?? 0 }

    /// The engine's refusal beside the field of this change; nil for another error.
    func fieldErrors(for error: Error) -> [FieldError]? {
        let (codeField, nameField): (String, String) = switch change {
        case .addKecamatan: ("kecamatan-kode", "kecamatan-nama")
        case .renameKecamatan(let id): (Self.renameField("kecamatan", id), Self.renameField("kecamatan", id))
        case .addKelurahan: ("kelurahan-kode", "kelurahan-nama")
        case .renameKelurahan(let id): (Self.renameField("kelurahan", id), Self.renameField("kelurahan", id))
        case .addRW: ("rw-nomor", "rw-nomor")
        case .addRT, nil: ("rt-nomor", "rt-nomor")
        }
        switch error {
        case DomainError.invalidFields(let fields):
            return fields.map { $0.placed(at: $0.field == "kode" ? codeField : nameField) }
        case PersistenceError.duplicate:
            let message = switch change {
            case .addRW: "Nomor RW ini sudah ada di kelurahan ini."
            case .addRT: "Nomor RT ini sudah ada di RW itu."
            default: "Kode atau nama ini sudah dipakai wilayah lain; pilih yang lain."
            }
            return [FieldError(field: change == .addRW || change == .addRT ? nameField : codeField, message: message)]
        default: return nil
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
