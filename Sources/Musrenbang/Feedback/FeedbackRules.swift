import Foundation

/// The rules of feedback, pure: what a new one must hold, how its status moves, and which staff act for which unit.
///
/// Statuses: `baru` (sent, routed) and `diteruskan` wait for their unit; `teruskan` passes one to another unit with a
/// note; `jawab` answers it in public; `tutup` closes it (from any waiting status or after the answer), with a public
/// note that is required when nothing was answered. A transition's guards, in order: the actor's role handles feedback
/// (`role_not_allowed`); the actor acts for the item's unit, or is Bappeda (`not_in_scope`: to the portal, a 404); the
/// version is the one the form showed (`stale_version`); the status allows the action (`invalid_feedback_transition`);
/// the inputs (`invalid_fields`, every field at once).
public enum FeedbackRules {
    /// Text of the feedback, in characters.
    public static let textLength = 10...4000
    public static let maxName = 100
    public static let maxContact = 254
    public static let maxAnswer = 4000
    public static let maxNote = 1000

    /// The roles with a feedback desk: the kelurahan's and kecamatan's staff, the agencies' verifiers and Bappeda.
    public static let staffRoles: Set<Role> = [.operatorKelurahan, .verifikatorKelurahan, .operatorKecamatan, .camat, .verifikatorOPD, .bappeda]

    /// The status an action leads to from `status`; nil when the action is not allowed there.
    public static func next(_ action: FeedbackAction, from status: FeedbackStatus) -> FeedbackStatus? {
        switch (action, status) {
        case (.teruskan, .baru), (.teruskan, .diteruskan): .diteruskan
        case (.jawab, .baru), (.jawab, .diteruskan): .dijawab
        case (.tutup, .baru), (.tutup, .diteruskan), (.tutup, .dijawab): .ditutup
        default: nil
        }
    }

    /// The unit whose queue `actor` works: its kelurahan (operator, verifier / Lurah), its kecamatan (operator, Camat),
    /// its agency (verifier OPD), or Bappeda; nil for roles without a feedback desk (and a scope of the wrong kind).
    public static func deskUnit(of actor: Actor) -> FeedbackUnit? {
        switch (actor.role, actor.scope) {
        case (.operatorKelurahan, .kelurahan(let id)), (.verifikatorKelurahan, .kelurahan(let id)): .kelurahan(id)
        case (.operatorKecamatan, .kecamatan(let id)), (.camat, .kecamatan(let id)): .kecamatan(id)
        case (.verifikatorOPD, .opd(let id)): .opd(id)
        case (.bappeda, .kota): .bappeda
        default: nil
        }
    }

    /// Whether `actor` may read and act on feedback held by `unit`: that unit's own staff, and Bappeda for every unit
    /// (the city's planning agency sees all of it and may step in where a unit does not answer).
    public static func mayAct(on unit: FeedbackUnit, by actor: Actor) -> Bool {
        guard let own = deskUnit(of: actor) else { return false }
        return own == .bappeda || own == unit
    }

    /// Throws the rule that keeps `actor` from acting on feedback held by `unit`.
    public static func requireAct(on unit: FeedbackUnit, by actor: Actor, action: FeedbackAction) throws(DomainError) {
        guard deskUnit(of: actor) != nil else { throw .roleNotAllowed(role: actor.role, action: "\(action.displayName) saran") }
        guard mayAct(on: unit, by: actor) else { throw .notInScope }
    }

    /// Every field error of a new piece of feedback at once (the area's existence is the store's to check).
    public static func check(_ new: NewFeedback) -> [FieldError] {
        var errors: [FieldError] = []
        if new.kind == nil { errors.append(FieldError(field: "jenis", message: "Pilih jenisnya: saran atau pengaduan.")) }
        if new.category == nil { errors.append(FieldError(field: "kategori", message: "Pilih kategori yang paling sesuai.")) }
        if new.area == nil {
            errors.append(FieldError(field: "wilayah", message: "Pilih wilayahnya: satu kelurahan, satu kecamatan, atau seluruh kota."))
        }
        let text = trimmed(new.text)
        if text.isEmpty {
            errors.append(FieldError(field: "uraian", message: "Tulis saran atau pengaduan Anda."))
        } else if text.count < textLength.lowerBound {
            errors.append(FieldError(field: "uraian", message: "Tulis paling sedikit \(textLength.lowerBound) huruf: apa, di mana, sejak kapan."))
        } else if text.count > textLength.upperBound {
            errors.append(FieldError(field: "uraian", message: "Paling banyak 4.000 huruf; sekarang \(text.count)."))
        }
        if trimmed(new.senderName).count > maxName {
            errors.append(FieldError(field: "nama", message: "Nama paling banyak \(maxName) huruf."))
        }
        let contact = trimmed(new.senderContact)
        if !contact.isEmpty && normalizedContact(contact) == nil {
            errors.append(FieldError(field: "kontak",
                                     message: "Tulis nomor HP (misalnya 0812-3456-7890) atau alamat e-mail (misalnya nama@contoh.id), atau kosongkan."))
        }
        return errors
    }

