import Musrenbang

/// The addresses of announcements: the staff's (`/kerja/pengumuman`), the public pages and the feeds. The public ones
/// go into links people share and calendars people subscribe to: keep them stable.
enum AnnouncementPaths {
    static let staffList = "/kerja/pengumuman"
    static let staffNew = "/kerja/pengumuman/baru"
    static let staffPattern = "/kerja/pengumuman/:id"
    static let publishPattern = "/kerja/pengumuman/:id/umumkan"
    static let withdrawPattern = "/kerja/pengumuman/:id/tarik"

    static let publicList = "/pengumuman"
    static let publicPattern = "/pengumuman/:id"
    static let documentPattern = "/pengumuman/:id/dokumen/:dokumen"
    static let atom = "/pengumuman.atom"
    static let schedule = "/jadwal"
    static let calendar = "/jadwal.ics"

    static func staff(_ id: AnnouncementID) -> String { "/kerja/pengumuman/\(id)" }
    static func publish(_ id: AnnouncementID) -> String { "/kerja/pengumuman/\(id)/umumkan" }
    static func withdraw(_ id: AnnouncementID) -> String { "/kerja/pengumuman/\(id)/tarik" }
    static func announcement(_ id: AnnouncementID) -> String { "/pengumuman/\(id)" }
    static func document(_ document: AnnouncementDocument) -> String { "/pengumuman/\(document.announcementId)/dokumen/\(document.id)" }

    /// The id in an address (`:id`); nil for anything but a positive number.
    static func id(_ raw: String?) -> AnnouncementID? {
        guard let raw, raw.count <= 18, let id = Int64(raw), id > 0 else { return nil }
        return AnnouncementID(id)
    }

    /// The largest form: a 10 MB document with the fields around it.
    static let uploadBodyLimit = 11 * 1_048_576

    /// `path` with `?wilayah=...&jenis=...` for an area and a kind (a feed's or a list's own address).
    static func filtered(_ path: String, area: AnnouncementArea?, kind: AnnouncementKind? = nil, page: Int = 1) -> String {
        var parts: [String] = []
        // An area's text is letters, a colon and digits: nothing to encode in a query (RFC 3986 allows ":" there).
        if let area { parts.append("wilayah=" + area.text) }
        if let kind { parts.append("jenis=" + kind.rawValue) }
        if page > 1 { parts.append("halaman=\(page)") }
        return path + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }
}
