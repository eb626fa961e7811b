import Foundation

/// The calendar day of a Musrenbang meeting, in WIB (a berita acara is dated by its day, not an instant).
public struct MeetingDate: Hashable, Sendable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// "2027-01-15" (the form's `<input type="date">` value and the stored text); nil when not a real day.
    public init?(text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (2000...2999).contains(year), (1...12).contains(month), (1...WIBTime.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// The WIB day of an instant.
    public init(_ date: Date) {
        let fields = WIBTime.fields(date, offset: WIBTime.offsetSeconds)
        year = fields.year; month = fields.month; day = fields.day
    }

    /// "2027-01-15".
    public var text: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// "15 Januari 2027".
    public var displayText: String { "\(day) \(WIBTime.monthNames[month - 1]) \(year)" }

    public static func < (a: MeetingDate, b: MeetingDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
