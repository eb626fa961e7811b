import Foundation

/// Who may write announcements for which area, and what a valid one is. Bappeda writes for the whole city and for any
/// area in it; the staff of a kelurahan (operator, Lurah), of a kecamatan (operator, Camat) and of a perangkat daerah
/// (its verifier) write only for their own unit, whatever a form sends. The same people see the area's drafts,
/// publish, edit and withdraw them. Everyone else writes none.
public enum AnnouncementRules {
    public static let maxTitle = 200
    public static let maxBody = 20_000
    public static let maxPlace = 300
    public static let maxInvited = 1_000
    public static let maxReason = 2_000
    /// The largest document, in bytes (a guideline of many pages).
    public static let maxDocumentBytes = 10 * 1_048_576
    /// Documents of one announcement.
    public static let maxDocuments = 10

    /// May `actor` write for `area`?
    public static func mayWrite(_ area: AnnouncementArea, by actor: Actor) -> Bool {
        guard let own = AnnouncementArea.own(of: actor) else { return false }
        return own == .kota || own == area
    }

    /// Throws the rule that refuses `actor`'s role any announcement.
    public static func requireAuthor(_ actor: Actor) throws(DomainError) {
        guard AnnouncementArea.own(of: actor) != nil else { throw .roleNotAllowed(role: actor.role, action: "tulis pengumuman") }
    }

    /// Throws `notInScope` unless `actor` may manage (see as a draft, change, publish, withdraw) an announcement of
    /// `area`: what it may not manage is not revealed.
    public static func requireManage(_ area: AnnouncementArea, by actor: Actor) throws(DomainError) {
        guard mayWrite(area, by: actor) else { throw .notInScope }
    }

    /// Every field error of `draft` written by `actor` at once (the area outside the actor's unit is one of them,
    /// beside the field `wilayah`); `documentCount` is how many documents it will have, which a guideline needs
    /// before it is published (`publishing`).
    public static func fieldErrors(_ draft: AnnouncementDraft, by actor: Actor, documentCount: Int, publishing: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        if !mayWrite(draft.area, by: actor) {
            errors.append(FieldError(field: "wilayah", message: "Anda hanya dapat membuat pengumuman untuk wilayah atau perangkat daerah Anda sendiri."))
        }
        let title = trimmed(draft.title)
        if title.isEmpty {
            errors.append(FieldError(field: "judul", message: "Isi judul pengumuman, misalnya \"Musrenbang Kelurahan Pondok Karya\"."))
        } else if title.count > maxTitle {
            errors.append(FieldError(field: "judul", message: "Judul paling banyak \(maxTitle) huruf."))
        }
        let body = trimmed(draft.body)
        if body.isEmpty && draft.kind == .news {
            errors.append(FieldError(field: "isi", message: "Tulis isi berita."))
        } else if body.count > maxBody {
            errors.append(FieldError(field: "isi", message: "Isi paling banyak 20.000 huruf; lampirkan teks yang panjang sebagai dokumen PDF."))
        }
        if draft.kind == .meeting { errors += meetingErrors(draft.meeting, area: draft.area) }
        if draft.kind == .guideline && publishing && documentCount == 0 {
            errors.append(FieldError(field: "berkas", message: "Lampirkan paling sedikit satu dokumen panduan (PDF) sebelum mengumumkannya."))
        }
        if documentCount > maxDocuments {
            errors.append(FieldError(field: "berkas", message: "Satu pengumuman paling banyak \(maxDocuments) dokumen; hapus dulu yang tidak diperlukan."))
        }
        return errors
    }

