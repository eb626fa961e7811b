import Storage

/// Random tokens of the portal (session ids, CSRF tokens): 256 bits from the system's CSPRNG
/// (`SystemRandomNumberGenerator`, getrandom(2) on Linux), as 64 hex digits.
enum SessionToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        text.reserveCapacity(64)
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }

    /// What is stored for a session id: its SHA-256, so the database never holds a live cookie value.
    static func storedHash(_ token: String) -> String { SHA256.hexDigest(token.utf8) }

    /// Whether `text` looks like a token (64 lower-case hex digits); anything else is not looked up.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
