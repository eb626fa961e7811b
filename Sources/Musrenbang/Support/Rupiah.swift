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

    /// Appends "Rp 1.250.000" (or "-Rp 1.250.000") as ASCII bytes: for text built in one buffer.
    public static func append(_ amount: Int64, to out: inout [UInt8]) {
        if amount < 0 { out.append(0x2D) }
        out.append(contentsOf: [0x52, 0x70, 0x20])          // "Rp "
        var value = amount.magnitude
        // Up to 20 digits, least significant first, on the stack (no array per amount).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat { digits[count] = UInt8(truncatingIfNeeded: value % 10) + 0x30; value /= 10; count += 1 } while value > 0
            for index in 0..<count {
                if index > 0 && (count - index) % 3 == 0 { out.append(0x2E) }
                out.append(digits[count - 1 - index])
            }
        }
    }
}
