/// The public tracking code of a piece of feedback, printed on its confirmation: "SRN-2027-000045" (the prefix SRN,
/// which no city code of a proposal uses for feedback, the year it was sent in WIB, a 6-digit sequence per year).
public struct FeedbackCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The letters before the year: distinct from a proposal's city code ("TGS-2027-000123").
    public static let prefix = "SRN"
    /// The example shown by forms.
    public static let example = "SRN-2027-000045"

    public let year: Int
    public let sequence: Int

    /// A code; the year has 4 digits, the sequence is 1...999999.
    public init(year: Int, sequence: Int) throws(DomainError) {
        guard (1000...9999).contains(year) else { throw .invalidInput(field: "tahun", detail: "4 digit") }
        guard (1...999_999).contains(sequence) else { throw .invalidInput(field: "nomor urut", detail: "1-999999") }
        self.year = year; self.sequence = sequence
    }

    /// Parses the code as printed ("SRN-2027-000045", exactly); nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.prefix, parts[1].count == 4, parts[2].count == 6,
              parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }), parts[2].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let year = Int(parts[1]), let sequence = Int(parts[2]),
              let code = try? FeedbackCode(year: year, sequence: sequence) else { return nil }
        self = code
    }

    /// Reads a code as people type it: any case; spaces, dashes, dots, slashes or underscores anywhere; the sequence with
    /// or without its leading zeros ("srn 2027 45", "SRN2027000045" -> SRN-2027-000045). Nil when it is not one.
    public init?(typed text: String) {
        let kept = text.uppercased().unicodeScalars.filter { !" -./_\t".unicodeScalars.contains($0) }
        let cleaned = String(String.UnicodeScalarView(kept))
        guard cleaned.hasPrefix(Self.prefix) else { return nil }
        let digits = cleaned.dropFirst(Self.prefix.count)
        guard (5...10).contains(digits.count), digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let year = Int(digits.prefix(4)), let sequence = Int(digits.dropFirst(4)),
              let code = try? FeedbackCode(year: year, sequence: sequence) else { return nil }
        self = code
    }

    /// "SRN-2027-000045".
    public var description: String {
        let digits = String(sequence)
        return "\(Self.prefix)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    public static func < (lhs: FeedbackCode, rhs: FeedbackCode) -> Bool { (lhs.year, lhs.sequence) < (rhs.year, rhs.sequence) }
}
