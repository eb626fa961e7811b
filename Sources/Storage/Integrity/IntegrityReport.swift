/// The result of `PRAGMA integrity_check` and `PRAGMA foreign_key_check`.
public struct IntegrityReport: Sendable, Equatable, CustomStringConvertible {
    /// The lines `integrity_check` reported; empty when it said `ok`.
    public let integrityErrors: [String]
    /// Rows whose foreign keys point nowhere.
    public let foreignKeyViolations: [ForeignKeyViolation]

    /// True when both checks found nothing.
    public var isOK: Bool { integrityErrors.isEmpty && foreignKeyViolations.isEmpty }

    public var description: String {
        if isOK { return "integrity_check: ok\nforeign_key_check: ok" }
        var lines: [String] = []
        lines.append(integrityErrors.isEmpty ? "integrity_check: ok" : "integrity_check: \(integrityErrors.count) problem(s)")
        lines += integrityErrors.map { "  " + $0 }
        lines.append(foreignKeyViolations.isEmpty
            ? "foreign_key_check: ok" : "foreign_key_check: \(foreignKeyViolations.count) violation(s)")
        lines += foreignKeyViolations.map { "  " + $0.description }
        return lines.joined(separator: "\n")
    }
}

/// One row of `PRAGMA foreign_key_check`.
public struct ForeignKeyViolation: Sendable, Equatable, CustomStringConvertible {
    /// The table holding the dangling reference.
    public let table: String
    /// The rowid of the offending row (nil for WITHOUT ROWID tables).
    public let rowID: Int64?
    /// The table the reference should point into.
    public let parentTable: String
    /// Which foreign key of `table` (its index in `PRAGMA foreign_key_list`).
    public let foreignKeyIndex: Int

    public var description: String {
        "\(table) row \(rowID.map(String.init) ?? "?") references missing \(parentTable) (foreign key #\(foreignKeyIndex))"
    }
}

extension Connection {
    /// Runs `integrity_check` and `foreign_key_check` on the main database.
    public func checkIntegrity() throws -> IntegrityReport {
        let messages = try query("PRAGMA integrity_check").map { try $0.get(0, as: String.self) }
        let violations = try query("PRAGMA foreign_key_check").map { row in
            ForeignKeyViolation(
                table: try row.get(0), rowID: try row.get(1), parentTable: try row.get(2),
                foreignKeyIndex: try row.get(3))
        }
        return IntegrityReport(integrityErrors: messages == ["ok"] ? [] : messages, foreignKeyViolations: violations)
    }
}

extension Database {
    /// Runs `integrity_check` and `foreign_key_check` on a reader (does not block writers).
    public func checkIntegrity() throws -> IntegrityReport {
        try read { try $0.checkIntegrity() }
    }
}
