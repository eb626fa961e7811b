import Foundation

/// The state of an administered row before or after a change, stored as a JSON object in `admin_log`.
/// Built only from the fields listed in `AdminSnapshot+Domain.swift`: never a password hash or other secret.
public struct AdminSnapshot: Hashable, Sendable {
    public var fields: [String: AdminValue]

    /// A snapshot of these fields.
    public init(_ fields: [String: AdminValue]) { self.fields = fields }

    /// The value of one field (nil when absent).
    public subscript(field: String) -> AdminValue? { fields[field] }

    /// The JSON object text, keys sorted (stable, comparable in tests).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers, booleans, lists and objects always encode.
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Decodes a stored JSON object (nil when malformed).
    public init?(json: String) {
        guard let fields = try? JSONDecoder().decode([String: AdminValue].self, from: Data(json.utf8)) else { return nil }
        self.fields = fields
    }
}
