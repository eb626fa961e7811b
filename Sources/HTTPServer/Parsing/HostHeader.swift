/// A validated `Host` field value (RFC 9110 section 7.2): `uri-host [ ":" port ]` of RFC 3986 section 3.2.2-3.
///
/// Parsed on bytes, strictly: an IP-literal (`[` IPv6 or IPvFuture `]`), an IPv4 address or a reg-name
/// (unreserved, pct-encoded, sub-delims), then an optional port of digits up to 65535. No userinfo, no
/// whitespace, no path. An empty port (`example.com:`) is allowed, as RFC 3986 allows it, and reads as no
/// port. The host is at most 255 bytes (the DNS limit of RFC 3986 section 3.2.2) and is kept as sent.
public struct HostHeader: Sendable, Equatable {
    /// What kind of host the value names.
    public enum Kind: Sendable, Equatable {
        /// `[::1]`, `[v1.x]`: an IPv6 address or IPvFuture in brackets (`name` keeps the brackets).
        case ipLiteral
        /// `127.0.0.1`: four decimal octets.
        case ipv4
        /// Anything else the grammar allows: `localhost`, `example.com`, `%C3%A9`, or empty.
        case regName
    }

    /// The host as sent (brackets of an IP-literal included, percent escapes not decoded, case kept).
    public var name: String
    /// The port, or nil when none (or an empty one) was given.
    public var port: Int?
    /// What kind of host `name` is.
    public var kind: Kind

    /// Longest host accepted, in bytes.
    public static let maxHostBytes = 255

    /// A host and port as they would have been parsed.
    public init(name: String, port: Int? = nil, kind: Kind) {
        self.name = name
        self.port = port
        self.kind = kind
    }

    /// Parses a whole field value; nil when it is not a valid `uri-host [ ":" port ]`.
    public static func parse(_ value: String) -> HostHeader? {
        var copy = value
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// Parses a whole field value given as bytes; nil when it is not a valid `uri-host [ ":" port ]`.
    public static func parse<Bytes: Collection>(bytes: Bytes) -> HostHeader? where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = bytes.startIndex, end = bytes.endIndex
        // The host ends at the colon before the port: after the `]` of an IP-literal, else at the first colon.
        let hostEnd: Int
        let kind: Kind
        if start < end, bytes[start] == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")),
                  isIPLiteralContent(bytes[(start + 1)..<close]) else { return nil }
            hostEnd = close + 1
            kind = .ipLiteral
        } else {
            hostEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? end
            let host = bytes[start..<hostEnd]
            guard isRegName(host) else { return nil }
            kind = isIPv4(host) ? .ipv4 : .regName
        }
        guard hostEnd - start <= maxHostBytes else { return nil }
        var port: Int?
        if hostEnd < end {
            guard bytes[hostEnd] == UInt8(ascii: ":") else { return nil }
            guard let parsed = parsePort(bytes[(hostEnd + 1)..<end]) else { return nil }
            port = parsed
        }
        return HostHeader(name: String(decoding: bytes[start..<hostEnd], as: UTF8.self), port: port, kind: kind)
    }

    /// `*DIGIT`, at most 65535; empty is no port (`.some(nil)`), anything else is nil.
    private static func parsePort<Bytes: Collection>(_ digits: Bytes) -> Int?? where Bytes.Element == UInt8 {
        guard !digits.isEmpty else { return .some(nil) }
        var value = 0
        for byte in digits {
            guard let digit = decimal(byte) else { return nil }
            value = value * 10 + digit
            guard value <= 65535 else { return nil }
        }
        return .some(value)
    }

    /// `*( unreserved / pct-encoded / sub-delims )`.
    static func isRegName<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(byte) || isSubDelim(byte) else { return false }
            index += 1
        }
        return true
    }

    /// `dec-octet "." dec-octet "." dec-octet "." dec-octet` (no leading zeros, each at most 255); one pass, no
    /// allocation (it runs on every request's Host).
    static func isIPv4<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var octets = 0, digits = 0, value = 0, leadingZero = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, octets < 3 else { return false }
                octets += 1
                digits = 0
                value = 0
                continue
            }
            guard let digit = decimal(byte), digits < 3, !leadingZero || digits == 0 else { return false }
            leadingZero = digits == 0 && digit == 0
            value = value * 10 + digit
            digits += 1
            guard value <= 255 else { return false }
        }
        return octets == 3 && digits > 0
    }

    /// What lies between the brackets: `IPv6address / IPvFuture`.
    private static func isIPLiteralContent<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        if let first = bytes.first, first | 0x20 == UInt8(ascii: "v") { return isIPvFuture(bytes.dropFirst()) }
        return isIPv6(bytes)
    }

    /// After the `v`: `1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`.
    private static func isIPvFuture<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let version = bytes[..<dot], rest = bytes[bytes.index(after: dot)...]
        return !version.isEmpty && version.allSatisfy(isHex) && !rest.isEmpty
            && rest.allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }
    }

    /// RFC 3986's IPv6address: eight 16-bit groups of 1-4 hex digits, the last two of which may be an IPv4
    /// address, with at most one `::` standing for one or more zero groups.
    static func isIPv6<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        let text = Array(bytes)
        guard text.count >= 2 else { return false }
        var groups = 0
        var compressed = false
        var index = 0
        if text.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            compressed = true
            index = 2
            if index == text.count { return true }  // "::"
        } else if text[0] == UInt8(ascii: ":") {
            return false
        }
        while index < text.count {
            // One group: h16, or an IPv4 address as the last piece.
            var end = index
            while end < text.count, text[end] != UInt8(ascii: ":") { end += 1 }
            let piece = text[index..<end]
            if end == text.count, piece.contains(UInt8(ascii: ".")) {
                guard isIPv4(piece) else { return false }
                groups += 2
            } else {
                guard (1...4).contains(piece.count), piece.allSatisfy(isHex) else { return false }
                groups += 1
            }
            guard groups <= 8 else { return false }
            if end == text.count { break }
            // A colon follows; a second one is the `::`, allowed once, and may end the address.
            index = end + 1
            if index < text.count, text[index] == UInt8(ascii: ":") {
                guard !compressed else { return false }
                compressed = true
                index += 1
                if index == text.count { break }
            } else if index == text.count {
                return false  // a single trailing colon
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func isSubDelim(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool { PercentDecoding.hexValue(byte) != nil }

    private static func decimal(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
