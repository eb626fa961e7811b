import Foundation
import Testing
@testable import Storage

@Suite("Connection: statements, parameters, cache")
struct ConnectionTests {
    private func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        try withTemporaryDirectory { directory throws in
            let connection = try Connection(path: (directory as NSString).appendingPathComponent("c.sqlite"))
            try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount INTEGER) STRICT")
            return try body(connection)
        }
    }

    @Test func pragmasAreApplied() throws {
        try withConnection { connection throws in
            #expect(try connection.scalar("PRAGMA journal_mode", as: String.self) == "wal")
            #expect(try connection.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
            // NORMAL is 1.
            #expect(try connection.scalar("PRAGMA synchronous", as: Int.self) == 1)
        }
    }

    @Test func namedParameters() throws {
        try withConnection { connection throws in
            try connection.execute(
                "INSERT INTO t (name, amount) VALUES (:name, :amount)", ["name": "Pondok Aren", ":amount": 1_500_000])
            try connection.execute(
                "INSERT INTO t (name, amount) VALUES (@name, $amount)", ["@name": "Serpong", "$amount": nil])
            // One name used twice is one parameter.
            let row = try #require(try connection.queryOne(
                "SELECT count(*) AS n FROM t WHERE name = :name OR :name IS NULL", ["name": "Serpong"]))
            #expect(try row.get("n", as: Int.self) == 1)
            #expect(try connection.scalar("SELECT amount FROM t WHERE name = ?", ["Pondok Aren"], as: Int64.self)
                == 1_500_000)
        }
    }

    @Test func missingOrUnknownParametersAreRefused() throws {
        try withConnection { connection throws in
            let missing = #expect(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO t (name, amount) VALUES (:name, :amount)", ["name": "x"])
            }
            #expect(missing?.message.contains(":amount") == true)
            #expect(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO t (name) VALUES (:name)", ["name": "x", "other": 1])
            }
            #expect(throws: SQLiteError.self) { try connection.execute("INSERT INTO t (name) VALUES (?)", []) }
            #expect(throws: SQLiteError.self) { try connection.execute("INSERT INTO t (name) VALUES (?)", ["a", "b"]) }
            #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
        }
    }

    @Test func lastInsertRowIDAndChanges() throws {
        try withConnection { connection throws in
            try connection.execute("INSERT INTO t (name) VALUES (?)", ["a"])
            #expect(connection.lastInsertRowID == 1)
            try connection.execute("INSERT INTO t (id, name) VALUES (?, ?)", [41, "b"])
            #expect(connection.lastInsertRowID == 41)
            try connection.execute("UPDATE t SET amount = 5")
            #expect(connection.changes == 2)
            try connection.execute("DELETE FROM t WHERE id = ?", [41])
            #expect(connection.changes == 1)
        }
    }

    @Test func queryForEachRowQueryOneScalar() throws {
        try withConnection { connection throws in
            for number in 1...10 {
                try connection.execute("INSERT INTO t (name, amount) VALUES (?, ?)", ["n\(number)", number * 100])
            }
            let rows = try connection.query("SELECT id, amount FROM t WHERE amount > ? ORDER BY id", [500])
            #expect(try rows.map { try $0.get("amount", as: Int64.self) } == [600, 700, 800, 900, 1000])
            var total: Int64 = 0
            try connection.forEachRow("SELECT amount FROM t") { total += try $0.get(0) }
            #expect(total == 5500)
            #expect(try connection.queryOne("SELECT * FROM t WHERE id = ?", [99]) == nil)
            #expect(try connection.scalar("SELECT amount FROM t WHERE id = ?", [99], as: Int64.self) == nil)
            #expect(try connection.scalar("SELECT max(amount) FROM t", as: Int64.self) == 1000)
        }
    }

    @Test func errorFromTheRowClosureStopsTheQuery() throws {
        struct Stop: Error {}
        try withConnection { connection throws in
            for number in 1...5 { try connection.execute("INSERT INTO t (name) VALUES (?)", ["n\(number)"]) }
            var seen = 0
            #expect(throws: Stop.self) {
                try connection.forEachRow("SELECT id FROM t") { _ throws in
                    seen += 1
                    if seen == 2 { throw Stop() }
                }
            }
            #expect(seen == 2)
            // The cached statement was reset and works again from the start.
            #expect(try connection.query("SELECT id FROM t").count == 5)
        }
    }

    @Test func statementsAreCachedAndReused() throws {
        try withConnection { connection throws in
            let before = connection.statementPrepareCount
            for number in 0..<100 {
                try connection.execute("INSERT INTO t (name, amount) VALUES (?, ?)", ["row", number])
            }
            #expect(connection.statementPrepareCount == before + 1)
            for _ in 0..<50 { _ = try connection.scalar("SELECT count(*) FROM t", as: Int.self) }
            #expect(connection.statementPrepareCount == before + 2)
            #expect(try connection.scalar("SELECT sum(amount) FROM t", as: Int.self) == 4950)
        }
    }

    @Test func nestedUseOfTheSameStatementGetsItsOwnCopy() throws {
        try withConnection { connection throws in
            for number in 1...3 { try connection.execute("INSERT INTO t (name) VALUES (?)", ["n\(number)"]) }
            var pairs = 0
            try connection.forEachRow("SELECT id FROM t") { _ throws in
                pairs += try connection.query("SELECT id FROM t").count
            }
            #expect(pairs == 9)
        }
    }

    @Test func cacheStaysWithinItsCapacity() throws {
        try withTemporaryDirectory { directory throws in
            let connection = try Connection(
                path: (directory as NSString).appendingPathComponent("c.sqlite"), statementCacheCapacity: 4)
            for number in 0..<20 { _ = try connection.scalar("SELECT \(number)", as: Int.self) }
            #expect(connection.cachedStatementCount <= 4)
        }
    }

    @Test func multipleStatementsNeedExecuteScript() throws {
        try withConnection { connection throws in
            let error = #expect(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO t (name) VALUES ('a'); INSERT INTO t (name) VALUES ('b')")
            }
            #expect(error?.message.contains("executeScript") == true)
            // A trailing semicolon or comment is not a second statement.
            try connection.execute("INSERT INTO t (name) VALUES ('a'); -- done")
            try connection.executeScript("INSERT INTO t (name) VALUES ('b'); INSERT INTO t (name) VALUES ('c');")
            #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 3)
        }
    }

    @Test func syntaxErrorsCarryMessageAndSQL() throws {
        try withConnection { connection throws in
            let error = try #require(#expect(throws: SQLiteError.self) { try connection.execute("SELEC 1") })
            #expect(error.message.contains("syntax error"))
            #expect(error.sql == "SELEC 1")
            #expect(!error.isConstraintViolation)
            #expect(error.description.contains("SELEC 1"))
        }
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        try withTemporaryDirectory { directory throws in
            let path = (directory as NSString).appendingPathComponent("c.sqlite")
            let writer = try Connection(path: path)
            try writer.execute("CREATE TABLE t (x INTEGER) STRICT")
            let reader = try Connection(path: path, mode: .readOnly)
            #expect(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
            #expect(try reader.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
            #expect(throws: SQLiteError.self) {
                try Connection(path: (directory as NSString).appendingPathComponent("missing.sqlite"), mode: .readOnly)
            }
        }
    }
}

@Suite("Opening databases")
struct OpeningTests {
    @Test func missingFileIsAnErrorWhenCreationIsOff() throws {
        try withTemporaryDirectory { directory in
            let path = (directory as NSString).appendingPathComponent("absent.sqlite")
            var configuration = Database.Configuration()
            configuration.createIfMissing = false
            #expect(throws: SQLiteError.self) { try Database(path: path, configuration: configuration) }
            #expect(!FileManager.default.fileExists(atPath: path))
            _ = try Database(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func closingTheDatabaseRemovesTheWALFile() throws {
        try withTemporaryDirectory { directory in
            let path = (directory as NSString).appendingPathComponent("wal.sqlite")
            do {
                let database = try Database(path: path)
                try database.write { try $0.execute("CREATE TABLE t (x INTEGER) STRICT") }
                _ = try database.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) }
                #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            }
            // The writer closed last, checkpointed, and removed the WAL: the file alone holds everything.
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let connection = try Connection(path: path, mode: .readOnly)
            #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
        }
    }
}
