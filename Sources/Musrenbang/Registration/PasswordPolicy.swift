/// The rule for a password a person chooses: at least 8 characters, not one of the passwords everyone tries first,
/// not the username; each problem said as what to do, in Indonesian.
public enum PasswordPolicy {
    /// The shortest password accepted.
    public static let minimumLength = 8

    /// Passwords tried first by anyone guessing (Indonesian and English), compared without case.
    public static let common: Set<String> = [
        "password", "password1", "password123", "passw0rd", "12345678", "123456789", "1234567890", "87654321",
        "11111111", "00000000", "qwerty123", "qwertyuiop", "asdfghjkl", "iloveyou", "abcd1234", "abc12345",
        "admin123", "welcome1", "bismillah", "indonesia", "rahasia123", "sayang123", "sayangku", "katasandi",
        "kata sandi", "merdeka45", "jakarta123", "bismillah123", "indonesia123", "rahasia1", "cintaku123", "12341234",
    ]

    /// What is wrong with `password` for an account named `username` (empty: nothing).
    public static func problems(_ password: String, username: String) -> [String] {
        guard !password.isEmpty else { return ["Buat kata sandi paling sedikit \(minimumLength) karakter."] }
        var problems: [String] = []
        if password.count < minimumLength {
            problems.append("Kata sandi terlalu pendek: buat paling sedikit \(minimumLength) karakter.")
        } else if common.contains(password.lowercased()) {
            problems.append("Kata sandi ini terlalu mudah ditebak. Pilih kata sandi lain, misalnya gabungan beberapa kata.")
        }
        if !username.isEmpty && password.lowercased() == username.lowercased() {
            problems.append("Kata sandi tidak boleh sama dengan nama pengguna.")
        }
        if password.utf8.count > PasswordHasher.maximumPasswordBytes {
            problems.append("Kata sandi terlalu panjang: paling banyak \(PasswordHasher.maximumPasswordBytes) karakter.")
        }
        if password.utf8.contains(0) { problems.append("Kata sandi mengandung karakter yang tidak diizinkan.") }
        return problems
    }
}
