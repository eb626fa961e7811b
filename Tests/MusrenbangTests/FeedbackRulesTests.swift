import Foundation
@testable import Musrenbang
import Testing

/// The pure rules of feedback: the routing table, the status moves, who acts for which unit, what a new one must hold,
/// the codes, and the statistics' arithmetic.
@Suite("Feedback rules")
struct FeedbackRulesTests {
    static let kelurahan = KelurahanID(11), kecamatan = KecamatanID(1), dpupr = OPDID(41), dlh = OPDID(42), dinsos = OPDID(43)
    static let dinkop = OPDID(44)
    static let agencies = ["DPUPR": dpupr, "DLH": dlh, "DINSOS": dinsos, "DINKOPUKM": dinkop]

    static func route(_ category: FeedbackCategory, _ area: FeedbackArea, agencies: [String: OPDID] = agencies) -> FeedbackUnit {
        FeedbackRouting.unit(category, area: area, opd: { agencies[$0] })
    }

    // MARK: Routing

    @Test func theRoutingTableSendsEachCategoryAndAreaToItsUnit() {
        let expected: [(FeedbackCategory, FeedbackUnit, FeedbackUnit, FeedbackUnit)] = [
            // category          kelurahan area              kecamatan area               whole city
            (.infrastruktur, .kelurahan(Self.kelurahan), .kecamatan(Self.kecamatan), .opd(Self.dpupr)),
            (.lingkungan, .kelurahan(Self.kelurahan), .kecamatan(Self.kecamatan), .opd(Self.dlh)),
            (.sosial, .kelurahan(Self.kelurahan), .kecamatan(Self.kecamatan), .opd(Self.dinsos)),
            (.ekonomi, .kelurahan(Self.kelurahan), .kecamatan(Self.kecamatan), .opd(Self.dinkop)),
            (.pelayanan, .kelurahan(Self.kelurahan), .kecamatan(Self.kecamatan), .bappeda),
            (.musrenbang, .bappeda, .bappeda, .bappeda),
            (.lainnya, .kelurahan(Self.kelurahan), .kecamatan(Self.kecamatan), .bappeda),
        ]
        #expect(expected.map(\.0) == FeedbackCategory.allCases, "one row per category, in order")
        for (category, kelurahan, kecamatan, kota) in expected {
            #expect(Self.route(category, .kelurahan(Self.kelurahan)) == kelurahan, "\(category) kelurahan")
            #expect(Self.route(category, .kecamatan(Self.kecamatan)) == kecamatan, "\(category) kecamatan")
            #expect(Self.route(category, .kota) == kota, "\(category) kota")
        }
    }

    @Test func theTableHasOneRowPerCategory() {
        #expect(FeedbackRouting.table.map(\.category) == FeedbackCategory.allCases)
    }

    @Test func anAgencyTheCityDoesNotHoldFallsBackToBappeda() {
        #expect(Self.route(.infrastruktur, .kota, agencies: [:]) == .bappeda)
        #expect(Self.route(.lingkungan, .kota, agencies: ["DPUPR": Self.dpupr]) == .bappeda)
        #expect(Self.route(.infrastruktur, .kota, agencies: ["DPUPR": Self.dpupr]) == .opd(Self.dpupr))
    }

