import HTTPServer
import Musrenbang

/// The new-account form: username, name, one role with its scope, the password the admin hands over in person (the
/// residents' rule, checked by the engine), and optional personal data. Keeps every answer and every field error.
struct NewAccountForm {
    var username = ""
    var displayName = ""
    var choice: RoleChoice?
    var password = ""
    var nik = ""
    var phone = ""
    var email = ""
    var errors: [FieldError] = []

    init() {}

    init(_ form: FormData, directory: ScopeDirectory) {
        username = (form["nama_pengguna"] ?? "").trimmingCharacters(in: .whitespaces)
        displayName = form["nama"] ?? ""
        password = form["kata_sandi"] ?? ""
        nik = (form["nik"] ?? "").trimmingCharacters(in: .whitespaces)
        phone = (form["telepon"] ?? "").trimmingCharacters(in: .whitespaces)
        email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        let choice = RoleChoice(role: form["peran"], scope: form["cakupan"], rw: form["rw"], rt: form["rt"], directory: directory)
        self.choice = choice
        errors = choice.errors
    }

    /// The engine's value (roles may be empty: the engine then names the field too).
    var newAccount: NewAccount {
        NewAccount(username: username, displayName: displayName, roles: choice?.assignment.map { [$0] } ?? [],
                   nik: nik.isEmpty ? nil : nik, phone: phone.isEmpty ? nil : phone, email: email.isEmpty ? nil : email)
    }

    /// The engine's field names ("nama pengguna", "kata sandi", "NIK") as this form's fields.
    static func field(_ engineField: String) -> String {
        switch engineField {
        case "nama pengguna": "nama_pengguna"
        case "nama lengkap": "nama"
        case "kata sandi": "kata_sandi"
        case "NIK": "nik"
        case "peran": "peran"
        default: engineField
        }
    }

    /// Adds the engine's refusal as field errors (merged with the form's own, no field twice for the same message).
    mutating func add(_ engineErrors: [FieldError]) {
        for error in engineErrors {
            let mapped = FieldError(field: Self.field(error.field), message: Self.sentence(error))
            if !errors.contains(mapped) { errors.append(mapped) }
        }
    }

    /// "wajib diisi" becomes "Nama pengguna: wajib diisi."; a sentence (the password rule's) stays as it is.
    static func sentence(_ error: FieldError) -> String {
        guard let first = error.message.first, !first.isUppercase else { return error.message }
        let subject = error.field.prefix(1).uppercased() + error.field.dropFirst()
        return "\(subject): \(error.message)."
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    func render(directory: ScopeDirectory, csrfToken: String) -> HTML {
        let choice = self.choice ?? RoleChoice(role: nil, scope: nil, directory: directory)
        return """
            \(FormViews.errorSummary(errors))
            <h1>Buat akun baru</h1>
            <p class="lead">Akun petugas dibuat oleh Admin Sistem. Serahkan kata sandi awal langsung kepada pemilik akun, jangan lewat pesan yang tersimpan.</p>
            <form method="post" action="\(AccountsPaths.new)" novalidate>
            \(FormViews.csrf(csrfToken))
            \(FormViews.field("nama_pengguna", label: "Nama pengguna", value: username, hint: "Huruf, angka, titik, garis bawah atau tanda hubung; misalnya op.pondokkarya.", error: error("nama_pengguna"), autocomplete: "off"))
            \(FormViews.field("nama", label: "Nama lengkap", value: displayName, error: error("nama"), autocomplete: "off"))
            \(choice.fields(directory: directory, errors: errors))
            \(FormViews.field("kata_sandi", label: "Kata sandi awal", value: "", type: "password", hint: "Paling sedikit 8 karakter, bukan kata sandi yang mudah ditebak seperti 12345678, dan tidak sama dengan nama pengguna.", error: error("kata_sandi"), autocomplete: "new-password"))
            <fieldset><legend>Data pribadi (tidak wajib, hanya terlihat oleh Admin Sistem)</legend>
            \(FormViews.field("nik", label: "NIK", value: nik, hint: "16 angka.", error: error("nik"), required: false, inputMode: "numeric"))
            \(FormViews.field("telepon", label: "Nomor telepon", value: phone, type: "tel", error: error("telepon"), required: false))
            \(FormViews.field("email", label: "E-mail", value: email, type: "email", error: error("email"), required: false))
            </fieldset>
            <button type="submit">Buat akun</button>
            </form>
            <p><a href="\(AccountsPaths.list)">Kembali ke daftar akun</a></p>
            """
    }
}
