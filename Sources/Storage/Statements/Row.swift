import Synchronization

/// One result row, copied out of SQLite so it stays valid after the statement moves on.
/// Columns are reached by index (from 0) or by name (as SQLite reports it, case-insensitive).
public struct Row: Sendable, CustomStringConvertible {
    /// The row's values in column order.
    public let values: [SQLValue]
    @usableFromInline let columns: ColumnNames

    init(values: [SQLValue], columns: ColumnNames) {
        self.values = values
        self.columns = columns
    }

    /// The column names in order.
    public var columnNames: [String] { columns.names }

    /// The number of columns.
    public var count: Int { values.count }

    /// The raw value at `index`; traps when the index is out of range, like an array.
    public subscript(index: Int) -> SQLValue { values[index] }

    /// The raw value of the named column, or `nil` when there is no such column.
    public subscript(column: String) -> SQLValue? {
        columns.index(of: column).map { values[$0] }
    }

    /// The value at `index` converted to `T`; use an optional `T` for nullable columns.
    /// `@inlinable` (as the other `get` and `convert`): the callers are in other modules, and only inlined does the
    /// conversion get specialized for `T` instead of looking up `T`'s generic metadata for every column read.
    @inlinable
    public func get<T: SQLColumnConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw RowError.noSuchColumn("#\(index)", available: columns.names)
        }
        return try convert(values[index], column: columns.names[index])
    }

    /// The value of the named column converted to `T`; use an optional `T` for nullable columns.
    @inlinable
    public func get<T: SQLColumnConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.index(of: column) else {
            throw RowError.noSuchColumn(column, available: columns.names)
        }
        return try convert(values[index], column: columns.names[index])
    }

    @inlinable
    func convert<T: SQLColumnConvertible>(_ value: SQLValue, column: String) throws -> T {
        guard let converted = T.fromSQL(value) else {
            throw RowError.typeMismatch(column: column, expected: String(describing: T.self), actual: value)
        }
        return converted
    }

    public var description: String {
        "[" + zip(columns.names, values).map { "\($0): \($1)" }.joined(separator: ", ") + "]"
    }
}

/// The column names of one result set, shared by all its rows.
@usableFromInline
final class ColumnNames: Sendable {
    @usableFromInline let names: [String]
    private let lowercased: [String]
    /// Whether the column at an index is the first of its name (a join may select two `id`s: the first wins).
    private let isFirstOfItsName: [Bool]
    /// One past the column the previous lookup found. Repositories read a row's columns in the order they selected
    /// them, so the next lookup is almost always that one: checked first, a row of forty columns read by name costs
    /// forty comparisons instead of eight hundred (perf of a proposal page, bench/portal.sh). Only a hint: any thread's
    /// value is as good a first guess as another's.
    private let nextGuess = Atomic<Int>(0)

    init(_ names: [String]) {
        self.names = names
        lowercased = names.map { $0.lowercased() }
        var seen = Set<String>()
        isFirstOfItsName = names.map { seen.insert($0).inserted }
    }

    /// A scan, not a dictionary: a result has a few dozen columns at most, and comparing short names (held inline, up
    /// to 15 bytes) costs less than hashing them, which every read of every row by name paid. The first column of a
    /// given name wins, as in most SQL clients.
    @usableFromInline
    func index(of name: String) -> Int? {
        let guess = nextGuess.load(ordering: .relaxed)
        if guess < names.count && isFirstOfItsName[guess] && names[guess] == name {
            nextGuess.store(guess + 1, ordering: .relaxed)
            return guess
        }
        let found = names.firstIndex(of: name) ?? lowercased.firstIndex(of: name.lowercased())
        if let found { nextGuess.store(found + 1, ordering: .relaxed) }
        return found
    }
}

/// A row could not be read the way the caller asked.
public enum RowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The result has no column of that name (or index).
    case noSuchColumn(String, available: [String])
    /// The column holds a value that does not convert to the requested type (NULL into a non-optional, say).
    case typeMismatch(column: String, expected: String, actual: SQLValue)

    public var description: String {
        switch self {
        case .noSuchColumn(let name, let available):
            "no column '\(name)' in result (columns: \(available.joined(separator: ", ")))"
        case .typeMismatch(let column, let expected, let actual):
            "column '\(column)' holds \(actual), which is not a \(expected)"
        }
    }
}
