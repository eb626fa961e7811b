/// Formats rupiah amounts the Indonesian way: "Rp 1.250.000" (dot as thousands separator, no decimals).
public enum Rupiah {
    /// "Rp 1.250.000"; negative amounts as "-Rp 1.250.000".
    public static func format(_ amount: Int64) -> String {
        var out: [UInt8] = []
        append(amount, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// An amount for a summary, rounded to one decimal of its unit: "Rp 1,5 miliar", "Rp 350 juta", "Rp 2 triliun";
    /// below a million as `format` ("Rp 750.000").
    public static func short(_ amount: Int64) -> String {
        let units: [(Int64, String)] = [(1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta")]
        // Tenths of the largest unit that reaches 1 once rounded half up (no overflow: the magnitude is added to less
        // than a unit).
        func tenths(_ unit: Int64) -> UInt64 { (amount.magnitude + UInt64(unit / 20)) / UInt64(unit / 10) }
        guard let (unit, word) = units.first(where: { tenths($0.0) >= 10 }) else { return format(amount) }
        let tenths = tenths(unit)
        let whole = groupDigits(tenths / 10), fraction = tenths % 10
        return (amount < 0 ? "-" : "") + "Rp \(whole)" + (fraction == 0 ? "" : ",\(fraction)") + " \(word)"
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
