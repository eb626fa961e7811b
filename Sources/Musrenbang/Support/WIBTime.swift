import Foundation

/// Date helpers for Waktu Indonesia Barat (Asia/Jakarta, UTC+7, no daylight saving) and for the ISO-8601
/// UTC text stored in the database. Pure arithmetic, so no time-zone database is needed on the server.
public enum WIBTime {
    /// Offset of WIB from UTC in seconds.
    public static let offsetSeconds: Int64 = 7 * 3600

    /// Indonesian month names, January first.
    public static let monthNames = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]

    /// Civil date and time fields.
    public struct Fields: Hashable, Sendable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    }

    /// "22 November 2026 19.05 WIB".
    public static func format(_ date: Date) -> String {
        // Appended piece by piece into one reserved string: a page's timeline formats two dates per event, and the
        // generic interpolation of integers cost as much as the rest of drawing an event (perf, bench/portal.sh).
        let f = fields(date, offset: offsetSeconds)
        var text = String(f.day)
        text.reserveCapacity(32)
        text += " "
        text += monthNames[f.month - 1]
        text += " "
        text += String(f.year)
        text += " "
        text += twoDigits[f.hour]
        text += "."
        text += twoDigits[f.minute]
        text += " WIB"
        return text
    }

    /// "22 November 2026" (date only, in WIB).
    public static func formatDate(_ date: Date) -> String {
        let f = fields(date, offset: offsetSeconds)
        return "\(f.day) \(monthNames[f.month - 1]) \(f.year)"
    }

    /// Calendar days in WIB from the day of `from` to the day of `to` (0: the same WIB day; negative when `to` is an
    /// earlier day), whatever the hours.
    public static func calendarDays(from: Date, to: Date) -> Int {
        func day(_ date: Date) -> Int64 { floorDiv(Int64(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds, 86_400) }
        return Int(day(to) - day(from))
    }

    /// ISO-8601 UTC text as stored in the database: "2026-11-22T12:05:00Z" (whole seconds).
    public static func iso8601(_ date: Date) -> String {
        let f = fields(date, offset: 0)
        guard (0...9999).contains(f.year) else {
            return "\(pad4(f.year))-\(pad2(f.month))-\(pad2(f.day))T\(pad2(f.hour)):\(pad2(f.minute)):\(pad2(f.second))Z"
        }
        // Twenty ASCII bytes written in place (see `format`).
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, at index: Int, digits: Int) {
                var rest = value
                for offset in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[index + offset] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(f.year, at: 0, digits: 4)
            buffer[4] = 0x2D
            put(f.month, at: 5, digits: 2)
            buffer[7] = 0x2D
            put(f.day, at: 8, digits: 2)
            buffer[10] = 0x54
            put(f.hour, at: 11, digits: 2)
            buffer[13] = 0x3A
            put(f.minute, at: 14, digits: 2)
            buffer[16] = 0x3A
            put(f.second, at: 17, digits: 2)
            buffer[19] = 0x5A
            return 20
        }
    }

    /// Parses "YYYY-MM-DDTHH:MM:SSZ" (the format `iso8601(_:)` writes); nil when malformed.
    public static func parseISO8601(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54,
              bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in bytes[from..<(from + length)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
              let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
              (1...12).contains(mo), (1...daysInMonth(year: y, month: mo)).contains(d),
              h < 24, mi < 60, s < 60 else { return nil }
        let days = daysFromCivil(year: y, month: mo, day: d)
        let seconds = days * 86_400 + Int64(h * 3600 + mi * 60 + s)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The UTC instant of a WIB wall-clock time (e.g. a window that closes 31 Januari 23.59 WIB).
    public static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
        let days = daysFromCivil(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: TimeInterval(local - offsetSeconds))
    }

    /// Civil fields of `date` shifted by `offset` seconds (whole seconds, floored).
    public static func fields(_ date: Date, offset: Int64) -> Fields {
        let total = Int64(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = floorDiv(total, 86_400)
        let secondsOfDay = Int(total - days * 86_400)
        let (y, m, d) = civilFromDays(days)
        return Fields(year: y, month: m, day: d, hour: secondsOfDay / 3600,
                      minute: (secondsOfDay % 3600) / 60, second: secondsOfDay % 60)
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
    /// "00" to "59": hours and minutes without formatting an integer.
    private static let twoDigits = (0..<60).map { $0 < 10 ? "0\($0)" : String($0) }
    private static func pad4(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
