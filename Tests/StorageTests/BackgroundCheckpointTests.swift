import Foundation
import Testing
@testable import Storage

/// The log is copied into the database file by the checkpointer's own thread: commits keep going, the log starts
/// again from its beginning once a checkpoint has caught up, and nothing written is lost on the way.
@Suite("WAL checkpoints on their own thread")
struct BackgroundCheckpointTests {
    static let threshold = 20

    private static func insertRows(_ database: Database, from start: Int, count: Int) throws {
        for index in start..<(start + count) {
            // About two pages per commit: the log grows past the threshold within a dozen commits.
            try database.write { try $0.execute("INSERT INTO blobs (id, body) VALUES (?, zeroblob(6000))", [index]) }
        }
    }

    /// Waits (at most 20 s) until `condition` holds, committing one more row between looks when asked.
    private static func eventually(_ database: Database, committingFrom start: inout Int, _ condition: () -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if condition() { return true }
            try insertRows(database, from: start, count: 1)
            start += 1
            usleep(20_000)  // polling a condition with a deadline, not standing in for one
        }
        return condition()
    }

    @Test func theLogRestartsAfterABackgroundCheckpointAndEveryRowStays() throws {
        var configuration = Database.Configuration()
        configuration.backgroundCheckpointPages = Self.threshold
        try withTemporaryDatabase(configuration: configuration) { database, _ throws in
            try database.write { try $0.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT") }
            try Self.insertRows(database, from: 0, count: 60)
            var next = 60
            #expect(try Self.eventually(database, committingFrom: &next) { database.backgroundCheckpoints >= 1 })
            // A commit after a checkpoint that caught up writes at the log's beginning again.
            #expect(try Self.eventually(database, committingFrom: &next) { database.logPagesAtLastCommit < Self.threshold },
                    "the log still holds \(database.logPagesAtLastCommit) pages")
            let count = try database.read { try $0.scalar("SELECT count(*) FROM blobs", as: Int64.self) }
            #expect(count == Int64(next))
        }
    }

    @Test func withoutTheCheckpointerNothingRunsInTheBackground() throws {
        var configuration = Database.Configuration()
        configuration.backgroundCheckpointPages = nil
        try withTemporaryDatabase(configuration: configuration) { database, _ throws in
            try database.write { try $0.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT") }
            try Self.insertRows(database, from: 0, count: 60)
            #expect(database.backgroundCheckpoints == 0 && database.logPagesAtLastCommit == 0)
        }
    }
}
