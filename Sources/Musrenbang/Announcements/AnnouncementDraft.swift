import Foundation

/// An announcement as a form sends it (new or changed): what the engine checks (`AnnouncementRules.fieldErrors`) and
/// stores. A meeting's fields are read only for kind `.meeting`.
public struct AnnouncementDraft: Hashable, Sendable {
    public var kind: AnnouncementKind
    public var area: AnnouncementArea
    public var title: String
    public var body: String
    public var meeting: MeetingDraft

    public init(kind: AnnouncementKind, area: AnnouncementArea, title: String, body: String, meeting: MeetingDraft = MeetingDraft()) {
        self.kind = kind; self.area = area; self.title = title; self.body = body; self.meeting = meeting
    }
}

/// A meeting's details as typed: the day and the start and end times in WIB (the form reads its text; nil when left
/// empty or not readable), the place and who is invited.
public struct MeetingDraft: Hashable, Sendable {
    public var stage: Stage?
    public var day: CivilDay?
    /// Minutes after midnight WIB.
    public var startMinute: Int?
    public var endMinute: Int?
    public var place: String
    public var invited: String

    public init(stage: Stage? = nil, day: CivilDay? = nil, startMinute: Int? = nil, endMinute: Int? = nil, place: String = "",
                invited: String = "") {
        self.stage = stage; self.day = day; self.startMinute = startMinute; self.endMinute = endMinute
        self.place = place; self.invited = invited
    }

    /// The draft of a stored meeting (its day and times in WIB).
    public init(_ meeting: Meeting) {
        let start = WIBTime.fields(meeting.startsAt, offset: WIBTime.offsetSeconds)
        let end = WIBTime.fields(meeting.endsAt, offset: WIBTime.offsetSeconds)
        self.init(stage: meeting.stage, day: CivilDay(year: start.year, month: start.month, day: start.day),
                  startMinute: start.hour * 60 + start.minute, endMinute: end.hour * 60 + end.minute,
                  place: meeting.place, invited: meeting.invited)
    }
}

/// A calendar day (a meeting's date in WIB).
public struct CivilDay: Hashable, Sendable {
    public var year: Int, month: Int, day: Int

    /// A real day of the Gregorian calendar between the years 2000 and 2100, else nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (2000...2100).contains(year), (1...12).contains(month), (1...WIBTime.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// The instant `minute` minutes after midnight WIB of this day.
    public func instant(minute: Int) -> Date { WIBTime.date(year: year, month: month, day: day, hour: minute / 60, minute: minute % 60) }
}

/// A document uploaded with a form: its title (empty: the file's name), the name the browser sent, the bytes.
public struct NewAnnouncementDocument: Sendable {
    public var title: String
    public var fileName: String
    public var bytes: [UInt8]

    public init(title: String, fileName: String, bytes: [UInt8]) { self.title = title; self.fileName = fileName; self.bytes = bytes }
}
