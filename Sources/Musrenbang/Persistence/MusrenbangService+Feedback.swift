import Foundation
import Storage

/// Feedback (saran / pengaduan) from the public: sending (routed by `FeedbackRouting`), the staff's desk (forward,
/// answer, close: `FeedbackRules`), the public reads (without the sender's name or contact) and the statistics.
/// docs/feedback.md.
extension MusrenbangService {
    // MARK: Names

    /// The city's kecamatan, kelurahan and agencies, for the forms and for naming areas and units.
    public func feedbackDirectory() throws -> FeedbackDirectory {
        try database.read { db in try Self.feedbackDirectory(db) }
    }

    static func feedbackDirectory(_ db: Connection) throws -> FeedbackDirectory {
        let city = try db.queryOne("SELECT id, name FROM kota ORDER BY id LIMIT 1")
        let wilayah = WilayahRepository(db)
        let kecamatan = try city.map { try wilayah.kecamatanList(kotaId: KotaID(try $0.get("id"))) } ?? []
        let ids = Set(kecamatan.map(\.id))
        return FeedbackDirectory(cityName: try city?.get("name") ?? "", kecamatan: kecamatan,
                                 kelurahan: try wilayah.kelurahanList().filter { ids.contains($0.kecamatanId) },
                                 opds: try CatalogRepository(db).opdList())
    }

    // MARK: Sending

    /// Stores a piece of feedback from the public (anyone; `new.accountId` when the sender is signed in) with its
    /// already checked photo: every field error at once (`invalidFields`, an area this city does not hold among them),
    /// the unit from the routing table, the next code of the year (WIB), and the first event of its history.
    @discardableResult
    public func submitFeedback(_ new: NewFeedback, photo: CheckedPhoto? = nil) throws -> FeedbackItem {
        let now = clock.now()
        return try database.write { db in
            let directory = try Self.feedbackDirectory(db)
            var errors = FeedbackRules.check(new)
            if let area = new.area, !directory.contains(area) {
                errors.append(FieldError(field: "wilayah", message: "Wilayah itu tidak ada di kota ini. Pilih dari daftar."))
            }
            guard errors.isEmpty, let kind = new.kind, let category = new.category, let area = new.area else {
                throw DomainError.invalidFields(errors)
            }
            let unit = FeedbackRouting.unit(category, area: area, opd: directory.opd(code:))
            let repository = FeedbackRepository(db)
            let code = try repository.nextCode(year: WIBTime.fields(now, offset: WIBTime.offsetSeconds).year)
            let name = FeedbackRules.trimmed(new.senderName)
            let item = try repository.insert(FeedbackItem(
                id: FeedbackID(0), code: code, kind: kind, category: category, area: area, areaKecamatanId: directory.kecamatanId(of: area),
                text: FeedbackRules.trimmed(new.text), senderName: name.isEmpty ? nil : name,
                senderContact: FeedbackRules.normalizedContact(new.senderContact), accountId: new.accountId, status: .baru, unit: unit,
                createdAt: now, updatedAt: now, version: 1), photo: photo)
            try repository.append(FeedbackEvent(feedbackId: item.id, action: .kirim, actorAccountId: new.accountId, actorRole: nil,
                                                fromStatus: nil, toStatus: .baru, fromUnit: nil, toUnit: unit, note: nil, at: now))
            return item
        }
    }

    // MARK: The staff's desk

    /// The whole item with its history (the sender's name and contact included) for the staff of its unit and Bappeda;
    /// `roleNotAllowed` for a role without a feedback desk, `notFound` for anyone else (its existence is not revealed).
    public func feedbackForDesk(_ code: FeedbackCode, viewer actor: Actor) throws -> (item: FeedbackItem, events: [FeedbackEvent]) {
        try database.read { db in
            guard FeedbackRules.deskUnit(of: actor) != nil else { throw DomainError.roleNotAllowed(role: actor.role, action: "membaca saran") }
            let repository = FeedbackRepository(db)
            guard let item = try repository.item(code: code), FeedbackRules.mayAct(on: item.unit, by: actor) else {
                throw PersistenceError.notFound("saran \(code)")
            }
            return (item, try repository.events(of: item.id))
        }
    }

    /// Passes the feedback to another unit with a note for it (logged; the note is for staff only).
    @discardableResult
    public func forwardFeedback(_ code: FeedbackCode, to unit: FeedbackUnit, note: String, expectedVersion: Int64, by actor: Actor)
        throws -> FeedbackItem {
        try applyFeedback(.forward(to: unit, note: note), to: code, expectedVersion: expectedVersion, by: actor).item
    }

    /// Answers the feedback in public. This is the transition a "your feedback was answered" notification hooks on:
    /// see `applyFeedback`.
    @discardableResult
    public func answerFeedback(_ code: FeedbackCode, answer: String, expectedVersion: Int64, by actor: Actor) throws -> FeedbackItem {
        try applyFeedback(.answer(answer), to: code, expectedVersion: expectedVersion, by: actor).item
    }

    /// Closes the feedback with a public note (required without an answer), optionally hiding its text and photo.
    @discardableResult
    public func closeFeedback(_ code: FeedbackCode, note: String, hide: Bool = false, expectedVersion: Int64, by actor: Actor)
        throws -> FeedbackItem {
        try applyFeedback(.close(note: note, hide: hide), to: code, expectedVersion: expectedVersion, by: actor).item
    }

