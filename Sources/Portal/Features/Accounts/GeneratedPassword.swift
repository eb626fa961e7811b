import Musrenbang

/// A strong password the portal makes for a reset: 16 characters in four groups from 31 letters and digits that
/// cannot be mistaken for each other (no 0/o, 1/l/i), about 79 bits from the system's random generator. It meets the
/// residents' rule (`PasswordPolicy`) by construction; the engine checks it again.
enum GeneratedPassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<4).map { _ in String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }) }
        return groups.joined(separator: "-")
    }
}
