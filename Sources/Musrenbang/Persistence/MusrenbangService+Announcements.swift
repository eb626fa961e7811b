import Foundation
import Storage

/// Announcements (`AnnouncementRules`): Bappeda's for the city and any area, each unit's staff's for their own unit.
/// Every change is one write transaction, checked whatever the form sent (its area above all), every field error at
/// once (`invalidFields`), logged in `announcement_log`. The public reads return published announcements only.
extension MusrenbangService {
    // MARK: Changes

    /// A new announcement, a draft or (`publish`) published at once, with an optional first document.
    @discardableResult
    public func createAnnouncement(_ draft: AnnouncementDraft, document: NewAnnouncementDocument? = nil, publish: Bool = false,
                                   by actor: Actor) throws -> Announcement {
        try AnnouncementRules.requireAuthor(actor)
        let now = clock.now()
        return try database.write { db in
            let repository = AnnouncementRepository(db)
            let (clean, kecamatanId, documentKind) = try Self.validated(draft, document: document, documentCount: document == nil ? 0 : 1,
                                                                        publishing: publish, by: actor, db: db)
            let id = try repository.insert(uuid: UUID().uuidString.lowercased(), clean, meeting: AnnouncementRules.meeting(clean),
                                           kecamatanId: kecamatanId, status: publish ? .published : .draft, by: actor.accountId, at: now)
            try repository.appendLog(id, actor: actor, at: now, action: .create, after: Self.fields(clean))
            if let document, let documentKind {
                try Self.store(document, kind: documentKind, in: id, repository: repository, by: actor, at: now)
            }
            if publish { try repository.appendLog(id, actor: actor, at: now, action: .publish) }
            return try Self.require(id, repository)
        }
    }

    /// Changes an announcement loaded at `expectedVersion` (a draft or a published one; a withdrawn one is final), adds a
    /// document, removes some of its documents, and (`publish`) publishes a draft, in one transaction. Nothing that
    /// changes nothing is written or logged.
    @discardableResult
    public func updateAnnouncement(_ id: AnnouncementID, expectedVersion: Int64, _ draft: AnnouncementDraft,
                                   addDocument document: NewAnnouncementDocument? = nil, removeDocuments: Set<AnnouncementDocumentID> = [],
                                   publish: Bool = false, by actor: Actor) throws -> Announcement {
        try AnnouncementRules.requireAuthor(actor)
        let now = clock.now()
        return try database.write { db in
            let repository = AnnouncementRepository(db)
            let existing = try Self.managed(id, repository, by: actor, expectedVersion: expectedVersion)
            guard existing.status != .withdrawn else { throw DomainError.invalidInput(field: "status", detail: "pengumuman yang sudah ditarik tidak dapat diubah") }
            let removed = existing.documents.filter { removeDocuments.contains($0.id) }
            let publishes = publish && existing.status == .draft
            let (clean, kecamatanId, documentKind) = try Self.validated(
                draft, document: document, documentCount: existing.documents.count - removed.count + (document == nil ? 0 : 1),
                publishing: publishes || existing.status == .published, by: actor, db: db)

            let before = Self.fields(existing), after = Self.fields(clean)
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            guard !changed.isEmpty || !removed.isEmpty || document != nil || publishes else { return existing }
            var stored = existing
            stored.kind = clean.kind; stored.area = clean.area; stored.title = clean.title; stored.body = clean.body
            stored.meeting = AnnouncementRules.meeting(clean)
            stored.updatedAt = now
            if existing.status == .published { stored.revision += 1 }
            if publishes { stored.status = .published; stored.publishedAt = now }
            try repository.update(stored, kecamatanId: kecamatanId, expectedVersion: expectedVersion)
            if !changed.isEmpty {
                try repository.appendLog(id, actor: actor, at: now, action: .update,
                                         before: before.filter { changed.contains($0.key) }, after: after.filter { changed.contains($0.key) })
            }
            for old in removed {
                try repository.deleteDocument(old.id)
                try repository.appendLog(id, actor: actor, at: now, action: .removeDocument, before: Self.fields(old))
            }
            if let document, let documentKind {
                try Self.store(document, kind: documentKind, in: id, repository: repository, by: actor, at: now)
            }
            if publishes { try repository.appendLog(id, actor: actor, at: now, action: .publish) }
            return try Self.require(id, repository)
        }
    }

