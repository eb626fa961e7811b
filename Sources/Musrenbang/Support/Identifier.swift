/// A typed row identifier: `Identifier<Kelurahan>` cannot be passed where an `Identifier<OPD>` is expected.
/// The raw value is the SQLite `INTEGER PRIMARY KEY` of the row.
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int64

    /// Wraps a raw database id.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a raw database id (unlabelled convenience).
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}
