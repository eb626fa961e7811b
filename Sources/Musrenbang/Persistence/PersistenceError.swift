import Foundation
import Storage

/// A stored row that is missing or cannot be read back. Descriptions are shown to users (Bahasa Indonesia).
public enum PersistenceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No row for what was asked (e.g. "usulan TGS-2027-000123").
    case notFound(String)
    /// A stored value does not decode (a bug or a hand-edited database).
    case corrupt(String)
    /// A uniqueness rule refused the row (e.g. a username already taken).
    case duplicate(String)

    public var description: String {
        switch self {
        case .notFound(let what): "Data tidak ditemukan: \(what)."
        case .corrupt(let what): "Data tersimpan tidak valid: \(what)."
        case .duplicate(let what): "Data sudah ada: \(what)."
        }
    }
}

/// Decoding helpers for the conventions of Migrations/0001: enumerations as raw values, dates as
/// ISO-8601 UTC text.
enum Stored {
    static func date(_ row: Row, _ column: String) throws -> Date {
        let text: String = try row.get(column)
        guard let date = WIBTime.parseISO8601(text) else { throw PersistenceError.corrupt("\(column) = \(text)") }
        return date
    }

    static func optionalDate(_ row: Row, _ column: String) throws -> Date? {
        guard let text: String = try row.get(column) else { return nil }
        guard let date = WIBTime.parseISO8601(text) else { throw PersistenceError.corrupt("\(column) = \(text)") }
        return date
    }

    static func value<E: RawRepresentable>(_ row: Row, _ column: String, as type: E.Type = E.self) throws -> E
    where E.RawValue == String {
        let text: String = try row.get(column)
        guard let value = E(rawValue: text) else { throw PersistenceError.corrupt("\(column) = \(text)") }
        return value
    }

    static func text(_ date: Date) -> String { WIBTime.iso8601(date) }
}
