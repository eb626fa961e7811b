import Foundation
import Musrenbang

/// A date and time typed in WIB as a `datetime-local` input sends it ("2026-12-20T23:59"; a space instead of the
/// "T" and seconds are accepted too, for a browser that shows a plain text box), and the value such an input shows.
/// Public for `serve --rehearsal-at`, which takes the same text.
public enum WIBInput {
    /// The instant of the WIB wall-clock text; nil when it is not a valid date and time.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard day.count == 3, parts[0].count == 10, (2...3).contains(time.count),
              let year = day[0], let month = day[1], let date = day[2], let hour = time[0], let minute = time[1],
              (1...12).contains(month), (1...31).contains(date), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second, (0..<60).contains(second) else { return nil }
        let result = WIBTime.date(year: year, month: month, day: date, hour: hour, minute: minute, second: second)
        // A day past the month's end (31 April) would roll over: refuse it rather than guess.
        guard WIBTime.fields(result, offset: WIBTime.offsetSeconds).day == date else { return nil }
        return result
    }

    /// "2026-12-20T23:59": the value of a `datetime-local` input showing `date` in WIB.
    static func value(_ date: Date) -> String {
        let f = WIBTime.fields(date, offset: WIBTime.offsetSeconds)
        func pad(_ n: Int, _ width: Int = 2) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(f.year, 4))-\(pad(f.month))-\(pad(f.day))T\(pad(f.hour)):\(pad(f.minute))"
    }
}
