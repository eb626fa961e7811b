import Foundation

/// A `Set-Cookie` response header value (RFC 6265 section 4.1), validated when made so that rendering
/// can never inject a header or an attribute. Defaults are the safe ones: `Path=/`, `HttpOnly`, `SameSite=Lax`.
public struct SetCookie: Sendable, Equatable {
    /// The `SameSite` attribute.
    public enum SameSite: String, Sendable {
        case strict = "Strict"
        case lax = "Lax"
        case none = "None"
    }

    public let name: String
    public let value: String
    public let path: String?
    public let domain: String?
    /// Seconds until expiry; zero or negative deletes the cookie.
    public let maxAge: Int?
    public let expires: Date?
    public let secure: Bool
    public let httpOnly: Bool
    public let sameSite: SameSite?

    /// Validates every part; throws `CookieError` on anything that could not be sent verbatim.
    public init(
        name: String, value: String, path: String? = "/", domain: String? = nil, maxAge: Int? = nil,
        expires: Date? = nil, secure: Bool = false, httpOnly: Bool = true, sameSite: SameSite? = .lax
    ) throws(CookieError) {
        guard HeaderValueSyntax.isToken(name.utf8) else { throw .invalidName(name) }
        guard value.utf8.allSatisfy(Self.isCookieOctet) else { throw .invalidValue(value) }
        if let path {
            guard !path.isEmpty, path.utf8.allSatisfy({ !HeaderValueSyntax.isControl($0) && $0 != UInt8(ascii: ";") && $0 < 0x80 })
            else { throw .invalidPath(path) }
        }
        if let domain {
            guard Self.isValidDomain(domain) else { throw .invalidDomain(domain) }
        }
        if sameSite == SameSite.none, !secure { throw .sameSiteNoneRequiresSecure }
        // Cookie prefixes (RFC 6265bis section 4.1.3): browsers drop such cookies unless these hold.
        if name.hasPrefix("__Secure-"), !secure { throw .prefixRequirementsNotMet(name) }
        if name.hasPrefix("__Host-"), !secure || domain != nil || path != "/" { throw .prefixRequirementsNotMet(name) }
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.expires = expires
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    /// A cookie that tells the browser to delete `name` now (`Max-Age=0` and an `Expires` in 1970);
    /// `path` and `domain` must match the ones the cookie was set with.
    public static func deletion(
        name: String, path: String? = "/", domain: String? = nil, secure: Bool = false,
        httpOnly: Bool = true, sameSite: SameSite? = .lax
    ) throws(CookieError) -> SetCookie {
        try SetCookie(
            name: name, value: "", path: path, domain: domain, maxAge: 0,
            expires: Date(timeIntervalSince1970: 0), secure: secure, httpOnly: httpOnly, sameSite: sameSite)
    }

    /// The header value, e.g. `sesi=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`.
    public var headerValue: String {
        var text = "\(name)=\(value)"
        if let path { text += "; Path=\(path)" }
        if let domain { text += "; Domain=\(domain)" }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if let expires { text += "; Expires=\(HTTPDate.format(Int(expires.timeIntervalSince1970.rounded(.down))))" }
        if secure { text += "; Secure" }
        if httpOnly { text += "; HttpOnly" }
        if let sameSite { text += "; SameSite=\(sameSite.rawValue)" }
        return text
    }

    /// `cookie-octet`: visible US-ASCII except `"`, `,`, `;` and `\` (RFC 6265 section 4.1.1).
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E: return true
        default: return false
        }
    }

    /// Letters, digits, `-` and `.` in dot-separated labels (a leading dot is allowed and ignored by browsers).
    static func isValidDomain(_ domain: String) -> Bool {
        let host = domain.hasPrefix(".") ? domain.dropFirst() : Substring(domain)
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63
                && label.utf8.allSatisfy { byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                         UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                        return true
                    default:
                        return false
                    }
                }
        }
    }
}
