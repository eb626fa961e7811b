import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("Residents register through MusrenbangService")
struct ResidentRegistrationServiceTests {
    typealias Field = ResidentRegistration.Field

    func registration(_ world: TestWorld, username: String = "siti.aminah", nik: String = "") -> ResidentRegistration {
        let kelurahan = world.kelurahan[0]
        let (rw, rt) = world.rts[kelurahan]![0]
        return ResidentRegistration(fullName: "Siti Aminah", phone: "+62 812-3456-7890", email: "siti@contoh.id", username: username,
                                    password: "jalan-kenanga-12", passwordConfirmation: "jalan-kenanga-12", nik: nik,
                                    kelurahanId: kelurahan, rwId: rw, rtId: rt)
    }

    @Test func aResidentGetsAWargaAccountWithItsHomeRT() throws {
        let world = try TestWorld()
        let new = registration(world, nik: "3674015708900002")
        let account = try world.service.registerResident(new)
        #expect(account.roles == [try RoleAssignment(role: .warga, scope: .selfOnly)])
        #expect(account.homeRtId == new.rtId && account.phone == "+6281234567890" && account.nik == "3674015708900002")
        #expect(try world.service.account(id: account.id).homeRtId == new.rtId)
        #expect(try world.service.authenticateAccount(username: "SITI.AMINAH", password: "jalan-kenanga-12")?.id == account.id)
    }

    @Test func aTakenUsernameOrNIKIsAFieldErrorBesideTheOthers() throws {
        let world = try TestWorld()
        _ = try world.service.registerResident(registration(world, nik: "3674015708900002"))
        var again = registration(world, username: "Siti.Aminah", nik: "3674015708900002")
        again.password = "pendek"
        #expect(throws: DomainError.invalidFields([
            FieldError(field: Field.nik, message: "NIK ini sudah terdaftar pada akun lain. Bila ini NIK Anda, hubungi operator kelurahan."),
            FieldError(field: Field.username, message: "Nama pengguna ini sudah dipakai. Pilih nama pengguna lain."),
            FieldError(field: Field.password, message: "Kata sandi terlalu pendek: buat paling sedikit 8 karakter."),
            FieldError(field: Field.passwordConfirmation, message: "Ketik ulang kata sandi yang sama persis."),
        ])) { try world.service.registerResident(again) }
    }

    @Test func anRTOfAnotherKelurahanOrNoneAtAllIsRefused() throws {
        let world = try TestWorld()
        var forged = registration(world)
        forged.rtId = world.rts[world.kelurahan[1]]![0].1
        #expect(throws: DomainError.invalidFields([FieldError(field: Field.rt, message: "Pilih RT dari daftar RW yang Anda pilih.")])) {
            try world.service.registerResident(forged)
        }
        forged.rtId = RTID(99_999)
        #expect(throws: DomainError.self) { try world.service.registerResident(forged) }
        forged = registration(world)
        forged.rwId = world.rts[world.kelurahan[2]]![0].0
        #expect(throws: DomainError.invalidFields([FieldError(field: Field.rw, message: "Pilih RW dari daftar kelurahan yang Anda pilih.")])) {
            try world.service.registerResident(forged)
        }
        let count: Int? = try world.database.read { db in try db.scalar("SELECT count(*) FROM accounts WHERE home_rt_id IS NOT NULL") }
        #expect(count == 0)
    }

    @Test func theChoicesFollowTheLevelChosenAbove() throws {
        let world = try TestWorld()
        let kelurahan = world.kelurahan[0]
        let (rw, _) = world.rts[kelurahan]![0]
        let none = try world.service.residenceChoices(kelurahanId: nil, rwId: nil)
        #expect(none.groups.flatMap(\.kelurahan).count == 4 && none.rws.isEmpty && none.rts.isEmpty)
        let chosen = try world.service.residenceChoices(kelurahanId: kelurahan, rwId: rw)
        #expect(chosen.rws.allSatisfy { $0.kelurahanId == kelurahan } && chosen.rws.count == 2)
        #expect(chosen.rts.allSatisfy { $0.rwId == rw } && chosen.rts.count == 2)
        let otherRW = world.rts[world.kelurahan[1]]![0].0
        #expect(try world.service.residenceChoices(kelurahanId: kelurahan, rwId: otherRW).rts.isEmpty)
    }
}
