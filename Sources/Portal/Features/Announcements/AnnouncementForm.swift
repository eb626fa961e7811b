import Foundation
import HTTPServer
import Musrenbang

/// The announcement form as typed (new or changed): kind (`jenis`), area (`wilayah`, Bappeda's form only), title
/// (`judul`), text (`isi`), a meeting's stage (`tingkat`), day (`tanggal`), times (`mulai`, `selesai`), place (`tempat`)
/// and invited (`undangan`), a document (`berkas`, titled `judul_berkas`), documents to remove (`hapus_dokumen`), the
/// version it was loaded at (`versi`) and what to do (`aksi`: `draf` keeps it as it is, `umumkan` publishes it).
/// Text that cannot be read (a day like "31-02-2027") is its own field error; the engine checks the rest.
struct AnnouncementForm {
    var kind = AnnouncementKind.meeting
    var areaText = ""
    var title = ""
    var body = ""
    var stage = ""
    var day = ""
    var start = ""
    var end = ""
    var place = ""
    var invited = ""
    var documentTitle = ""
    var removeDocuments: Set<AnnouncementDocumentID> = []
    var version: Int64?
    var publish = false
    var errors: [FieldError] = []
    /// The errors of text that cannot be read, found while reading the form.
    private(set) var formatErrors: [FieldError] = []

    /// An empty form for `area`.
    init(area: AnnouncementArea) { areaText = area.text }

    /// The form of a stored announcement.
    init(_ announcement: Announcement) {
        kind = announcement.kind
        areaText = announcement.area.text
        title = announcement.title
        body = announcement.body
        version = announcement.version
        if let meeting = announcement.meeting {
            let typed = MeetingDraft(meeting)
            stage = meeting.stage.rawValue
            day = typed.day.map { "\($0.year)-\(AreaWords.pad($0.month))-\(AreaWords.pad($0.day))" } ?? ""
            start = typed.startMinute.map(Self.time) ?? ""
            end = typed.endMinute.map(Self.time) ?? ""
            place = meeting.place
            invited = meeting.invited
        }
    }

    /// "09:00": what a time input shows for `minute` minutes after midnight.
    static func time(_ minute: Int) -> String { "\(AreaWords.pad(minute / 60)):\(AreaWords.pad(minute % 60))" }

    /// The form as submitted; without `wilayah`, the area is `ownArea`.
    init(_ form: FormData, ownArea: AnnouncementArea) {
        let kindText = form["jenis"] ?? ""
        kind = AnnouncementKind(rawValue: kindText) ?? .news
        if AnnouncementKind(rawValue: kindText) == nil {
            formatErrors.append(FieldError(field: "jenis", message: "Pilih jenis pengumuman: jadwal rapat, panduan teknis atau berita."))
        }
        areaText = form["wilayah"] ?? ownArea.text
        if AnnouncementArea(text: areaText) == nil {
            formatErrors.append(FieldError(field: "wilayah", message: "Pilih wilayah pengumuman."))
        }
        title = form["judul"] ?? ""
        body = form["isi"] ?? ""
        stage = form["tingkat"] ?? ""
        day = form["tanggal"] ?? ""
        start = form["mulai"] ?? ""
        end = form["selesai"] ?? ""
        place = form["tempat"] ?? ""
        invited = form["undangan"] ?? ""
        documentTitle = form["judul_berkas"] ?? ""
        removeDocuments = Set(form.values("hapus_dokumen").compactMap { Int64($0) }.map { AnnouncementDocumentID($0) })
        version = form["versi"].flatMap { Int64($0) }
        publish = form["aksi"] == "umumkan"
        if kind == .meeting {
            if !day.isBlank && Self.day(day) == nil {
                formatErrors.append(FieldError(field: "tanggal", message: "Tulis tanggal seperti 2027-01-12 (tahun-bulan-tanggal)."))
            }
            if !start.isBlank && Self.minute(start) == nil {
                formatErrors.append(FieldError(field: "mulai", message: "Tulis jam mulai seperti 09.00 (jam.menit, 00.00 sampai 23.59)."))
            }
            if !end.isBlank && Self.minute(end) == nil {
                formatErrors.append(FieldError(field: "selesai", message: "Tulis jam selesai seperti 12.00 (jam.menit, 00.00 sampai 23.59)."))
            }
        }
    }

    /// What the engine checks and stores; `ownArea` stands in for an area that cannot be read (already an error).
    func draft(ownArea: AnnouncementArea) -> AnnouncementDraft {
        let meeting = MeetingDraft(stage: Stage(rawValue: stage), day: Self.day(day), startMinute: Self.minute(start),
                                   endMinute: Self.minute(end), place: place, invited: invited)
        return AnnouncementDraft(kind: kind, area: AnnouncementArea(text: areaText) ?? ownArea, title: title, body: body, meeting: meeting)
    }

    /// The form's own errors with the engine's: one message per field, the form's first (it says what it could not read).
    mutating func refuse(_ engine: [FieldError]) {
        errors = formatErrors + engine.filter { error in !formatErrors.contains { $0.field == error.field } }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    /// "2027-01-12"; also "12-01-2027" and "12/01/2027" (day first, as written in Indonesia).
    static func day(_ text: String) -> CivilDay? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        return trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" })[0].count == 4
            ? CivilDay(year: a, month: b, day: c) : CivilDay(year: c, month: b, day: a)
    }

    /// Minutes after midnight of "09.00", "9:30", "14.05"; nil for anything else.
    static func minute(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }
}

/// The withdrawal's form: its reason (`alasan`) and the version it was loaded at.
struct WithdrawalForm {
    var reason = ""
    var errors: [FieldError] = []
}

private extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
