import Foundation
import Imaging
import Storage
import Testing
import TestSupport
@testable import Musrenbang

/// Feedback through the service and the database: sending (routing, codes per year, every refusal at once, nothing
/// written when refused), the staff's transitions with their scope and version checks (forged actors, a unit that is
/// not the item's), the history, the public model without the sender's data, photos, and the statistics.
@Suite("Feedback in the store")
struct FeedbackServiceTests {
    static func new(_ world: TestWorld, category: FeedbackCategory = .infrastruktur, area: FeedbackArea? = nil, text: String = "Jalan di depan SD berlubang sejak Januari.",
                    name: String = "Siti Aminah", contact: String = "0812-3456-7890", account: AccountID? = nil) -> NewFeedback {
        NewFeedback(kind: .pengaduan, category: category, area: area ?? .kelurahan(world.kelurahan[0]), text: text, senderName: name,
                    senderContact: contact, accountId: account)
    }

    @Test func sendingRoutesNumbersAndLogs() throws {
        let world = try TestWorld()
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 31, hour: 23))   // 31 December in WIB: year 2026
        let first = try world.service.submitFeedback(Self.new(world, account: world.actor("warga").accountId))
        #expect(first.code.description == "SRN-2026-000001" && first.status == .baru && first.version == 1)
        #expect(first.unit == .kelurahan(world.kelurahan[0]) && first.areaKecamatanId == world.kecamatan[0])
        #expect(first.senderName == "Siti Aminah" && first.senderContact == "+6281234567890")
        #expect(first.accountId == world.actor("warga").accountId)
        world.clock.set(WIBTime.date(year: 2027, month: 1, day: 1, hour: 0, minute: 30))
        let city = try world.service.submitFeedback(Self.new(world, area: .kota, name: "", contact: ""))
        #expect(city.code.description == "SRN-2027-000001" && city.unit == .opd(world.opd[0]) && city.senderName == nil && city.senderContact == nil)
        let green = try world.service.submitFeedback(Self.new(world, category: .lingkungan, area: .kota))
        #expect(green.code.description == "SRN-2027-000002" && green.unit == .bappeda, "no DLH in this city: Bappeda")
        let process = try world.service.submitFeedback(Self.new(world, category: .musrenbang, area: .kecamatan(world.kecamatan[1])))
        #expect(process.unit == .bappeda && process.areaKecamatanId == world.kecamatan[1])
        let kecamatan = try world.service.submitFeedback(Self.new(world, category: .pelayanan, area: .kecamatan(world.kecamatan[1])))
        #expect(kecamatan.unit == .kecamatan(world.kecamatan[1]))
        let desk = try world.service.feedbackForDesk(first.code, viewer: world.actor("lurah"))
        #expect(desk.events.count == 1 && desk.events[0].action == .kirim && desk.events[0].actorRole == nil)
        #expect(desk.events[0].actorAccountId == world.actor("warga").accountId && desk.events[0].toUnit == first.unit)
        #expect(try world.service.feedbackYears() == [2027, 2026])
    }

    @Test func aRefusedSubmissionWritesNothing() throws {
        let world = try TestWorld()
        try world.expectRefused("invalid_fields") {
            _ = try world.service.submitFeedback(NewFeedback(kind: nil, category: .lainnya, area: .kelurahan(KelurahanID(9999)), text: "Pendek"))
        }
        do {
            _ = try world.service.submitFeedback(NewFeedback(kind: nil, category: .lainnya, area: .kelurahan(KelurahanID(9999)), text: "Pendek"))
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["jenis", "uraian", "wilayah"], "every field at once, the unknown area too")
        }
    }

    @Test func staffAnswerForwardAndCloseWithinTheirScope() throws {
        let world = try TestWorld()
        let item = try world.service.submitFeedback(Self.new(world))
        let lurah = world.actor("lurah"), otherLurah = world.actor("lurah1"), opd = world.actor("opd"), bappeda = world.actor("bappeda")
        // Another kelurahan's staff, an agency not (yet) holding it, residents and the admin: refused, nothing written.
        try world.expectRefused("not_in_scope") { try world.service.answerFeedback(item.code, answer: "Dari kelurahan lain.", expectedVersion: 1, by: otherLurah) }
        try world.expectRefused("not_in_scope") { try world.service.answerFeedback(item.code, answer: "Dari dinas.", expectedVersion: 1, by: opd) }
        try world.expectRefused("role_not_allowed") { try world.service.answerFeedback(item.code, answer: "Warga.", expectedVersion: 1, by: world.actor("warga")) }
        try world.expectRefused("role_not_allowed") { try world.service.closeFeedback(item.code, note: "Admin.", expectedVersion: 1, by: world.actor("admin")) }
        // A forged actor: a real account claiming a role and scope it does not hold.
        let forged = Actor(accountId: otherLurah.accountId, role: .verifikatorKelurahan, scope: .kelurahan(world.kelurahan[0]))
        try world.expectRefused("role_not_allowed") { try world.service.answerFeedback(item.code, answer: "Palsu.", expectedVersion: 1, by: forged) }
        #expect(throws: PersistenceError.self) { try world.service.feedbackForDesk(item.code, viewer: otherLurah) }

        // The kelurahan forwards it to the agency, which answers; then the kelurahan (no longer holding it) may not act.
        let forwarded = try world.service.forwardFeedback(item.code, to: .opd(world.opd[0]), note: "Jalan kota: kewenangan DPUPR.",
                                                          expectedVersion: 1, by: lurah)
        #expect(forwarded.status == .diteruskan && forwarded.unit == .opd(world.opd[0]) && forwarded.version == 2)
        try world.expectRefused("stale_version", "a unit that held it, with the old version: stale") {
            try world.service.answerFeedback(item.code, answer: "Terlambat.", expectedVersion: 1, by: lurah)
        }
        try world.expectRefused("not_in_scope") { try world.service.answerFeedback(item.code, answer: "Sekarang.", expectedVersion: 2, by: lurah) }
        try world.expectRefused("not_in_scope", "never held it: 404 whatever the version") {
            try world.service.answerFeedback(item.code, answer: "Tidak.", expectedVersion: 1, by: otherLurah)
        }
        try world.expectRefused("invalid_fields") {
            try world.service.forwardFeedback(item.code, to: .kelurahan(KelurahanID(9999)), note: "Ke mana?", expectedVersion: 2, by: opd)
        }
        let answered = try world.service.answerFeedback(item.code, answer: "Perbaikan dijadwalkan Maret 2027.", expectedVersion: 2, by: opd)
        #expect(answered.status == .dijawab && answered.answer == "Perbaikan dijadwalkan Maret 2027." && answered.unit == .opd(world.opd[0]))
        try world.expectRefused("stale_version") { try world.service.closeFeedback(item.code, note: "", expectedVersion: 2, by: opd) }
        try world.expectRefused("invalid_feedback_transition") {
            try world.service.forwardFeedback(item.code, to: .bappeda, note: "Lagi.", expectedVersion: 3, by: opd)
        }
        let closed = try world.service.closeFeedback(item.code, note: "", expectedVersion: 3, by: bappeda)
        #expect(closed.status == .ditutup && closed.closedAt != nil)
        let events = try world.service.feedbackForDesk(item.code, viewer: bappeda).events
        #expect(events.map(\.action) == [.kirim, .teruskan, .jawab, .tutup])
        #expect(events[1].note == "Jalan kota: kewenangan DPUPR." && events[1].actorRole == .verifikatorKelurahan)
        #expect(events[3].actorRole == .bappeda && events[3].toUnit == .opd(world.opd[0]))
        // The history is append-only.
        #expect(throws: (any Error).self) { try world.database.write { db in try db.execute("DELETE FROM feedback_events") } }
    }

    @Test func twoStaffAtOnceOneWins() throws {
        let world = try TestWorld()
        let item = try world.service.submitFeedback(Self.new(world))
        let results = [world.actor("lurah"), world.actor("op.kel0")].map { actor in
            Result { try world.service.answerFeedback(item.code, answer: "Jawaban \(actor.role).", expectedVersion: 1, by: actor) }
        }
        #expect(results.filter { (try? $0.get()) != nil }.count == 1)
        guard case .failure(let error) = results[1] else { Issue.record("both won"); return }
        #expect((error as? DomainError)?.ruleId == "stale_version")
    }

    @Test func thePublicModelAndListsHoldNoSenderData() throws {
        let world = try TestWorld()
        let item = try world.service.submitFeedback(Self.new(world, account: world.actor("warga").accountId))
        _ = try world.service.answerFeedback(item.code, answer: "Sudah ditambal.", expectedVersion: 1, by: world.actor("bappeda"))
        let feedback = try world.service.publicFeedback(item.code)
        let text = String(describing: feedback) + String(describing: try world.service.answeredFeedback())
            + String(describing: try world.service.feedbackQueue(FeedbackQuery(), viewer: world.actor("bappeda")))
        for secret in ["Siti Aminah", "+6281234567890", "0812", "Akun warga"] { #expect(!text.contains(secret), "\(secret)") }
        #expect(feedback.unitName == "Bappeda" && feedback.answer == "Sudah ditambal." && feedback.text == item.text)
        #expect(feedback.steps.map(\.action) == [.kirim, .jawab] && feedback.steps[1].fromUnitName == "Kelurahan Kelurahan 00")
        #expect(feedback.areaName == "Kelurahan Kelurahan 00, Kecamatan Kecamatan 0")
    }

    @Test func queuesAreScopedToTheUnitAndBappedaSeesAll() throws {
        let world = try TestWorld()
        let mine = try world.service.submitFeedback(Self.new(world))
        let other = try world.service.submitFeedback(Self.new(world, area: .kelurahan(world.kelurahan[1])))
        _ = try world.service.submitFeedback(Self.new(world, category: .musrenbang))
        // A kelurahan's staff get their own unit's queue whatever unit the query names.
        let lurahQueue = try world.service.feedbackQueue(FeedbackQuery(unit: .kelurahan(world.kelurahan[1])), viewer: world.actor("lurah"))
        #expect(lurahQueue.items.map(\.code) == [mine.code] && lurahQueue.total == 1 && lurahQueue.counts[.baru] == 1)
        let all = try world.service.feedbackQueue(FeedbackQuery(), viewer: world.actor("bappeda"))
        #expect(all.total == 3 && all.items.last?.code == mine.code, "newest first")
        #expect(try world.service.feedbackQueue(FeedbackQuery(oldestFirst: true), viewer: world.actor("bappeda")).items.first?.code == mine.code)
        let filtered = try world.service.feedbackQueue(FeedbackQuery(unit: .kelurahan(world.kelurahan[1])), viewer: world.actor("bappeda"))
        #expect(filtered.items.map(\.code) == [other.code])
        #expect(throws: DomainError.self) { try world.service.feedbackQueue(FeedbackQuery(), viewer: world.actor("ketua.rt")) }
    }

    @Test func photosAreSmallForThePublicAndOriginalForTheStaff() throws {
        let world = try TestWorld()
        // A phone photo whose metadata names its owner and place (a JPEG comment segment).
        let secret = Array("GPS -6.2912,106.7501 Pemilik Siti Aminah".utf8)
        let plain = try TestPhotos.jpeg(width: 1200, height: 900)
        let original = Array(plain[0..<2]) + [0xFF, 0xFE, UInt8((secret.count + 2) >> 8), UInt8((secret.count + 2) & 0xFF)] + secret + Array(plain[2...])
        let checked = try ProposalPhotoRules.check(original, fileName: "jalan.jpg")
        let item = try world.service.submitFeedback(Self.new(world), photo: checked)
        #expect(item.photo?.smallWidth == 480 && item.photo?.smallHeight == 360 && item.photo?.mediaType == "image/jpeg")
        let small = try world.service.feedbackPhoto(item.code, variant: .small, viewer: .public)
        #expect(small.mediaType == "image/jpeg" && small.bytes.count > 0 && !small.bytes.contains(subsequence: secret))
        #expect(throws: PersistenceError.self) { try world.service.feedbackPhoto(item.code, variant: .original, viewer: .public) }
        #expect(throws: PersistenceError.self) {
            try world.service.feedbackPhoto(item.code, variant: .original, viewer: .actor(world.actor("lurah1")))
        }
        #expect(try world.service.feedbackPhoto(item.code, variant: .original, viewer: .actor(world.actor("lurah"))).bytes == original)
        // Closed as hidden: no photo for the public any more, the staff keep it.
        _ = try world.service.closeFeedback(item.code, note: "Foto memuat wajah warga.", hide: true, expectedVersion: 1, by: world.actor("lurah"))
        #expect(throws: PersistenceError.self) { try world.service.feedbackPhoto(item.code, variant: .small, viewer: .public) }
        let hidden = try world.service.publicFeedback(item.code)
        #expect(hidden.text == nil && hidden.photo == nil && hidden.closeNote == "Foto memuat wajah warga.")
        #expect(try world.service.feedbackPhoto(item.code, variant: .small, viewer: .actor(world.actor("lurah"))).bytes == small.bytes)
    }

    @Test func statisticsOfAYear() throws {
        let world = try TestWorld()
        world.clock.set(WIBTime.date(year: 2027, month: 2, day: 1, hour: 9))
        let first = try world.service.submitFeedback(Self.new(world))
        _ = try world.service.submitFeedback(Self.new(world, category: .lingkungan))
        world.clock.set(WIBTime.date(year: 2027, month: 2, day: 3, hour: 21))
        _ = try world.service.answerFeedback(first.code, answer: "Sudah.", expectedVersion: 1, by: world.actor("lurah"))
        world.clock.set(WIBTime.date(year: 2028, month: 1, day: 5, hour: 9))
        _ = try world.service.submitFeedback(Self.new(world))
        let year = try world.service.feedbackStatistics(year: 2027)
        #expect(year.all.total == 2 && year.all.answered == 1 && year.all.medianDaysToAnswer == 2.5)
        #expect(try world.service.feedbackStatistics().all.total == 3)
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in this array.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
