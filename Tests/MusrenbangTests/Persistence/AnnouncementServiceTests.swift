import Foundation
import Storage
import Testing
@testable import Musrenbang

/// Announcements in the engine: who writes for which area (whatever the caller sends), drafts never public, a guideline
/// needs a document, every change logged, a withdrawal final and with its reason, stale versions refused.
@Suite("Announcements")
struct AnnouncementServiceTests {
    static let pdf: [UInt8] = Array("%PDF-1.4\npanduan teknis".utf8)

    static func meeting(_ area: AnnouncementArea, stage: Stage = .kelurahan, title: String = "Musrenbang Kelurahan 00") -> AnnouncementDraft {
        AnnouncementDraft(kind: .meeting, area: area, title: title, body: "Mohon hadir tepat waktu.",
                          meeting: MeetingDraft(stage: stage, day: CivilDay(year: 2027, month: 1, day: 12), startMinute: 9 * 60,
                                                endMinute: 12 * 60, place: "Aula Kantor Kelurahan", invited: "Ketua RT/RW, LPM"))
    }

    @Test func eachUnitWritesForItselfAndBappedaForAnyArea() throws {
        let world = try TestWorld()
        let k0 = AnnouncementArea.kelurahan(world.kelurahan[0]), k1 = AnnouncementArea.kelurahan(world.kelurahan[1])
        let stored = try world.service.createAnnouncement(Self.meeting(k0), by: world.actor("op.kel0"))
        #expect(stored.status == .draft && stored.version == 1 && stored.areaName == "Kelurahan Kelurahan 00")
        #expect(stored.meeting?.startsAt == WIBTime.date(year: 2027, month: 1, day: 12, hour: 9))
        // The lurah of the same kelurahan writes for it too; the camat for the kecamatan; the OPD for itself.
        _ = try world.service.createAnnouncement(Self.meeting(k0, stage: .praMusrenbang), by: world.actor("lurah"))
        _ = try world.service.createAnnouncement(Self.meeting(.kecamatan(world.kecamatan[0]), stage: .kecamatan), by: world.actor("camat"))
        _ = try world.service.createAnnouncement(Self.meeting(.opd(world.opd[0]), stage: .opd), by: world.actor("opd"))
        // Bappeda for the city and for any area.
        for area in [AnnouncementArea.kota, k1, .kecamatan(world.kecamatan[1]), .opd(world.opd[1])] {
            _ = try world.service.createAnnouncement(AnnouncementDraft(kind: .news, area: area, title: "Berita", body: "Isi."), by: world.actor("bappeda"))
        }
        // Another kelurahan, the kecamatan above it, an OPD: a field error beside the area, nothing stored.
        let before = try Self.count(world)
        for (name, area) in [("op.kel0", k1), ("op.kel0", AnnouncementArea.kecamatan(world.kecamatan[0])), ("op.kel0", .kota),
                             ("camat", .kecamatan(world.kecamatan[1])), ("camat", k0), ("opd", .opd(world.opd[1]))] {
            #expect(throws: DomainError.invalidFields([FieldError(field: "wilayah", message: "Anda hanya dapat membuat pengumuman untuk wilayah atau perangkat daerah Anda sendiri.")]), "\(name) \(area)") {
                try world.service.createAnnouncement(AnnouncementDraft(kind: .news, area: area, title: "Berita", body: "Isi."), publish: true,
                                                     by: world.actor(name))
            }
        }
        // Roles that write no announcement at all.
        for name in ["warga", "ketua.rt", "ketua.rw", "admin"] {
            let actor = world.actor(name)
            #expect(throws: DomainError.roleNotAllowed(role: actor.role, action: "tulis pengumuman"), "\(name)") {
                try world.service.createAnnouncement(AnnouncementDraft(kind: .news, area: k0, title: "x", body: "x"), by: actor)
            }
        }
        #expect(try Self.count(world) == before)
        // An area that does not exist is a field error too (for Bappeda, who may write anywhere).
        #expect(throws: DomainError.invalidFields([FieldError(field: "wilayah", message: "Pilih wilayah atau perangkat daerah yang ada.")])) {
            try world.service.createAnnouncement(AnnouncementDraft(kind: .news, area: .kelurahan(KelurahanID(999)), title: "x", body: "x"),
                                                 by: world.actor("bappeda"))
        }
    }

    @Test func anotherUnitCannotChangePublishOrWithdrawAndAFormCannotMoveItElsewhere() throws {
        let world = try TestWorld()
        let k0 = AnnouncementArea.kelurahan(world.kelurahan[0]), k1 = AnnouncementArea.kelurahan(world.kelurahan[1])
        let draft = try world.service.createAnnouncement(Self.meeting(k0), by: world.actor("op.kel0"))
        let other = world.actor("op.kel1")
        #expect(throws: DomainError.notInScope) { try world.service.publishAnnouncement(draft.id, expectedVersion: 1, by: other) }
        #expect(throws: DomainError.notInScope) { try world.service.updateAnnouncement(draft.id, expectedVersion: 1, Self.meeting(k1), by: other) }
        #expect(throws: DomainError.notInScope) { try world.service.announcementLog(draft.id, by: other) }
        #expect(throws: DomainError.notInScope) { try world.service.publishAnnouncement(draft.id, expectedVersion: 1, by: world.actor("camat")) }
        // Its own operator cannot move it to another kelurahan either.
        #expect(throws: DomainError.self) {
            try world.service.updateAnnouncement(draft.id, expectedVersion: 1, Self.meeting(k1), publish: true, by: world.actor("op.kel0"))
        }
        let unchanged = try world.service.announcement(draft.id, viewer: .actor(world.actor("op.kel0")))
        #expect(unchanged == draft)
        // Bappeda may publish it (the city's oversight).
        let published = try world.service.publishAnnouncement(draft.id, expectedVersion: 1, by: world.actor("bappeda"))
        #expect(published.status == .published && published.publishedAt == world.clock.now)
        #expect(throws: DomainError.notInScope) {
            try world.service.withdrawAnnouncement(draft.id, expectedVersion: published.version, reason: "Salah", by: other)
        }
    }

    @Test func draftsAreNeverPublic() throws {
        let world = try TestWorld()
        let k0 = AnnouncementArea.kelurahan(world.kelurahan[0])
        let draft = try world.service.createAnnouncement(Self.meeting(k0), by: world.actor("op.kel0"))
        for viewer in [Viewer.public, .actor(world.actor("warga")), .actor(world.actor("op.kel1")), .actor(world.actor("camat"))] {
            #expect(throws: PersistenceError.notFound("pengumuman \(draft.id)"), "\(viewer)") { try world.service.announcement(draft.id, viewer: viewer) }
        }
        #expect(try world.service.publicAnnouncements(AnnouncementQuery()).total == 0)
        #expect(try world.service.publishedMeetings(area: nil, endingAfter: .distantPast).isEmpty)
        #expect(try world.service.publicAnnouncementsChanged(AnnouncementQuery()) == nil)
        #expect(try world.service.announcement(draft.id, viewer: .actor(world.actor("lurah"))) == draft)
        let listed = try world.service.managedAnnouncements(status: nil, page: 1, by: world.actor("lurah"))
        #expect(listed.page.items.map(\.id) == [draft.id] && listed.counts == [.draft: 1])
        #expect(try world.service.managedAnnouncements(status: nil, page: 1, by: world.actor("op.kel1")).page.total == 0)
        #expect(try world.service.managedAnnouncements(status: nil, page: 1, by: world.actor("bappeda")).page.total == 1)
    }

    @Test func aGuidelineNeedsADocumentCheckedByItsBytes() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0")
        let guideline = AnnouncementDraft(kind: .guideline, area: .kelurahan(world.kelurahan[0]), title: "Panduan teknis Musrenbang", body: "")
        #expect(throws: DomainError.invalidFields([FieldError(field: "berkas", message: "Lampirkan paling sedikit satu dokumen panduan (PDF) sebelum mengumumkannya.")])) {
            try world.service.createAnnouncement(guideline, publish: true, by: op)
        }
        let gif = NewAnnouncementDocument(title: "", fileName: "panduan.pdf", bytes: Array("GIF89a".utf8))
        #expect(throws: DomainError.invalidFields([FieldError(field: "berkas", message: "Berkas harus PDF, JPEG atau PNG.")])) {
            try world.service.createAnnouncement(guideline, document: gif, publish: true, by: op)
        }
        let draft = try world.service.createAnnouncement(guideline, by: op)
        #expect(throws: DomainError.self) { try world.service.publishAnnouncement(draft.id, expectedVersion: 1, by: op) }
        let withDocument = try world.service.updateAnnouncement(
            draft.id, expectedVersion: 1, guideline, addDocument: NewAnnouncementDocument(title: "", fileName: "C:\\docs\\Panduan.pdf", bytes: Self.pdf),
            publish: true, by: op)
        #expect(withDocument.status == .published && withDocument.documents.count == 1)
        let document = try #require(withDocument.documents.first)
        #expect(document.title == "Panduan.pdf" && document.mediaType == "application/pdf" && document.sha256 == SHA256.hexDigest(Self.pdf))
        let file = try world.service.announcementDocument(document.id, of: draft.id, viewer: .public)
        #expect(file.bytes == Self.pdf)
        // Removing its last document while published is refused: a published guideline keeps one.
        #expect(throws: DomainError.self) {
            try world.service.updateAnnouncement(draft.id, expectedVersion: withDocument.version, guideline, removeDocuments: [document.id], by: op)
        }
        // A document asked for under another announcement's id is not found.
        #expect(throws: PersistenceError.notFound("dokumen \(document.id)")) {
            try world.service.announcementDocument(document.id, of: AnnouncementID(draft.id.rawValue + 1), viewer: .public)
        }
    }

    @Test func everyChangeIsLoggedAndAWithdrawalIsFinal() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0")
        let k0 = AnnouncementArea.kelurahan(world.kelurahan[0])
        let stored = try world.service.createAnnouncement(Self.meeting(k0), publish: true, by: op)
        #expect(stored.status == .published && stored.revision == 0)
        world.clock.advance(3600)
        var changed = Self.meeting(k0)
        changed.meeting.place = "Balai Warga RW 02"
        // Nothing changed: nothing written.
        #expect(try world.service.updateAnnouncement(stored.id, expectedVersion: 1, Self.meeting(k0), by: op) == stored)
        let edited = try world.service.updateAnnouncement(stored.id, expectedVersion: 1, changed, by: op)
        #expect(edited.version == 2 && edited.revision == 1 && edited.updatedAt == world.clock.now && edited.uuid == stored.uuid)
        #expect(throws: DomainError.staleVersion(expected: 1, actual: 2)) {
            try world.service.updateAnnouncement(stored.id, expectedVersion: 1, Self.meeting(k0), by: op)
        }
        #expect(throws: DomainError.invalidFields(AnnouncementRules.reasonErrors(" "))) {
            try world.service.withdrawAnnouncement(stored.id, expectedVersion: 2, reason: " ", by: op)
        }
        let withdrawn = try world.service.withdrawAnnouncement(stored.id, expectedVersion: 2, reason: " Rapat dipindah ke bulan Februari. ", by: op)
        #expect(withdrawn.status == .withdrawn && withdrawn.withdrawalReason == "Rapat dipindah ke bulan Februari.")
        #expect(throws: DomainError.self) { try world.service.updateAnnouncement(stored.id, expectedVersion: 3, Self.meeting(k0), by: op) }
        #expect(throws: DomainError.self) { try world.service.publishAnnouncement(stored.id, expectedVersion: 3, by: op) }
        // The public reads it as withdrawn, without its text; no list or calendar has it.
        let seen = try world.service.announcement(stored.id, viewer: .public)
        #expect(seen.status == .withdrawn && seen.body.isEmpty && seen.withdrawalReason == "Rapat dipindah ke bulan Februari.")
        #expect(try world.service.publicAnnouncements(AnnouncementQuery()).total == 0)
        #expect(try world.service.publishedMeetings(area: nil, endingAfter: .distantPast).isEmpty)
        let log = try world.service.announcementLog(stored.id, by: world.actor("lurah"))
        #expect(log.map(\.action) == [.create, .publish, .update, .withdraw])
        #expect(log[2].before == ["tempat": "Aula Kantor Kelurahan"] && log[2].after == ["tempat": "Balai Warga RW 02"])
        #expect(log[3].reason == "Rapat dipindah ke bulan Februari." && log[3].actorName == "Akun op.kel0" && log[3].actorRole == .operatorKelurahan)
        // The log is append-only.
        #expect(throws: SQLiteError.self) { try world.database.write { db in try db.execute("DELETE FROM announcement_log") } }
    }

    @Test func aMeetingsFieldsAndTheAreasStages() throws {
        let world = try TestWorld()
        var draft = Self.meeting(.kecamatan(world.kecamatan[0]), stage: .kelurahan)
        draft.meeting.endMinute = 8 * 60
        draft.meeting.place = " "
        draft.title = String(repeating: "a", count: 201)
        #expect(throws: DomainError.invalidFields([
            FieldError(field: "judul", message: "Judul paling banyak 200 huruf."),
            FieldError(field: "tingkat", message: "Rapat untuk wilayah ini adalah Musrenbang kecamatan."),
            FieldError(field: "selesai", message: "Jam selesai harus sesudah jam mulai."),
            FieldError(field: "tempat", message: "Isi tempat rapat, misalnya \"Aula Kantor Kelurahan\"."),
        ])) { try world.service.createAnnouncement(draft, by: world.actor("camat")) }
    }

    @Test func aKecamatansListIncludesItsKelurahanAndTheFiltersHold() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda")
        let k0 = try world.service.createAnnouncement(Self.meeting(.kelurahan(world.kelurahan[0])), publish: true, by: world.actor("op.kel0"))
        let kec = try world.service.createAnnouncement(Self.meeting(.kecamatan(world.kecamatan[0]), stage: .kecamatan), publish: true, by: world.actor("camat"))
        let other = try world.service.createAnnouncement(Self.meeting(.kelurahan(world.kelurahan[2])), publish: true, by: bappeda)
        let city = try world.service.createAnnouncement(AnnouncementDraft(kind: .news, area: .kota, title: "Berita kota", body: "Isi."),
                                                        publish: true, by: bappeda)
        func ids(_ area: AnnouncementArea?, _ kind: AnnouncementKind? = nil) throws -> Set<AnnouncementID> {
            Set(try world.service.publicAnnouncements(AnnouncementQuery(area: area, kind: kind)).items.map(\.id))
        }
        #expect(try ids(nil) == [k0.id, kec.id, other.id, city.id])
        #expect(try ids(.kecamatan(world.kecamatan[0])) == [k0.id, kec.id])
        #expect(try ids(.kelurahan(world.kelurahan[0])) == [k0.id])
        #expect(try ids(.kota) == [city.id])
        #expect(try ids(nil, .news) == [city.id])
        let meetings = try world.service.publishedMeetings(area: .kecamatan(world.kecamatan[0]), endingAfter: .distantPast)
        #expect(Set(meetings.map(\.id)) == [k0.id, kec.id])
        #expect(try world.service.publishedMeetings(area: nil, endingAfter: WIBTime.date(year: 2027, month: 1, day: 12, hour: 12)).isEmpty)
        // Pages: newest first, the total of all.
        let page = try world.service.publicAnnouncements(AnnouncementQuery(page: 2, pageSize: 3))
        #expect(page.total == 4 && page.pageCount == 2 && page.items.count == 1)
    }

    private static func count(_ world: TestWorld) throws -> Int64 {
        try world.database.read { db in try db.scalar("SELECT count(*) FROM announcements") ?? 0 }
    }
}
