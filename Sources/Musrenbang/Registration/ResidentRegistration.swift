import Foundation

/// What a resident submits to open an account (`/daftar`), as typed. `check()` finds every field error at once under
/// the keys of the form's inputs (`Field`); the checks that need the database are `MusrenbangService.registerResident`'s.
public struct ResidentRegistration: Hashable, Sendable {
    public var fullName: String
    public var phone: String
    public var email: String
    public var username: String
    public var password: String
    public var passwordConfirmation: String
    public var nik: String
    public var kelurahanId: KelurahanID?
    public var rwId: RWID?
    public var rtId: RTID?

    public init(fullName: String = "", phone: String = "", email: String = "", username: String = "", password: String = "",
                passwordConfirmation: String = "", nik: String = "", kelurahanId: KelurahanID? = nil, rwId: RWID? = nil,
                rtId: RTID? = nil) {
        self.fullName = fullName; self.phone = phone; self.email = email; self.username = username
        self.password = password; self.passwordConfirmation = passwordConfirmation; self.nik = nik
        self.kelurahanId = kelurahanId; self.rwId = rwId; self.rtId = rtId
    }

    /// The keys of the fields (the names of the form's inputs), in the form's order.
    public enum Field {
        public static let kelurahan = "kelurahan", rw = "rw", rt = "rt", fullName = "nama", phone = "telepon",
                          email = "email", nik = "nik", username = "nama_pengguna", password = "kata_sandi",
                          passwordConfirmation = "kata_sandi_ulang"
        /// Every field in the order the form shows them.
        public static let order = [kelurahan, rw, rt, fullName, nik, phone, email, username, password, passwordConfirmation]
    }

    /// One error per field (the first found), in the form's order.
    public static func inFormOrder(_ errors: [FieldError]) -> [FieldError] {
        var seen = Set<String>()
        let position = { (error: FieldError) in Field.order.firstIndex(of: error.field) ?? Field.order.count }
        return errors.filter { seen.insert($0.field).inserted }.sorted { position($0) < position($1) }
    }

    /// The longest full name accepted.
    public static let maximumNameLength = 100

    /// The registration with its values normalised (trimmed texts, `+628...`, a checked NIK) and every field error
    /// that needs no database.
    public struct Checked: Hashable, Sendable {
        public var fullName: String
        public var username: String
        public var phone: PhoneNumber?
        public var email: String?
        public var nik: NIK?
        public var errors: [FieldError]
    }

    /// Checks every field that needs no database; the errors come in the form's order, one per field.
    public func check() -> Checked {
        var errors: [FieldError] = []
        func refuse(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }
        if kelurahanId == nil { refuse(Field.kelurahan, "Pilih kelurahan tempat Anda tinggal.") }
        else if rwId == nil { refuse(Field.rw, "Pilih RW tempat Anda tinggal.") }
        else if rtId == nil { refuse(Field.rt, "Pilih RT tempat Anda tinggal.") }

        let name = Self.trimmed(fullName)
        if name.isEmpty { refuse(Field.fullName, "Isi nama lengkap Anda, seperti pada KTP.") }
        else if name.count > Self.maximumNameLength { refuse(Field.fullName, "Nama lengkap paling banyak \(Self.maximumNameLength) karakter.") }

        let typedPhone = Self.trimmed(phone), typedEmail = Self.trimmed(email)
        let phoneNumber = PhoneNumber(parsing: typedPhone)
        if typedPhone.isEmpty && typedEmail.isEmpty {
            refuse(Field.phone, "Isi nomor HP (seperti 0812 3456 7890) atau alamat e-mail, agar Anda dapat dihubungi.")
        } else if !typedPhone.isEmpty && phoneNumber == nil {
            refuse(Field.phone, "Isi nomor HP seperti 0812 3456 7890 atau +62 812 3456 7890.")
        }
        let emailOK = typedEmail.isEmpty || EmailAddress.isPlausible(typedEmail)
        if !emailOK { refuse(Field.email, "Isi alamat e-mail seperti nama@contoh.id, atau kosongkan bila tidak ada.") }

        var checkedNIK: NIK?
        let typedNIK = Self.trimmed(nik)
        if !typedNIK.isEmpty {
            do { checkedNIK = try NIK(checking: typedNIK) } catch { refuse(Field.nik, Self.message(error)) }
        }

        let user = Self.trimmed(username)
        if user.isEmpty { refuse(Field.username, "Buat nama pengguna, misalnya siti.aminah.") }
        else if user.count < 3 { refuse(Field.username, "Buat nama pengguna paling sedikit 3 karakter, misalnya siti.aminah.") }
        else if user.count > 64 { refuse(Field.username, "Nama pengguna paling banyak 64 karakter.") }
        else if !Self.isValidUsername(user) {
            refuse(Field.username, "Gunakan hanya huruf, angka, titik (.), garis bawah (_) atau tanda hubung (-), tanpa spasi; misalnya siti.aminah.")
        }

        let passwordProblems = PasswordPolicy.problems(password, username: user)
        if !passwordProblems.isEmpty { refuse(Field.password, passwordProblems.joined(separator: " ")) }
        if passwordConfirmation.isEmpty { refuse(Field.passwordConfirmation, "Ketik ulang kata sandi Anda.") }
        else if passwordConfirmation != password { refuse(Field.passwordConfirmation, "Ketik ulang kata sandi yang sama persis.") }

        return Checked(fullName: name, username: user, phone: phoneNumber, email: typedEmail.isEmpty || !emailOK ? nil : typedEmail,
                       nik: checkedNIK, errors: Self.inFormOrder(errors))
    }

    /// 3 to 64 ASCII letters, digits, `.`, `_` or `-`.
    public static func isValidUsername(_ username: String) -> Bool {
        (3...64).contains(username.count) && username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    static func message(_ problem: NIK.Problem) -> String {
        switch problem {
        case .notSixteenDigits: "Isi NIK dengan 16 angka seperti pada KTP, atau kosongkan."
        case .unknownProvince: "Dua angka pertama NIK bukan kode provinsi. Periksa lagi NIK pada KTP Anda."
        case .invalidBirthDate: "Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang benar. Periksa lagi NIK pada KTP Anda."
        }
    }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
