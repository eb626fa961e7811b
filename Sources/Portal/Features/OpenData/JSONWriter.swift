/// JSON text built piece by piece for a streamed export (RFC 8259): strings escaped (`"`, `\`, and every control
/// character below U+0020 as `\n`, `\r`, `\t` or `\u00XX`), whole numbers as digits, `true`/`false`, `null`.
struct JSONWriter {
    private static let hex = Array("0123456789abcdef".utf8)
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(64 * 1024) }

    /// Raw JSON punctuation or a constant fragment of the portal's own (`{`, `],`, `"usulan":`).
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A string value, quoted and escaped.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20: bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// A whole number or `null`.
    mutating func number(_ value: Int64?) {
        if let value { raw(String(value)) } else { raw("null") }
    }

    mutating func boolean(_ value: Bool) { raw(value ? "true" : "false") }

    /// `"key":` (keys are the portal's own snake_case names).
    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// The bytes written since the last `take()`, handed over; the writer goes on empty.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
