/// Formats rupiah amounts the Indonesian way: "Rp 1.250.000" (dot as thousands separator, no decimals).
public enum Rupiah {
    /// "Rp 1.250.000"; negative amounts as "-Rp 1.250.000".
    public static func format(_ amount: Int64) -> String {
        let sign = amount < 0 ? "-" : ""
        return "\(sign)Rp \(groupDigits(amount.magnitude))"
    }

    /// Groups the digits of a non-negative number by thousands with dots: 1250000 -> "1.250.000".
    public static func groupDigits(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }
}
