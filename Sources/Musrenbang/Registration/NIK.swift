import Foundation

/// A Nomor Induk Kependudukan: 16 digits whose first two are a province code of Indonesia (Kemendagri) and whose
/// digits 7-12 are the birth date DDMMYY (women add 40 to the day). Personal data: never shown publicly.
public struct NIK: Hashable, Sendable, CustomStringConvertible {
    /// The 16 digits.
    public let digits: String

    /// Why a typed NIK is refused.
    public enum Problem: Error, Hashable, Sendable {
        case notSixteenDigits, unknownProvince, invalidBirthDate
    }

    /// The province codes of the NIK (Kemendagri; 38 provinces, the six of Papua included).
    public static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21,           // Sumatra, Kepulauan Riau
        31, 32, 33, 34, 35, 36,                           // Jawa
        51, 52, 53,                                       // Bali, Nusa Tenggara
        61, 62, 63, 64, 65,                               // Kalimantan
        71, 72, 73, 74, 75, 76,                           // Sulawesi
        81, 82,                                           // Maluku
        91, 92, 93, 94, 95, 96,                           // Papua
    ]

    /// Checks a typed NIK (spaces around it ignored); throws what is wrong with it.
    public init(checking text: String) throws(Problem) {
        let digits = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = Array(digits.utf8)
        guard bytes.count == 16, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .notSixteenDigits
        }
        func number(_ from: Int, _ count: Int) -> Int {
            bytes[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        guard Self.provinceCodes.contains(number(0, 2)) else { throw .unknownProvince }
        let day = number(6, 2) > 40 ? number(6, 2) - 40 : number(6, 2)
        guard Self.isDate(day: day, month: number(8, 2), twoDigitYear: number(10, 2)) else { throw .invalidBirthDate }
        self.digits = digits
    }

    /// A checked NIK, or nil.
    public init?(_ text: String) {
        guard let nik = try? NIK(checking: text) else { return nil }
        self = nik
    }

    /// Never the digits: a NIK must not reach a log line by accident.
    public var description: String { "NIK(****************)" }

    /// A day that exists in that month of 19YY or 20YY (29 February needs a leap year in either).
    static func isDate(day: Int, month: Int, twoDigitYear: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        if month == 2 && day == 29 {
            return [1900 + twoDigitYear, 2000 + twoDigitYear].contains { $0 % 4 == 0 && ($0 % 100 != 0 || $0 % 400 == 0) }
        }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
