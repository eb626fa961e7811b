import Foundation
import Testing
@testable import Storage

@Suite("Many threads on one database", .serialized)
struct ConcurrencyTests {
    private static let schema = """
        CREATE TABLE IF NOT EXISTS entries (
            id INTEGER PRIMARY KEY, thread INTEGER NOT NULL, sequence INTEGER NOT NULL, UNIQUE (thread, sequence)
        ) STRICT;
        CREATE TABLE IF NOT EXISTS totals (thread INTEGER PRIMARY KEY, count INTEGER NOT NULL) STRICT;
        """

    /// One transaction: an entry plus a counter update, so readers can check the two agree.
    private static func record(_ connection: Connection, thread: Int, sequence: Int) throws {
        try connection.execute("INSERT INTO entries (thread, sequence) VALUES (?, ?)", [thread, sequence])
        try connection.execute("""
            INSERT INTO totals (thread, count) VALUES (?, 1)
            ON CONFLICT (thread) DO UPDATE SET count = count + 1
            """, [thread])
    }

    @Test func eightThreadsTimesTwoHundredTransactions() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let errors = runThreads(8) { thread throws in
                for sequence in 0..<200 {
                    try database.write { try Self.record($0, thread: thread, sequence: sequence) }
                }
            }
            #expect(errors.isEmpty, "\(errors.prefix(3))")
            try database.read { connection throws in
                #expect(try connection.scalar("SELECT count(*) FROM entries", as: Int.self) == 1600)
                #expect(try connection.scalar("SELECT count(DISTINCT thread) FROM entries", as: Int.self) == 8)
                #expect(try connection.scalar("SELECT sum(count) FROM totals", as: Int.self) == 1600)
            }
        }
    }

    @Test func twoDatabaseObjectsOnOneFileWaitForEachOther() throws {
        // Two writers on one file, as when a CLI command runs beside the server: the busy handler makes
        // them take turns instead of failing with "database is locked".
        try withTemporaryDatabase { first, directory throws in
            let second = try Database(path: first.path)
            try first.write { try $0.executeScript(Self.schema) }
            let databases = [first, second]
            let errors = runThreads(8) { thread throws in
                let database = databases[thread % 2]
                for sequence in 0..<100 {
                    try database.write { try Self.record($0, thread: thread, sequence: sequence) }
                }
            }
            #expect(errors.isEmpty, "\(errors.prefix(3))")
            #expect(try second.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) } == 800)
        }
    }

    @Test func readersRunBesideTheWriterAndSeeConsistentSnapshots() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let readsDone = Locked(0)
            let errors = runThreads(6) { thread throws in
                if thread < 2 {
                    for sequence in 0..<300 {
                        try database.write { try Self.record($0, thread: thread, sequence: sequence) }
                    }
                    return
                }
                for _ in 0..<200 {
                    try database.read { connection throws in
                        let entries = try connection.scalar("SELECT count(*) FROM entries", as: Int.self) ?? 0
                        let total = try connection.scalar("SELECT coalesce(sum(count), 0) FROM totals", as: Int.self)
                        if entries != total {
                            throw SQLiteError(code: 1, message: "inconsistent snapshot: \(entries) vs \(String(describing: total))")
                        }
                    }
                    readsDone.withValue { $0 += 1 }
                }
            }
            #expect(errors.isEmpty, "\(errors.prefix(3))")
            #expect(readsDone.current == 800)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) } == 600)
        }
    }

    @Test func aReadDoesNotWaitForAnOpenWriteTransaction() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let seen = Locked<Int?>(nil)
            try database.write { connection throws in
                try Self.record(connection, thread: 0, sequence: 0)
                // While this transaction is open, another thread's read must finish (and not see the row).
                let finished = DispatchSemaphore(value: 0)
                Thread {
                    let count = try? database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) }
                    seen.withValue { $0 = count ?? -1 }
                    finished.signal()
                }.start()
                #expect(finished.wait(timeout: .now() + 60) == .success)
            }
            #expect(seen.current == 0)
        }
    }

    @Test func moreReadersThanConnectionsQueueUp() throws {
        var configuration = Database.Configuration()
        configuration.readerCount = 2
        try withTemporaryDatabase(configuration: configuration) { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let errors = runThreads(12) { _ throws in
                for _ in 0..<50 {
                    _ = try database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) }
                }
            }
            #expect(errors.isEmpty, "\(errors.prefix(3))")
        }
    }
}
