import Testing
@testable import Musrenbang

@Suite struct ResidentRegistrationTests {
    typealias Field = ResidentRegistration.Field

    static let valid = ResidentRegistration(fullName: " Siti Aminah ", phone: "0812-3456-7890", username: "siti.aminah",
                                            password: "jalan-kenanga-12", passwordConfirmation: "jalan-kenanga-12",
                                            kelurahanId: KelurahanID(1), rwId: RWID(1), rtId: RTID(1))

    @Test func aValidRegistrationIsNormalised() {
        let checked = Self.valid.check()
        #expect(checked.errors.isEmpty)
        #expect(checked.fullName == "Siti Aminah" && checked.phone?.normalized == "+6281234567890" && checked.email == nil)
    }

    @Test func everyWrongFieldIsReportedAtOnceInTheFormsOrder() {
        let wrong = ResidentRegistration(fullName: "  ", phone: "021 123", email: "bukan-email", username: "a b", password: "12345678",
                                         passwordConfirmation: "lain", nik: "1234", kelurahanId: nil)
        #expect(wrong.check().errors.map(\.field) == [Field.kelurahan, Field.fullName, Field.nik, Field.phone, Field.email,
                                                      Field.username, Field.password, Field.passwordConfirmation])
    }

    @Test func phoneOrEmailIsRequiredAndEitherIsEnough() {
        var registration = Self.valid
        registration.phone = ""
        #expect(registration.check().errors.map(\.field) == [Field.phone])
        registration.email = "siti@contoh.id"
        #expect(registration.check().errors.isEmpty && registration.check().email == "siti@contoh.id")
    }

    @Test(arguments: [
        ("password", true), ("12345678", true), ("Bismillah", true), ("QWERTY123", true), ("sayang123", true),
        ("siti.aminah", true), ("pendek", true), ("jalan-kenanga-12", false), ("Rumah Biru di Pojok", false),
    ])
    func weakPasswordsAreRefused(password: String, refused: Bool) {
        var registration = Self.valid
        registration.password = password
        registration.passwordConfirmation = password
        #expect(registration.check().errors.map(\.field) == (refused ? [Field.password] : []))
    }

    @Test(arguments: ["ab", "siti aminah", "siti@rumah", String(repeating: "a", count: 65), "sítí"])
    func badUsernamesAreRefused(username: String) {
        var registration = Self.valid
        registration.username = username
        #expect(registration.check().errors.map(\.field) == [Field.username])
    }

    @Test(arguments: ["siti@contoh.id", "a.b+c@mail.co.id"])
    func plausibleEmails(email: String) { #expect(EmailAddress.isPlausible(email)) }

    @Test(arguments: ["siti", "siti@", "@contoh.id", "siti@contoh", "siti@@contoh.id", "siti @contoh.id", "siti@contoh..id", "siti@contoh.1"])
    func implausibleEmails(email: String) { #expect(!EmailAddress.isPlausible(email)) }
}