    /// Publishes a draft loaded at `expectedVersion` (a guideline needs a document first); an announcement already
    /// published stays as it is.
    @discardableResult
    public func publishAnnouncement(_ id: AnnouncementID, expectedVersion: Int64, by actor: Actor) throws -> Announcement {
        try AnnouncementRules.requireAuthor(actor)
        let now = clock.now()
        return try database.write { db in
            let repository = AnnouncementRepository(db)
            var stored = try Self.managed(id, repository, by: actor, expectedVersion: expectedVersion)
            switch stored.status {
            case .published: return stored
            case .withdrawn: throw DomainError.invalidInput(field: "status", detail: "pengumuman yang sudah ditarik tidak dapat diumumkan lagi")
            case .draft: break
            }
            let errors = AnnouncementRules.fieldErrors(Self.draft(of: stored), by: actor, documentCount: stored.documents.count, publishing: true)
            guard errors.isEmpty else { throw DomainError.invalidFields(errors) }
            stored.status = .published
            stored.publishedAt = now
            stored.updatedAt = now
            try repository.update(stored, kecamatanId: try Self.areaKecamatan(stored.area, db: db), expectedVersion: expectedVersion)
            try repository.appendLog(id, actor: actor, at: now, action: .publish)
            return try Self.require(id, repository)
        }
    }

    /// Withdraws a published announcement loaded at `expectedVersion`, with its reason (required, logged, shown on its
    /// page); it leaves every public list and feed.
    @discardableResult
    public func withdrawAnnouncement(_ id: AnnouncementID, expectedVersion: Int64, reason: String, by actor: Actor) throws -> Announcement {
        try AnnouncementRules.requireAuthor(actor)
        let now = clock.now()
        return try database.write { db in
            let repository = AnnouncementRepository(db)
            var stored = try Self.managed(id, repository, by: actor, expectedVersion: expectedVersion)
            guard stored.status == .published else {
                throw DomainError.invalidInput(field: "status", detail: "hanya pengumuman yang sudah diumumkan yang dapat ditarik")
            }
            let errors = AnnouncementRules.reasonErrors(reason)
            guard errors.isEmpty else { throw DomainError.invalidFields(errors) }
            let text = AnnouncementRules.trimmed(reason)
            stored.status = .withdrawn
            stored.withdrawnAt = now
            stored.withdrawalReason = text
            stored.updatedAt = now
            try repository.update(stored, kecamatanId: try Self.areaKecamatan(stored.area, db: db), expectedVersion: expectedVersion)
            try repository.appendLog(id, actor: actor, at: now, action: .withdraw, reason: text)
            return try Self.require(id, repository)
        }
    }

    // MARK: Reads

    /// One announcement for `viewer`: whole to the staff who manage its area; published, whole to anyone; withdrawn,
    /// to anyone else without its body and documents (its page says it was withdrawn and why); a draft is `notFound`
    /// to anyone else, as an unknown id is.
    public func announcement(_ id: AnnouncementID, viewer: Viewer) throws -> Announcement {
        try database.read { db in
            guard var found = try AnnouncementRepository(db).announcement(id: id) else { throw PersistenceError.notFound("pengumuman \(id)") }
            if let actor = viewer.actor, AnnouncementRules.mayWrite(found.area, by: actor) { return found }
            switch found.status {
            case .published: return found
            case .draft: throw PersistenceError.notFound("pengumuman \(id)")
            case .withdrawn:
                found.body = ""
                found.documents = []
                return found
            }
        }
    }

