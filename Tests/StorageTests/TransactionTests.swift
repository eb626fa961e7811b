import Foundation
import Testing
@testable import Storage

private struct Abandon: Error {}

@Suite("Transactions and savepoints")
struct TransactionTests {
    private func withTable<T>(_ body: (Database) throws -> T) throws -> T {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT") }
            return try body(database)
        }
    }

    private func count(_ database: Database) throws -> Int {
        try database.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) } ?? -1
    }

    @Test func writeCommitsAndReturnsTheBodysValue() throws {
        try withTable { database throws in
            let id = try database.write { connection throws in
                try connection.execute("INSERT INTO t (name) VALUES (?)", ["a"])
                return connection.lastInsertRowID
            }
            #expect(id == 1)
            #expect(try count(database) == 1)
        }
    }

    @Test func throwingRollsBackEverything() throws {
        try withTable { database throws in
            #expect(throws: Abandon.self) {
                try database.write { connection throws in
                    try connection.execute("INSERT INTO t (name) VALUES (?)", ["a"])
                    try connection.execute("INSERT INTO t (name) VALUES (?)", ["b"])
                    throw Abandon()
                }
            }
            #expect(try count(database) == 0)
            // The writer is usable again, outside any transaction.
            try database.write { try $0.execute("INSERT INTO t (name) VALUES (?)", ["c"]) }
            #expect(try count(database) == 1)
            #expect(try database.withWriter { $0.isInTransaction } == false)
        }
    }

    @Test func failedStatementInsideWriteRollsBackEarlierOnes() throws {
        try withTable { database throws in
            let error = #expect(throws: SQLiteError.self) {
                try database.write { connection throws in
                    try connection.execute("INSERT INTO t (id, name) VALUES (1, 'a')")
                    try connection.execute("INSERT INTO t (id, name) VALUES (1, 'again')")
                }
            }
            #expect(error?.isPrimaryKeyViolation == true)
            #expect(try count(database) == 0)
        }
    }

    @Test func commitFailureRollsBack() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { connection throws in
                try connection.executeScript("""
                    CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;
                    CREATE TABLE child (id INTEGER PRIMARY KEY,
                        parent_id INTEGER NOT NULL REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED) STRICT;
                    """)
            }
            // A deferred foreign key is checked at COMMIT, which then fails.
            let error = #expect(throws: SQLiteError.self) {
                try database.write { try $0.execute("INSERT INTO child (parent_id) VALUES (?)", [404]) }
            }
            #expect(error?.isForeignKeyViolation == true)
            #expect(try database.withWriter { $0.isInTransaction } == false)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM child", as: Int.self) } == 0)
        }
    }

    @Test func nestedWriteIsAnErrorNotADeadlock() throws {
        try withTable { database throws in
            let error = #expect(throws: SQLiteError.self) {
                try database.write { _ in try database.write { _ in } }
            }
            #expect(error?.message.contains("inside a write") == true)
        }
    }

    @Test func savepointUndoesOnlyItsOwnWork() throws {
        try withTable { database throws in
            try database.write { connection throws in
                try connection.execute("INSERT INTO t (name) VALUES ('outer')")
                #expect(throws: Abandon.self) {
                    try connection.savepoint { inner throws in
                        try inner.execute("INSERT INTO t (name) VALUES ('inner')")
                        throw Abandon()
                    }
                }
                try connection.savepoint { inner throws in
                    try inner.execute("INSERT INTO t (name) VALUES ('kept')")
                }
            }
            let names = try database.read { try $0.query("SELECT name FROM t ORDER BY id").map { try $0.get(0, as: String.self) } }
            #expect(names == ["outer", "kept"])
        }
    }

    @Test func readSeesOneSnapshotAndNotUncommittedWrites() throws {
        try withTable { database throws in
            try database.write { try $0.execute("INSERT INTO t (name) VALUES ('committed')") }
            try database.write { connection throws in
                try connection.execute("INSERT INTO t (name) VALUES ('pending')")
                // The same thread may read while it writes; a reader sees only committed rows.
                #expect(try count(database) == 1)
            }
            #expect(try count(database) == 2)
        }
    }
}
