import CSQLite

/// A statement prepared once and run many times in a tight loop with positional binding, for hot
/// paths (an allocation run writes thousands of rows): no SQL-text cache lookup, no `StatementArguments`
/// boxing, no `Row` materialisation. Bind every `?N` of the statement, `step()`, then `reset()`.
///
/// Obtained from `Connection.prepare(_:)` (or `Connection.withPrepared(_:_:)`, cached); use it on that
/// connection's thread only, and not after the connection has gone (nor after `withPrepared` returns). Values not re-bound after `reset()` keep their previous binding.
public final class PreparedStatement {
    private let statement: Statement

    init(_ statement: Statement) { self.statement = statement }

    /// The number of `?` parameters.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(statement.handle)) }

    /// Binds an integer to parameter `index` (1-based).
    public func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(statement.handle, index, value))
    }

    /// Binds an integer or NULL.
    public func bind(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds 1 or 0.
    public func bind(_ value: Bool, at index: Int32) throws { try bind(Int64(value ? 1 : 0), at: index) }

    /// Binds a text (copied by SQLite) or NULL.
    public func bind(_ value: String?, at index: Int32) throws {
        guard var value else { try bindNull(at: index); return }
        // Native UTF-8 strings hand out their bytes without a copy; SQLite copies them (TRANSIENT).
        let result = value.withUTF8 { bytes in
            // A non-nil address for "" (SQLite takes a NULL pointer as SQL NULL).
            guard let base = bytes.baseAddress else {
                return sqlite3_bind_text64(statement.handle, index, "", 0, csqlite_transient(), UInt8(SQLITE_UTF8))
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text64(statement.handle, index, chars, UInt64(bytes.count), csqlite_transient(),
                                    UInt8(SQLITE_UTF8))
            }
        }
        try check(result)
    }

    /// Binds a whole argument list (as `Connection.execute` does), e.g. a filter built elsewhere.
    public func bind(_ arguments: StatementArguments) throws { try statement.bind(arguments) }

    /// Binds NULL.
    public func bindNull(at index: Int32) throws { try check(sqlite3_bind_null(statement.handle, index)) }

    /// Advances one row: `true` when a row is ready (read it with `int64(at:)`/`text(at:)`), `false` when done.
    @discardableResult
    public func step() throws -> Bool { try statement.step() }

    /// Integer value of column `index` (0-based) of the current row (0 for NULL).
    public func int64(at index: Int32) -> Int64 { sqlite3_column_int64(statement.handle, index) }

    /// Whether column `index` of the current row is NULL.
    public func isNull(at index: Int32) -> Bool { sqlite3_column_type(statement.handle, index) == SQLITE_NULL }

    /// Text value of column `index` (0-based) of the current row; nil for NULL.
    public func text(at index: Int32) -> String? {
        guard let text = sqlite3_column_text(statement.handle, index) else { return nil }
        let length = Int(sqlite3_column_bytes(statement.handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    /// Makes the statement ready to run again (bindings are kept; re-bind what changes).
    public func reset() { sqlite3_reset(statement.handle) }

    private func check(_ result: Int32) throws {
        guard result == SQLITE_OK else {
            throw SQLiteError(resultCode: result, handle: sqlite3_db_handle(statement.handle), sql: statement.sql)
        }
    }
}
