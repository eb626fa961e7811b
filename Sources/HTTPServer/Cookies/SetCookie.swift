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
        if let expires { text += "; Expires=\(Self.imfFixdate(expires))" }
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

    /// RFC 9110 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`; computed by hand so it needs no
    /// locale-dependent or non-thread-safe formatter.
    static func imfFixdate(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil-from-days (Howard Hinnant's algorithm), valid for the proleptic Gregorian calendar.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1970-01-01 was a Thursday.
        let weekday = Int(((days % 7) + 7 + 4) % 7)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ number: Int64) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return "\(weekdays[weekday]), \(two(day)) \(months[Int(month) - 1]) \(paddedYear) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60)) GMT"
    }
}
