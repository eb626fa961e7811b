import Foundation
import Storage

/// The announcements (`announcements`, `announcement_documents`, `announcement_log`, Migrations/0018): rows with their
/// area's name and their documents' metadata, the documents' bytes, and the append-only log.
struct AnnouncementRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    private static let columns = """
        a.id, a.uuid, a.kind, a.area_kind, a.kecamatan_id, a.kelurahan_id, a.opd_id, a.title, a.body, a.meeting_stage, a.starts_at,
        a.ends_at, a.place, a.invited, a.status, a.version, a.revision, a.created_by, a.created_at, a.updated_at, a.published_at,
        a.withdrawn_at, a.withdrawal_reason,
        CASE a.area_kind WHEN 'kota' THEN (SELECT name FROM kota ORDER BY id LIMIT 1) WHEN 'kecamatan' THEN 'Kecamatan ' || kc.name
            WHEN 'kelurahan' THEN 'Kelurahan ' || kl.name ELSE o.name END AS area_name
        FROM announcements a LEFT JOIN kecamatan kc ON kc.id = a.kecamatan_id AND a.area_kind = 'kecamatan'
        LEFT JOIN kelurahan kl ON kl.id = a.kelurahan_id LEFT JOIN opd o ON o.id = a.opd_id
        """

    // MARK: Announcements

    /// Inserts a new row (version 1) and returns its id.
    func insert(uuid: String, _ draft: AnnouncementDraft, meeting: Meeting?, kecamatanId: KecamatanID?, status: AnnouncementStatus,
                by account: AccountID, at now: Date) throws -> AnnouncementID {
        let area = Self.areaColumns(draft.area, kecamatanId: kecamatanId)
        try db.execute("""
            INSERT INTO announcements (uuid, kind, area_kind, kecamatan_id, kelurahan_id, opd_id, title, body, meeting_stage, starts_at,
                ends_at, place, invited, status, version, revision, created_by, created_at, updated_at, published_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?)
            """, [uuid, draft.kind.rawValue, area.kind, area.kecamatan, area.kelurahan, area.opd, draft.title, draft.body,
                  meeting?.stage.rawValue, meeting.map { Stored.text($0.startsAt) }, meeting.map { Stored.text($0.endsAt) },
                  meeting?.place, meeting?.invited, status.rawValue, account.rawValue, Stored.text(now), Stored.text(now),
                  status == .published ? Stored.text(now) : nil])
        return AnnouncementID(db.lastInsertRowID)
    }

    /// Writes `stored` over the row at `expectedVersion` (bumping the version); `staleVersion` when it moved on.
    func update(_ stored: Announcement, kecamatanId: KecamatanID?, expectedVersion: Int64) throws {
        let area = Self.areaColumns(stored.area, kecamatanId: kecamatanId)
        let meeting = stored.meeting
        try db.execute("""
            UPDATE announcements SET kind = ?, area_kind = ?, kecamatan_id = ?, kelurahan_id = ?, opd_id = ?, title = ?, body = ?,
                meeting_stage = ?, starts_at = ?, ends_at = ?, place = ?, invited = ?, status = ?, version = version + 1, revision = ?,
                updated_at = ?, published_at = ?, withdrawn_at = ?, withdrawal_reason = ?
            WHERE id = ? AND version = ?
            """, [stored.kind.rawValue, area.kind, area.kecamatan, area.kelurahan, area.opd, stored.title, stored.body,
                  meeting?.stage.rawValue, meeting.map { Stored.text($0.startsAt) }, meeting.map { Stored.text($0.endsAt) },
                  meeting?.place, meeting?.invited, stored.status.rawValue, stored.revision, Stored.text(stored.updatedAt),
                  stored.publishedAt.map(Stored.text), stored.withdrawnAt.map(Stored.text), stored.withdrawalReason,
                  stored.id.rawValue, expectedVersion])
        guard db.changes == 1 else {
            let actual: Int64 = try db.scalar("SELECT version FROM announcements WHERE id = ?", [stored.id.rawValue]) ?? 0
            throw DomainError.staleVersion(expected: expectedVersion, actual: actual)
        }
    }

    /// One announcement with its documents; nil when there is none.
    func announcement(id: AnnouncementID) throws -> Announcement? {
        guard var found = try db.queryOne("SELECT \(Self.columns) WHERE a.id = ?", [id.rawValue]).map(Self.announcement) else { return nil }
        found.documents = try documents(of: [id])[id] ?? []
        return found
    }

    /// The announcements matching `filter`, ordered by `order`, one page of them with their documents, and how many match.
    func page(_ filter: SQLFragment, order: String, limit: Int, offset: Int) throws -> (items: [Announcement], total: Int) {
        let total: Int64 = try db.scalar("SELECT count(*) FROM announcements a WHERE \(filter.sql)", filter.arguments) ?? 0
        guard total > 0 else { return ([], 0) }
        let rows = SQLFragment("SELECT \(Self.columns) WHERE \(filter.sql) ORDER BY \(order) LIMIT ? OFFSET ?", filter.values + [Int64(limit), Int64(offset)])
        var items = try db.query(rows.sql, rows.arguments).map(Self.announcement)
        let documents = try documents(of: items.map(\.id))
        for index in items.indices { items[index].documents = documents[items[index].id] ?? [] }
        return (items, Int(total))
    }

    /// The latest change among the announcements matching `filter` (withdrawn ones too: a withdrawal changes a feed).
    func latestChange(_ filter: SQLFragment) throws -> Date? {
        let text: String? = try db.scalar("SELECT max(updated_at) FROM announcements a WHERE \(filter.sql)", filter.arguments)
        return text.flatMap(WIBTime.parseISO8601)
    }

    // MARK: Documents

    func insertDocument(_ document: AnnouncementDocument, content: [UInt8], by account: AccountID) throws -> AnnouncementDocument {
        try db.execute("""
            INSERT INTO announcement_documents (announcement_id, title, file_name, media_type, content, sha256, uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [document.announcementId.rawValue, document.title, document.fileName, document.mediaType, content, document.sha256,
                  account.rawValue, Stored.text(document.uploadedAt)])
        var stored = document
        stored.id = AnnouncementDocumentID(db.lastInsertRowID)
        return stored
    }

    func deleteDocument(_ id: AnnouncementDocumentID) throws {
        try db.execute("DELETE FROM announcement_documents WHERE id = ?", [id.rawValue])
    }

    /// The documents of `ids`, oldest first, by announcement.
    func documents(of ids: [AnnouncementID]) throws -> [AnnouncementID: [AnnouncementDocument]] {
        guard !ids.isEmpty else { return [:] }
        let list = "[" + ids.map { String($0.rawValue) }.joined(separator: ",") + "]"
        var result: [AnnouncementID: [AnnouncementDocument]] = [:]
        try db.forEachRow("""
            SELECT id, announcement_id, title, file_name, media_type, length(content) AS byte_count, sha256, uploaded_at
            FROM announcement_documents WHERE announcement_id IN (SELECT value FROM json_each(?)) ORDER BY id
            """, [list]) { row in
            let document = AnnouncementDocument(
                id: AnnouncementDocumentID(try row.get("id")), announcementId: AnnouncementID(try row.get("announcement_id")),
                title: try row.get("title"), fileName: try row.get("file_name"), mediaType: try row.get("media_type"),
                byteCount: try row.get("byte_count"), sha256: try row.get("sha256"), uploadedAt: try Stored.date(row, "uploaded_at"))
            result[document.announcementId, default: []].append(document)
        }
        return result
    }

    /// A document's announcement and bytes; nil when there is no such document.
    func documentContent(_ id: AnnouncementDocumentID) throws -> (announcementId: AnnouncementID, bytes: [UInt8])? {
        try db.queryOne("SELECT announcement_id, content FROM announcement_documents WHERE id = ?", [id.rawValue]).map {
            (AnnouncementID(try $0.get("announcement_id")), try $0.get("content", as: [UInt8].self))
        }
    }

    // MARK: Log

    func appendLog(_ id: AnnouncementID, actor: Actor, at now: Date, action: AnnouncementLogAction, reason: String? = nil,
                   before: [String: String]? = nil, after: [String: String]? = nil) throws {
        try db.execute("""
            INSERT INTO announcement_log (announcement_id, actor_account_id, actor_role, at, action, reason, before_json, after_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [id.rawValue, actor.accountId.rawValue, actor.role.rawValue, Stored.text(now), action.rawValue, reason,
                  try before.map(Self.json), try after.map(Self.json)])
    }

    /// The log of one announcement, oldest first, with the actors' names.
    func log(of id: AnnouncementID) throws -> [AnnouncementLogEntry] {
        try db.query("""
            SELECT l.at, l.action, l.actor_role, l.reason, l.before_json, l.after_json, ac.display_name
            FROM announcement_log l JOIN accounts ac ON ac.id = l.actor_account_id WHERE l.announcement_id = ? ORDER BY l.id
            """, [id.rawValue]).map { row in
            AnnouncementLogEntry(at: try Stored.date(row, "at"), action: try Stored.value(row, "action"),
                                 actorName: try row.get("display_name"), actorRole: try Stored.value(row, "actor_role"),
                                 reason: try row.get("reason"), before: Self.fields(try row.get("before_json")),
                                 after: Self.fields(try row.get("after_json")))
        }
    }

    private static func json(_ fields: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    private static func fields(_ json: String?) -> [String: String] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] else { return [:] }
        return object
    }

    // MARK: Rows

    private static func areaColumns(_ area: AnnouncementArea, kecamatanId: KecamatanID?)
        -> (kind: String, kecamatan: Int64?, kelurahan: Int64?, opd: Int64?) {
        switch area {
        case .kota: ("kota", nil, nil, nil)
        case .kecamatan(let id): ("kecamatan", id.rawValue, nil, nil)
        case .kelurahan(let id): ("kelurahan", kecamatanId?.rawValue, id.rawValue, nil)
        case .opd(let id): ("opd", nil, nil, id.rawValue)
        }
    }

    private static func announcement(_ row: Row) throws -> Announcement {
        let areaKind: String = try row.get("area_kind")
        let area: AnnouncementArea
        switch areaKind {
        case "kota": area = .kota
        case "kecamatan": area = .kecamatan(KecamatanID(try row.get("kecamatan_id")))
        case "kelurahan": area = .kelurahan(KelurahanID(try row.get("kelurahan_id")))
        case "opd": area = .opd(OPDID(try row.get("opd_id")))
        default: throw PersistenceError.corrupt("announcements.area_kind \(areaKind)")
        }
        var meeting: Meeting?
        if let stageText: String = try row.get("meeting_stage") {
            guard let stage = Stage(rawValue: stageText) else { throw PersistenceError.corrupt("announcements.meeting_stage \(stageText)") }
            meeting = Meeting(stage: stage, startsAt: try Stored.date(row, "starts_at"), endsAt: try Stored.date(row, "ends_at"),
                              place: try row.get("place"), invited: try row.get("invited"))
        }
        return Announcement(
            id: AnnouncementID(try row.get("id")), uuid: try row.get("uuid"), kind: try Stored.value(row, "kind"), area: area,
            areaName: try row.get("area_name") ?? "", title: try row.get("title"), body: try row.get("body"), meeting: meeting,
            status: try Stored.value(row, "status"), version: try row.get("version"), revision: try row.get("revision"),
            createdBy: AccountID(try row.get("created_by")), createdAt: try Stored.date(row, "created_at"),
            updatedAt: try Stored.date(row, "updated_at"), publishedAt: try Stored.optionalDate(row, "published_at"),
            withdrawnAt: try Stored.optionalDate(row, "withdrawn_at"), withdrawalReason: try row.get("withdrawal_reason"), documents: [])
    }
}