    /// A contact as stored: a mobile number as `+628...`, an e-mail address as typed (trimmed); nil when it is neither.
    public static func normalizedContact(_ text: String) -> String? {
        let contact = trimmed(text)
        guard !contact.isEmpty, contact.count <= maxContact else { return nil }
        if contact.contains("@") { return EmailAddress.isPlausible(contact) ? contact : nil }
        return PhoneNumber(parsing: contact)?.normalized
    }

    /// Applies `command` to `item` at `now`: the guards in the order of this type's comment, then the new state and its
    /// event. Bappeda answering another unit's feedback becomes its unit (the answer is Bappeda's); a forward moves it to
    /// the chosen unit; a close keeps the unit.
    public static func apply(_ command: FeedbackCommand, to item: FeedbackItem, expectedVersion: Int64, by actor: Actor,
                             at now: Date) throws(DomainError) -> FeedbackTransition {
        let action = command.action
        try requireAct(on: item.unit, by: actor, action: action)
        guard expectedVersion == item.version else { throw .staleVersion(expected: expectedVersion, actual: item.version) }
        guard let nextStatus = next(action, from: item.status) else { throw .feedbackTransition(from: item.status, action: action) }
        var updated = item
        var note: String?
        switch command {
        case .forward(let target, let text):
            var errors: [FieldError] = []
            if target == item.unit {
                errors.append(FieldError(field: "tujuan", message: "Saran ini sudah di unit itu. Pilih unit lain yang berwenang."))
            }
            errors += noteErrors(text, field: "catatan", missing: "Tulis catatan untuk unit tujuan: mengapa diteruskan ke sana.")
            guard errors.isEmpty else { throw .invalidFields(errors) }
            updated.unit = target
            note = trimmed(text)
        case .answer(let text):
            let answer = trimmed(text)
            if answer.isEmpty {
                throw .invalidFields([FieldError(field: "jawaban", message: "Tulis jawaban untuk pengirim; jawaban tampil di halaman publik.")])
            }
            if answer.count > maxAnswer {
                throw .invalidFields([FieldError(field: "jawaban", message: "Jawaban paling banyak 4.000 huruf; sekarang \(answer.count).")])
            }
            if deskUnit(of: actor) == .bappeda { updated.unit = .bappeda }
            updated.answer = answer
            updated.answeredAt = now
        case .close(let text, let hide):
            let closing = trimmed(text)
            if item.answer == nil || !closing.isEmpty || hide {
                let missing = hide ? "Tulis alasan menyembunyikan isinya (tampil di halaman publik), misalnya \"berisi data pribadi\"."
                    : "Tulis alasan menutup tanpa jawaban (tampil di halaman publik), misalnya \"sama dengan SRN-2027-000012\"."
                let errors = noteErrors(text, field: "alasan", missing: missing)
                guard errors.isEmpty else { throw .invalidFields(errors) }
            }
            updated.closedAt = now
            updated.closeNote = closing.isEmpty ? nil : closing
            updated.hidden = hide
            note = updated.closeNote
        }
        updated.status = nextStatus
        updated.updatedAt = now
        updated.version = item.version + 1
        let event = FeedbackEvent(feedbackId: item.id, action: action, actorAccountId: actor.accountId, actorRole: actor.role,
                                  fromStatus: item.status, toStatus: nextStatus, fromUnit: item.unit, toUnit: updated.unit, note: note,
                                  at: now)
        return FeedbackTransition(item: updated, event: event)
    }

    private static func noteErrors(_ text: String, field: String, missing: String) -> [FieldError] {
        let note = trimmed(text)
        if note.isEmpty { return [FieldError(field: field, message: missing)] }
        if note.count > maxNote { return [FieldError(field: field, message: "Paling banyak 1.000 huruf; sekarang \(note.count).")] }
        return []
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