    /// Published announcements, newest first: of an area (a kecamatan's include its kelurahan's) and of a kind.
    public func publicAnnouncements(_ query: AnnouncementQuery) throws -> AnnouncementPage {
        let filter = SQLFragment.and([SQLFragment("a.status = ?", [AnnouncementStatus.published.rawValue])] + Self.filters(query))
        let (items, total) = try database.read { db in
            try AnnouncementRepository(db).page(filter, order: "a.published_at DESC, a.id DESC", limit: query.pageSize,
                                                offset: (query.page - 1) * query.pageSize)
        }
        return AnnouncementPage(items: items, total: total, page: query.page, pageSize: query.pageSize)
    }

    /// The latest change of the public announcements of `query`'s area and kind, a withdrawal included (the Atom
    /// feed's `updated`); nil when there has been none.
    public func publicAnnouncementsChanged(_ query: AnnouncementQuery) throws -> Date? {
        let statuses = SQLFragment("a.status IN (?, ?)", [AnnouncementStatus.published.rawValue, AnnouncementStatus.withdrawn.rawValue])
        return try database.read { db in try AnnouncementRepository(db).latestChange(.and([statuses] + Self.filters(query))) }
    }

    /// Published meetings of `area` (a kecamatan's include its kelurahan's) that end after `after`, by start, at most `limit`.
    public func publishedMeetings(area: AnnouncementArea?, endingAfter after: Date, limit: Int = 500) throws -> [Announcement] {
        let filter = SQLFragment.and([
            SQLFragment("a.status = ? AND a.kind = ? AND a.ends_at > ?",
                        [AnnouncementStatus.published.rawValue, AnnouncementKind.meeting.rawValue, Stored.text(after)]),
        ] + Self.filters(AnnouncementQuery(area: area)))
        return try database.read { db in
            try AnnouncementRepository(db).page(filter, order: "a.starts_at, a.id", limit: limit, offset: 0).items
        }
    }

    /// The announcements `actor` manages (its own unit's; Bappeda's: all), of one status or all, most recently changed
    /// first, with how many there are of each status.
    public func managedAnnouncements(status: AnnouncementStatus?, page: Int, pageSize: Int = 20, by actor: Actor) throws
        -> (page: AnnouncementPage, counts: [AnnouncementStatus: Int]) {
        try AnnouncementRules.requireAuthor(actor)
        let scope: SQLFragment = switch AnnouncementArea.own(of: actor) {
        case .kecamatan(let id)?: SQLFragment("a.area_kind = 'kecamatan' AND a.kecamatan_id = ?", [id.rawValue])
        case .kelurahan(let id)?: SQLFragment("a.kelurahan_id = ?", [id.rawValue])
        case .opd(let id)?: SQLFragment("a.opd_id = ?", [id.rawValue])
        case .kota?, nil: .all
        }
        let query = AnnouncementQuery(page: page, pageSize: pageSize)
        return try database.read { db in
            var counts: [AnnouncementStatus: Int] = [:]
            try db.forEachRow("SELECT a.status, count(*) AS n FROM announcements a WHERE \(scope.sql) GROUP BY a.status", scope.arguments) { row in
                if let status = AnnouncementStatus(rawValue: try row.get("status")) { counts[status] = try row.get("n") }
            }
            let filter = SQLFragment.and([scope] + (status.map { [SQLFragment("a.status = ?", [$0.rawValue])] } ?? []))
            let (items, total) = try AnnouncementRepository(db).page(filter, order: "a.updated_at DESC, a.id DESC", limit: query.pageSize,
                                                                     offset: (query.page - 1) * query.pageSize)
            return (AnnouncementPage(items: items, total: total, page: query.page, pageSize: query.pageSize), counts)
        }
    }

    /// The log of an announcement `actor` manages, oldest first.
    public func announcementLog(_ id: AnnouncementID, by actor: Actor) throws -> [AnnouncementLogEntry] {
        try database.read { db in
            let repository = AnnouncementRepository(db)
            guard let found = try repository.announcement(id: id) else { throw PersistenceError.notFound("pengumuman \(id)") }
            try AnnouncementRules.requireManage(found.area, by: actor)
            return try repository.log(of: id)
        }
    }

