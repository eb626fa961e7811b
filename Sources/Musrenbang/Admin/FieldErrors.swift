import Foundation

/// Collects every invalid field of a form-like input, so that all are reported at once
/// (`DomainError.invalidFields`), not only the first.
struct FieldErrors {
    private(set) var errors: [FieldError] = []

    /// Records `message` for `field` unless `condition` holds.
    mutating func check(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { errors.append(FieldError(field: field, message: message)) }
    }

    /// Records a non-empty text of at most `maxLength` characters (after trimming) and returns it trimmed.
    @discardableResult
    mutating func text(_ value: String, _ field: String, maxLength: Int = 200) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        check(!trimmed.isEmpty, field, "wajib diisi")
        check(trimmed.count <= maxLength, field, "paling banyak \(maxLength) karakter")
        return trimmed
    }

    /// Records a whole number inside `range`.
    mutating func range<T: BinaryInteger>(_ value: T, _ range: ClosedRange<T>, _ field: String) {
        check(range.contains(value), field, "harus antara \(range.lowerBound) dan \(range.upperBound)")
    }

    mutating func append(_ other: [FieldError]) { errors += other }

    /// Throws `DomainError.invalidFields` with every error recorded, if any.
    func throwIfAny() throws(DomainError) {
        if !errors.isEmpty { throw .invalidFields(errors) }
    }
}
