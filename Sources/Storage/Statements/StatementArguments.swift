/// The values bound to a statement: positional (`?`, `?NNN`) or named (`:name`, `@name`, `$name`).
///
/// Written as literals: `[42, "text", nil]` or `["id": 42, "name": nil]`. A named key without a
/// prefix gets `:` in front, so `"id"` binds `:id`.
public struct StatementArguments: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    enum Values: Sendable {
        case positional([SQLValue])
        case named([(String, SQLValue)])
    }

    let values: Values

    /// Positional arguments, bound to `?1`, `?2`, ... in order.
    public init(_ values: [(any SQLBindable)?]) {
        self.values = .positional(values.map { $0?.sqlValue ?? .null })
    }

    /// Named arguments; keys may omit the `:` prefix.
    public init(named values: [String: (any SQLBindable)?]) {
        self.values = .named(values.map { key, value in
            let name = key.first.map { ":@$".contains($0) } == true ? key : ":" + key
            return (name, value?.sqlValue ?? .null)
        })
    }

    public init(arrayLiteral elements: (any SQLBindable)?...) {
        self.init(elements)
    }

    public init(dictionaryLiteral elements: (String, (any SQLBindable)?)...) {
        self.init(named: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
