import Foundation
import Testing
@testable import Storage

/// Small writes that wait while another group commits are committed together (`Database.writeInGroup`, `GroupCommit`);
/// each keeps its own outcome.
@Suite("Group commit", .serialized)
struct GroupCommitTests {
    private static let schema = """
        CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE) STRICT;
        CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;
        CREATE TABLE child (id INTEGER PRIMARY KEY,
            parent_id INTEGER NOT NULL REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED) STRICT;
        """

    private struct Refused: Error {}

    /// Inserts an item and returns its row id.
    private static func insert(_ label: String) -> @Sendable (Connection) throws -> Int64 {
        { connection in
            try connection.execute("INSERT INTO items (label) VALUES (?)", [label])
            return connection.lastInsertRowID
        }
    }

    @Test func writesThatWaitAreCommittedAsOneGroupEachWithItsOwnResult() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let before = database.groupCommitCounts
            let outcomes = try runAsOneGroup(database, (1...5).map { Self.insert("item \($0)") })
            let ids = outcomes.compactMap { try? $0.get() }
            #expect(ids.count == 5)
            let stored = try database.read { try $0.query("SELECT id, label FROM items ORDER BY id") }
            let storedIds = try stored.map { try $0.get("id") as Int64 }
            let storedLabels = try stored.map { try $0.get("label") as String }
            #expect(storedIds == ids)
            #expect(storedLabels == (1...5).map { "item \($0)" })
            // The holding write's group, then one group for the five.
            let after = database.groupCommitCounts
            #expect(after.groups - before.groups == 2)
            #expect(after.writes - before.writes == 6)
        }
    }

    @Test func aWriteThatThrowsUndoesOnlyItsOwnChanges() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let outcomes = try runAsOneGroup(database, [
                Self.insert("first"),
                { connection in
                    _ = try Self.insert("refused")(connection)
                    throw Refused()
                },
                Self.insert("first"),  // a UNIQUE violation: this write's statement fails, not the group
                Self.insert("last"),
            ])
            #expect((try? outcomes[0].get()) != nil)
            #expect(throws: Refused.self) { try outcomes[1].get() }
            #expect(throws: SQLiteError.self) { try outcomes[2].get() }
            #expect((try? outcomes[3].get()) != nil)
            let labels = try database.read { try $0.query("SELECT label FROM items ORDER BY id").map { try $0.get("label") as String } }
            #expect(labels == ["first", "last"])
        }
    }

    @Test func anUnresolvedDeferredForeignKeyFailsOnlyItsOwnWrite() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let outcomes = try runAsOneGroup(database, [
                Self.insert("before"),
                { connection in
                    try connection.execute("INSERT INTO child (parent_id) VALUES (?)", [404])
                    return connection.lastInsertRowID
                },
                Self.insert("after"),
            ])
            let error = #expect(throws: SQLiteError.self) { try outcomes[1].get() }
            #expect(error?.isForeignKeyViolation == true)
            #expect((try? outcomes[0].get()) != nil && (try? outcomes[2].get()) != nil)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM child", as: Int.self) } == 0)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM items", as: Int.self) } == 2)
        }
    }

    @Test func whenTheTransactionIsRolledBackMidwayTheWritesBeforeFailAndTheRestCommit() throws {
        // As SQLite does by itself after SQLITE_FULL or an I/O error: the writes before lost their changes and must
        // not be told they are stored.
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let outcomes = try runAsOneGroup(database, [
                Self.insert("lost"),
                { connection in
                    try connection.execute("ROLLBACK")
                    return 0
                },
                Self.insert("kept"),
            ])
            #expect(throws: (any Error).self) { try outcomes[0].get() }
            #expect(throws: (any Error).self) { try outcomes[1].get() }
            #expect((try? outcomes[2].get()) != nil)
            let labels = try database.read { try $0.query("SELECT label FROM items").map { try $0.get("label") as String } }
            #expect(labels == ["kept"])
            #expect(try database.withWriter { $0.isInTransaction } == false)
        }
    }

    @Test func aWriteInsideAWriteIsStillAnError() throws {
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let outcomes = try runAsOneGroup(database, [
                { _ in try database.writeInGroup { try Self.insert("inner")($0) } },
                Self.insert("outer"),
            ])
            let error = #expect(throws: SQLiteError.self) { try outcomes[0].get() }
            #expect(error?.message.contains("inside a write") == true)
            #expect((try? outcomes[1].get()) != nil)
        }
    }

    @Test func aPlainWriteIsNeverGroupedAndALoneGroupedWriteIsAGroupOfOne() throws {
        // A bulk write (an import, a berita acara) must not run inside a savepoint: SQLite would journal every page it
        // touches once more. `write` keeps out of the groups.
        try withTemporaryDatabase { database, _ throws in
            try database.write { try $0.executeScript(Self.schema) }
            let before = database.groupCommitCounts
            _ = try database.write(Self.insert("plain"))
            #expect(database.groupCommitCounts == before)
            _ = try database.writeInGroup(Self.insert("grouped"))
            #expect(database.groupCommitCounts == (before.groups + 1, before.writes + 1))
            #expect(throws: Refused.self) { try database.writeInGroup { _ in throw Refused() } }
            #expect(try database.withWriter { $0.isInTransaction } == false)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM items", as: Int.self) } == 2)
        }
    }

    /// Runs `writes` (each on a thread of its own) as one group: a write holds the writer while they queue up in
    /// order, then lets go. Returns each write's outcome, in order.
    private func runAsOneGroup(_ database: Database,
                               _ writes: [@Sendable (Connection) throws -> Int64]) throws -> [Result<Int64, any Error>] {
        let inside = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        finished.enter()
        Thread {
            _ = try? database.writeInGroup { _ in
                inside.signal()
                gate.wait()
            }
            finished.leave()
        }.start()
        #expect(inside.wait(timeout: .now() + 30) == .success)
        let outcomes = Locked<[Result<Int64, any Error>]>(Array(repeating: .failure(Refused()), count: writes.count))
        for (index, write) in writes.enumerated() {
            finished.enter()
            Thread {
                let outcome = Result { try database.writeInGroup(write) }
                outcomes.withValue { $0[index] = outcome }
                finished.leave()
            }.start()
            try waitUntil { database.groupCommit.waitingCount == index + 1 }
        }
        gate.signal()
        #expect(finished.wait(timeout: .now() + 60) == .success)
        return outcomes.current
    }

    /// Waits (up to 30 s) until `condition` holds, looking every millisecond.
    private func waitUntil(_ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(30)
        while !condition() {
            guard Date() < deadline else { throw Refused() }
            usleep(1_000)
        }
    }
}