    private static func meetingErrors(_ meeting: MeetingDraft, area: AnnouncementArea) -> [FieldError] {
        var errors: [FieldError] = []
        if let stage = meeting.stage {
            if !area.meetingStages.contains(stage) {
                let allowed = area.meetingStages.map(\.displayName).joined(separator: " atau ")
                errors.append(FieldError(field: "tingkat", message: "Rapat untuk wilayah ini adalah \(allowed)."))
            }
        } else {
            errors.append(FieldError(field: "tingkat", message: "Pilih tingkat rapat, misalnya Musrenbang kelurahan."))
        }
        if meeting.day == nil { errors.append(FieldError(field: "tanggal", message: "Isi tanggal rapat, misalnya 2027-01-12.")) }
        if meeting.startMinute == nil { errors.append(FieldError(field: "mulai", message: "Isi jam mulai, misalnya 09.00.")) }
        if meeting.endMinute == nil {
            errors.append(FieldError(field: "selesai", message: "Isi jam selesai, misalnya 12.00."))
        } else if let start = meeting.startMinute, let end = meeting.endMinute, end <= start {
            errors.append(FieldError(field: "selesai", message: "Jam selesai harus sesudah jam mulai."))
        }
        let place = trimmed(meeting.place)
        if place.isEmpty {
            errors.append(FieldError(field: "tempat", message: "Isi tempat rapat, misalnya \"Aula Kantor Kelurahan\"."))
        } else if place.count > maxPlace {
            errors.append(FieldError(field: "tempat", message: "Tempat paling banyak \(maxPlace) huruf."))
        }
        let invited = trimmed(meeting.invited)
        if invited.isEmpty {
            errors.append(FieldError(field: "undangan", message: "Tulis siapa yang diundang, misalnya \"Ketua RT/RW, LPM, tokoh masyarakat\"."))
        } else if invited.count > maxInvited {
            errors.append(FieldError(field: "undangan", message: "Daftar undangan paling banyak \(maxInvited) huruf."))
        }
        return errors
    }

    /// The stored meeting of a draft without field errors (nil for another kind).
    static func meeting(_ draft: AnnouncementDraft) -> Meeting? {
        guard draft.kind == .meeting, let stage = draft.meeting.stage, let day = draft.meeting.day,
              let start = draft.meeting.startMinute, let end = draft.meeting.endMinute else { return nil }
        return Meeting(stage: stage, startsAt: day.instant(minute: start), endsAt: day.instant(minute: end),
                       place: trimmed(draft.meeting.place), invited: trimmed(draft.meeting.invited))
    }

    /// The errors of an uploaded document (beside the field `berkas`) and its kind by its bytes: a PDF, JPEG or PNG of
    /// at most 10 MB, whatever its name says.
    public static func documentErrors(_ document: NewAnnouncementDocument) -> (AttachmentKind?, [FieldError]) {
        var errors: [FieldError] = []
        if trimmed(document.title).count > maxTitle {
            errors.append(FieldError(field: "judul_berkas", message: "Judul dokumen paling banyak \(maxTitle) huruf."))
        }
        var kind: AttachmentKind?
        if document.bytes.isEmpty {
            errors.append(FieldError(field: "berkas", message: "Berkas yang dipilih kosong; pilih berkas PDF, JPEG atau PNG."))
        } else if document.bytes.count > maxDocumentBytes {
            errors.append(FieldError(field: "berkas", message: "Berkas paling besar \(maxDocumentBytes / 1_048_576) MB."))
        } else if let detected = AttachmentKind.detect(document.bytes) {
            kind = detected
        } else {
            errors.append(FieldError(field: "berkas", message: "Berkas harus PDF, JPEG atau PNG."))
        }
        return (errors.isEmpty ? kind : nil, errors)
    }

    /// The reason of a withdrawal: required (it is logged and shown on the announcement's page).
    public static func reasonErrors(_ reason: String) -> [FieldError] {
        let text = trimmed(reason)
        if text.isEmpty {
            return [FieldError(field: "alasan", message: "Tulis alasan penarikan; alasan ini dicatat dan ditampilkan di halaman pengumuman.")]
        }
        if text.count > maxReason { return [FieldError(field: "alasan", message: "Alasan paling banyak 2.000 huruf.")] }
        return []
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
