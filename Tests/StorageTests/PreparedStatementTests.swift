import Foundation
import Testing
@testable import Storage

@Suite("PreparedStatement: positional binding for hot loops")
struct PreparedStatementTests {
    @Test func bindsStepsResetsAndReadsBack() throws {
        try withTemporaryDirectory { directory throws in
            let db = try Connection(path: (directory as NSString).appendingPathComponent("p.sqlite"))
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount INTEGER, flag INTEGER NOT NULL) STRICT")
            let insert = try db.prepare("INSERT INTO t (id, name, amount, flag) VALUES (?, ?, ?, ?)")
            #expect(insert.parameterCount == 4)
            try insert.bind(true, at: 4)                  // kept across resets
            let rows: [(Int64, String?, Int64?)] = [(1, "Pondok Aren", 1_500_000), (2, "", nil), (3, nil, 7), (4, "Cirendeu\u{0}x é", 0)]
            for (id, name, amount) in rows {
                try insert.bind(id, at: 1)
                try insert.bind(name, at: 2)
                try insert.bind(amount, at: 3)
                try insert.step()
                insert.reset()
            }
            let query = try db.prepare("SELECT id, name, amount, flag FROM t WHERE id >= ? ORDER BY id")
            try query.bind([Int64(1)])
            var read: [(Int64, String?, Int64?, Int64)] = []
            while try query.step() {
                read.append((query.int64(at: 0), query.text(at: 1), query.isNull(at: 2) ? nil : query.int64(at: 2), query.int64(at: 3)))
            }
            #expect(read.map(\.0) == [1, 2, 3, 4])
            #expect(read.map(\.1) == rows.map(\.1))
            #expect(read.map(\.2) == rows.map(\.2))
            #expect(read.allSatisfy { $0.3 == 1 })
            // Constraint errors surface as SQLiteError and the statement is usable after a reset.
            try insert.bind(Int64(1), at: 1)
            #expect(throws: SQLiteError.self) { try insert.step() }
            insert.reset()
            try insert.bind(Int64(9), at: 1)
            try insert.step()
            insert.reset()
            #expect(try db.scalar("SELECT count(*) FROM t", as: Int.self) == 5)
            #expect(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
        }
    }
    /// A statement run once per envelope or request is prepared once (cached), comes back reset with its
    /// bindings cleared, and a nested use of the same SQL gets its own copy. Text (empty, with NUL) round-trips.
    @Test func withPreparedReusesTheCachedStatement() throws {
        try withTemporaryDirectory { directory throws in
            let db = try Connection(path: (directory as NSString).appendingPathComponent("p.sqlite"))
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT) STRICT")
            let insert = "INSERT INTO t (id, name) VALUES (?, ?)"
            let texts = ["Pondok Aren", "", "Cirendeu\u{0}x é"]
            let before = db.statementPrepareCount
            for (offset, text) in texts.enumerated() {
                try db.withPrepared(insert) { statement in
                    try statement.bind(Int64(offset + 1), at: 1)
                    try statement.bind(text, at: 2)
                    try statement.step()
                }
            }
            #expect(db.statementPrepareCount == before + 1)
            // The bindings were cleared: an unbound parameter is NULL.
            try db.withPrepared(insert) { statement in
                try statement.bind(Int64(9), at: 1)
                try statement.step()
            }
            let rows = try db.query("SELECT id, name FROM t ORDER BY id")
            #expect(try rows.map { try $0.get(0, as: Int64.self) } == [1, 2, 3, 9])
            #expect(try rows.map { try $0.get(1, as: String?.self) } == ["Pondok Aren", "", "Cirendeu\u{0}x é", nil])
            // Nested use of the same SQL: the inner call gets a fresh statement, the outer one keeps its row.
            let select = "SELECT id FROM t WHERE id >= ? ORDER BY id"
            var pairs: [(Int64, Int64)] = []
            try db.withPrepared(select) { outer in
                try outer.bind(Int64(1), at: 1)
                while try outer.step() {
                    let id = outer.int64(at: 0)
                    try db.withPrepared(select) { inner in
                        try inner.bind(id, at: 1)
                        _ = try inner.step()
                        pairs.append((id, inner.int64(at: 0)))
                    }
                }
            }
            #expect(pairs.map(\.0) == [1, 2, 3, 9] && pairs.allSatisfy { $0.0 == $0.1 })
        }
    }
}
