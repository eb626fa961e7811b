import Foundation
import TestSupport
import Testing
@testable import Storage

@Suite("musrenbang migrate, backup and check", .serialized)
struct CLITests {
    @Test func migrateBackupAndCheck() throws {
        try withTemporaryDirectory { directory in
            let migrations = (directory as NSString).appendingPathComponent("Migrations")
            try FileManager.default.createDirectory(atPath: migrations, withIntermediateDirectories: true)
            try writeFiles([
                "0001_kecamatan.sql": "CREATE TABLE kecamatan (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;",
                "0002_kelurahan.sql": """
                    CREATE TABLE kelurahan (id INTEGER PRIMARY KEY, kecamatan_id INTEGER NOT NULL REFERENCES kecamatan(id)) STRICT;
                    INSERT INTO kecamatan (id, name) VALUES (1, 'Serpong');
                    INSERT INTO kelurahan (id, kecamatan_id) VALUES (10, 1);
                    """,
            ], in: migrations)

            // Default --db (musrenbang.sqlite) and ./Migrations, from the current directory.
            let first = try BuiltBinary.run(["migrate"], in: directory)
            #expect(first.status == 0, "\(first.output)")
            #expect(first.output.contains("applied 0001_kecamatan.sql") && first.output.contains("applied 0002_kelurahan.sql"))
            let again = try BuiltBinary.run(["migrate"], in: directory)
            #expect(again.status == 0 && again.output.contains("up to date"), "\(again.output)")

            let database = (directory as NSString).appendingPathComponent("musrenbang.sqlite")
            let copy = (directory as NSString).appendingPathComponent("copy.sqlite")
            let backup = try BuiltBinary.run(["backup", "--db", database, "--to", copy])
            #expect(backup.status == 0, "\(backup.output)")
            let check = try BuiltBinary.run(["check", "--db", copy])
            #expect(check.status == 0 && check.output.contains("integrity_check: ok"), "\(check.output)")

            // A dangling reference makes check fail with status 1.
            do {
                let connection = try Connection(path: copy)
                try connection.execute("PRAGMA foreign_keys = OFF")
                try connection.execute("DELETE FROM kecamatan")
            }
            let failing = try BuiltBinary.run(["check", "--db", copy])
            #expect(failing.status == 1 && failing.output.contains("foreign_key_check: 1 violation"), "\(failing.output)")

            // An explicit --migrations directory that is missing is an error, as is a missing database.
            #expect(try BuiltBinary.run(["migrate", "--db", database, "--migrations", directory + "/none"]).status == 1)
            #expect(try BuiltBinary.run(["check", "--db", directory + "/missing.sqlite"]).status == 2)
            #expect(!FileManager.default.fileExists(atPath: directory + "/missing.sqlite"))
        }
    }

    @Test func editedMigrationIsRefusedByTheCommand() throws {
        try withTemporaryDirectory { directory in
            let migrations = (directory as NSString).appendingPathComponent("m")
            try FileManager.default.createDirectory(atPath: migrations, withIntermediateDirectories: true)
            let database = (directory as NSString).appendingPathComponent("db.sqlite")
            try writeFiles(["0001_first.sql": "CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;"], in: migrations)
            #expect(try BuiltBinary.run(["migrate", "--db", database, "--migrations", migrations]).status == 0)
            try writeFiles(["0001_first.sql": "CREATE TABLE a (id INTEGER PRIMARY KEY, b TEXT) STRICT;"], in: migrations)
            let refused = try BuiltBinary.run(["migrate", "--db", database, "--migrations", migrations])
            #expect(refused.status == 1)
            #expect(refused.output.contains("0001_first.sql was changed after it was applied"), "\(refused.output)")
        }
    }
}
