import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("Accounts by the admin: the residents' password rule, filters, one roles query, handing a role over, the log's page")
struct AccountAdminRulesTests {
    private func newAccount(_ username: String) throws -> NewAccount {
        NewAccount(username: username, displayName: "Operator Baru", roles: [try RoleAssignment(role: .warga, scope: .selfOnly)])
    }

    private func passwordMessages(_ body: () throws -> Void) -> [String] {
        do { try body() } catch DomainError.invalidFields(let errors) { return errors.filter { $0.field == "kata sandi" }.map(\.message) }
        catch { Issue.record("unexpected \(error)") }
        return []
    }

    @Test func anAdminChosenPasswordFollowsTheRegistrationRule() throws {
        let world = try TestWorld()
        let admin = world.actor("admin")
        let target = world.actor("warga2").accountId
        // Long enough, but one of the passwords everyone tries first: refused at creation and at a reset, as at /daftar.
        for weak in ["password123", "Indonesia123", "bismillah"] {
            let created = passwordMessages { _ = try world.service.createAccount(try newAccount("op.lemah"), password: weak, by: admin) }
            #expect(created == PasswordPolicy.problems(weak, username: "op.lemah") && !created.isEmpty, "\(weak)")
            let reset = passwordMessages { try world.service.resetPassword(target, to: weak, by: admin) }
            #expect(!reset.isEmpty, "\(weak)")
        }
        #expect(!passwordMessages { _ = try world.service.createAccount(try newAccount("op.sama.1"), password: "op.sama.1", by: admin) }.isEmpty)
        #expect(!passwordMessages { try world.service.resetPassword(target, to: "warga2", by: admin) }.isEmpty)
        #expect(!passwordMessages { try world.service.resetPassword(target, to: "pendek", by: admin) }.isEmpty)
        #expect(try world.service.authenticate(username: "warga2", password: world.password) != nil)
        #expect(try world.service.accounts(AccountFilter(text: "op.lemah"), by: admin).total == 0)
        // A strong one passes both.
        _ = try world.service.createAccount(try newAccount("op.kuat"), password: "pohon-mangga-berbuah", by: admin)
        try world.service.resetPassword(target, to: "sungai-cisadane-jernih", by: admin)
        #expect(try world.service.authenticate(username: "warga2", password: "sungai-cisadane-jernih") != nil)
    }

    @Test func filtersByRoleScopeActiveAndText() throws {
        let world = try TestWorld()
        let admin = world.actor("admin")
        let all = try world.service.accounts(by: admin)
        let lurah = try world.service.accounts(AccountFilter(role: .verifikatorKelurahan), by: admin)
        #expect(all.total == all.accounts.count)
        #expect(lurah.total == all.accounts.filter { $0.roles.contains { $0.role == .verifikatorKelurahan } }.count && lurah.total > 0)
        #expect(lurah.accounts.allSatisfy { $0.roles.contains { $0.role == .verifikatorKelurahan } })
        let scope = Scope.kelurahan(world.kelurahan[0])
        let inKelurahan = try world.service.accounts(AccountFilter(scope: scope), by: admin)
        // The kelurahan's own roles and those of its RW and RT heads.
        let places = world.rts[world.kelurahan[0]]!
        let inside = Set([scope] + places.map { Scope.rw($0.0) } + places.map { Scope.rt($0.1) })
        let expected = all.accounts.filter { $0.roles.contains { inside.contains($0.scope) } }
        #expect(inKelurahan.accounts.map(\.username) == expected.map(\.username) && inKelurahan.total > 0)
        #expect(expected.contains { $0.roles.contains { $0.role == .ketuaRT } })
        #expect(inKelurahan.total < all.total)
        // A deactivation needs a reason, kept in the log; a refused one changes nothing.
        try world.expectRefused("reason_required") { _ = try world.service.setAccountActive(world.actor("warga2").accountId, false, by: admin) }
        try world.expectRefused("reason_required") {
            _ = try world.service.setAccountActive(world.actor("warga2").accountId, false, reason: "  ", by: admin)
        }
        try world.expectRefused("invalid_input") {
            _ = try world.service.setAccountActive(world.actor("warga2").accountId, false, reason: String(repeating: "a", count: 501), by: admin)
        }
        _ = try world.service.setAccountActive(world.actor("warga2").accountId, false, reason: "pindah", by: admin)
        let inactive = try world.service.accounts(AccountFilter(active: false), by: admin)
        #expect(inactive.accounts.map(\.username) == ["warga2"] && inactive.total == 1)
        #expect(try world.service.accounts(AccountFilter(active: true), by: admin).total == all.total - 1)
        let text = try world.service.accounts(AccountFilter(text: "URAH1"), by: admin)
        #expect(text.accounts.map(\.username) == ["lurah1"])
        // LIKE's wildcards are the person's characters, not patterns.
        #expect(try world.service.accounts(AccountFilter(text: "%"), by: admin).total == 0)
        #expect(try world.service.accounts(AccountFilter(text: "_"), by: admin).total == 0)
        // The page's roles are each account's own (read in one query for the page).
        for account in all.accounts {
            let stored = try world.database.read { db in try AccountRepository(db).account(id: account.id).roles }
            #expect(account.roles == stored)
        }
    }

