/// One migration file, `NNNN_name.sql`: its number, name, SQL text and SHA-256 checksum.
public struct Migration: Sendable, Equatable {
    /// The number in the file name; migrations run in this order, 1, 2, 3, ...
    public let version: Int
    /// The part of the file name after the number, e.g. `wilayah` for `0001_wilayah.sql`.
    public let name: String
    /// The file name, e.g. `0001_wilayah.sql`.
    public let fileName: String
    /// The SQL script.
    public let sql: String
    /// SHA-256 of the file's bytes as 64 hex digits.
    public let checksum: String

    /// Builds a migration from a file name and its bytes; `nil` when the name is not `NNNN_name.sql`.
    public init?(fileName: String, contents: [UInt8]) {
        guard let (version, name) = Self.parse(fileName: fileName) else { return nil }
        self.version = version
        self.name = name
        self.fileName = fileName
        self.sql = String(decoding: contents, as: UTF8.self)
        self.checksum = SHA256.hexDigest(contents)
    }

    /// Splits `0001_some_name.sql` into (1, "some_name"): four digits, `_`, then lower-case letters,
    /// digits and `_`, then `.sql`.
    static func parse(fileName: String) -> (version: Int, name: String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        let digits = stem.prefix(4)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              stem.dropFirst(4).first == "_" else { return nil }
        let name = stem.dropFirst(5)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }), let version = Int(digits) else { return nil }
        return (version, String(name))
    }
}

/// A migration recorded in `schema_migrations` as applied.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    /// The checksum of the file when it was applied.
    public let checksum: String
    /// When it was applied, UTC ISO-8601 (`2026-01-31T08:00:00Z`).
    public let appliedAt: String
}