    @Test func theFeedbackDocumentHoldsTheTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/feedback.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(FeedbackRouting.markdown()), "regenerate the table in docs/feedback.md from FeedbackRouting.markdown()")
    }

    // MARK: Statuses and who acts

    @Test func theStatusMoves() {
        let table: [(FeedbackAction, FeedbackStatus, FeedbackStatus?)] = [
            (.teruskan, .baru, .diteruskan), (.teruskan, .diteruskan, .diteruskan), (.teruskan, .dijawab, nil), (.teruskan, .ditutup, nil),
            (.jawab, .baru, .dijawab), (.jawab, .diteruskan, .dijawab), (.jawab, .dijawab, nil), (.jawab, .ditutup, nil),
            (.tutup, .baru, .ditutup), (.tutup, .diteruskan, .ditutup), (.tutup, .dijawab, .ditutup), (.tutup, .ditutup, nil),
            (.kirim, .baru, nil),
        ]
        for (action, from, to) in table { #expect(FeedbackRules.next(action, from: from) == to, "\(action) from \(from)") }
    }

    @Test func eachStaffRoleActsForItsOwnUnitAndBappedaForAll() {
        let units: [FeedbackUnit] = [.kelurahan(Self.kelurahan), .kelurahan(KelurahanID(12)), .kecamatan(Self.kecamatan),
                                     .kecamatan(KecamatanID(2)), .opd(Self.dpupr), .opd(Self.dlh), .bappeda]
        let actors: [(Actor, FeedbackUnit?)] = [
            (Actor(accountId: AccountID(1), role: .operatorKelurahan, scope: .kelurahan(Self.kelurahan)), .kelurahan(Self.kelurahan)),
            (Actor(accountId: AccountID(2), role: .verifikatorKelurahan, scope: .kelurahan(Self.kelurahan)), .kelurahan(Self.kelurahan)),
            (Actor(accountId: AccountID(3), role: .camat, scope: .kecamatan(Self.kecamatan)), .kecamatan(Self.kecamatan)),
            (Actor(accountId: AccountID(4), role: .operatorKecamatan, scope: .kecamatan(Self.kecamatan)), .kecamatan(Self.kecamatan)),
            (Actor(accountId: AccountID(5), role: .verifikatorOPD, scope: .opd(Self.dpupr)), .opd(Self.dpupr)),
            (Actor(accountId: AccountID(6), role: .bappeda, scope: .kota), .bappeda),
            (Actor(accountId: AccountID(7), role: .warga, scope: .selfOnly), nil),
            (Actor(accountId: AccountID(8), role: .ketuaRT, scope: .rt(RTID(31))), nil),
            (Actor(accountId: AccountID(9), role: .ketuaRW, scope: .rw(RWID(21))), nil),
            (Actor(accountId: AccountID(10), role: .adminSistem, scope: .system), nil),
            // A scope of the wrong kind for the role covers nothing.
            (Actor(accountId: AccountID(11), role: .operatorKelurahan, scope: .kecamatan(Self.kecamatan)), nil),
        ]
        for (actor, desk) in actors {
            #expect(FeedbackRules.deskUnit(of: actor) == desk, "\(actor.role)")
            for unit in units {
                let expected = desk == .bappeda || (desk != nil && desk == unit)
                #expect(FeedbackRules.mayAct(on: unit, by: actor) == expected, "\(actor.role) on \(unit)")
            }
        }
    }

    // MARK: Transitions

    static let lurah = Actor(accountId: AccountID(2), role: .verifikatorKelurahan, scope: .kelurahan(kelurahan))
    static let otherLurah = Actor(accountId: AccountID(3), role: .verifikatorKelurahan, scope: .kelurahan(KelurahanID(12)))
    static let bappeda = Actor(accountId: AccountID(6), role: .bappeda, scope: .kota)
    static let now = WIBTime.date(year: 2027, month: 2, day: 3, hour: 10)

    static func item(status: FeedbackStatus = .baru, unit: FeedbackUnit = .kelurahan(kelurahan), answer: String? = nil) -> FeedbackItem {
        FeedbackItem(id: FeedbackID(1), code: try! FeedbackCode(year: 2027, sequence: 45), kind: .pengaduan, category: .infrastruktur,
                     area: .kelurahan(kelurahan), areaKecamatanId: kecamatan, text: "Jalan berlubang di RT 01.", senderName: "Siti",
                     senderContact: "+6281234567890", accountId: nil, status: status, unit: unit, answer: answer,
                     answeredAt: answer == nil ? nil : now, createdAt: WIBTime.date(year: 2027, month: 2, day: 1), updatedAt: now, version: 3)
    }

    static func refusal(_ body: () throws(DomainError) -> FeedbackTransition) -> DomainError? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test func answeringForwardingAndClosing() throws {
        let answered = try FeedbackRules.apply(.answer("  Sudah diperbaiki minggu ini.  "), to: Self.item(), expectedVersion: 3,
                                               by: Self.lurah, at: Self.now)
        #expect(answered.item.status == .dijawab && answered.item.answer == "Sudah diperbaiki minggu ini." && answered.item.version == 4)
        #expect(answered.item.answeredAt == Self.now && answered.item.unit == .kelurahan(Self.kelurahan))
        #expect(answered.event.action == .jawab && answered.event.fromStatus == .baru && answered.event.toStatus == .dijawab)
        #expect(answered.event.actorAccountId == Self.lurah.accountId && answered.event.actorRole == .verifikatorKelurahan)

        let forwarded = try FeedbackRules.apply(.forward(to: .opd(Self.dpupr), note: "Jalan kota, kewenangan DPUPR."), to: Self.item(),
                                                expectedVersion: 3, by: Self.lurah, at: Self.now)
        #expect(forwarded.item.status == .diteruskan && forwarded.item.unit == .opd(Self.dpupr))
        #expect(forwarded.event.fromUnit == .kelurahan(Self.kelurahan) && forwarded.event.toUnit == .opd(Self.dpupr))
        #expect(forwarded.event.note == "Jalan kota, kewenangan DPUPR.")

        let closed = try FeedbackRules.apply(.close(note: "", hide: false), to: Self.item(status: .dijawab, answer: "Selesai."),
                                             expectedVersion: 3, by: Self.lurah, at: Self.now)
        #expect(closed.item.status == .ditutup && closed.item.closedAt == Self.now && closed.item.closeNote == nil && !closed.item.hidden)
        let hidden = try FeedbackRules.apply(.close(note: "Berisi data pribadi tetangga.", hide: true), to: Self.item(),
                                             expectedVersion: 3, by: Self.lurah, at: Self.now)
        #expect(hidden.item.hidden && hidden.item.closeNote == "Berisi data pribadi tetangga.")
    }

    @Test func bappedaAnsweringAnotherUnitsFeedbackBecomesItsUnit() throws {
        let answered = try FeedbackRules.apply(.answer("Kami tindak lanjuti."), to: Self.item(), expectedVersion: 3, by: Self.bappeda,
                                               at: Self.now)
        #expect(answered.item.unit == .bappeda && answered.event.fromUnit == .kelurahan(Self.kelurahan) && answered.event.toUnit == .bappeda)
        let closed = try FeedbackRules.apply(.close(note: "Duplikat.", hide: false), to: Self.item(), expectedVersion: 3, by: Self.bappeda,
                                             at: Self.now)
        #expect(closed.item.unit == .kelurahan(Self.kelurahan))
    }

    @Test func theGuardsInOrder() {
        let resident = Actor(accountId: AccountID(7), role: .warga, scope: .selfOnly)
        // Role first, then scope (even with a stale version), then the version, then the status, then the inputs.
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.answer("x"), to: Self.item(), expectedVersion: 1, by: resident, at: Self.now)
        }?.ruleId == "role_not_allowed")
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.answer("Jawaban"), to: Self.item(), expectedVersion: 1, by: Self.otherLurah, at: Self.now)
        } == .notInScope)
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.answer("Jawaban"), to: Self.item(), expectedVersion: 2, by: Self.lurah, at: Self.now)
        } == .staleVersion(expected: 2, actual: 3))
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.forward(to: .bappeda, note: "x"), to: Self.item(status: .dijawab, answer: "Ya."), expectedVersion: 3,
                                    by: Self.lurah, at: Self.now)
        } == .feedbackTransition(from: .dijawab, action: .teruskan))
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.answer("  "), to: Self.item(), expectedVersion: 3, by: Self.lurah, at: Self.now)
        }?.ruleId == "invalid_fields")
        let forward = Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.forward(to: .kelurahan(Self.kelurahan), note: ""), to: Self.item(), expectedVersion: 3, by: Self.lurah,
                                    at: Self.now)
        }
        guard case .invalidFields(let errors) = forward else { Issue.record("\(String(describing: forward))"); return }
        #expect(errors.map(\.field) == ["tujuan", "catatan"], "every field at once")
        // Closing without an answer, or hiding, needs a (public) reason.
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.close(note: " ", hide: false), to: Self.item(), expectedVersion: 3, by: Self.lurah, at: Self.now)
        }?.ruleId == "invalid_fields")
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.close(note: "", hide: true), to: Self.item(status: .dijawab, answer: "Ya."), expectedVersion: 3,
                                    by: Self.lurah, at: Self.now)
        }?.ruleId == "invalid_fields")
        #expect(Self.refusal { () throws(DomainError) in
            try FeedbackRules.apply(.answer(String(repeating: "a", count: 4001)), to: Self.item(), expectedVersion: 3, by: Self.lurah,
                                    at: Self.now)
        }?.ruleId == "invalid_fields")
    }

    // MARK: A new piece of feedback

    @Test func everyFieldErrorOfANewOneAtOnce() {
        let empty = FeedbackRules.check(NewFeedback(kind: nil, category: nil, area: nil, text: " ", senderName: String(repeating: "n", count: 101),
                                                    senderContact: "bukan kontak"))
        #expect(empty.map(\.field) == ["jenis", "kategori", "wilayah", "uraian", "nama", "kontak"])
        let short = FeedbackRules.check(NewFeedback(kind: .saran, category: .lainnya, area: .kota, text: "Pendek"))
        #expect(short.map(\.field) == ["uraian"])
        let fine = FeedbackRules.check(NewFeedback(kind: .saran, category: .lainnya, area: .kota, text: "Mohon jadwal musyawarah diumumkan lebih awal.",
                                                   senderContact: "0812-3456-7890"))
        #expect(fine.isEmpty)
    }

    @Test func contactsAreAMobileNumberOrAnEmailAddress() {
        #expect(FeedbackRules.normalizedContact("0812-3456-7890") == "+6281234567890")
        #expect(FeedbackRules.normalizedContact(" siti@contoh.id ") == "siti@contoh.id")
        #expect(FeedbackRules.normalizedContact("021 7490000") == nil)
        #expect(FeedbackRules.normalizedContact("siti@") == nil)
    }

    // MARK: Codes

    @Test func codesAsPrintedAndAsTyped() throws {
        let code = try FeedbackCode(year: 2027, sequence: 45)
        #expect(code.description == "SRN-2027-000045")
        #expect(FeedbackCode(parsing: "SRN-2027-000045") == code)
        for typed in ["srn-2027-45", "SRN 2027 000045", "srn2027000045", " SRN.2027/45 "] { #expect(FeedbackCode(typed: typed) == code, "\(typed)") }
        for wrong in ["srn-2027-45", "TGS-2027-000045", "SRN-2027-000000", "SRN-27-000045", "SRN-2027-1000000"] {
            #expect(FeedbackCode(parsing: wrong) == nil, "\(wrong)")
        }
        for wrong in ["TGS-2027-000045", "SRN-2027-0", "SRN", "SRN-abcd-12", ""] { #expect(FeedbackCode(typed: wrong) == nil, "\(wrong)") }
    }

    // MARK: Statistics

    @Test func statisticsCountShareAndMedian() {
        let directory = FeedbackDirectory(cityName: "Kota Uji", kecamatan: [Kecamatan(id: Self.kecamatan, kotaId: KotaID(1), code: "K", name: "Satu")],
                                          kelurahan: [Kelurahan(id: Self.kelurahan, kecamatanId: Self.kecamatan, code: "L", name: "Dua")],
                                          opds: [OPD(id: Self.dpupr, code: "DPUPR", name: "Dinas PU", shortName: "DPUPR")])
        let start = WIBTime.date(year: 2027, month: 1, day: 1)
        func fact(_ category: FeedbackCategory, _ kind: FeedbackKind, _ status: FeedbackStatus, days: Double?, unit: FeedbackUnit = .bappeda,
                  kecamatan: KecamatanID? = Self.kecamatan) -> FeedbackFact {
            FeedbackFact(kind: kind, category: category, unit: unit, areaKecamatanId: kecamatan, status: status, createdAt: start,
                         answeredAt: days.map { start.addingTimeInterval($0 * 86_400) })
        }
        let facts = [
            fact(.infrastruktur, .pengaduan, .dijawab, days: 1, unit: .opd(Self.dpupr)),
            fact(.infrastruktur, .pengaduan, .ditutup, days: 3, unit: .opd(Self.dpupr)),
            fact(.infrastruktur, .pengaduan, .baru, days: nil, unit: .opd(Self.dpupr)),
            fact(.infrastruktur, .saran, .dijawab, days: 10, unit: .kelurahan(Self.kelurahan)),
            fact(.lingkungan, .pengaduan, .diteruskan, days: nil, kecamatan: nil),
            fact(.lingkungan, .saran, .baru, days: nil, kecamatan: nil),
            fact(.musrenbang, .saran, .ditutup, days: nil),
        ]
        let statistics = FeedbackStatistics(facts, year: 2027, directory: directory)
        #expect(statistics.all.total == 7 && statistics.all.answered == 3 && statistics.all.waiting == 3 && statistics.all.closedUnanswered == 1)
        #expect(statistics.all.medianDaysToAnswer == 3)
        let infrastructure = statistics.byCategory[0]
        #expect(infrastructure.label == "Infrastruktur" && infrastructure.total == 4 && infrastructure.complaints == 3)
        #expect(infrastructure.answered == 3 && infrastructure.answeredShare == 0.75 && infrastructure.medianDaysToAnswer == 3)
        #expect(statistics.byCategory[1].label == "Lingkungan" && statistics.byCategory[1].medianDaysToAnswer == nil)
        #expect(statistics.byCategory.count == FeedbackCategory.allCases.count)
        #expect(statistics.mostComplainedCategory?.label == "Infrastruktur")
        #expect(statistics.needingAttention.map(\.label) == ["Lingkungan", "Infrastruktur"])
        #expect(statistics.byUnit.map(\.label) == ["Dinas PU (DPUPR)", "Bappeda", "Kelurahan Dua"])
        #expect(statistics.byArea.map(\.label) == ["Kecamatan Satu", "Seluruh kota"] && statistics.byArea.map(\.total) == [5, 2])
        #expect(FeedbackStatistics.median([4, 1, 2, 3]) == 2.5 && FeedbackStatistics.median([]) == nil)
    }
}
