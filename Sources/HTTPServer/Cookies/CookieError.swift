/// Why a `SetCookie` was refused: every case would produce a header a browser rejects or, worse,
/// let text escape into another header or attribute. A programming error, so the messages are English.
public enum CookieError: Error, Equatable, Sendable {
    /// The name is not an RFC 9110 token (empty, or with spaces, separators or controls).
    case invalidName(String)
    /// The value has characters outside RFC 6265 cookie-octets (CR, LF, `;`, `,`, space, `"`, `\`, controls).
    case invalidValue(String)
    /// The Path has a control character or `;`.
    case invalidPath(String)
    /// The Domain is not a plain host name.
    case invalidDomain(String)
    /// `SameSite=None` without `Secure` is rejected by browsers.
    case sameSiteNoneRequiresSecure
    /// A `__Secure-` or `__Host-` name whose attributes break the prefix's rules.
    case prefixRequirementsNotMet(String)
}
