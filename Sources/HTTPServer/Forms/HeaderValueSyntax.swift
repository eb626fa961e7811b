/// Byte-level pieces of HTTP header syntax (RFC 9110 section 5.6) shared by the media type,
/// Content-Disposition and cookie parsers.
enum HeaderValueSyntax {
    /// `tchar`: the characters allowed in a token.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    static func isToken<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        !bytes.isEmpty && bytes.allSatisfy(isTokenByte)
    }

    /// Space or horizontal tab.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// C0 controls and DEL.
    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F
    }

    static func lowercasedASCII<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isWhitespace(first) { slice.removeFirst() }
        while let last = slice.last, isWhitespace(last) { slice.removeLast() }
        return slice
    }

    /// Parses a parameter list `*( OWS ";" OWS name=value )` (RFC 9110 section 5.6.6) starting at `start`.
    /// Names are lower-cased; values may be tokens or quoted strings. Malformed parameters are skipped
    /// up to the next `;` rather than failing the whole header. When `backslashEscapes` is false, a
    /// backslash inside quotes is kept literally: browsers send multipart file names that way.
    static func parameters(_ bytes: [UInt8], from start: Int, backslashEscapes: Bool = true)
        -> [(name: String, value: String)]
    {
        var result: [(name: String, value: String)] = []
        var index = start
        let end = bytes.count

        func skipWhitespace() {
            while index < end, isWhitespace(bytes[index]) { index += 1 }
        }
        // Moves past the rest of a malformed parameter, honouring quotes so a `;` inside them is not a separator.
        func skipToSeparator() {
            var quoted = false
            while index < end {
                let byte = bytes[index]
                if quoted, byte == UInt8(ascii: "\\"), backslashEscapes {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                if byte == UInt8(ascii: ";"), !quoted { return }
                index += 1
            }
        }

        while index < end {
            skipWhitespace()
            guard index < end else { break }
            guard bytes[index] == UInt8(ascii: ";") else {
                skipToSeparator()
                continue
            }
            index += 1
            skipWhitespace()
            let nameStart = index
            while index < end, isTokenByte(bytes[index]) { index += 1 }
            let nameEnd = index
            guard nameEnd > nameStart, index < end, bytes[index] == UInt8(ascii: "=") else {
                skipToSeparator()
                continue
            }
            index += 1
            var value: [UInt8] = []
            if index < end, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                var closed = false
                var valid = true
                while index < end {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        closed = true
                        index += 1
                        break
                    }
                    if byte == UInt8(ascii: "\\"), backslashEscapes, index + 1 < end {
                        value.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    if isControl(byte), byte != UInt8(ascii: "\t") { valid = false }
                    value.append(byte)
                    index += 1
                }
                skipWhitespace()
                let followedWell = index == end || bytes[index] == UInt8(ascii: ";")
                guard closed, valid, followedWell else {
                    skipToSeparator()
                    continue
                }
            } else {
                let valueStart = index
                while index < end, bytes[index] != UInt8(ascii: ";") { index += 1 }
                let raw = trimmed(bytes[valueStart..<index])
                guard !raw.isEmpty, !raw.contains(where: { isControl($0) || $0 == UInt8(ascii: "\"") || isWhitespace($0) })
                else { continue }
                value = Array(raw)
            }
            result.append((lowercasedASCII(bytes[nameStart..<nameEnd]), String(decoding: value, as: UTF8.self)))
        }
        return result
    }
}
