import Foundation

/// The public tracking code of a proposal, printed on the receipt: "TGS-2027-000123"
/// (city code, the cycle's plan year, a 6-digit sequence per city and year).
public struct TrackingCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let cityCode: String
    public let year: Int
    public let sequence: Int

    /// Builds a code; the city code is 2-8 uppercase letters, the sequence 1...999999.
    public init(cityCode: String, year: Int, sequence: Int) throws(DomainError) {
        // Bytes, not Characters: every proposal read from the database builds its code, and Unicode letter and case
        // lookups per character cost more than the rest of the read's decoding.
        guard (2...8).contains(cityCode.utf8.count), cityCode.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
            throw .invalidInput(field: "kode kota", detail: "2-8 huruf kapital")
        }
        guard (1000...9999).contains(year) else { throw .invalidInput(field: "tahun", detail: "4 digit") }
        guard (1...999_999).contains(sequence) else { throw .invalidInput(field: "nomor urut", detail: "1-999999") }
        self.cityCode = cityCode; self.year = year; self.sequence = sequence
    }

    /// Parses "TGS-2027-000123" (case-insensitive, surrounding spaces ignored); nil when malformed.
    public init?(parsing text: String) {
        // A code as printed (a page's path, the stored column) needs no trimming or uppercasing, which cost more than
        // the rest of the parse (Foundation's character sets and case mapping) on every proposal page and row.
        let printed = text.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        let cleaned = printed ? text : text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = cleaned.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].utf8.count == 4, parts[2].utf8.count == 6,
              parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }), parts[2].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let year = Int(parts[1]), let sequence = Int(parts[2]),
              let code = try? TrackingCode(cityCode: String(parts[0]), year: year, sequence: sequence) else { return nil }
        self = code
    }

    /// "TGS-2027-000123".
    public var description: String {
        let digits = String(sequence)
        return "\(cityCode)-\(year)-\(String(repeating: "0", count: 6 - digits.count))\(digits)"
    }

    public static func < (lhs: TrackingCode, rhs: TrackingCode) -> Bool {
        (lhs.cityCode, lhs.year, lhs.sequence) < (rhs.cityCode, rhs.year, rhs.sequence)
    }
}
