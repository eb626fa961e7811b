import CSQLite

/// One prepared statement. Internal: callers go through `Connection`, which caches and resets these.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private let connection: OpaquePointer
    /// Set while a caller steps through it, so a nested use of the same SQL prepares a fresh copy.
    var isInUse = false
    private var cachedColumnNames: ColumnNames?

    init(connection: OpaquePointer, sql: String) throws {
        self.connection = connection
        self.sql = sql
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let result = sql.withCString { text in
            sqlite3_prepare_v3(connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
        }
        guard result == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw SQLiteError(resultCode: result, handle: connection, sql: sql)
        }
        guard let statement else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "no SQL statement in text", sql: sql)
        }
        // A second statement after the first would be ignored silently; refuse it instead.
        if let tail, Self.hasAnotherStatement(tail, connection: connection) {
            sqlite3_finalize(statement)
            throw SQLiteError(
                code: SQLITE_MISUSE,
                message: "more than one statement in text; use executeScript for scripts", sql: sql)
        }
        self.handle = statement
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private static func hasAnotherStatement(_ tail: UnsafePointer<CChar>, connection: OpaquePointer) -> Bool {
        var next: OpaquePointer?
        let result = sqlite3_prepare_v2(connection, tail, -1, &next, nil)
        defer { sqlite3_finalize(next) }
        // A syntax error in the rest still means there is more text than whitespace and comments.
        return result != SQLITE_OK || next != nil
    }

    /// Binds `arguments`; every parameter of the statement must get a value.
    func bind(_ arguments: StatementArguments) throws {
        let parameterCount = Int(sqlite3_bind_parameter_count(handle))
        switch arguments.values {
        case .positional(let values):
            guard values.count == parameterCount else {
                throw SQLiteError(
                    code: SQLITE_RANGE,
                    message: "statement has \(parameterCount) parameters but \(values.count) values were given",
                    sql: sql)
            }
            for (offset, value) in values.enumerated() {
                try bind(value, at: Int32(offset + 1))
            }
        case .named(let pairs):
            var bound = Set<Int32>()
            for (name, value) in pairs {
                let index = sqlite3_bind_parameter_index(handle, name)
                guard index > 0 else {
                    throw SQLiteError(code: SQLITE_RANGE, message: "statement has no parameter \(name)", sql: sql)
                }
                try bind(value, at: index)
                bound.insert(index)
            }
            guard bound.count == parameterCount else {
                let missing = (1...max(parameterCount, 1)).map(Int32.init).filter { !bound.contains($0) }
                    .compactMap { sqlite3_bind_parameter_name(handle, $0).map { String(cString: $0) } ?? "?\($0)" }
                throw SQLiteError(
                    code: SQLITE_RANGE, message: "no value given for \(missing.joined(separator: ", "))", sql: sql)
            }
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let result: Int32
        switch value {
        case .null:
            result = sqlite3_bind_null(handle, index)
        case .integer(let number):
            result = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            result = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // Through a byte array so that text with embedded NUL bytes keeps its full length.
            // A terminating 0 keeps the address non-nil for "" (SQLite would take a NULL pointer as SQL NULL);
            // the explicit length excludes it.
            let bytes = Array(text.utf8) + [0]
            result = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    sqlite3_bind_text64(
                        handle, index, chars.baseAddress, UInt64(chars.count - 1), csqlite_transient(),
                        UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            if bytes.isEmpty {
                result = sqlite3_bind_zeroblob(handle, index, 0)
            } else {
                result = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob64(handle, index, buffer.baseAddress, UInt64(buffer.count), csqlite_transient())
                }
            }
        }
        guard result == SQLITE_OK else { throw SQLiteError(resultCode: result, handle: connection, sql: sql) }
    }

    /// Advances one row: `true` when a row is ready, `false` when done.
    func step() throws -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(resultCode: result, handle: connection, sql: sql)
        }
    }

    /// The column names of the result set, read once per prepared statement: the statement is cached and run again
    /// and again, and building the names (and their lookup) for each query was a measurable part of a page. A schema
    /// change that alters a `SELECT *` re-prepares the statement with another column count, which reads them again.
    func columnNames() -> ColumnNames {
        let count = sqlite3_column_count(handle)
        if let cached = cachedColumnNames, cached.names.count == Int(count) { return cached }
        let names = ColumnNames((0..<count).map { index in
            sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "column\(index)"
        })
        cachedColumnNames = names
        return names
    }

    /// The current row's values, copied.
    func currentValues() -> [SQLValue] {
        (0..<sqlite3_column_count(handle)).map(value(at:))
    }

    private func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Ask for the text before its length, as SQLite's documentation prescribes.
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let length = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, index) else { return .blob([]) }
            let length = Int(sqlite3_column_bytes(handle, index))
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: length)))
        default:
            return .null
        }
    }

    /// Makes the statement ready for its next use and drops bound values (which may be large).
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
