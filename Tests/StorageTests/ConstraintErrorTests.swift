import Foundation
import Testing
@testable import Storage

@Suite("SQLite errors for constraints and triggers")
struct ConstraintErrorTests {
    private func withSchema<T>(_ body: (Database) throws -> T) throws -> T {
        try withTemporaryDatabase { database, _ throws in
            try database.write { connection throws in
                try connection.executeScript("""
                    CREATE TABLE kelurahan (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
                    CREATE TABLE usulan (
                        id INTEGER PRIMARY KEY,
                        kelurahan_id INTEGER NOT NULL REFERENCES kelurahan(id),
                        amount INTEGER NOT NULL CHECK (amount >= 0)
                    ) STRICT;
                    CREATE TABLE history (id INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT;
                    CREATE TRIGGER history_append_only BEFORE UPDATE ON history
                    BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah'); END;
                    INSERT INTO kelurahan (id, name) VALUES (1, 'Pondok Aren');
                    INSERT INTO history (note) VALUES ('dibuat');
                    """)
            }
            return try body(database)
        }
    }

    private func failure(_ database: Database, _ sql: String, _ arguments: StatementArguments = []) -> SQLiteError? {
        #expect(throws: SQLiteError.self) { try database.write { try $0.execute(sql, arguments) } }
    }

    @Test func strictTablesRejectWrongTypes() throws {
        try withSchema { database throws in
            let error = failure(database, "INSERT INTO usulan (kelurahan_id, amount) VALUES (1, ?)", ["seratus"])
            #expect(error?.isConstraintViolation == true)
            #expect(error?.isDatatypeViolation == true)
            #expect(error?.message.contains("cannot store TEXT value in INTEGER column") == true)
            let real = failure(database, "INSERT INTO usulan (kelurahan_id, amount) VALUES (1, ?)", [2.5])
            #expect(real?.isDatatypeViolation == true)
        }
    }

    @Test func constraintKindsAreDistinguishable() throws {
        try withSchema { database throws in
            let unique = failure(database, "INSERT INTO kelurahan (name) VALUES (?)", ["Pondok Aren"])
            #expect(unique?.isUniqueViolation == true)
            #expect(unique?.code == 19)
            #expect(unique?.extendedCode == 2067)
            #expect(unique?.message == "UNIQUE constraint failed: kelurahan.name")

            let foreignKey = failure(database, "INSERT INTO usulan (kelurahan_id, amount) VALUES (?, 1)", [99])
            #expect(foreignKey?.isForeignKeyViolation == true)
            #expect(foreignKey?.isUniqueViolation == false)

            let notNull = failure(database, "INSERT INTO kelurahan (name) VALUES (?)", [nil])
            #expect(notNull?.isNotNullViolation == true)

            let check = failure(database, "INSERT INTO usulan (kelurahan_id, amount) VALUES (1, ?)", [-5])
            #expect(check?.isCheckViolation == true)

            let primaryKey = failure(database, "INSERT INTO kelurahan (id, name) VALUES (1, 'Serpong')")
            #expect(primaryKey?.isPrimaryKeyViolation == true)
            #expect(primaryKey?.sql == "INSERT INTO kelurahan (id, name) VALUES (1, 'Serpong')")
        }
    }

    @Test func triggerAbortSurfacesWithItsMessage() throws {
        try withSchema { database throws in
            let error = failure(database, "UPDATE history SET note = ? WHERE id = 1", ["diubah"])
            #expect(error?.isTriggerAbort == true)
            #expect(error?.isConstraintViolation == true)
            #expect(error?.message == "riwayat tidak boleh diubah")
            #expect(try database.read { try $0.scalar("SELECT note FROM history", as: String.self) } == "dibuat")
        }
    }
}
