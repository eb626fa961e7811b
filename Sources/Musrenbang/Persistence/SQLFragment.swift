import Storage

/// A piece of SQL with the values of its `?` parameters, in order. Fragments are joined in the order their
/// text is joined, so that the values stay aligned with the placeholders; no value is ever spliced into the text.
struct SQLFragment {
    var sql: String
    var values: [(any SQLBindable)?]

    init(_ sql: String, _ values: [(any SQLBindable)?] = []) { self.sql = sql; self.values = values }

    /// Always true / always false.
    static var all: SQLFragment { SQLFragment("1") }
    static var none: SQLFragment { SQLFragment("0") }

    /// The fragments joined with `separator` (each wrapped in parentheses).
    static func join(_ parts: [SQLFragment], _ separator: String, empty: SQLFragment) -> SQLFragment {
        guard !parts.isEmpty else { return empty }
        return SQLFragment(parts.map { "(" + $0.sql + ")" }.joined(separator: " \(separator) "), parts.flatMap(\.values))
    }

    static func and(_ parts: [SQLFragment]) -> SQLFragment { join(parts, "AND", empty: .all) }
    static func or(_ parts: [SQLFragment]) -> SQLFragment { join(parts, "OR", empty: .none) }

    var arguments: StatementArguments { StatementArguments(values) }
}
