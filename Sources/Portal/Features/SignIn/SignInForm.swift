import Musrenbang

/// The sign-in form: what was typed (the password is never sent back) and every field error.
struct SignInForm {
    var username = ""
    var password = ""
    var returnTo = "/"
    var errors: [FieldError] = []

    /// Reads and checks the submitted fields (both required).
    init(fields: [String: String]) {
        username = (fields["nama_pengguna"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        password = fields["kata_sandi"] ?? ""
        returnTo = Portal.localPath(fields["kembali"])
        if username.isEmpty { errors.append(FieldError(field: "nama_pengguna", message: "Isi nama pengguna Anda.")) }
        if password.isEmpty { errors.append(FieldError(field: "kata_sandi", message: "Isi kata sandi Anda.")) }
    }

    init(returnTo: String) { self.returnTo = Portal.localPath(returnTo) }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
