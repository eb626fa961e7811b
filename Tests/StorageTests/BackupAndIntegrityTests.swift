import Foundation
import Testing
@testable import Storage

@Suite("Backup and integrity checks", .serialized)
struct BackupAndIntegrityTests {
    private static let schema = """
        CREATE TABLE ledger (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT;
        CREATE TABLE ledger_count (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL) STRICT;
        INSERT INTO ledger_count (id, count) VALUES (1, 0);
        """

    private static func append(_ connection: Connection, payload: String) throws {
        try connection.execute("INSERT INTO ledger (payload) VALUES (?)", [payload])
        try connection.execute("UPDATE ledger_count SET count = count + 1")
    }

    @Test func backupWhileAWriterKeepsInserting() throws {
        try withTemporaryDatabase { database, directory throws in
            try database.write { try $0.executeScript(Self.schema) }
            let payload = String(repeating: "usulan ", count: 60)
            // Enough pages that a one-page-per-step backup takes many steps.
            try database.write { connection throws in
                for _ in 0..<3000 { try Self.append(connection, payload: payload) }
            }
            let stop = Locked(false)
            let writerErrors = Locked<[String]>([])
            let writerFinished = DispatchSemaphore(value: 0)
            Thread {
                do {
                    while !stop.current {
                        try database.write { try Self.append($0, payload: payload) }
                    }
                } catch {
                    writerErrors.withValue { $0.append("\(error)") }
                }
                writerFinished.signal()
            }.start()

            var backupCounts: [Int] = []
            for round in 0..<3 {
                let destination = (directory as NSString).appendingPathComponent("backup-\(round).sqlite")
                try database.backup(to: destination, pagesPerStep: 1)
                let copy = try Connection(path: destination, mode: .readOnly)
                #expect(try copy.checkIntegrity().isOK)
                let rows = try #require(try copy.scalar("SELECT count(*) FROM ledger", as: Int.self))
                // One snapshot: the counter row and the ledger agree, and no id is missing.
                #expect(try copy.scalar("SELECT count FROM ledger_count", as: Int.self) == rows)
                #expect(try copy.scalar("SELECT max(id) FROM ledger", as: Int.self) == rows)
                #expect(try copy.scalar("PRAGMA journal_mode", as: String.self) == "delete")
                backupCounts.append(rows)
            }
            stop.withValue { $0 = true }
            #expect(writerFinished.wait(timeout: .now() + 120) == .success)
            #expect(writerErrors.current.isEmpty, "\(writerErrors.current)")
            #expect(backupCounts.allSatisfy { $0 >= 3000 })
            let finalCount = try database.read { try $0.scalar("SELECT count(*) FROM ledger", as: Int.self) } ?? 0
            #expect(finalCount >= backupCounts.max() ?? 0)
            // Nothing but the backups is left behind in the directory (no partial files).
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("partial") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func backupReplacesAnExistingFile() throws {
        try withTemporaryDatabase { database, directory throws in
            try database.write { try $0.executeScript(Self.schema) }
            let destination = (directory as NSString).appendingPathComponent("backup.sqlite")
            try "old".write(toFile: destination, atomically: true, encoding: .utf8)
            try database.backup(to: destination)
            let copy = try Connection(path: destination, mode: .readOnly)
            #expect(try copy.scalar("SELECT count FROM ledger_count", as: Int.self) == 0)
        }
    }

    @Test func cleanDatabasePassesTheChecks() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let report = try database.checkIntegrity()
            #expect(report.isOK)
            #expect(report.description == "integrity_check: ok\nforeign_key_check: ok")
        }
    }

    @Test func foreignKeyViolationsAreReported() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.withWriter { connection throws in
                // Enforcement off (outside any transaction) to plant a dangling reference, as old data might have.
                try connection.execute("PRAGMA foreign_keys = OFF")
                try connection.executeScript("""
                    CREATE TABLE kecamatan (id INTEGER PRIMARY KEY) STRICT;
                    CREATE TABLE kelurahan (id INTEGER PRIMARY KEY, kecamatan_id INTEGER REFERENCES kecamatan(id)) STRICT;
                    INSERT INTO kelurahan (id, kecamatan_id) VALUES (5, 77);
                    """)
                try connection.execute("PRAGMA foreign_keys = ON")
            }
            let report = try database.checkIntegrity()
            #expect(!report.isOK)
            #expect(report.integrityErrors.isEmpty)
            #expect(report.foreignKeyViolations == [
                ForeignKeyViolation(table: "kelurahan", rowID: 5, parentTable: "kecamatan", foreignKeyIndex: 0),
            ])
            #expect(report.description.contains("kelurahan row 5 references missing kecamatan"))
        }
    }

    @Test func corruptionIsReported() throws {
        try withTemporaryDirectory { directory throws in
            let path = (directory as NSString).appendingPathComponent("corrupt.sqlite")
            do {
                let connection = try Connection(path: path)
                try connection.execute("PRAGMA journal_mode = DELETE")
                try connection.executeScript("""
                    CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT;
                    CREATE INDEX t_v ON t (v);
                    """)
                try connection.write { connection throws in
                    for number in 0..<2000 { try connection.execute("INSERT INTO t (v) VALUES (?)", ["value \(number)"]) }
                }
            }
            // Overwrite the middle of the file (past the schema page) with garbage.
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: size / 2)
            handle.write(Data(repeating: 0x5A, count: 8192))
            try handle.close()
            let connection = try Connection(path: path, mode: .readOnly)
            let report = try? connection.checkIntegrity()
            // Either the check lists problems or reading fails outright; it must never report "ok".
            #expect(report?.isOK != true)
        }
    }
}
