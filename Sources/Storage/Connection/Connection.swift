import CSQLite
import Foundation

/// One SQLite connection with its own cache of prepared statements.
///
/// A connection must be used by one thread at a time (it is opened without SQLite's own mutex);
/// `Database` hands connections out under locks so that many threads can share it safely.
public final class Connection {
    /// How a connection opens its file.
    public enum Mode: Sendable {
        /// Read and write; creates the file when it is missing; switches it to WAL.
        case readWrite
        /// Read only (`SQLITE_OPEN_READONLY` and `PRAGMA query_only`); the file must exist.
        case readOnly
    }

    /// How `transaction` begins; see SQLite's `BEGIN` documentation.
    public enum TransactionKind: String, Sendable {
        case deferred = "BEGIN DEFERRED"
        case immediate = "BEGIN IMMEDIATE"
        case exclusive = "BEGIN EXCLUSIVE"
    }

    /// The file this connection opened.
    public let path: String
    /// Whether the connection may write.
    public let mode: Mode
    let handle: OpaquePointer
    private let cache: StatementCache
    private let busyWait: BusyWait
    private var savepointDepth = 0

    /// Opens `path` and applies the pragmas every connection uses: WAL (read-write only),
    /// `synchronous=NORMAL`, `foreign_keys=ON`, and a busy handler that waits up to `busyTimeoutMilliseconds`
    /// for another connection's lock with short sleeps, so that lock contention shows up as a short delay,
    /// not as `database is locked`.
    public init(
        path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int = 5000, statementCacheCapacity: Int = 64
    ) throws {
        self.path = path
        self.mode = mode
        let flags = SQLITE_OPEN_NOMUTEX
            | (mode == .readWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY)
        var opened: OpaquePointer?
        let result = sqlite3_open_v2(path, &opened, flags, nil)
        guard result == SQLITE_OK, let opened else {
            let error = SQLiteError(resultCode: result, handle: opened, sql: nil)
            sqlite3_close_v2(opened)
            throw SQLiteError(code: error.extendedCode, message: "\(error.message) (opening \(path))")
        }
        handle = opened
        cache = StatementCache(capacity: statementCacheCapacity)
        busyWait = BusyWait(limitMilliseconds: busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_handler(handle, busyWaitCallback, Unmanaged.passUnretained(busyWait).toOpaque())
        do {
            if mode == .readWrite {
                let journal = try scalar("PRAGMA journal_mode = WAL", as: String.self)
                guard journal?.lowercased() == "wal" else {
                    throw SQLiteError(code: SQLITE_ERROR, message: "could not switch \(path) to WAL (got \(journal ?? "nothing"))")
                }
            } else {
                try execute("PRAGMA query_only = ON")
            }
            try execute("PRAGMA synchronous = NORMAL")
            try execute("PRAGMA foreign_keys = ON")
        } catch {
            cache.removeAll()
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        // Statements must be finalized before the handle closes; close_v2 tolerates stragglers anyway.
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: Running statements

    /// Runs one statement with `arguments`, stepping it to the end and discarding any rows.
    public func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try withStatement(sql, arguments) { statement in
            while try statement.step() {}
        }
    }

    /// Runs a script of several `;`-separated statements without parameters (schema changes, migrations).
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// All rows of a query.
    public func query(_ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    /// Calls `body` with each row in turn, without collecting them; a throw from `body` stops the query.
    public func forEachRow(_ sql: String, _ arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        try withStatement(sql, arguments) { statement in
            let columns = statement.columnNames()
            while try statement.step() {
                try body(Row(values: statement.currentValues(), columns: columns))
            }
        }
    }

    /// The first row of a query, or `nil` when there is none.
    public func queryOne(_ sql: String, _ arguments: StatementArguments = []) throws -> Row? {
        try withStatement(sql, arguments) { statement in
            guard try statement.step() else { return nil }
            return Row(values: statement.currentValues(), columns: statement.columnNames())
        }
    }

    /// The first column of the first row converted to `T`; `nil` when there is no row or the value is NULL.
    public func scalar<T: SQLColumnConvertible>(
        _ sql: String, _ arguments: StatementArguments = [], as type: T.Type = T.self
    ) throws -> T? {
        guard let row = try queryOne(sql, arguments), row.count > 0, !row[0].isNull else { return nil }
        return try row.get(0, as: T.self)
    }

    /// Prepares `sql` (one statement) for a hot loop: bind by position, `step()`, `reset()`. Not cached;
    /// keep it for the loop's duration (it is finalized when released).
    public func prepare(_ sql: String) throws -> PreparedStatement {
        PreparedStatement(try Statement(connection: handle, sql: sql))
    }

    /// Runs `body` with `sql` prepared once per connection (kept in the statement cache, so a statement run once
    /// per envelope or per request is parsed once): bind by position, `step()`, `reset()` as with `prepare(_:)`.
    /// The statement is reset and its bindings cleared when `body` returns; do not keep it beyond `body`.
    public func withPrepared<T>(_ sql: String, _ body: (PreparedStatement) throws -> T) throws -> T {
        try withCachedStatement(sql) { statement in try body(PreparedStatement(statement)) }
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Rows changed since the connection opened.
    public var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }

    /// True while a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Statements currently held in the cache.
    var cachedStatementCount: Int { cache.count }
    /// Statements prepared since opening because the cache could not supply one.
    var statementPrepareCount: Int { cache.misses }

    private func withStatement<T>(
        _ sql: String, _ arguments: StatementArguments, _ body: (Statement) throws -> T
    ) throws -> T {
        try withCachedStatement(sql) { statement in
            try statement.bind(arguments)
            return try body(statement)
        }
    }

    /// The cached statement for `sql` (a fresh one when the cached copy is busy), reset after `body`.
    private func withCachedStatement<T>(_ sql: String, _ body: (Statement) throws -> T) throws -> T {
        let statement = try cache.statement(for: sql) { try Statement(connection: handle, sql: sql) }
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        return try body(statement)
    }

    // MARK: Transactions

    /// Runs `body` inside a transaction: COMMIT when it returns, ROLLBACK when it (or COMMIT) throws.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: (Connection) throws -> T) throws -> T {
        try execute(kind.rawValue)
        let result: T
        do {
            result = try body(self)
            try execute("COMMIT")
        } catch {
            rollbackQuietly()
            throw error
        }
        return result
    }

    /// `transaction(.immediate)`: takes the write lock up front, so the transaction cannot fail later with
    /// `SQLITE_BUSY_SNAPSHOT` when it turns from reading to writing.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try transaction(.immediate, body)
    }

    /// Runs `body` inside a SAVEPOINT, which may nest inside a transaction or another savepoint:
    /// RELEASE when it returns, ROLLBACK TO (undoing only its own changes) when it throws.
    public func savepoint<T>(_ body: (Connection) throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "storage_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body(self)
            try execute("RELEASE \(name)")
            return result
        } catch {
            // Undo, then release so the savepoint does not linger (outside a transaction it would be one).
            _ = try? execute("ROLLBACK TO \(name)")
            _ = try? execute("RELEASE \(name)")
            throw error
        }
    }

