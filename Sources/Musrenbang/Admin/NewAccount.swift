/// An account the admin sistem creates: username, display name, roles, and optional personal data.
/// The password is passed beside it and stored only as a hash.
public struct NewAccount: Hashable, Sendable {
    public var username: String
    public var displayName: String
    public var roles: [RoleAssignment]
    public var nik: String?
    public var phone: String?
    public var email: String?

    /// An account to create with these roles.
    public init(username: String, displayName: String, roles: [RoleAssignment], nik: String? = nil, phone: String? = nil,
                email: String? = nil) {
        self.username = username; self.displayName = displayName; self.roles = roles; self.nik = nik
        self.phone = phone; self.email = email
    }

    /// The shortest password accepted from the admin: the same as a resident's (`PasswordPolicy`).
    public static let minimumPasswordLength = PasswordPolicy.minimumLength

    /// The account with trimmed texts; every invalid field (the password's too) reported at once.
    func validated(password: String) throws(DomainError) -> NewAccount {
        var errors = FieldErrors(), copy = self
        copy.username = errors.text(username, "nama pengguna", maxLength: 64)
        errors.check(copy.username.count >= 3, "nama pengguna", "paling sedikit 3 karakter")
        errors.check(copy.username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) },
                     "nama pengguna", "hanya huruf, angka, titik, garis bawah dan tanda hubung")
        copy.displayName = errors.text(displayName, "nama lengkap")
        errors.append(Self.passwordErrors(password, username: copy.username))
        errors.check(!roles.isEmpty, "peran", "minimal satu peran")
        if let nik {
            errors.check(nik.count == 16 && nik.allSatisfy { $0.isASCII && $0.isNumber }, "NIK", "16 angka")
        }
        try errors.throwIfAny()
        return copy
    }

    /// The errors of a new password: the rule of `/daftar` (`PasswordPolicy`: at least 8 characters, not a password
    /// everyone tries first, not the username; characters libxcrypt cannot take), each problem in words.
    static func passwordErrors(_ password: String, username: String) -> [FieldError] {
        PasswordPolicy.problems(password, username: username).map { FieldError(field: "kata sandi", message: $0) }
    }
}
