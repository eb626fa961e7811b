/// What an announcement is. Raw values are the stored text (`announcements.kind`) and the form's values.
public enum AnnouncementKind: String, CaseIterable, Hashable, Sendable {
    /// A meeting: its stage, date and times, place and who is invited (also in the iCalendar feed).
    case meeting = "jadwal_rapat"
    /// A technical guideline with its downloadable documents (at least one before it is published).
    case guideline = "panduan_teknis"
    case news = "berita"

    /// Indonesian display name.
    public var displayName: String {
        switch self {
        case .meeting: "Jadwal rapat"
        case .guideline: "Panduan teknis"
        case .news: "Berita"
        }
    }
}

/// Where an announcement stands. Raw values are the stored text (`announcements.status`).
public enum AnnouncementStatus: String, CaseIterable, Hashable, Sendable {
    /// Written, not public: only the staff who may write for its area see it.
    case draft = "draf"
    /// Public: on `/pengumuman`, in the Atom feed and (a meeting) on `/jadwal` and in the iCalendar feed.
    case published = "diumumkan"
    /// Withdrawn with a reason (logged); final. Its page says so; it is in no list or feed.
    case withdrawn = "ditarik"

    public var displayName: String {
        switch self {
        case .draft: "Draf"
        case .published: "Diumumkan"
        case .withdrawn: "Ditarik"
        }
    }
}
