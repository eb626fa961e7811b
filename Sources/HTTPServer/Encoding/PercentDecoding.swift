/// Safe percent-decoding (RFC 3986 section 2.1) shared by the path, query and form parsers.
public enum PercentDecoding {
    /// Why a percent-encoded string was refused.
    public enum Failure: Error, Equatable, Sendable {
        /// A `%` not followed by two hex digits.
        case malformedEscape
        /// The decoded bytes are not valid UTF-8.
        case invalidUTF8
        /// The decoded text contains a NUL byte, which no path, query or form field may carry.
        case nulByte
    }

    /// Decodes `%XX` escapes (and `+` as a space when `plusAsSpace`, for forms and queries).
    /// Refuses malformed escapes, invalid UTF-8 and NUL rather than guessing.
    public static func decode<Bytes: Collection>(_ bytes: Bytes, plusAsSpace: Bool = false) throws(Failure) -> String
    where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            switch byte {
            case UInt8(ascii: "%"):
                guard index != bytes.endIndex, let high = hexValue(bytes[index]) else { throw .malformedEscape }
                index = bytes.index(after: index)
                guard index != bytes.endIndex, let low = hexValue(bytes[index]) else { throw .malformedEscape }
                index = bytes.index(after: index)
                output.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                output.append(UInt8(ascii: " "))
            default:
                output.append(byte)
            }
        }
        if output.contains(0) { throw .nulByte }
        guard let text = String(validating: output, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }

    /// Decodes a string's UTF-8 bytes; see `decode(_:plusAsSpace:)`.
    public static func decode(_ text: String, plusAsSpace: Bool = false) throws(Failure) -> String {
        try decode(Array(text.utf8), plusAsSpace: plusAsSpace)
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters, for building URLs and query strings.
    public static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
