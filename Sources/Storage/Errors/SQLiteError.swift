import CSQLite

/// An error reported by SQLite: the primary and extended result codes, SQLite's own message
/// (`sqlite3_errmsg`) and the SQL that was running, if any.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The primary result code, e.g. `SQLITE_CONSTRAINT` (19).
    public let code: Int32
    /// The extended result code, e.g. `Self.constraintUnique` (2067); equals `code` when there is none.
    public let extendedCode: Int32
    /// SQLite's message, e.g. `UNIQUE constraint failed: users.email`, or a trigger's `RAISE` text.
    public let message: String
    /// The statement that failed, when the failure belongs to one.
    public let sql: String?

    /// Builds an error from a (possibly extended) result code.
    public init(code resultCode: Int32, message: String, sql: String? = nil) {
        self.code = resultCode & 0xff
        self.extendedCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// Reads the error state of `handle` after a call returned `resultCode`.
    init(resultCode: Int32, handle: OpaquePointer?, sql: String? = nil) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? resultCode
        // Prefer the extended code SQLite recorded on the handle when it belongs to the same primary code.
        let code = (extended & 0xff) == (resultCode & 0xff) ? extended : resultCode
        let text = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(resultCode))
        self.init(code: code, message: text, sql: sql)
    }

    /// Any constraint failure: UNIQUE, NOT NULL, CHECK, FOREIGN KEY, PRIMARY KEY, STRICT datatype, trigger ABORT.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }
    /// A UNIQUE constraint or unique index was violated.
    public var isUniqueViolation: Bool { extendedCode == Self.constraintUnique }
    /// A PRIMARY KEY was duplicated.
    public var isPrimaryKeyViolation: Bool { extendedCode == Self.constraintPrimaryKey }
    /// A FOREIGN KEY constraint failed.
    public var isForeignKeyViolation: Bool { extendedCode == Self.constraintForeignKey }
    /// A NOT NULL column got NULL.
    public var isNotNullViolation: Bool { extendedCode == Self.constraintNotNull }
    /// A CHECK constraint failed.
    public var isCheckViolation: Bool { extendedCode == Self.constraintCheck }
    /// A STRICT table got a value of the wrong type.
    public var isDatatypeViolation: Bool { extendedCode == Self.constraintDatatype }
    /// A trigger called `RAISE(ABORT | FAIL | ROLLBACK, message)`; `message` holds its text.
    public var isTriggerAbort: Bool { extendedCode == Self.constraintTrigger }
    /// The database stayed locked by another connection for longer than the wait allowed.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    // SQLite defines the extended codes as macro expressions, which Swift does not import.
    static let constraintCheck: Int32 = SQLITE_CONSTRAINT | (1 << 8)
    static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintNotNull: Int32 = SQLITE_CONSTRAINT | (5 << 8)
    static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintTrigger: Int32 = SQLITE_CONSTRAINT | (7 << 8)
    static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintDatatype: Int32 = SQLITE_CONSTRAINT | (12 << 8)

    public var description: String {
        var text = "SQLite error \(extendedCode) (\(String(cString: sqlite3_errstr(extendedCode)))): \(message)"
        if let sql { text += " [SQL: \(sql)]" }
        return text
    }
}
