import Musrenbang

/// How each criterion of the ceiling formula is named on Bappeda's screens: the table's heading with its unit, the
/// prefix of its form fields (`penduduk-<kelurahan id>`), and its column in the CSV file.
enum CeilingInputColumn {
    static let codeHeader = "kode_kelurahan"
    static let nameHeader = "nama_kelurahan"

    static func heading(_ criterion: CeilingCriterion) -> String {
        switch criterion {
        case .population: "Jumlah penduduk (jiwa)"
        case .area: "Luas wilayah (m²)"
        case .pbbRealisation: "Realisasi PBB (Rp)"
        case .poorHouseholds: "Rumah tangga miskin"
        }
    }

    static func fieldPrefix(_ criterion: CeilingCriterion) -> String {
        switch criterion {
        case .population: "penduduk"
        case .area: "luas"
        case .pbbRealisation: "pbb"
        case .poorHouseholds: "miskin"
        }
    }

    static func header(_ criterion: CeilingCriterion) -> String {
        switch criterion {
        case .population: "jumlah_penduduk"
        case .area: "luas_wilayah_m2"
        case .pbbRealisation: "realisasi_pbb"
        case .poorHouseholds: "rumah_tangga_miskin"
        }
    }

    /// The form field of `criterion` for the kelurahan with raw id `kelurahanId`.
    static func field(_ criterion: CeilingCriterion, _ kelurahanId: Int64) -> String { "\(fieldPrefix(criterion))-\(kelurahanId)" }

    /// A whole number as typed: digits, optionally grouped by dots ("12.345") or spaces; nil for anything else
    /// (a decimal comma, a sign, letters).
    static func number(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        guard !trimmed.isEmpty else { return nil }
        let groups = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    /// "12.345": a stored value as the table shows it.
    static func text(_ value: Int64) -> String { Rupiah.groupDigits(UInt64(max(0, value))) }

    /// The sentence for a value that is not a whole number or out of range.
    static func invalid(_ criterion: CeilingCriterion) -> String {
        "Tulis \(criterion.displayName) dengan bilangan bulat 0 atau lebih (tanpa koma), misalnya 12.345."
    }

    static func outOfRange(_ criterion: CeilingCriterion) -> String {
        "\(criterion.displayName.prefix(1).uppercased() + criterion.displayName.dropFirst()) paling besar \(text(CeilingCalculator.maxCriterionValue))."
    }
}
