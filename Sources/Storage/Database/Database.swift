import CSQLite
import Foundation

/// The database the application holds: one writer connection behind a lock and a small pool of
/// read-only connections, so that many threads can read at once while writes are serialized.
///
/// `@unchecked Sendable`: the connections are not thread-safe themselves, but every access goes through
/// `writerLock` (the writer) or `ReaderPool` (each reader is lent to one thread at a time).
public final class Database: @unchecked Sendable {
    /// Tuning knobs; the defaults suit the portal.
    public struct Configuration: Sendable {
        /// Read-only connections in the pool.
        public var readerCount: Int = 4
        /// How long a reader waits for a lock held by another process (rare in WAL mode).
        public var readerBusyTimeoutMilliseconds: Int = 5000
        /// How long the writer waits for another process's write lock (a CLI command, a backup) before
        /// giving up; long, so that users see a slow request rather than `database is locked`.
        public var writerBusyTimeoutMilliseconds: Int = 30_000
        /// Prepared statements kept per connection.
        public var statementCacheCapacity: Int = 64
        /// Whether a missing file is created (true) or is an error (false, for tools such as `check`).
        public var createIfMissing: Bool = true
        /// Log pages after which the log is copied into the database file by a thread of its own (`WALCheckpointer`);
        /// nil leaves it to SQLite's automatic checkpoint inside the commit that crosses 1,000 pages.
        public var backgroundCheckpointPages: Int? = 2_000

        public init() {}
    }

    /// The database file.
    public let path: String
    private let writer: Connection
    private let writerLock = NSLock()
    /// The thread currently inside `write`/`withWriter`, to turn a nested call into an error, not a deadlock.
    private var writerOwner: pthread_t?
    private let ownerLock = NSLock()
    private let readers: ReaderPool
    let groupCommit = GroupCommit()
    private let checkpointer: WALCheckpointer?

    /// Opens (and by default creates) the file at `path` in WAL mode with its writer and readers.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        if !configuration.createIfMissing, !FileManager.default.fileExists(atPath: path) {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "database file \(path) does not exist")
        }
        self.path = path
        // The writer first: it creates the file and switches it to WAL, which read-only connections need.
        writer = try Connection(
            path: path, mode: .readWrite, busyTimeoutMilliseconds: configuration.writerBusyTimeoutMilliseconds,
            statementCacheCapacity: configuration.statementCacheCapacity)
        readers = ReaderPool(try (0..<max(configuration.readerCount, 1)).map { _ in
            try Connection(
                path: path, mode: .readOnly, busyTimeoutMilliseconds: configuration.readerBusyTimeoutMilliseconds,
                statementCacheCapacity: configuration.statementCacheCapacity)
        })
        checkpointer = try configuration.backgroundCheckpointPages.map { try WALCheckpointer(path: path, thresholdPages: $0) }
        checkpointer?.install(on: writer)
    }

    deinit {
        if let checkpointer {
            checkpointer.uninstall(from: writer)
            checkpointer.stop()
        }
        // Readers close first, so that the writer closes last and can checkpoint and remove the WAL file.
        readers.closeAll()
    }

    /// Checkpoints run by the background checkpointer so far (0 without one).
    public var backgroundCheckpoints: Int { checkpointer?.checkpointsRun ?? 0 }

    /// The log's size in pages after the last commit, as the background checkpointer heard it (0 without one).
    public var logPagesAtLastCommit: Int { checkpointer?.pagesAtLastCommit ?? 0 }

    /// Runs `body` with a read-only connection inside a read transaction, so that all its queries see one
    /// consistent snapshot. Waits for a free reader when all are lent out. Does not see writes still
    /// uncommitted in a `write` on the same thread.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let reader = readers.borrow()
        defer { readers.giveBack(reader) }
        return try reader.transaction(.deferred, body)
    }

    /// Runs `body` on the writer inside `BEGIN IMMEDIATE ... COMMIT` (ROLLBACK when it throws).
    /// Writers from all threads are serialized; calling `write` again from inside `body` is an error.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try withWriter { connection in try connection.write(body) }
    }

    /// As `write`, for a small write (one proposal, one session): writes of this kind that wait while another group
    /// commits are committed together, each in a savepoint of its own (`GroupCommit`), possibly on another thread,
    /// which waits meanwhile; alone, it runs as `write`. Not for a body that changes thousands of rows: in a savepoint,
    /// SQLite journals every page it touches once more.
    public func writeInGroup<T>(_ body: (Connection) throws -> T) throws -> T {
        try refuseNestedWrite()
        return try withoutActuallyEscaping(body) { body in
            var value: T?
            let entry = GroupCommit.Entry { connection in value = try body(connection) }
            let failure = groupCommit.submit(entry) { group in
                do {
                    try withWriter { writer in GroupCommit.run(group, on: writer) }
                } catch {
                    for member in group { member.fail(error) }
                }
            }
            if let failure { throw failure }
            guard let value else { throw SQLiteError(code: SQLITE_MISUSE, message: "a write ended without a result") }
            return value
        }
    }

    /// Groups committed and the writes they held since opening (tests).
    var groupCommitCounts: (groups: Int, writes: Int) { groupCommit.counts }

    /// Runs `body` on the writer without opening a transaction, for statements that cannot run inside one
    /// (`VACUUM`, some pragmas) or for callers that manage transactions themselves.
    public func withWriter<T>(_ body: (Connection) throws -> T) throws -> T {
        try refuseNestedWrite()
        writerLock.lock()
        ownerLock.withLock { writerOwner = pthread_self() }
        defer {
            ownerLock.withLock { writerOwner = nil }
            writerLock.unlock()
        }
        return try body(writer)
    }

    /// A thread already inside `write`/`withWriter` would wait for itself.
    private func refuseNestedWrite() throws {
        let nested = ownerLock.withLock { writerOwner.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
        if nested {
            throw SQLiteError(
                code: SQLITE_MISUSE, message: "Database.write called again from inside a write on the same thread")
        }
    }
}

/// Read-only connections lent to one thread at a time.
private final class ReaderPool: @unchecked Sendable {
    private var idle: [Connection]
    private let lock = NSLock()
    private let available: DispatchSemaphore

    init(_ connections: [Connection]) {
        idle = connections
        available = DispatchSemaphore(value: connections.count)
    }

    func borrow() -> Connection {
        available.wait()
        lock.lock()
        defer { lock.unlock() }
        return idle.removeLast()
    }

    /// Drops every idle connection; called only when the database is going away.
    func closeAll() {
        lock.withLock { idle.removeAll() }
    }

    func giveBack(_ connection: Connection) {
        lock.lock()
        idle.append(connection)
        lock.unlock()
        available.signal()
    }
}
