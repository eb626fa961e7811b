import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("Account administration by the admin sistem only, logged without secrets")
struct AccountAdministrationTests {
    private func newAccount(_ username: String = "op.pondok") throws -> NewAccount {
        NewAccount(username: username, displayName: "Operator Pondok", roles: [try RoleAssignment(role: .warga, scope: .selfOnly)])
    }

    @Test func onlyTheAdminMayAndARefusalWritesNothing() throws {
        let world = try TestWorld()
        let target = world.actor("warga2").accountId
        let role = try RoleAssignment(role: .ketuaRT, scope: .rt(world.rts[world.kelurahan[0]]![1].1))
        let operations: [(String, (Actor) throws -> Void)] = [
            ("accounts", { _ = try world.service.accounts(by: $0) }),
            ("createAccount", { _ = try world.service.createAccount(try newAccount(), password: "rahasia-baru-1", by: $0) }),
            ("deactivate", { _ = try world.service.setAccountActive(target, false, by: $0) }),
            ("resetPassword", { try world.service.resetPassword(target, to: "rahasia-baru-1", by: $0) }),
            ("addRole", { _ = try world.service.addRole(role, to: target, by: $0) }),
            ("removeRole", { _ = try world.service.removeRole(try RoleAssignment(role: .warga, scope: .selfOnly), from: target, by: $0) }),
        ]
        for name in ["warga", "ketua.rt", "op.kel0", "lurah", "camat", "opd", "bappeda"] {
            for (operation, call) in operations {
                try world.expectRefused("role_not_allowed", "\(operation) by \(name)") { try call(world.actor(name)) }
            }
        }
        // The admin role claimed by an account that does not hold it.
        let forged = Actor(accountId: world.actor("bappeda").accountId, role: .adminSistem, scope: .system)
        for (operation, call) in operations {
            try world.expectRefused("role_not_allowed", "\(operation) forged") { try call(forged) }
        }
        #expect(try world.service.authenticate(username: "warga2", password: world.password) != nil)
    }

