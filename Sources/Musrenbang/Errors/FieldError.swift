/// One invalid field of a form-like input: the field's name and the Indonesian message shown beside it.
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) { self.field = field; self.message = message }

    public var description: String { "\(field): \(message)" }
}
