/// Formats rupiah amounts the Indonesian way: "Rp 1.250.000" (dot as thousands separator, no decimals).
public enum Rupiah {
    /// "Rp 1.250.000"; negative amounts as "-Rp 1.250.000".
    public static func format(_ amount: Int64) -> String {
        var out: [UInt8] = []
        append(amount, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Groups the digits of a non-negative number by thousands with dots: 1250000 -> "1.250.000".
    public static func groupDigits(_ value: UInt64) -> String {
        var out: [UInt8] = []
        appendGrouped(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends "Rp 1.250.000" (or "-Rp 1.250.000") as ASCII bytes: for text built in one buffer.
    public static func append(_ amount: Int64, to out: inout [UInt8]) {
        if amount < 0 { out.append(0x2D) }
        out.append(0x52); out.append(0x70); out.append(0x20)  // "Rp ", without an array literal per amount
        appendGrouped(amount.magnitude, to: &out)
    }

    /// The one digit writer: ASCII bytes, digits on the stack, because an allocation formats amounts per decision.
    private static func appendGrouped(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        // Up to 20 digits, least significant first.
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
