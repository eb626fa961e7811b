/// One refused field of a form-like input: which field (a stable key a form can bind its message to) and
/// what to do, in Indonesian ("Isi volume dengan angka lebih dari 0").
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
    /// Stable key of the field, e.g. "title", "volume", "kamus".
    public var field: String
    /// What the person should fix, in Indonesian.
    public var message: String

    public init(field: String, message: String) { self.field = field; self.message = message }

    public var description: String { "\(field): \(message)" }
}
