import Musrenbang

/// A tracking code as a person types it: any case, with spaces, dashes, dots or slashes between the parts, and the
/// sequence with or without its leading zeros ("tgs 2027 123", "TGS-2027-123", "tgs2027000123" are all
/// TGS-2027-000123). The letters are the city code, the first 4 digits the plan year, the rest the sequence.
enum TypedTrackingCode {
    /// The example the pages show.
    static let example = "TGS-2027-000123"

    /// The code `text` means; nil when it cannot be one.
    static func parse(_ text: String) -> TrackingCode? {
        guard text.count <= 64 else { return nil }
        let separators: Set<Character> = [" ", "\t", "-", "\u{2013}", "\u{2014}", ".", "/", "_"]
        let compact = text.uppercased().filter { !separators.contains($0) }
        let letters = compact.prefix { $0.isASCII && $0.isLetter }
        let digits = compact.dropFirst(letters.count)
        guard (2...8).contains(letters.count), (5...10).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(digits.prefix(4)), let sequence = Int(digits.dropFirst(4)) else { return nil }
        return try? TrackingCode(cityCode: String(letters), year: year, sequence: sequence)
    }
}
