import Foundation

/// One SQLite value, in SQLite's five storage classes.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// True for SQL NULL.
    public var isNull: Bool { self == .null }

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "'" + value + "'"
        case .blob(let value): "blob(\(value.count) bytes)"
        }
    }
}

/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable {
    /// The value as SQLite stores it.
    var sqlValue: SQLValue { get }
}

/// A Swift value that can be read back from a result column.
public protocol SQLColumnConvertible: SQLBindable {
    /// Converts a column value; returns `nil` when the value has the wrong storage class (or is NULL).
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension SQLValue: SQLColumnConvertible {
    public var sqlValue: SQLValue { self }
    public static func fromSQL(_ value: SQLValue) -> SQLValue? { value }
}

extension Int64: SQLColumnConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public static func fromSQL(_ value: SQLValue) -> Int64? {
        if case .integer(let number) = value { return number }
        return nil
    }
}

extension Int: SQLColumnConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int? {
        if case .integer(let number) = value { return Int(exactly: number) }
        return nil
    }
}

extension Int32: SQLColumnConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int32? {
        if case .integer(let number) = value { return Int32(exactly: number) }
        return nil
    }
}

extension Double: SQLColumnConvertible {
    public var sqlValue: SQLValue { .real(self) }
    /// Integers are accepted too: SQLite stores integral REAL values of non-STRICT columns as integers.
    public static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }
}

extension String: SQLColumnConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public static func fromSQL(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Bool: SQLColumnConvertible {
    /// Stored as INTEGER 1 or 0.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public static func fromSQL(_ value: SQLValue) -> Bool? {
        if case .integer(let number) = value { return number != 0 }
        return nil
    }
}

extension Array: SQLBindable where Element == UInt8 {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Array: SQLColumnConvertible where Element == UInt8 {
    public static func fromSQL(_ value: SQLValue) -> [UInt8]? {
        if case .blob(let bytes) = value { return bytes }
        return nil
    }
}

extension Data: SQLColumnConvertible {
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
    public static func fromSQL(_ value: SQLValue) -> Data? {
        if case .blob(let bytes) = value { return Data(bytes) }
        return nil
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// `nil` binds NULL.
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Optional: SQLColumnConvertible where Wrapped: SQLColumnConvertible {
    /// NULL reads as `.some(nil)`; a value of the wrong storage class reads as `nil` (a mismatch).
    public static func fromSQL(_ value: SQLValue) -> Wrapped?? {
        if value == .null { return .some(nil) }
        guard let wrapped = Wrapped.fromSQL(value) else { return nil }
        return .some(wrapped)
    }
}
