import Foundation
import Testing
@testable import Storage

@Suite("Migrations")
struct MigratorTests {
    private static let first = "CREATE TABLE wilayah (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;\n"
    private static let second = "ALTER TABLE wilayah ADD COLUMN kind TEXT NOT NULL DEFAULT 'kelurahan';\n"
    private static let third = "INSERT INTO wilayah (name) VALUES ('Pondok Aren');\n"

    /// A database plus a migrations directory holding `files`.
    private func withMigrations<T>(_ files: [String: String], _ body: (Database, String) throws -> T) throws -> T {
        try withTemporaryDatabase { database, directory throws in
            let migrations = (directory as NSString).appendingPathComponent("Migrations")
            try FileManager.default.createDirectory(atPath: migrations, withIntermediateDirectories: true)
            try writeFiles(files, in: migrations)
            return try body(database, migrations)
        }
    }

    private let standard = [
        "0001_wilayah.sql": first, "0002_wilayah_kind.sql": second, "0003_seed.sql": third,
        "README.md": "not a migration",
    ]

    @Test func appliesInOrderAndRecordsChecksums() throws {
        try withMigrations(standard) { database, directory throws in
            let migrator = Migrator(directory: directory)
            let applied = try migrator.migrate(database)
            #expect(applied.map(\.fileName) == ["0001_wilayah.sql", "0002_wilayah_kind.sql", "0003_seed.sql"])
            let recorded = try migrator.appliedMigrations(in: database)
            #expect(recorded.map(\.version) == [1, 2, 3])
            #expect(recorded.map(\.name) == ["wilayah", "wilayah_kind", "seed"])
            #expect(recorded[0].checksum == SHA256.hexDigest(Array(Self.first.utf8)))
            #expect(recorded[2].checksum == SHA256.hexDigest(Array(Self.third.utf8)))
            for record in recorded {
                // UTC ISO-8601, e.g. 2026-01-31T08:00:00Z.
                #expect(record.appliedAt.count == 20 && record.appliedAt.hasSuffix("Z"), "\(record.appliedAt)")
                #expect(ISO8601DateFormatter().date(from: record.appliedAt) != nil)
            }
            let kind = try database.read { try $0.scalar("SELECT kind FROM wilayah", as: String.self) }
            #expect(kind == "kelurahan")
        }
    }

    @Test func secondRunAppliesNothing() throws {
        try withMigrations(standard) { database, directory throws in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(database)
            #expect(try migrator.migrate(database).isEmpty)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM wilayah", as: Int.self) } == 1)
        }
    }

    @Test func newMigrationIsAppliedLater() throws {
        try withMigrations(["0001_wilayah.sql": Self.first]) { database, directory throws in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(database)
            try writeFiles(["0002_wilayah_kind.sql": Self.second], in: directory)
            #expect(try migrator.migrate(database).map(\.version) == [2])
        }
    }

    @Test func changedAppliedMigrationIsRefused() throws {
        try withMigrations(standard) { database, directory throws in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(database)
            let edited = Self.first + "-- a harmless-looking edit\n"
            try writeFiles(["0001_wilayah.sql": edited], in: directory)
            let error = try #require(#expect(throws: MigrationError.self) { try migrator.migrate(database) })
            let oldSum = SHA256.hexDigest(Array(Self.first.utf8))
            let newSum = SHA256.hexDigest(Array(edited.utf8))
            guard case .checksumMismatch(let file, let recorded, let actual) = error else {
                Issue.record("expected a checksum mismatch, got \(error)")
                return
            }
            #expect(file == "0001_wilayah.sql" && recorded == oldSum && actual == newSum)
            #expect(error.description.contains("0001_wilayah.sql"))
            #expect(error.description.contains(oldSum) && error.description.contains(newSum))
        }
    }

    @Test func changeIsRefusedBeforeApplyingNewOnes() throws {
        try withMigrations(["0001_wilayah.sql": Self.first]) { database, directory throws in
            let migrator = Migrator(directory: directory)
            try migrator.migrate(database)
            try writeFiles(["0001_wilayah.sql": Self.first + " ", "0002_wilayah_kind.sql": Self.second], in: directory)
            #expect(throws: MigrationError.self) { try migrator.migrate(database) }
            #expect(try migrator.appliedMigrations(in: database).count == 1)
        }
    }