    /// A document of announcement `announcementId` with its bytes, for whom the announcement is whole (published: anyone;
    /// a draft: the staff who manage it); `notFound` otherwise, as for a missing document.
    public func announcementDocument(_ id: AnnouncementDocumentID, of announcementId: AnnouncementID, viewer: Viewer) throws
        -> (document: AnnouncementDocument, bytes: [UInt8]) {
        try database.read { db in
            let repository = AnnouncementRepository(db)
            guard let (owner, bytes) = try repository.documentContent(id), owner == announcementId,
                  let announcement = try repository.announcement(id: owner),
                  let document = announcement.documents.first(where: { $0.id == id }) else { throw PersistenceError.notFound("dokumen \(id)") }
            let manages = viewer.actor.map { AnnouncementRules.mayWrite(announcement.area, by: $0) } ?? false
            guard manages || announcement.status == .published else { throw PersistenceError.notFound("dokumen \(id)") }
            return (document, bytes)
        }
    }

    // MARK: Helpers

    /// The announcement `id` loaded for a change by `actor`: `notFound` / `notInScope` when it is not theirs, `staleVersion`
    /// when it changed since `expectedVersion`.
    private static func managed(_ id: AnnouncementID, _ repository: AnnouncementRepository, by actor: Actor,
                                expectedVersion: Int64) throws -> Announcement {
        guard let found = try repository.announcement(id: id) else { throw PersistenceError.notFound("pengumuman \(id)") }
        try AnnouncementRules.requireManage(found.area, by: actor)
        guard found.version == expectedVersion else { throw DomainError.staleVersion(expected: expectedVersion, actual: found.version) }
        return found
    }

    /// The draft as stored, its area's kecamatan and the document's kind by its bytes; every field error at once
    /// (`invalidFields`), the area outside the actor's unit and an unknown area among them.
    private static func validated(_ draft: AnnouncementDraft, document: NewAnnouncementDocument?, documentCount: Int, publishing: Bool,
                                  by actor: Actor, db: Connection) throws
        -> (draft: AnnouncementDraft, kecamatanId: KecamatanID?, documentKind: AttachmentKind?) {
        let clean = cleaned(draft)
        var errors = AnnouncementRules.fieldErrors(clean, by: actor, documentCount: documentCount, publishing: publishing)
        let kecamatanId = try areaKecamatan(clean.area, db: db, errors: &errors)
        let checked = document.map(AnnouncementRules.documentErrors)
        errors += checked?.1 ?? []
        guard errors.isEmpty else { throw DomainError.invalidFields(errors) }
        return (clean, kecamatanId, checked?.0)
    }

    private static func require(_ id: AnnouncementID, _ repository: AnnouncementRepository) throws -> Announcement {
        guard let found = try repository.announcement(id: id) else { throw PersistenceError.notFound("pengumuman \(id)") }
        return found
    }

    private static func store(_ document: NewAnnouncementDocument, kind: AttachmentKind, in id: AnnouncementID,
                              repository: AnnouncementRepository, by actor: Actor, at now: Date) throws {
        let fileName = AttachmentStore.displayName(document.fileName, fallback: "dokumen.\(kind.fileExtension)")
        let title = AnnouncementRules.trimmed(document.title)
        let stored = try repository.insertDocument(AnnouncementDocument(
            id: AnnouncementDocumentID(0), announcementId: id, title: title.isEmpty ? fileName : title, fileName: fileName,
            mediaType: kind.mediaType, byteCount: Int64(document.bytes.count), sha256: SHA256.hexDigest(document.bytes), uploadedAt: now),
            content: document.bytes, by: actor.accountId)
        try repository.appendLog(id, actor: actor, at: now, action: .addDocument, after: fields(stored))
    }

