import Foundation
import Testing
@testable import Musrenbang

@Suite struct FormattingTests {
    @Test func rupiah() {
        #expect(Rupiah.format(0) == "Rp 0")
        #expect(Rupiah.format(999) == "Rp 999")
        #expect(Rupiah.format(1000) == "Rp 1.000")
        #expect(Rupiah.format(1_250_000) == "Rp 1.250.000")
        #expect(Rupiah.format(140_000_000) == "Rp 140.000.000")
        #expect(Rupiah.format(-1_250_000) == "-Rp 1.250.000")
        #expect(Rupiah.format(Int64.min) == "-Rp 9.223.372.036.854.775.808")
    }

    @Test func rupiahInSummaries() {
        #expect(Rupiah.short(0) == "Rp 0")
        #expect(Rupiah.short(750_000) == "Rp 750.000")
        #expect(Rupiah.short(949_999) == "Rp 949.999")
        #expect(Rupiah.short(950_000) == "Rp 1 juta")
        #expect(Rupiah.short(350_000_000) == "Rp 350 juta")
        #expect(Rupiah.short(1_250_000) == "Rp 1,3 juta")
        #expect(Rupiah.short(1_500_000_000) == "Rp 1,5 miliar")
        #expect(Rupiah.short(999_950_000) == "Rp 1 miliar")
        #expect(Rupiah.short(40_000_000_000) == "Rp 40 miliar")
        #expect(Rupiah.short(1_234_000_000_000_000) == "Rp 1.234 triliun")
        #expect(Rupiah.short(-2_000_000_000) == "-Rp 2 miliar")
        #expect(Rupiah.short(Int64.max) == "Rp 9.223.372 triliun")
        #expect(Rupiah.short(Int64.min) == "-Rp 9.223.372 triliun")
    }

    @Test func wibCalendarDays() {
        let evening = WIBTime.date(year: 2026, month: 12, day: 13, hour: 23, minute: 59)
        #expect(WIBTime.calendarDays(from: WIBTime.date(year: 2026, month: 12, day: 13), to: evening) == 0)
        #expect(WIBTime.calendarDays(from: evening, to: WIBTime.date(year: 2026, month: 12, day: 14)) == 1)   // one minute, next day
        #expect(WIBTime.calendarDays(from: evening, to: WIBTime.date(year: 2027, month: 1, day: 1, hour: 12)) == 19)
        #expect(WIBTime.calendarDays(from: WIBTime.date(year: 2027, month: 3, day: 1), to: WIBTime.date(year: 2027, month: 2, day: 28)) == -1)
    }

    @Test func wibDates() {
        let date = Date(timeIntervalSince1970: 1_795_349_100)  // 2026-11-22T12:05:00Z
        #expect(WIBTime.iso8601(date) == "2026-11-22T12:05:00Z")
        #expect(WIBTime.format(date) == "22 November 2026 19.05 WIB")
        #expect(WIBTime.format(WIBTime.date(year: 2027, month: 1, day: 1)) == "1 Januari 2027 00.00 WIB")
        #expect(WIBTime.format(WIBTime.date(year: 2027, month: 3, day: 5, hour: 14, minute: 7, second: 59)) == "5 Maret 2027 14.07 WIB")
        #expect(WIBTime.iso8601(WIBTime.date(year: 2027, month: 3, day: 5, hour: 14, minute: 7, second: 9)) == "2027-03-05T07:07:09Z")
        #expect(WIBTime.iso8601(WIBTime.date(year: 2027, month: 1, day: 1)) == "2026-12-31T17:00:00Z")
        #expect(WIBTime.formatDate(WIBTime.date(year: 2028, month: 2, day: 29, hour: 23, minute: 59)) == "29 Februari 2028")
        #expect(WIBTime.parseISO8601("2026-11-22T12:05:00Z") == date)
        #expect(WIBTime.parseISO8601("2026-02-30T12:05:00Z") == nil)
        #expect(WIBTime.parseISO8601("2026-11-22 12:05:00") == nil)
    }

    @Test func iso8601RoundTripsOverManyDates() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let seconds = rng.int(Int64(-2_000_000_000)...Int64(4_000_000_000))
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(WIBTime.parseISO8601(WIBTime.iso8601(date)) == date)
        }
    }

    @Test func trackingCodes() throws {
        let code = try TrackingCode(cityCode: "TGS", year: 2027, sequence: 123)
        #expect(code.description == "TGS-2027-000123")
        #expect(TrackingCode(parsing: " tgs-2027-000123 ") == code)
        #expect(TrackingCode(parsing: "TGS-2027-123") == nil)
        #expect(TrackingCode(parsing: "TGS-27-000123") == nil)
        #expect(TrackingCode(parsing: "TGS-2027-00012a") == nil)
        #expect(TrackingCode(parsing: "TGS-2027-+00123") == nil)          // digits only, no sign
        #expect(TrackingCode(parsing: "TGÜ-2027-000123") == nil)
        #expect(throws: DomainError.self) { try TrackingCode(cityCode: "Tgs", year: 2027, sequence: 1) }
        #expect(throws: DomainError.self) { try TrackingCode(cityCode: "TGS", year: 2027, sequence: 1_000_000) }
    }
}
