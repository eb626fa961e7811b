import Foundation
import Storage

/// Feedback (`feedback`, `feedback_photos`, `feedback_events`, `feedback_sequences`; Migrations/0020). The sender's
/// name and contact are read only by `item(...)`, the staff's full read; every list and the statistics select neither.
struct FeedbackRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    // MARK: Writing

    /// The next code of `year` (the sequence bumped in this transaction: unique and gap-free per year).
    func nextCode(year: Int) throws -> FeedbackCode {
        let next: Int = try db.scalar("""
            INSERT INTO feedback_sequences (year, last_sequence) VALUES (?1, 1)
            ON CONFLICT (year) DO UPDATE SET last_sequence = last_sequence + 1
            RETURNING last_sequence
            """, [year]) ?? 0
        return try FeedbackCode(year: year, sequence: next)
    }

    /// Inserts a new item (its id is assigned) with its photo.
    func insert(_ item: FeedbackItem, photo: CheckedPhoto?) throws -> FeedbackItem {
        let (areaKelurahan, unit) = (Self.areaKelurahan(item.area), Self.unitColumns(item.unit))
        try db.execute("""
            INSERT INTO feedback (code, kind, category, area_kecamatan_id, area_kelurahan_id, body, sender_name, sender_contact, account_id,
                status, unit_kind, unit_kelurahan_id, unit_kecamatan_id, unit_opd_id, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, StatementArguments([
                item.code.description, item.kind.rawValue, item.category.rawValue, item.areaKecamatanId?.rawValue, areaKelurahan,
                item.text, item.senderName, item.senderContact, item.accountId?.rawValue, item.status.rawValue, item.unit.kind,
                unit.kelurahan, unit.kecamatan, unit.opd, Stored.text(item.createdAt), Stored.text(item.updatedAt), item.version,
            ]))
        var stored = item
        stored.id = FeedbackID(db.lastInsertRowID)
        if let photo {
            try db.execute("""
                INSERT INTO feedback_photos (feedback_id, media_type, original, small, small_width, small_height, sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [stored.id.rawValue, photo.format.mediaType, photo.original, photo.small.jpeg, photo.small.width, photo.small.height,
                      photo.sha256])
            stored.photo = FeedbackPhoto(mediaType: photo.format.mediaType, byteCount: Int64(photo.original.count),
                                         smallWidth: photo.small.width, smallHeight: photo.small.height)
        }
        return stored
    }

    /// Writes a transition's state at the version it was read at; false when another transaction changed it first.
    func update(_ item: FeedbackItem, from version: Int64) throws -> Bool {
        let unit = Self.unitColumns(item.unit)
        try db.execute("""
            UPDATE feedback SET status = ?, unit_kind = ?, unit_kelurahan_id = ?, unit_kecamatan_id = ?, unit_opd_id = ?, answer = ?,
                answered_at = ?, closed_at = ?, close_note = ?, hidden = ?, updated_at = ?, version = ?
            WHERE id = ? AND version = ?
            """, StatementArguments([
                item.status.rawValue, item.unit.kind, unit.kelurahan, unit.kecamatan, unit.opd, item.answer,
                item.answeredAt.map(Stored.text), item.closedAt.map(Stored.text), item.closeNote, item.hidden,
                Stored.text(item.updatedAt), item.version, item.id.rawValue, version,
            ]))
        return db.changes == 1
    }

    func append(_ event: FeedbackEvent) throws {
        try db.execute("""
            INSERT INTO feedback_events (feedback_id, action, actor_account_id, actor_role, from_status, to_status, from_unit, to_unit, note, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, StatementArguments([
                event.feedbackId.rawValue, event.action.rawValue, event.actorAccountId?.rawValue, event.actorRole?.rawValue,
                event.fromStatus?.rawValue, event.toStatus.rawValue, event.fromUnit?.text, event.toUnit.text, event.note,
                Stored.text(event.at),
            ]))
    }

    // MARK: Reading one

    private static let itemColumns = """
        f.id, f.code, f.kind, f.category, f.area_kecamatan_id, f.area_kelurahan_id, f.body, f.sender_name, f.sender_contact,
        f.account_id, f.status, f.unit_kind, f.unit_kelurahan_id, f.unit_kecamatan_id, f.unit_opd_id, f.answer, f.answered_at,
        f.closed_at, f.close_note, f.hidden, f.created_at, f.updated_at, f.version,
        p.media_type, length(p.original) AS photo_bytes, p.small_width, p.small_height
        """

    /// The whole item (with the sender's personal data: staff reads and the engine's transitions only).
    func item(code: FeedbackCode) throws -> FeedbackItem? {
        try db.queryOne("SELECT \(Self.itemColumns) FROM feedback f LEFT JOIN feedback_photos p ON p.feedback_id = f.id WHERE f.code = ?",
                        [code.description]).map(Self.item)
    }

    func item(id: FeedbackID) throws -> FeedbackItem? {
        try db.queryOne("SELECT \(Self.itemColumns) FROM feedback f LEFT JOIN feedback_photos p ON p.feedback_id = f.id WHERE f.id = ?",
                        [id.rawValue]).map(Self.item)
    }

    /// The history of an item, oldest first.
    func events(of id: FeedbackID) throws -> [FeedbackEvent] {
        try db.query("""
            SELECT feedback_id, action, actor_account_id, actor_role, from_status, to_status, from_unit, to_unit, note, at
            FROM feedback_events WHERE feedback_id = ? ORDER BY id
            """, [id.rawValue]).map { row in
            let fromUnitText: String? = try row.get("from_unit")
            let toUnitText: String = try row.get("to_unit")
            let fromStatusText: String? = try row.get("from_status")
            let roleText: String? = try row.get("actor_role")
            guard let toUnit = FeedbackUnit(text: toUnitText) else { throw PersistenceError.corrupt("feedback_events.to_unit \(toUnitText)") }
            return FeedbackEvent(feedbackId: FeedbackID(try row.get("feedback_id")), action: try Stored.value(row, "action"),
                                 actorAccountId: (try row.get("actor_account_id", as: Int64?.self)).map { AccountID($0) },
                                 actorRole: roleText.flatMap(Role.init(rawValue:)),
                                 fromStatus: fromStatusText.flatMap(FeedbackStatus.init(rawValue:)), toStatus: try Stored.value(row, "to_status"),
                                 fromUnit: fromUnitText.flatMap(FeedbackUnit.init(text:)), toUnit: toUnit, note: try row.get("note"),
                                 at: try Stored.date(row, "at"))
        }
    }

    /// The small (JPEG) or original bytes of an item's photo, with the original's media type.
    func photo(of id: FeedbackID, variant: PhotoVariant) throws -> (mediaType: String, bytes: [UInt8])? {
        let column = variant == .small ? "small" : "original"
        return try db.queryOne("SELECT media_type, \(column) AS bytes FROM feedback_photos WHERE feedback_id = ?", [id.rawValue]).map {
            (try $0.get("media_type"), try $0.get("bytes"))
        }
    }

    // MARK: Lists

    private static let summaryColumns = """
        id, code, kind, category, area_kecamatan_id, area_kelurahan_id, CASE WHEN hidden = 1 THEN '' ELSE body END AS body, status,
        unit_kind, unit_kelurahan_id, unit_kecamatan_id, unit_opd_id, answer, created_at, answered_at, hidden
        """

    /// A page of `query` (by id: newest or oldest first) with the total and the counts per status over the filter without its statuses.
    func page(_ query: FeedbackQuery) throws -> FeedbackPage {
        var conditions: [String] = []
        var arguments: [(any SQLBindable)?] = []
        if let unit = query.unit {
            let columns = Self.unitColumns(unit)
            conditions.append("unit_kind = ? AND unit_kelurahan_id IS ? AND unit_kecamatan_id IS ? AND unit_opd_id IS ?")
            arguments += [unit.kind, columns.kelurahan, columns.kecamatan, columns.opd]
        }
        if let category = query.category {
            conditions.append("category = ?")
            arguments.append(category.rawValue)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var counts: [FeedbackStatus: Int] = [:]
        for row in try db.query("SELECT status, count(*) AS n FROM feedback \(filter) GROUP BY status", StatementArguments(arguments)) {
            counts[try Stored.value(row, "status")] = try row.get("n")
        }
        let statuses = FeedbackStatus.allCases.filter(query.statuses.contains)
        let total = statuses.reduce(0) { $0 + (counts[$1] ?? 0) }
        let inList = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let statusFilter = (filter.isEmpty ? "WHERE " : filter + " AND ") + "status IN (\(inList.isEmpty ? "''" : inList))"
        let rows = try db.query("""
            SELECT \(Self.summaryColumns) FROM feedback \(statusFilter) ORDER BY id \(query.oldestFirst ? "ASC" : "DESC") LIMIT ? OFFSET ?
            """, StatementArguments(arguments + [query.pageSize, (query.page - 1) * query.pageSize]))
        return FeedbackPage(items: try rows.map(Self.summary), total: total, counts: counts, page: query.page, pageSize: query.pageSize)
    }

    /// The answered, not hidden items, newest answer first (the public list), of one category or all.
    func answered(category: FeedbackCategory?, page: Int, pageSize: Int) throws -> FeedbackPage {
        var filter = "answered_at IS NOT NULL AND hidden = 0"
        var arguments: [(any SQLBindable)?] = []
        if let category {
            filter += " AND category = ?"
            arguments.append(category.rawValue)
        }
        let total: Int = try db.scalar("SELECT count(*) FROM feedback WHERE \(filter)", StatementArguments(arguments)) ?? 0
        let rows = try db.query("""
            SELECT \(Self.summaryColumns) FROM feedback WHERE \(filter) ORDER BY answered_at DESC, id DESC LIMIT ? OFFSET ?
            """, StatementArguments(arguments + [pageSize, (max(1, page) - 1) * pageSize]))
        return FeedbackPage(items: try rows.map(Self.summary), total: total, counts: [:], page: max(1, page), pageSize: pageSize)
    }

    /// What the statistics count, of items sent from `from` (inclusive) to `to` (exclusive), or all.
    func facts(from: Date?, to: Date?) throws -> [FeedbackFact] {
        var conditions: [String] = []
        var arguments: [(any SQLBindable)?] = []
        if let from { conditions.append("created_at >= ?"); arguments.append(Stored.text(from)) }
        if let to { conditions.append("created_at < ?"); arguments.append(Stored.text(to)) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try db.query("""
            SELECT kind, category, unit_kind, unit_kelurahan_id, unit_kecamatan_id, unit_opd_id, area_kecamatan_id, status, created_at,
                answered_at
            FROM feedback \(filter)
            """, StatementArguments(arguments)).map { row in
            FeedbackFact(kind: try Stored.value(row, "kind"), category: try Stored.value(row, "category"), unit: try Self.unit(row),
                         areaKecamatanId: (try row.get("area_kecamatan_id", as: Int64?.self)).map { KecamatanID($0) },
                         status: try Stored.value(row, "status"), createdAt: try Stored.date(row, "created_at"),
                         answeredAt: try Stored.optionalDate(row, "answered_at"))
        }
    }

    /// The years (of the codes) that hold any feedback, newest first.
    func years() throws -> [Int] {
        try db.query("SELECT year FROM feedback_sequences WHERE last_sequence > 0 ORDER BY year DESC").map { try $0.get("year") }
    }

    // MARK: Rows

    private static func areaKelurahan(_ area: FeedbackArea) -> Int64? {
        if case .kelurahan(let id) = area { return id.rawValue }
        return nil
    }

    private static func unitColumns(_ unit: FeedbackUnit) -> (kelurahan: Int64?, kecamatan: Int64?, opd: Int64?) {
        switch unit {
        case .kelurahan(let id): (id.rawValue, nil, nil)
        case .kecamatan(let id): (nil, id.rawValue, nil)
        case .opd(let id): (nil, nil, id.rawValue)
        case .bappeda: (nil, nil, nil)
        }
    }

    private static func unit(_ row: Row) throws -> FeedbackUnit {
        let kind: String = try row.get("unit_kind")
        let kelurahan: Int64? = try row.get("unit_kelurahan_id")
        let kecamatan: Int64? = try row.get("unit_kecamatan_id")
        let opd: Int64? = try row.get("unit_opd_id")
        switch (kind, kelurahan, kecamatan, opd) {
        case ("kelurahan", let id?, nil, nil): return .kelurahan(KelurahanID(id))
        case ("kecamatan", nil, let id?, nil): return .kecamatan(KecamatanID(id))
        case ("opd", nil, nil, let id?): return .opd(OPDID(id))
        case ("bappeda", nil, nil, nil): return .bappeda
        default: throw PersistenceError.corrupt("feedback.unit_kind \(kind)")
        }
    }

    private static func area(_ row: Row) throws -> FeedbackArea {
        let kecamatan: Int64? = try row.get("area_kecamatan_id")
        let kelurahan: Int64? = try row.get("area_kelurahan_id")
        if let kelurahan { return .kelurahan(KelurahanID(kelurahan)) }
        if let kecamatan { return .kecamatan(KecamatanID(kecamatan)) }
        return .kota
    }

    private static func code(_ row: Row) throws -> FeedbackCode {
        let text: String = try row.get("code")
        guard let code = FeedbackCode(parsing: text) else { throw PersistenceError.corrupt("feedback.code \(text)") }
        return code
    }

    private static func item(_ row: Row) throws -> FeedbackItem {
        let mediaType: String? = try row.get("media_type")
        var photo: FeedbackPhoto?
        if let mediaType {
            photo = FeedbackPhoto(mediaType: mediaType, byteCount: try row.get("photo_bytes"), smallWidth: try row.get("small_width"),
                                  smallHeight: try row.get("small_height"))
        }
        let areaKecamatan: Int64? = try row.get("area_kecamatan_id")
        let account: Int64? = try row.get("account_id")
        let id: Int64 = try row.get("id")
        let text: String = try row.get("body")
        let senderName: String? = try row.get("sender_name")
        let senderContact: String? = try row.get("sender_contact")
        let answer: String? = try row.get("answer")
        let closeNote: String? = try row.get("close_note")
        let hidden: Bool = try row.get("hidden")
        let version: Int64 = try row.get("version")
        return FeedbackItem(
            id: FeedbackID(id), code: try code(row), kind: try Stored.value(row, "kind"), category: try Stored.value(row, "category"),
            area: try area(row), areaKecamatanId: areaKecamatan.map { KecamatanID($0) }, text: text, senderName: senderName,
            senderContact: senderContact, accountId: account.map { AccountID($0) }, status: try Stored.value(row, "status"),
            unit: try unit(row), answer: answer, answeredAt: try Stored.optionalDate(row, "answered_at"),
            closedAt: try Stored.optionalDate(row, "closed_at"), closeNote: closeNote, hidden: hidden,
            createdAt: try Stored.date(row, "created_at"), updatedAt: try Stored.date(row, "updated_at"), version: version, photo: photo)
    }

    private static func summary(_ row: Row) throws -> FeedbackSummary {
        FeedbackSummary(id: FeedbackID(try row.get("id")), code: try code(row), kind: try Stored.value(row, "kind"),
                        category: try Stored.value(row, "category"), area: try area(row), status: try Stored.value(row, "status"),
                        unit: try unit(row), text: try row.get("body"), answer: try row.get("answer"),
                        createdAt: try Stored.date(row, "created_at"), answeredAt: try Stored.optionalDate(row, "answered_at"),
                        hidden: try row.get("hidden"))
    }
}
