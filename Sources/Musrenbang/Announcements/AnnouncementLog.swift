import Foundation

/// What was done to an announcement. Raw values are the stored text (`announcement_log.action`).
public enum AnnouncementLogAction: String, CaseIterable, Hashable, Sendable {
    case create = "buat"
    case update = "ubah"
    case publish = "umumkan"
    case withdraw = "tarik"
    case addDocument = "tambah_dokumen"
    case removeDocument = "hapus_dokumen"

    /// "dibuat", "diubah", ... (the staff page's history).
    public var pastTense: String {
        switch self {
        case .create: "Dibuat"
        case .update: "Diubah"
        case .publish: "Diumumkan"
        case .withdraw: "Ditarik"
        case .addDocument: "Dokumen ditambahkan"
        case .removeDocument: "Dokumen dihapus"
        }
    }
}

/// One row of an announcement's log: when, who (name and the role acted in), what, the reason of a withdrawal, and the
/// fields before and after a change (their form names: judul, isi, tanggal, ...; a document's title and file).
public struct AnnouncementLogEntry: Hashable, Sendable {
    public var at: Date
    public var action: AnnouncementLogAction
    public var actorName: String
    public var actorRole: Role
    public var reason: String?
    public var before: [String: String]
    public var after: [String: String]

    public init(at: Date, action: AnnouncementLogAction, actorName: String, actorRole: Role, reason: String?,
                before: [String: String], after: [String: String]) {
        self.at = at; self.action = action; self.actorName = actorName; self.actorRole = actorRole; self.reason = reason
        self.before = before; self.after = after
    }
}

/// What a public list of announcements asks for: an area (a kecamatan includes its kelurahan), a kind, a page.
public struct AnnouncementQuery: Hashable, Sendable {
    public var area: AnnouncementArea?
    public var kind: AnnouncementKind?
    public var page: Int
    public var pageSize: Int

    public init(area: AnnouncementArea? = nil, kind: AnnouncementKind? = nil, page: Int = 1, pageSize: Int = 20) {
        self.area = area; self.kind = kind; self.page = max(1, page); self.pageSize = max(1, min(pageSize, 100))
    }
}

/// One page of announcements and how many match in all.
public struct AnnouncementPage: Hashable, Sendable {
    public var items: [Announcement]
    public var total: Int
    public var page: Int
    public var pageSize: Int

    public init(items: [Announcement], total: Int, page: Int, pageSize: Int) {
        self.items = items; self.total = total; self.page = page; self.pageSize = pageSize
    }

    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