    @Test(arguments: ["1_short.sql", "0001-dash.sql", "0001_Upper.sql", "0001_.sql", "00001_long.sql", "abcd_x.sql",
                      "0001_spa ce.sql"])
    func badNamesAreRefused(_ name: String) throws {
        try withMigrations(["0001_wilayah.sql": Self.first, name: "SELECT 1;"]) { database, directory throws in
            let error = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrate(database) }
            #expect(error?.description.contains(name) == true)
            #expect(try Migrator(directory: directory).appliedMigrations(in: database).isEmpty)
        }
    }

    @Test func gapsAreRefused() throws {
        try withMigrations(["0001_wilayah.sql": Self.first, "0003_seed.sql": Self.third]) { _, directory throws in
            let error = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrations() }
            #expect(error?.description.contains("expected 2, found 0003_seed.sql") == true)
        }
        try withMigrations(["0002_wilayah_kind.sql": Self.second]) { _, directory throws in
            _ = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrations() }
        }
    }

    @Test func duplicateNumbersAreRefused() throws {
        try withMigrations(["0001_wilayah.sql": Self.first, "0001_other.sql": Self.second]) { _, directory throws in
            let error = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrations() }
            #expect(error?.description.contains("0001_other.sql, 0001_wilayah.sql") == true)
        }
    }

    @Test func failingMigrationRollsBackEntirely() throws {
        let broken = """
            CREATE TABLE kecamatan (id INTEGER PRIMARY KEY) STRICT;
            INSERT INTO wilayah (name) VALUES ('half done');
            INSERT INTO no_such_table VALUES (1);
            """
        try withMigrations(["0001_wilayah.sql": Self.first, "0002_broken.sql": broken]) { database, directory throws in
            let migrator = Migrator(directory: directory)
            let error = try #require(#expect(throws: MigrationError.self) { try migrator.migrate(database) })
            #expect(error.description.contains("0002_broken.sql"))
            #expect(error.description.contains("no such table: no_such_table"))
            #expect(try migrator.appliedMigrations(in: database).map(\.version) == [1])
            try database.read { connection throws in
                #expect(try connection.scalar("SELECT count(*) FROM wilayah", as: Int.self) == 0)
                #expect(try connection.scalar(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'kecamatan'", as: Int.self) == 0)
            }
            // Fixed, it applies.
            try writeFiles(["0002_broken.sql": "CREATE TABLE kecamatan (id INTEGER PRIMARY KEY) STRICT;"], in: directory)
            #expect(try migrator.migrate(database).map(\.version) == [2])
        }
    }

    @Test func appliedMigrationWithoutFileIsRefused() throws {
        try withMigrations(["0001_wilayah.sql": Self.first, "0002_wilayah_kind.sql": Self.second]) { database, directory throws in
            try Migrator(directory: directory).migrate(database)
            try FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent("0002_wilayah_kind.sql"))
            let error = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrate(database) }
            #expect(error?.description.contains("wilayah_kind") == true)
        }
    }

    @Test func migrationThatCommitsItselfIsReported() throws {
        try withMigrations(["0001_wilayah.sql": Self.first + "COMMIT;"]) { database, directory throws in
            let error = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrate(database) }
            #expect(error?.description.contains("COMMIT") == true)
            #expect(try database.withWriter { $0.isInTransaction } == false)
        }
    }

    @Test func locatingTheDirectory() throws {
        try withTemporaryDirectory { root throws in
            let package = (root as NSString).appendingPathComponent("package")
            let binDirectory = (package as NSString).appendingPathComponent(".build/debug")
            let migrations = (package as NSString).appendingPathComponent("Migrations")
            let elsewhere = (root as NSString).appendingPathComponent("elsewhere")
            for directory in [binDirectory, migrations, elsewhere] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            let executable = (binDirectory as NSString).appendingPathComponent("musrenbang")
            // Explicit wins and must exist.
            #expect(try MigrationsDirectory.locate(explicit: elsewhere, currentDirectory: root, executablePath: nil)
                == elsewhere)
            #expect(throws: MigrationError.self) {
                try MigrationsDirectory.locate(explicit: root + "/nope", currentDirectory: package, executablePath: nil)
            }
            // Then ./Migrations.
            #expect(try MigrationsDirectory.locate(explicit: nil, currentDirectory: package, executablePath: nil)
                == migrations)
            // Then walking up from the executable.
            let found = try MigrationsDirectory.locate(explicit: nil, currentDirectory: elsewhere, executablePath: executable)
            #expect(URL(fileURLWithPath: found).standardizedFileURL.path
                == URL(fileURLWithPath: migrations).resolvingSymlinksInPath().standardizedFileURL.path)
            let error = #expect(throws: MigrationError.self) {
                try MigrationsDirectory.locate(explicit: nil, currentDirectory: elsewhere, executablePath: nil)
            }
            #expect(error?.description.contains("--migrations") == true)
        }
    }
}