    @Test func anOperatorRoleIsHandedOverInOneLoggedStep() throws {
        let world = try TestWorld()
        let admin = world.actor("admin")
        let old = world.actor("op.kel0")
        let role = try RoleAssignment(role: old.role, scope: old.scope)
        let successor = try world.service.createAccount(try newAccount("op.pengganti"), password: "pohon-mangga-berbuah", by: admin)
        let before = try world.adminLog().count
        // Refusals first: nothing changes.
        try world.expectRefused("invalid_input") { _ = try world.service.handOverRole(role, from: old.accountId, to: old.accountId, by: admin) }
        try world.expectRefused("invalid_fields") {
            _ = try world.service.handOverRole(role, from: successor.id, to: old.accountId, by: admin)
        }
        try world.expectRefused("role_not_allowed") {
            _ = try world.service.handOverRole(role, from: old.accountId, to: successor.id, by: world.actor("bappeda"))
        }
        #expect(try world.adminLog().count == before)

        let (from, to) = try world.service.handOverRole(role, from: old.accountId, to: successor.id, reason: "rotasi pegawai", by: admin)
        #expect(!from.roles.contains(role) && to.roles.contains(role))
        let log = try world.adminLog()
        #expect(log.count == before + 1)
        let entry = try #require(log.last)
        #expect(entry.entity == .account && entry.action == .update && entry.entityKey == "\(old.accountId)>\(successor.id)")
        #expect(entry.reason == "rotasi pegawai" && entry.after?["role"] == .text(role.logText))
        // The successor acts with its own password; the old account no longer holds the role.
        #expect(try world.service.authenticate(username: "op.pengganti", password: "pohon-mangga-berbuah") != nil)
        try world.expectRefused("invalid_fields") { _ = try world.service.handOverRole(role, from: old.accountId, to: successor.id, by: admin) }
    }

    @Test func theLogPageFiltersByWhoAndCountsEveryEntry() throws {
        let world = try TestWorld()
        let admin = world.actor("admin")
        let bappeda = world.actor("bappeda")
        _ = try world.service.createAccount(try newAccount("op.satu"), password: "pohon-mangga-berbuah", by: admin)
        _ = try world.service.createAccount(try newAccount("op.dua"), password: "pohon-mangga-berbuah", by: admin)
        let all = try world.service.adminLog(AdminLogFilter(), offset: 0, limit: 1, by: bappeda)
        let stored = try world.adminLog().count
        #expect(all.entries.count == 1 && all.total == stored && all.total >= 2)
        #expect(all.actors.contains { $0.id == admin.accountId })
        let byAdmin = try world.service.adminLog(AdminLogFilter(actorId: admin.accountId), limit: 50, by: bappeda)
        #expect(byAdmin.entries.allSatisfy { $0.actorAccountId == admin.accountId } && byAdmin.total >= 2)
        #expect(byAdmin.entries.map { $0.id ?? 0 } == byAdmin.entries.map { $0.id ?? 0 }.sorted(by: >))
        let nobody = try world.service.adminLog(AdminLogFilter(actorId: world.actor("warga2").accountId), by: admin)
        #expect(nobody.total == 0 && nobody.entries.isEmpty)
        try world.expectRefused("role_not_allowed") { _ = try world.service.adminLog(AdminLogFilter(), by: world.actor("lurah")) }
    }
}
