/// Formats rupiah amounts the Indonesian way: "Rp 1.250.000" (dot as thousands separator, no decimals).
public enum Rupiah {
    /// "Rp 1.250.000"; negative amounts as "-Rp 1.250.000".
    public static func format(_ amount: Int64) -> String {
        let sign = amount < 0 ? "-" : ""
        return "\(sign)Rp \(groupDigits(amount.magnitude))"
    }

    /// Groups the digits of a non-negative number by thousands with dots: 1250000 -> "1.250.000".
    public static func groupDigits(_ value: UInt64) -> String {
        // ASCII bytes, not Characters: an allocation formats three amounts per decision.
        var digits: [UInt8] = []
        var rest = value
        repeat { digits.append(UInt8(truncatingIfNeeded: rest % 10) + 0x30); rest /= 10 } while rest > 0
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for index in 0..<digits.count {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(0x2E) }
            out.append(digits[digits.count - 1 - index])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
