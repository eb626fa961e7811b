import Foundation
import Storage
import Testing
@testable import Musrenbang

@Suite("Admin log: append-only, in the transaction of its change, no secrets")
struct AdminLogTests {
    static let migration = URL(fileURLWithPath: migrationsDirectory).appendingPathComponent("0006_admin_log.sql").path

    @Test func refusesUpdateAndDeleteThroughSQL() throws {
        let world = try TestWorld()
        _ = try world.service.addBidang(code: "EK", name: "Ekonomi", by: world.actor("bappeda"))
        for statement in ["UPDATE admin_log SET reason = 'x'", "UPDATE admin_log SET after_json = '{}'", "DELETE FROM admin_log"] {
            do {
                try world.database.write { db in try db.execute(statement) }
                Issue.record("\(statement) was allowed")
            } catch let error as SQLiteError {
                #expect(error.isTriggerAbort && error.message.contains("admin_log is append-only"), "\(error)")
            }
        }
        #expect(try world.adminLog().count == 2)   // the ceilings computed by TestWorld, the bidang
    }

    @Test func checksItsColumns() throws {
        let world = try TestWorld()
        let admin = world.actor("admin").accountId.rawValue
        let bad = [
            "INSERT INTO admin_log (actor_account_id, actor_role, at, entity, entity_key, action, after_json) VALUES (\(admin), 'admin_sistem', '2027-01-01T00:00:00Z', 'account', '1', 'create', '{not json')",
            "INSERT INTO admin_log (actor_account_id, actor_role, at, entity, entity_key, action, after_json) VALUES (\(admin), 'warga', '2027-01-01T00:00:00Z', 'account', '1', 'create', '{}')",
            "INSERT INTO admin_log (actor_account_id, actor_role, at, entity, entity_key, action, after_json) VALUES (\(admin), 'admin_sistem', 'kemarin', 'account', '1', 'create', '{}')",
            "INSERT INTO admin_log (actor_account_id, actor_role, at, entity, entity_key, action, after_json) VALUES (\(admin), 'admin_sistem', '2027-01-01T00:00:00Z', 'proposals', '1', 'create', '{}')",
            "INSERT INTO admin_log (actor_account_id, actor_role, at, entity, entity_key, action) VALUES (\(admin), 'admin_sistem', '2027-01-01T00:00:00Z', 'account', '1', 'create')",
        ]
        for statement in bad {
            #expect(throws: SQLiteError.self, "\(statement)") { try world.database.write { db in try db.execute(statement) } }
        }
    }

    @Test func enumerationsMatchTheMigration() throws {
        let sql = try String(contentsOfFile: Self.migration, encoding: .utf8)
        for entity in AdminEntity.allCases { #expect(sql.contains("WHEN '\(entity.rawValue)'"), "missing \(entity)") }
        for action in AdminAction.allCases { #expect(sql.contains("WHEN '\(action.rawValue)'"), "missing \(action)") }
    }

    @Test func snapshotsRoundTripThroughJSON() throws {
        let snapshot = AdminSnapshot(["name": .text("Jl. \"Mawar\" / RT 03"), "price": .integer(Int64.max), "active": .bool(false),
                                      "none": .null, "list": .list([.integer(1), .text("a")]),
                                      "weights": .object(["population": .integer(0)])])
        #expect(AdminSnapshot(json: snapshot.json) == snapshot)
        #expect(AdminSnapshot(json: "[1") == nil)
    }

    @Test func aChangeAndItsLogRowCommitTogether() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda")
        let renamed = try world.service.renameKelurahan(world.kelurahan[0], to: "Pondok Karya", by: bappeda)
        let entry = try #require(try world.adminLog().last)
        #expect(entry.entity == .kelurahan && entry.action == .update && entry.entityKey == "\(world.kelurahan[0])")
        #expect(entry.actorAccountId == bappeda.accountId && entry.actorRole == .bappeda && entry.at == world.clock.now)
        #expect(entry.before?["name"] == .text("Kelurahan 00") && entry.after?["name"] == .text("Pondok Karya"))
        #expect(renamed.name == "Pondok Karya")
        // The stored text is ISO-8601 UTC like every other table.
        let at: String? = try world.database.read { db in try db.scalar("SELECT at FROM admin_log ORDER BY id DESC LIMIT 1") }
        #expect(at == WIBTime.iso8601(world.clock.now) && at?.hasSuffix("Z") == true)
        // Read through the service: Bappeda and the admin may, others may not.
        #expect(try world.service.adminLog(entity: .kelurahan, key: "\(world.kelurahan[0])", by: bappeda) == [entry])
        #expect(throws: DomainError.roleNotAllowed(role: .camat, action: "lihat log admin")) {
            try world.service.adminLog(by: world.actor("camat"))
        }
        #expect(throws: DomainError.roleNotAllowed(role: .bappeda, action: "lihat log admin")) {
            try world.service.adminLog(by: Actor(accountId: world.actor("camat").accountId, role: .bappeda, scope: .kota))
        }
    }

    @Test func neverHoldsAPasswordHashOrPersonalData() throws {
        let world = try TestWorld()
        let admin = world.actor("admin")
        let account = try world.service.createAccount(
            NewAccount(username: "op.baru", displayName: "Operator Baru", roles: [try RoleAssignment(role: .warga, scope: .selfOnly)],
                       nik: "3674012345678901", phone: "0812000111", email: "op@contoh.id"),
            password: "rahasia-sekali-1", by: admin)
        try world.service.resetPassword(account.id, to: "rahasia-lain-22", by: admin)
        _ = try world.service.setAccountActive(account.id, false, reason: "pindah tugas", by: admin)
        let hashes: [String] = try world.database.read { db in try db.query("SELECT password_hash FROM accounts").map { try $0.get(0) } }
        let texts: [String] = try world.database.read { db in
            try db.query("SELECT ifnull(before_json, '') || ifnull(after_json, '') || ifnull(reason, '') FROM admin_log").map { try $0.get(0) }
        }
        #expect(texts.count >= 4)
        for text in texts {
            for hash in hashes { #expect(!text.contains(hash)) }
            for secret in ["rahasia", "$y$", "password", "3674012345678901", "0812000111", "op@contoh.id"] {
                #expect(!text.contains(secret), "\(text)")
            }
        }
    }
}
