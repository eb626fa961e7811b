/// Why a form body was refused; carries the HTTP status to answer with and a message for the user
/// (Bahasa Indonesia). Self-contained so the parsers do not depend on the core request/response types.
public struct FormError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind of failure; each kind maps to one HTTP status code.
    public enum Kind: String, Equatable, Sendable {
        /// The body does not follow its media type's syntax (400).
        case malformed
        /// `multipart/form-data` without a usable `boundary` parameter (400).
        case missingBoundary
        /// The multipart body ended before its close delimiter (400).
        case unterminated
        /// More fields or parts than the limits allow (413).
        case tooManyFields
        /// One field's value, part header block or file is larger than allowed (413).
        case fieldTooLarge
        /// The whole body is larger than allowed (413).
        case bodyTooLarge
        /// The body's media type is not a form type this server reads (415).
        case unsupportedMediaType
        /// Writing an uploaded file or reading a spooled body failed on the server's side (500).
        case storage
    }

    public let kind: Kind
    /// Human message for the user, in Bahasa Indonesia.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The HTTP status code to answer with.
    public var statusCode: Int {
        switch kind {
        case .malformed, .missingBoundary, .unterminated: return 400
        case .tooManyFields, .fieldTooLarge, .bodyTooLarge: return 413
        case .unsupportedMediaType: return 415
        case .storage: return 500
        }
    }

    /// The standard reason phrase for `statusCode` (RFC 9110).
    public var reasonPhrase: String {
        switch statusCode {
        case 400: return "Bad Request"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        default: return "Internal Server Error"
        }
    }

    public var description: String { "\(statusCode) \(kind.rawValue): \(message)" }

    static func malformed(_ detail: String) -> FormError {
        FormError(.malformed, "Formulir tidak valid: \(detail).")
    }
}
