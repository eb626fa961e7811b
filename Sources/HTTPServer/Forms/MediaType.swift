/// A parsed media type such as a `Content-Type` value (RFC 9110 section 8.3.1):
/// `type/subtype` (lower-cased) and its parameters, e.g. `charset` or `boundary`.
public struct MediaType: Sendable, Equatable, CustomStringConvertible {
    /// Lower-cased top-level type, e.g. `multipart`.
    public let type: String
    /// Lower-cased subtype, e.g. `form-data`.
    public let subtype: String
    /// Parameters in order; names lower-cased, values as sent (quotes and escapes removed).
    public let parameters: [(name: String, value: String)]

    public init(type: String, subtype: String, parameters: [(name: String, value: String)] = []) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters.map { ($0.name.lowercased(), $0.value) }
    }

    /// Parses a header value; `nil` when `type/subtype` is missing or not made of tokens.
    /// Malformed parameters are skipped; the first of repeated parameters wins on lookup.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, HeaderValueSyntax.isWhitespace(bytes[index]) { index += 1 }
        let typeStart = index
        while index < bytes.count, HeaderValueSyntax.isTokenByte(bytes[index]) { index += 1 }
        let typeEnd = index
        guard typeEnd > typeStart, index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        let subtypeStart = index
        while index < bytes.count, HeaderValueSyntax.isTokenByte(bytes[index]) { index += 1 }
        let subtypeEnd = index
        guard subtypeEnd > subtypeStart else { return nil }
        // After the subtype only whitespace and parameters may follow.
        var rest = index
        while rest < bytes.count, HeaderValueSyntax.isWhitespace(bytes[rest]) { rest += 1 }
        guard rest == bytes.count || bytes[rest] == UInt8(ascii: ";") else { return nil }
        type = HeaderValueSyntax.lowercasedASCII(bytes[typeStart..<typeEnd])
        subtype = HeaderValueSyntax.lowercasedASCII(bytes[subtypeStart..<subtypeEnd])
        parameters = HeaderValueSyntax.parameters(bytes, from: index)
    }

    /// `type/subtype` without parameters.
    public var essence: String { "\(type)/\(subtype)" }

    /// The first value of parameter `name` (case-insensitive), or `nil`.
    public func parameter(_ name: String) -> String? {
        let wanted = name.lowercased()
        return parameters.first { $0.name == wanted }?.value
    }

    /// The `charset` parameter, lower-cased (charset names are case-insensitive).
    public var charset: String? { parameter("charset")?.lowercased() }

    /// The `boundary` parameter of a multipart type, as sent (boundaries are case-sensitive).
    public var boundary: String? { parameter("boundary") }

    /// Whether this is `type/subtype`, compared case-insensitively and ignoring parameters.
    public func matches(_ essence: String) -> Bool {
        self.essence == essence.lowercased()
    }

    /// Renders the value back, quoting parameter values that are not tokens.
    public var description: String {
        var text = essence
        for parameter in parameters {
            text += "; \(parameter.name)="
            if HeaderValueSyntax.isToken(parameter.value.utf8) {
                text += parameter.value
            } else {
                text += "\""
                for character in parameter.value {
                    if character == "\"" || character == "\\" { text += "\\" }
                    text.append(character)
                }
                text += "\""
            }
        }
        return text
    }

    public static func == (lhs: MediaType, rhs: MediaType) -> Bool {
        lhs.type == rhs.type && lhs.subtype == rhs.subtype
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }
}
