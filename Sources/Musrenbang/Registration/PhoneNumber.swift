import Foundation

/// An Indonesian mobile number, normalised to `+628...` from what people type (`0812-3456-7890`, `+62 812...`,
/// `62812...`; spaces, dashes and dots allowed). Nil for anything else.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number as stored: `+62` then the national number (starting with the mobile prefix 8).
    public let normalized: String

    /// Digits of the national number (after `+62` / the leading `0`): a mobile number has 9 to 12 (10 to 13 when
    /// written the domestic way, `08...`).
    public static let nationalDigits = 9...12

    /// Parses a typed number; nil when it is not an Indonesian mobile number.
    public init?(parsing text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if body.hasPrefix("+") {
            body = body.dropFirst()
            guard body.hasPrefix("62") else { return nil }
        }
        var digits = ""
        for character in body {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if !" -.".contains(character) {
                return nil
            }
        }
        let national: Substring
        if digits.hasPrefix("62") {
            national = digits.dropFirst(2)
        } else if digits.hasPrefix("0"), !text.contains("+") {
            national = digits.dropFirst()
        } else {
            return nil
        }
        guard national.hasPrefix("8"), Self.nationalDigits.contains(national.count) else { return nil }
        normalized = "+62" + national
    }

    public var description: String { normalized }
}
