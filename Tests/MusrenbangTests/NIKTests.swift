import Foundation
import Testing
@testable import Musrenbang

@Suite struct NIKTests {
    @Test(arguments: [
        "3674011708900001",     // Banten (36), Tangerang Selatan, born 17-08-90
        "3674015708900002",     // a woman: day 17 + 40
        "1101010101000001",     // Aceh (11), 1 January 2000
        "9601012902000003",     // Papua Barat Daya (96), 29 February 2000
        "3171047112990004",     // DKI (31), a woman born 31 December 1999
        " 6501010101700005 ",   // Kalimantan Utara (65); spaces around are ignored
        "2171010402960006",     // Kepulauan Riau (21)
    ])
    func validNumbersPass(typed: String) throws {
        let nik = try NIK(checking: typed)
        #expect(nik.digits == typed.trimmingCharacters(in: .whitespaces))
        #expect(!nik.description.contains(nik.digits))     // never printed
    }

    @Test(arguments: [
        ("367401170890000", NIK.Problem.notSixteenDigits),      // 15 digits
        ("36740117089000011", .notSixteenDigits),               // 17
        ("3674O11708900001", .notSixteenDigits),                // a letter O
        ("3674 0117 0890 0001", .notSixteenDigits),             // spaces inside
        ("", .notSixteenDigits),
        ("２２３４５６７８９０１２３４５６", .notSixteenDigits),   // full-width digits
        ("2074011708900001", .unknownProvince),                 // 20: no province
        ("1074011708900001", .unknownProvince),
        ("3774011708900001", .unknownProvince),
        ("5474011708900001", .unknownProvince),
        ("6674011708900001", .unknownProvince),
        ("7774011708900001", .unknownProvince),
        ("8374011708900001", .unknownProvince),
        ("9774011708900001", .unknownProvince),
        ("0074011708900001", .unknownProvince),
        ("3674013208900001", .invalidBirthDate),                // day 32
        ("3674010008900001", .invalidBirthDate),                // day 0
        ("3674014008900001", .invalidBirthDate),                // day 40 (a woman's 0)
        ("3674017208900001", .invalidBirthDate),                // day 72 (a woman's 32)
        ("3674011713900001", .invalidBirthDate),                // month 13
        ("3674011700900001", .invalidBirthDate),                // month 0
        ("3674013102900001", .invalidBirthDate),                // 31 February
        ("3674012902010001", .invalidBirthDate),                // 29 February 1901 / 2001
        ("3674013104900001", .invalidBirthDate),                // 31 April
    ])
    func invalidNumbersSayWhy(typed: String, problem: NIK.Problem) {
        #expect(throws: problem) { try NIK(checking: typed) }
        #expect(NIK(typed) == nil)
    }

    @Test func everyProvinceCodeOfTheOfficialListIsKnown() {
        #expect(NIK.provinceCodes.count == 38)
        for code in [11, 19, 21, 31, 36, 51, 53, 61, 65, 71, 76, 81, 82, 91, 96] { #expect(NIK.provinceCodes.contains(code)) }
    }
}
