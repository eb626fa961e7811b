import Testing
@testable import Musrenbang

@Suite("PasswordHasher: yescrypt through libxcrypt")
struct PasswordHasherTests {
    let hasher = PasswordHasher()

    @Test func hashIsYescryptAndVerifies() throws {
        let hash = try hasher.hash("rahasia-Kelurahan-2026")
        #expect(hash.hasPrefix("$y$"))
        #expect(hash.split(separator: "$").count == 4)
        #expect(hasher.verify("rahasia-Kelurahan-2026", against: hash))
    }

    @Test func wrongPasswordsFail() throws {
        let hash = try hasher.hash("rahasia")
        for wrong in ["", "Rahasia", "rahasia ", "rahasi", "rahasia\u{0}", "rahasiarahasia"] {
            #expect(!hasher.verify(wrong, against: hash), "\(wrong.debugDescription)")
        }
    }

    @Test func saltsDiffer() throws {
        let first = try hasher.hash("sama")
        let second = try hasher.hash("sama")
        #expect(first != second)
        #expect(hasher.verify("sama", against: first) && hasher.verify("sama", against: second))
    }

    @Test func unicodeAndEmptyPasswords() throws {
        for password in ["", "kata sandi 🇮🇩 ñ 日本", String(repeating: "é", count: 255)] {
            let hash = try hasher.hash(password)
            #expect(hasher.verify(password, against: hash))
        }
    }

    @Test func hashMadeElsewhereVerifies() {
        // Made independently with Python's crypt module (the system libxcrypt) for "password": hashes stored
        // by other tools stay valid.
        let stored = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$tnSYvahCwPBHKZUspmcxMfb0.WiB9W.zEaKlOBL35rC"
        #expect(hasher.verify("password", against: stored))
        #expect(!hasher.verify("Password", against: stored))
        // One changed character of the stored hash fails too.
        #expect(!hasher.verify("password", against: String(stored.dropLast()) + "D"))
    }

    @Test func overlongAndNULPasswordsAreRefused() throws {
        #expect(PasswordHasher.maximumPasswordBytes == 511)
        let limit = String(repeating: "a", count: PasswordHasher.maximumPasswordBytes)
        let hash = try hasher.hash(limit)
        #expect(hasher.verify(limit, against: hash))
        #expect(throws: PasswordHashError.tooLong) { try hasher.hash(limit + "a") }
        #expect(!hasher.verify(limit + "a", against: hash))
        // Multi-byte characters count in bytes: 256 × "é" is 512 bytes.
        #expect(throws: PasswordHashError.tooLong) { try hasher.hash(String(repeating: "é", count: 256)) }
        #expect(throws: PasswordHashError.containsNUL) { try hasher.hash("abc\u{0}def") }
        #expect(PasswordHashError.tooLong.description.contains("Kata sandi"))
    }

    @Test func malformedHashesNeverVerify() {
        for hash in ["", "*", "*0", "$y$", "$y$j9T$", "plain-text", "$1$short", "$y$j9T$salt$hash\u{0}tail"] {
            #expect(!hasher.verify("password", against: hash), "\(hash.debugDescription)")
        }
    }

    @Test func constantTimeComparison() {
        #expect(PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(!PasswordHasher.constantTimeEqual([], [0]))
        #expect(PasswordHasher.constantTimeEqual([], []))
    }

    @Test func hashingFromManyTasksAtOnce() async throws {
        // Each call has its own crypt_data, so concurrent use is safe.
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let hasher = PasswordHasher()
                    let hash = try hasher.hash("sandi-\(index)")
                    return hasher.verify("sandi-\(index)", against: hash) && !hasher.verify("sandi-x", against: hash)
                }
            }
            for try await result in group { #expect(result) }
        }
    }
}