    /// Throws the FOREIGN KEY error that COMMIT would raise while deferred foreign keys are unresolved.
    func checkDeferredForeignKeys() throws {
        var current: Int32 = 0
        var highest: Int32 = 0
        sqlite3_db_status(handle, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0)
        if current != 0 {
            throw SQLiteError(code: SQLiteError.constraintForeignKey, message: "FOREIGN KEY constraint failed")
        }
    }

    private func rollbackQuietly() {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); then ROLLBACK would only fail.
        guard isInTransaction else { return }
        _ = try? execute("ROLLBACK")
    }
}

@available(*, unavailable, message: "a Connection is used by one thread at a time; share a Database instead")
extension Connection: Sendable {}

/// State of the busy handler for one connection; only touched on the thread using that connection.
private final class BusyWait {
    let limitNanoseconds: UInt64
    var startedAt: UInt64 = 0

    init(limitMilliseconds: Int) {
        limitNanoseconds = UInt64(max(limitMilliseconds, 0)) * 1_000_000
    }
}

/// Sleeps briefly (1 ms growing to 10 ms, never longer, so a freed lock is noticed soon) and asks SQLite to
/// retry until the connection's limit has passed since the first attempt.
private func busyWaitCallback(_ context: UnsafeMutableRawPointer?, _ attempt: Int32) -> Int32 {
    guard let context else { return 0 }
    let wait = Unmanaged<BusyWait>.fromOpaque(context).takeUnretainedValue()
    let now = DispatchTime.now().uptimeNanoseconds
    if attempt == 0 { wait.startedAt = now }
    guard now - wait.startedAt < wait.limitNanoseconds else { return 0 }
    let delays: [UInt32] = [1, 1, 2, 2, 5, 5]
    let milliseconds = attempt < delays.count ? delays[Int(attempt)] : 10
    usleep(milliseconds * 1000)
    return 1
}