    @Test func listsAccountsByPageWithRolesAndNoHash() throws {
        let world = try TestWorld()
        let admin = world.actor("admin")
        let first = try world.service.accounts(offset: 0, limit: 5, by: admin)
        let rest = try world.service.accounts(offset: 5, limit: 50, by: admin)
        #expect(first.total == 12 && first.accounts.count == 5 && rest.accounts.count == 7)
        let all = first.accounts + rest.accounts
        #expect(all.map(\.username) == all.map(\.username).sorted() && Set(all.map(\.id)).count == 12)
        #expect(all.first { $0.username == "lurah" }?.roles == [try RoleAssignment(role: .verifikatorKelurahan,
                                                                                  scope: .kelurahan(world.kelurahan[0]))])
        // The stored password hashes appear nowhere in what is returned.
        let hashes: [String] = try world.database.read { db in try db.query("SELECT password_hash FROM accounts").map { try $0.get(0) } }
        #expect(hashes.count == 12 && hashes.allSatisfy { !"\(all)".contains($0) })
        try world.expectRefused("invalid_fields") { _ = try world.service.accounts(offset: -1, limit: 0, by: admin) }
    }

    @Test func createDeactivateReactivateResetAndRolesAreLogged() throws {
        let world = try TestWorld()
        let admin = world.actor("admin")
        do {
            _ = try world.service.createAccount(NewAccount(username: "x", displayName: " ", roles: [], nik: "12"),
                                                password: "pendek", by: admin)
            Issue.record("accepted an invalid account")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["nama pengguna", "nama lengkap", "kata sandi", "peran", "NIK"])
        }
        #expect(throws: PersistenceError.self) {
            try world.service.createAccount(try newAccount("LURAH"), password: "rahasia-baru-1", by: admin)
        }
        let created = try world.service.createAccount(try newAccount(), password: "rahasia-baru-1", by: admin)
        #expect(try world.service.authenticate(username: "op.pondok", password: "rahasia-baru-1")?.accountId == created.id)

        let deactivated = try world.service.setAccountActive(created.id, false, reason: "pindah tugas", by: admin)
        #expect(!deactivated.active)
        #expect(try world.service.authenticate(username: "op.pondok", password: "rahasia-baru-1") == nil)
        #expect(try world.service.authenticateAccount(username: "op.pondok", password: "rahasia-baru-1") == nil)
        try world.expectRefused("change_required") { _ = try world.service.setAccountActive(created.id, false, by: admin) }
        try world.expectRefused("invalid_input") { _ = try world.service.setAccountActive(admin.accountId, false, by: admin) }
        _ = try world.service.setAccountActive(created.id, true, reason: "kembali bertugas", by: admin)

        try world.expectRefused("invalid_fields") { try world.service.resetPassword(created.id, to: "123", by: admin) }
        try world.service.resetPassword(created.id, to: "kata-sandi-baru-2", by: admin)
        #expect(try world.service.authenticate(username: "op.pondok", password: "rahasia-baru-1") == nil)
        #expect(try world.service.authenticate(username: "op.pondok", password: "kata-sandi-baru-2") != nil)

        let before = try world.fingerprint()
        #expect(throws: PersistenceError.notFound("kelurahan 999")) {
            try world.service.addRole(try RoleAssignment(role: .operatorKelurahan, scope: .kelurahan(KelurahanID(999))), to: created.id,
                                      by: admin)
        }
        var sameNIK = try newAccount("warga.nik"), otherNIK = try newAccount("warga.nik2")
        sameNIK.nik = "3674010101010001"; otherNIK.nik = "3674010101010001"
        _ = try world.service.createAccount(sameNIK, password: "rahasia-baru-1", by: admin)
        #expect(throws: PersistenceError.duplicate("NIK")) { try world.service.createAccount(otherNIK, password: "rahasia-baru-1", by: admin) }
        // The account created, its role and its log row; a role also moves the names' cache generation (0022).
        let written: Set<String> = ["accounts", "account_roles", "admin_log", "cache_generations"]
        #expect(try world.fingerprint().filter { !written.contains($0.key) } == before.filter { !written.contains($0.key) })
        let operatorRole = try RoleAssignment(role: .operatorKelurahan, scope: .kelurahan(world.kelurahan[1]))
        let withRole = try world.service.addRole(operatorRole, to: created.id, by: admin)
        #expect(withRole.roles.count == 2 && withRole.roles.last == operatorRole)
        try world.expectRefused("change_required") { _ = try world.service.addRole(operatorRole, to: created.id, by: admin) }
        let without = try world.service.removeRole(try RoleAssignment(role: .warga, scope: .selfOnly), from: created.id, by: admin)
        #expect(without.roles == [operatorRole])
        #expect(try world.service.authenticate(username: "op.pondok", password: "kata-sandi-baru-2")?.role == .operatorKelurahan)
        try world.expectRefused("change_required") {
            _ = try world.service.removeRole(try RoleAssignment(role: .warga, scope: .selfOnly), from: created.id, by: admin)
        }
        try world.expectRefused("invalid_input") {
            _ = try world.service.removeRole(try RoleAssignment(role: .adminSistem, scope: .system), from: admin.accountId, by: admin)
        }

        let log = try world.adminLog().filter { $0.entity == .account && $0.entityKey == "\(created.id)" }
        #expect(log.map(\.action) == [.create, .deactivate, .reactivate, .resetPassword, .addRole, .removeRole])
        #expect(log.allSatisfy { $0.entityKey == "\(created.id)" && $0.actorRole == .adminSistem && $0.actorAccountId == admin.accountId })
        #expect(log[1].reason == "pindah tugas" && log[1].before?["active"] == .bool(true) && log[1].after?["active"] == .bool(false))
        #expect(log[4].after?["roles"] == .list([.text("warga@self"), .text("operator_kelurahan@kelurahan:\(world.kelurahan[1])")]))
    }

    @Test func aDatabaseFailureIsNotAWrongPassword() throws {
        let world = try TestWorld()
        #expect(try world.service.authenticateAccount(username: "lurah", password: world.password)?.username == "lurah")
        try world.database.write { db in try db.execute("ALTER TABLE accounts RENAME TO accounts_hilang") }
        #expect(throws: SQLiteError.self) { try world.service.authenticateAccount(username: "lurah", password: world.password) }
        #expect(throws: SQLiteError.self) { try world.service.authenticate(username: "lurah", password: world.password) }
    }
}
