import Foundation
import Testing
@testable import Storage

@Suite("Binding and reading values")
struct ValueRoundTripTests {
    private func roundTrip<T: SQLColumnConvertible & Equatable>(_ value: T, column: String) throws -> T {
        try withTemporaryDatabase { database, _ throws in
            try database.write { connection throws in
                try connection.execute(
                    "CREATE TABLE v (i INTEGER, r REAL, t TEXT, b BLOB, a ANY) STRICT")
                try connection.execute("INSERT INTO v (\(column)) VALUES (?)", [value])
            }
            return try database.read { connection throws in
                try #require(try connection.queryOne("SELECT \(column) FROM v")).get(0, as: T.self)
            }
        }
    }

    @Test(arguments: [Int64.min, Int64.min + 1, -1, 0, 1, Int64(Int32.max) + 1, Int64.max])
    func int64(_ value: Int64) throws {
        #expect(try roundTrip(value, column: "i") == value)
    }

    @Test func intAndInt32() throws {
        #expect(try roundTrip(Int.max, column: "i") == Int.max)
        #expect(try roundTrip(Int32.min, column: "i") == Int32.min)
    }

    @Test(arguments: [0.0, -0.0, 1.5, -3.141592653589793, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude,
                      Double.infinity])
    func double(_ value: Double) throws {
        #expect(try roundTrip(value, column: "r") == value)
    }

    @Test(arguments: ["", "a", "Kelurahan Pondok Aren — Tangerang Selatan", "ñandú 🇮🇩 日本語 عربى 🧑🏽‍🌾",
                      "with\u{0}nul", String(repeating: "panjang ", count: 10_000)])
    func string(_ value: String) throws {
        #expect(try roundTrip(value, column: "t") == value)
    }

    @Test func blobs() throws {
        #expect(try roundTrip([UInt8](), column: "b") == [])
        #expect(try roundTrip([0, 1, 127, 128, 255] as [UInt8], column: "b") == [0, 1, 127, 128, 255])
        let large = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        #expect(try roundTrip(large, column: "b") == large)
    }

    @Test func bools() throws {
        #expect(try roundTrip(true, column: "i") == true)
        #expect(try roundTrip(false, column: "i") == false)
    }

    @Test func nullsAndOptionals() throws {
        try withTemporaryDatabase { database, _ throws in
            let missingText: String? = nil
            let presentNumber: Int64? = 7
            try database.write { connection throws in
                try connection.execute("CREATE TABLE v (i INTEGER, t TEXT, b BLOB) STRICT")
                try connection.execute("INSERT INTO v (i, t, b) VALUES (?, ?, ?)", [presentNumber, missingText, nil])
                try connection.execute("INSERT INTO v (i, t, b) VALUES (?, ?, ?)", [SQLValue.null, "x", nil])
            }
            let rows = try database.read { try $0.query("SELECT i, t, b FROM v ORDER BY rowid") }
            #expect(rows.count == 2)
            #expect(try rows[0].get("i", as: Int64?.self) == 7)
            #expect(try rows[0].get("t", as: String?.self) == nil)
            #expect(try rows[0].get("b", as: Data?.self) == nil)
            #expect(rows[0][1] == .null)
            #expect(try rows[1].get("i", as: Int64?.self) == nil)
            #expect(try rows[1].get("t", as: String?.self) == "x")
            // NULL into a non-optional is a mismatch, not a silent default.
            #expect(throws: RowError.typeMismatch(column: "i", expected: "Int64", actual: .null)) {
                try rows[1].get("i", as: Int64.self)
            }
        }
    }

    @Test func wrongTypeIsAMismatch() throws {
        try withTemporaryDatabase { database, _ throws in
            let row = try database.read { try #require(try $0.queryOne("SELECT 'abc' AS word, 2.5 AS half")) }
            #expect(throws: RowError.self) { try row.get("word", as: Int64.self) }
            #expect(throws: RowError.self) { try row.get("half", as: Int64.self) }
            // An optional does not hide a wrong type either.
            #expect(throws: RowError.self) { try row.get("word", as: Int64?.self) }
            #expect(try row.get("half", as: Double.self) == 2.5)
        }
    }

    /// Columns read by name in any order, and again, give the same values; of two columns with one name the first wins.
    @Test func columnsByNameInAnyOrderAndTheFirstOfTwoNamesWins() throws {
        try withTemporaryDatabase { database, _ throws in
            let rows = try database.read { db in
                try (0..<3).map { _ in try #require(try db.queryOne("SELECT 1 AS id, 'a' AS name, 2 AS id, 3 AS x")) }
            }
            for row in rows {
                #expect(try row.get("id", as: Int.self) == 1)      // the next column is also `id`: still the first
                #expect(try row.get("id", as: Int.self) == 1)
                #expect(try row.get("x", as: Int.self) == 3)
                #expect(try row.get("name", as: String.self) == "a")
                #expect(try row.get("ID", as: Int.self) == 1)
                #expect(try row.get("x", as: Int.self) == 3)
                #expect(try row.get(2, as: Int.self) == 2)
                #expect(row["nope"] == nil)
                #expect(try row.get("name", as: String.self) == "a")
            }
        }
    }

    @Test func rowAccessByNameAndIndex() throws {
        try withTemporaryDatabase { database, _ throws in
            let row = try database.read { try #require(try $0.queryOne("SELECT 1 AS Satu, 'dua' AS dua")) }
            #expect(row.columnNames == ["Satu", "dua"])
            #expect(row.count == 2)
            #expect(try row.get("satu", as: Int.self) == 1)
            #expect(try row.get("SATU", as: Int.self) == 1)
            #expect(try row.get(1, as: String.self) == "dua")
            #expect(row["dua"] == .text("dua"))
            #expect(row["tiga"] == nil)
            #expect(throws: RowError.self) { try row.get("tiga", as: Int.self) }
            #expect(throws: RowError.self) { try row.get(5, as: Int.self) }
        }
    }
}
