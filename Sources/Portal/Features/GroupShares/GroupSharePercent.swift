import Foundation

/// A share typed in percent ("40", "12,5" or "12.5", at most two decimals) and its basis points, and back.
enum GroupSharePercent {
    /// The basis points of the typed percent; nil when it is not a number with at most two decimals.
    static func basisPoints(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 5,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let whole = Int(parts[0]) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let digits = Int(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? digits * 10 : digits
        }
        return whole * 100 + fraction
    }

    /// "40", "12,5", "12,34": basis points as a percent in Indonesian writing.
    static func text(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, fraction = basisPoints % 100
        guard fraction != 0 else { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole),\(fraction / 10)" : "\(whole),\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
