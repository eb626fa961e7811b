import CCrypt
import Foundation

/// Hashes and verifies passwords with yescrypt through libxcrypt (`crypt_gensalt_rn` and `crypt_rn`).
/// Hashes look like `$y$j9T$<salt>$<hash>` and carry their own parameters, so stored hashes stay
/// verifiable when the cost changes.
public struct PasswordHasher: Sendable {
    /// The longest password accepted, in UTF-8 bytes (511: libxcrypt's `CRYPT_MAX_PASSPHRASE_SIZE` less
    /// the NUL); longer input is refused rather than cut.
    public static let maximumPasswordBytes = Int(CRYPT_MAX_PASSPHRASE_SIZE) - 1

    /// yescrypt cost for `crypt_gensalt_rn`; 0 picks libxcrypt's default.
    public let cost: UInt

    public init(cost: UInt = 0) {
        self.cost = cost
    }

    /// A new yescrypt hash of `password` with a fresh random salt.
    public func hash(_ password: String) throws -> String {
        try Self.validate(password)
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        // A nil random source makes libxcrypt read the operating system's random generator.
        guard crypt_gensalt_rn("$y$", cost, nil, 0, &setting, Int32(setting.count)) != nil else {
            throw PasswordHashError.saltGenerationFailed(errno: errno)
        }
        guard let hashed = Self.crypt(password, setting: setting), !hashed.hasPrefix("*") else {
            throw PasswordHashError.hashingFailed
        }
        return hashed
    }

    /// True when `password` hashes to `hash`; false for a wrong password, an unusable password, or a
    /// malformed hash. The comparison takes the same time wherever the first difference is.
    public func verify(_ password: String, against hash: String) -> Bool {
        guard (try? Self.validate(password)) != nil, !hash.isEmpty, !hash.utf8.contains(0) else { return false }
        guard let computed = Self.crypt(password, setting: hash.utf8CString), !computed.hasPrefix("*") else {
            return false
        }
        return Self.constantTimeEqual(Array(computed.utf8), Array(hash.utf8))
    }

    /// Refuses passwords libxcrypt would misread: NUL bytes end a C string, and very long input costs time.
    static func validate(_ password: String) throws {
        if password.utf8.contains(0) { throw PasswordHashError.containsNUL }
        if password.utf8.count > maximumPasswordBytes { throw PasswordHashError.tooLong }
    }

    /// Runs `crypt_rn` with a zeroed, heap-allocated `struct crypt_data` (about 32 KiB, too big for the stack
    /// of a worker thread), wiping it afterwards since it held the password.
    private static func crypt(_ password: String, setting: some Collection<CChar>) -> String? {
        let size = MemoryLayout<crypt_data>.size
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<crypt_data>.alignment)
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        defer {
            buffer.initializeMemory(as: UInt8.self, repeating: 0, count: size)
            buffer.deallocate()
        }
        let settingBytes = Array(setting)
        return password.withCString { phrase in
            settingBytes.withUnsafeBufferPointer { settingPointer in
                guard let output = crypt_rn(phrase, settingPointer.baseAddress, buffer, Int32(size)) else {
                    return nil
                }
                return String(cString: output)
            }
        }
    }

    /// Compares every byte (and the lengths) without stopping early.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}

/// Why a password could not be hashed. Descriptions are shown to users, in Bahasa Indonesia.
public enum PasswordHashError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Longer than `PasswordHasher.maximumPasswordBytes` bytes.
    case tooLong
    /// Contains a NUL character.
    case containsNUL
    /// libxcrypt could not make a salt (no randomness available).
    case saltGenerationFailed(errno: Int32)
    /// libxcrypt returned no hash.
    case hashingFailed

    public var description: String {
        switch self {
        case .tooLong:
            "Kata sandi terlalu panjang (maksimal \(PasswordHasher.maximumPasswordBytes) byte)."
        case .containsNUL:
            "Kata sandi mengandung karakter yang tidak diizinkan."
        case .saltGenerationFailed, .hashingFailed:
            "Kata sandi tidak dapat diproses saat ini. Silakan coba lagi."
        }
    }
}
