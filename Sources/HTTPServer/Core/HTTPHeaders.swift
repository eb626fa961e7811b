/// An ordered list of header fields; names compare case-insensitively, order and duplicates are kept.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    public typealias Field = (name: String, value: String)
    private var fields: [Field] = []

    /// No fields.
    public init() {}
    /// The given fields, in order.
    public init(_ fields: [Field]) { self.fields = fields }
    /// Fields from a literal such as `["Content-Type": "text/plain"]`, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of the field `name`, if present.
    public subscript(name: String) -> String? {
        fields.first(where: { Self.same($0.name, name) })?.value
    }

    /// Every value of the field `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { Self.same($0.name, name) }.map(\.value)
    }

    /// Whether any field is named `name`.
    public func contains(_ name: String) -> Bool { fields.contains { Self.same($0.name, name) } }

    /// Appends a field, keeping any existing ones with the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Replaces every field named `name` with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name: name, value: value))
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) { fields.removeAll { Self.same($0.name, name) } }

    /// The number of fields.
    public var count: Int { fields.count }
    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
    public var description: String { fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n") }

    /// Whether the comma-separated list in field `name` contains `token` (case-insensitive), as for `Connection`.
    public func hasToken(_ token: String, in name: String) -> Bool {
        values(name).contains { value in
            value.split(separator: ",").contains { $0.trimmingHTTPWhitespace().lowercased() == token.lowercased() }
        }
    }

    /// Removes every field for which `shouldRemove` is true (one pass).
    mutating func removeAll(where shouldRemove: (Field) -> Bool) { fields.removeAll(where: shouldRemove) }

    /// Case-insensitive name comparison; ASCII (every token) is compared in place without allocating.
    static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var other = b.utf8.makeIterator()
        for x in a.utf8 {
            let y = other.next()!
            if x == y { continue }
            if x >= 0x80 || y >= 0x80 { return a.lowercased() == b.lowercased() }
            if x | 0x20 != y | 0x20 || !((0x61...0x7A).contains(x | 0x20)) { return false }
        }
        return true
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's OWS).
    func trimmingHTTPWhitespace() -> String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