    /// One staff transition in one write transaction: the actor verified against the stored account (a forged `Actor`
    /// is refused), the item loaded, `FeedbackRules.apply`, the guarded UPDATE (0 rows: `staleVersion`) and its event.
    /// Out of scope is `notInScope` (a 404 to the portal), whatever the form carried.
    ///
    /// An answer to feedback a signed-in sender sent notifies that account (`/notifikasi` and the outbox) in the same
    /// transaction.
    @discardableResult
    public func applyFeedback(_ command: FeedbackCommand, to code: FeedbackCode, expectedVersion: Int64, by actor: Actor) throws
        -> FeedbackTransition {
        let now = clock.now()
        return try database.write { db in
            try Self.verify(actor, as: FeedbackRules.staffRoles, "\(command.action.displayName) saran", db: db)
            let repository = FeedbackRepository(db)
            guard let item = try repository.item(code: code) else { throw PersistenceError.notFound("saran \(code)") }
            if case .forward(let target, _) = command, FeedbackRules.mayAct(on: item.unit, by: actor),
               !(try Self.feedbackDirectory(db)).contains(target) {
                throw DomainError.invalidFields([FieldError(field: "tujuan", message: "Pilih unit tujuan dari daftar.")])
            }
            let transition: FeedbackTransition
            do {
                transition = try FeedbackRules.apply(command, to: item, expectedVersion: expectedVersion, by: actor, at: now)
            } catch DomainError.notInScope where expectedVersion != item.version {
                // Forwarded away since the actor's page was loaded: stale for a unit that held it, unknown to any other.
                let own = FeedbackRules.deskUnit(of: actor)
                let held = try repository.events(of: item.id).contains { $0.toUnit == own || $0.fromUnit == own }
                throw held ? DomainError.staleVersion(expected: expectedVersion, actual: item.version) : DomainError.notInScope
            }
            guard try repository.update(transition.item, from: item.version) else {
                throw DomainError.staleVersion(expected: expectedVersion, actual: item.version + 1)
            }
            try repository.append(transition.event)
            // A signed-in sender is told of the answer, in this transaction: it commits or rolls back with the answer.
            if case .answer(let answer) = command, let account = transition.item.accountId {
                try NotificationWriter(db).notify(account: account, kind: .feedback,
                                                  subject: "Saran \(item.code) sudah dijawab",
                                                  body: answer, link: "/saran/\(item.code)", at: now)
            }
            return transition
        }
    }

    /// The feedback waiting at, or handled by, the actor's unit (Bappeda: every unit, or `query.unit` when it names one).
    public func feedbackQueue(_ query: FeedbackQuery, viewer actor: Actor) throws -> FeedbackPage {
        guard let own = FeedbackRules.deskUnit(of: actor) else { throw DomainError.roleNotAllowed(role: actor.role, action: "membaca saran") }
        var scoped = query
        if own != .bappeda { scoped.unit = own }
        return try database.read { db in try FeedbackRepository(db).page(scoped) }
    }

    // MARK: Public reads

    /// The public part of the feedback with `code` (no sender's name, contact or account; no staff name or forwarding
    /// note); `notFound` when there is none.
    public func publicFeedback(_ code: FeedbackCode) throws -> PublicFeedback {
        try database.read { db in
            let repository = FeedbackRepository(db)
            guard let item = try repository.item(code: code) else { throw PersistenceError.notFound("saran \(code)") }
            return PublicFeedback(item, events: try repository.events(of: item.id), directory: try Self.feedbackDirectory(db))
        }
    }

    /// The answered feedback that is not hidden, newest answer first.
    public func answeredFeedback(category: FeedbackCategory? = nil, page: Int = 1, pageSize: Int = 20) throws -> FeedbackPage {
        try database.read { db in try FeedbackRepository(db).answered(category: category, page: page, pageSize: min(100, max(1, pageSize))) }
    }

    /// The statistics of the feedback sent in `year` (WIB), or of all.
    public func feedbackStatistics(year: Int? = nil) throws -> FeedbackStatistics {
        try database.read { db in
            let from = year.map { WIBTime.date(year: $0, month: 1, day: 1) }
            let to = year.map { WIBTime.date(year: $0 + 1, month: 1, day: 1) }
            return FeedbackStatistics(try FeedbackRepository(db).facts(from: from, to: to), year: year,
                                      directory: try Self.feedbackDirectory(db))
        }
    }

    /// The years that hold feedback, newest first.
    public func feedbackYears() throws -> [Int] { try database.read { db in try FeedbackRepository(db).years() } }

    /// A photo's bytes: the small version (re-encoded, no metadata) for anyone unless the feedback is hidden; the
    /// original as uploaded only for the staff who may act on it. `notFound` otherwise.
    public func feedbackPhoto(_ code: FeedbackCode, variant: PhotoVariant, viewer: Viewer) throws -> (mediaType: String, bytes: [UInt8]) {
        try database.read { db in
            let repository = FeedbackRepository(db)
            guard let item = try repository.item(code: code) else { throw PersistenceError.notFound("foto saran \(code)") }
            let staff = viewer.actor.map { FeedbackRules.mayAct(on: item.unit, by: $0) } ?? false
            let allowed = staff || (variant == .small && !item.hidden)
            guard allowed, let photo = try repository.photo(of: item.id, variant: variant) else {
                throw PersistenceError.notFound("foto saran \(code)")
            }
            return (variant == .small ? "image/jpeg" : photo.mediaType, photo.bytes)
        }
    }
}
