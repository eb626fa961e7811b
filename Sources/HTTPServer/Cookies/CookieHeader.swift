/// Parses the `Cookie` request header (RFC 6265 sections 4.2 and 5.4), leniently but safely:
/// pairs that are malformed (no `=`, a name that is not a token, control characters) are skipped,
/// a value wrapped in double quotes is unwrapped, and the first occurrence of a name wins (user agents
/// send the most specific path first).
public enum CookieHeader {
    /// Every well-formed pair in order, duplicates kept. Several header values are read as one list.
    public static func pairs(_ headerValues: [String]) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for headerValue in headerValues {
            for piece in Array(headerValue.utf8).split(separator: UInt8(ascii: ";")) {
                if let pair = parsePair(piece) { result.append(pair) }
            }
        }
        return result
    }

    /// Every well-formed pair in order, duplicates kept.
    public static func pairs(_ headerValue: String) -> [(name: String, value: String)] {
        pairs([headerValue])
    }

    /// Name to value; the first occurrence of a name wins.
    public static func parse(_ headerValues: [String]) -> [String: String] {
        var cookies: [String: String] = [:]
        for pair in pairs(headerValues) where cookies[pair.name] == nil {
            cookies[pair.name] = pair.value
        }
        return cookies
    }

    /// Name to value; the first occurrence of a name wins.
    public static func parse(_ headerValue: String) -> [String: String] {
        parse([headerValue])
    }

    private static func parsePair(_ piece: ArraySlice<UInt8>) -> (name: String, value: String)? {
        let trimmed = HeaderValueSyntax.trimmed(piece)
        guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let name = HeaderValueSyntax.trimmed(trimmed[trimmed.startIndex..<equals])
        guard HeaderValueSyntax.isToken(name) else { return nil }
        var value = HeaderValueSyntax.trimmed(trimmed[trimmed.index(after: equals)...])
        if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
            value = value.dropFirst().dropLast()
        }
        // Lenient on what browsers really send (spaces, commas, UTF-8), but never controls or stray quotes.
        guard !value.contains(where: { HeaderValueSyntax.isControl($0) || $0 == UInt8(ascii: "\"") }),
              let text = String(validating: value, as: UTF8.self)
        else { return nil }
        return (String(decoding: name, as: UTF8.self), text)
    }
}
