import Foundation

/// Applies the numbered `.sql` files of a directory to a database, each once, each in its own transaction,
/// and records them with their checksums in `schema_migrations`.
public struct Migrator: Sendable {
    /// The directory holding `NNNN_name.sql` files.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The migrations in the directory, in order; refuses bad names, duplicate numbers and gaps.
    /// Files not ending in `.sql` (a README, say) and hidden files are ignored.
    public func migrations() throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError.unreadable(path: directory, reason: error.localizedDescription)
        }
        var loaded: [Migration] = []
        for fileName in names.sorted() where fileName.hasSuffix(".sql") && !fileName.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(fileName)
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw MigrationError.unreadable(path: path, reason: "not a readable file")
            }
            guard let migration = Migration(fileName: fileName, contents: [UInt8](contents)) else {
                throw MigrationError.badFileName(fileName)
            }
            loaded.append(migration)
        }
        for (version, group) in Dictionary(grouping: loaded, by: \.version) where group.count > 1 {
            throw MigrationError.duplicateVersion(version, files: group.map(\.fileName).sorted())
        }
        loaded.sort { $0.version < $1.version }
        for (offset, migration) in loaded.enumerated() where migration.version != offset + 1 {
            throw MigrationError.gap(expected: offset + 1, found: migration.fileName)
        }
        return loaded
    }

    /// The migrations recorded as applied, in order (none when the table does not exist yet).
    public func appliedMigrations(in database: Database) throws -> [AppliedMigration] {
        try database.read { connection in
            let exists = try connection.scalar(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
                as: Int.self)
            guard exists == 1 else { return [] }
            return try Self.applied(connection)
        }
    }

    /// Applies every migration not yet applied and returns those it applied (empty when up to date).
    /// Before applying anything it checks that every applied migration's file is unchanged.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Migration] {
        let migrations = try migrations()
        try database.write { connection in
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    checksum TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                ) STRICT
                """)
        }
        let applied = try database.read(Self.applied)
        try verify(applied: applied, against: migrations)
        let appliedVersions = Set(applied.map(\.version))
        var appliedNow: [Migration] = []
        for migration in migrations where !appliedVersions.contains(migration.version) {
            let didApply = try database.write { connection in
                // Another process may have applied it since we looked; the write lock makes this check final.
                if let recorded = try connection.scalar(
                    "SELECT checksum FROM schema_migrations WHERE version = ?", [migration.version], as: String.self) {
                    guard recorded == migration.checksum else {
                        throw MigrationError.checksumMismatch(
                            file: migration.fileName, recorded: recorded, actual: migration.checksum)
                    }
                    return false
                }
                do {
                    try connection.executeScript(migration.sql)
                } catch let error as SQLiteError {
                    throw MigrationError.failed(file: migration.fileName, error: error)
                }
                guard connection.isInTransaction else {
                    throw MigrationError.endedTransaction(file: migration.fileName)
                }
                try connection.execute(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    [migration.version, migration.name, migration.checksum, Self.timestamp()])
                return true
            }
            if didApply { appliedNow.append(migration) }
        }
        return appliedNow
    }

    private func verify(applied: [AppliedMigration], against migrations: [Migration]) throws {
        let byVersion = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for record in applied {
            guard let migration = byVersion[record.version] else {
                throw MigrationError.missingFile(version: record.version, name: record.name)
            }
            guard migration.name == record.name else {
                throw MigrationError.renamed(version: record.version, recordedName: record.name, file: migration.fileName)
            }
            guard migration.checksum == record.checksum else {
                throw MigrationError.checksumMismatch(
                    file: migration.fileName, recorded: record.checksum, actual: migration.checksum)
            }
        }
    }

    private static func applied(_ connection: Connection) throws -> [AppliedMigration] {
        try connection.query("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")
            .map { row in
                AppliedMigration(
                    version: try row.get("version"), name: try row.get("name"), checksum: try row.get("checksum"),
                    appliedAt: try row.get("applied_at"))
            }
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