    /// The kecamatan of a kelurahan area (stored beside it); every area's existence is checked, an unknown one is a
    /// field error (`errors`) or, without `errors`, `notFound`.
    private static func areaKecamatan(_ area: AnnouncementArea, db: Connection, errors: inout [FieldError]) throws -> KecamatanID? {
        do {
            return try areaKecamatan(area, db: db)
        } catch PersistenceError.notFound {
            if !errors.contains(where: { $0.field == "wilayah" }) {
                errors.append(FieldError(field: "wilayah", message: "Pilih wilayah atau perangkat daerah yang ada."))
            }
            return nil
        }
    }

    private static func areaKecamatan(_ area: AnnouncementArea, db: Connection) throws -> KecamatanID? {
        switch area {
        case .kota: return nil
        case .kecamatan(let id): return try WilayahRepository(db).kecamatan(id: id).id
        case .kelurahan(let id): return try WilayahRepository(db).kelurahan(id: id).kecamatanId
        case .opd(let id):
            guard try db.scalar("SELECT 1 FROM opd WHERE id = ?", [id.rawValue], as: Int64.self) != nil else {
                throw PersistenceError.notFound("perangkat daerah \(id)")
            }
            return nil
        }
    }

    /// The filters of a public query: its area (a kecamatan's includes its kelurahan) and its kind.
    private static func filters(_ query: AnnouncementQuery) -> [SQLFragment] {
        var parts: [SQLFragment] = []
        switch query.area {
        case .kota?: parts.append(SQLFragment("a.area_kind = 'kota'"))
        case .kecamatan(let id)?: parts.append(SQLFragment("a.kecamatan_id = ?", [id.rawValue]))
        case .kelurahan(let id)?: parts.append(SQLFragment("a.kelurahan_id = ?", [id.rawValue]))
        case .opd(let id)?: parts.append(SQLFragment("a.opd_id = ?", [id.rawValue]))
        case nil: break
        }
        if let kind = query.kind { parts.append(SQLFragment("a.kind = ?", [kind.rawValue])) }
        return parts
    }

    /// The draft as stored: text trimmed, line ends as "\n", a meeting's fields only on a meeting.
    private static func cleaned(_ draft: AnnouncementDraft) -> AnnouncementDraft {
        func text(_ value: String) -> String {
            AnnouncementRules.trimmed(value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        }
        var clean = draft
        clean.title = text(draft.title).replacingOccurrences(of: "\n", with: " ")
        clean.body = text(draft.body)
        clean.meeting.place = text(draft.meeting.place)
        clean.meeting.invited = text(draft.meeting.invited)
        if draft.kind != .meeting { clean.meeting = MeetingDraft() }
        return clean
    }

    /// The draft that would store `announcement` as it is.
    static func draft(of announcement: Announcement) -> AnnouncementDraft {
        AnnouncementDraft(kind: announcement.kind, area: announcement.area, title: announcement.title, body: announcement.body,
                          meeting: announcement.meeting.map(MeetingDraft.init) ?? MeetingDraft())
    }

    /// The logged fields of a draft, by their form names.
    private static func fields(_ draft: AnnouncementDraft) -> [String: String] {
        var fields = ["jenis": draft.kind.rawValue, "wilayah": draft.area.text, "judul": draft.title, "isi": draft.body]
        if let meeting = AnnouncementRules.meeting(draft) {
            fields["tingkat"] = meeting.stage.rawValue
            fields["mulai"] = WIBTime.iso8601(meeting.startsAt)
            fields["selesai"] = WIBTime.iso8601(meeting.endsAt)
            fields["tempat"] = meeting.place
            fields["undangan"] = meeting.invited
        }
        return fields
    }

    private static func fields(_ announcement: Announcement) -> [String: String] { fields(draft(of: announcement)) }

    private static func fields(_ document: AnnouncementDocument) -> [String: String] {
        ["judul": document.title, "berkas": document.fileName, "sha256": document.sha256]
    }
}
