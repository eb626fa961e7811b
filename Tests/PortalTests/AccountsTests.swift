import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage
import Testing

/// The admin sistem's accounts (`/kerja/akun`): the list and its filters, a new account under the residents' password
/// rule, deactivation with a reason, a password reset shown once, roles added and removed, an operator handed over;
/// and the refusals (not signed in, another role, no CSRF token, each invalid field).
@Suite struct AccountsTests {
    struct Scene {
        let world: PortalWorld
        let admin: AccountID
        let bappeda: AccountID
        let warga: AccountID
        let operatorId: AccountID
    }

    static func scene() throws -> Scene {
        let world = try PortalWorld()
        let admin = try world.service.createAccount(username: "admin", displayName: "Admin Kota", roles: [try RoleAssignment(role: .adminSistem, scope: .system)],
                                                    password: world.password)
        let bappeda = try world.service.createAccount(username: "bappeda", displayName: "Staf Bappeda",
                                                      roles: [try RoleAssignment(role: .bappeda, scope: .kota)], password: world.password)
        let ids: [AccountID] = try world.database.read { db in
            try ["warga1", "op.pk"].map { name in AccountID(try db.scalar("SELECT id FROM accounts WHERE username = ?", [name]) ?? 0) }
        }
        try world.database.write { db in
            try db.execute("UPDATE accounts SET phone = '+6281299990000', email = 'siti@contoh.id' WHERE id = ?", [ids[0].rawValue])
        }
        return Scene(world: world, admin: admin, bappeda: bappeda, warga: ids[0], operatorId: ids[1])
    }

    private func signedIn(_ scene: Scene, _ username: String) throws -> TestBrowser {
        let browser = scene.world.browser(address: "10.9.\(Int.random(in: 0...250)).\(Int.random(in: 1...250)):1")
        #expect(try browser.signIn(username, scene.world.password).status == 303)
        return browser
    }

    @Test func theListFiltersByRoleStatusScopeAndTextAsLinks() throws {
        let scene = try Self.scene()
        let browser = try signedIn(scene, "admin")
        let all = try browser.get("/kerja/akun")
        #expect(all.status == 200 && all.body.contains("op.pk") && all.body.contains("warga1") && all.body.contains("4 akun"))
        // Roles in words with their scope, read without one query per account.
        #expect(all.body.contains("Operator Kelurahan · Kelurahan Pondok Karya"))
        let operators = try browser.get("/kerja/akun?peran=operator_kelurahan")
        #expect(operators.body.contains("op.pk") && !operators.body.contains(">warga1<") && operators.body.contains("1 akun"))
        #expect(operators.body.contains("href=\"/kerja/akun?peran=operator_kelurahan&amp;status=aktif\""))
        let scoped = try browser.get("/kerja/akun?cakupan=kelurahan:\(scene.world.kelurahan.rawValue)")
        #expect(scoped.body.contains("op.pk") && scoped.body.contains("1 akun"))
        let text = try browser.get("/kerja/akun?cari=Siti")
        #expect(text.body.contains("warga1") && text.body.contains("1 akun"))
        #expect(try browser.get("/kerja/akun?status=nonaktif").body.contains("Tidak ada akun yang cocok"))
        // Personal data is not on the list, only on the account's own page for the admin.
        #expect(!all.body.contains("+6281299990000"))
        let account = try browser.get("/kerja/akun/\(scene.warga.rawValue)")
        #expect(account.status == 200 && account.body.contains("+6281299990000") && account.body.contains("siti@contoh.id"))
        // The facts' pairs stand straight inside their <dl> (screen readers and axe-core read a <div> there as a broken list).
        let facts = try #require(account.body.range(of: "<dl class=\"facts\">")).upperBound
        let list = account.body[facts...]
        let end = try #require(list.range(of: "</dl>")).lowerBound
        #expect(list[..<end].contains("<dt>Telepon</dt>") && !list[..<end].contains("<div"))
    }

    @Test func onlyTheAdminReachesAccounts() throws {
        let scene = try Self.scene()
        let guest = scene.world.browser()
        #expect(try guest.get("/kerja/akun").status == 303)
        for name in ["warga1", "bappeda"] {
            let browser = try signedIn(scene, name)
            #expect(try browser.get("/kerja/akun").status == 403, "\(name)")
            let page = try browser.get("/kerja/akun/\(scene.warga.rawValue)")
            #expect(page.status == 403 && !page.body.contains("+6281299990000"), "\(name)")
            let csrf = try browser.get("/peran").csrf
            #expect(try browser.post("/kerja/akun/\(scene.warga.rawValue)/sandi", [], csrf: csrf).status == 403, "\(name)")
        }
        // The admin without a CSRF token changes nothing.
        let admin = try signedIn(scene, "admin")
        #expect(try admin.post("/kerja/akun/\(scene.warga.rawValue)/status", [("aktif", "0"), ("alasan", "pindah")], csrf: nil).status == 403)
        #expect(try admin.get("/kerja/akun/999999").status == 404)
        #expect(try scene.world.service.authenticate(username: "warga1", password: scene.world.password) != nil)
    }

    @Test func aNewAccountFollowsTheResidentsPasswordRuleAndKeepsEveryAnswer() throws {
        let scene = try Self.scene()
        let browser = try signedIn(scene, "admin")
        let form = try browser.get("/kerja/akun/baru")
        #expect(form.status == 200 && form.body.contains("Kelurahan Pondok Karya"))
        var fields = [("nama_pengguna", "op.baru"), ("nama", "Dewi Operator"), ("peran", "operator_kelurahan"), ("cakupan", ""),
                      ("kata_sandi", "password123"), ("nik", "12")]
        let refused = try browser.post("/kerja/akun/baru", fields, csrf: form.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("Kata sandi ini terlalu mudah ditebak"))
        #expect(refused.body.contains("Pilih wilayah atau perangkat daerah untuk peran Operator Kelurahan"))
        #expect(refused.body.contains("NIK: 16 angka."))
        #expect(refused.body.contains("value=\"op.baru\"") && refused.body.contains("value=\"Dewi Operator\""))
        #expect(!refused.body.contains("password123"))
        fields = [("nama_pengguna", "op.baru"), ("nama", "Dewi Operator"), ("peran", "operator_kelurahan"),
                  ("cakupan", "kelurahan:\(scene.world.kelurahan.rawValue)"), ("kata_sandi", "pohon-mangga-berbuah")]
        let created = try browser.post("/kerja/akun/baru", fields, csrf: form.csrf)
        #expect(created.status == 303)
        let page = try browser.get(try #require(created.location))
        #expect(page.body.contains("Akun op.baru dibuat") && page.body.contains("Operator Kelurahan · Kelurahan Pondok Karya"))
        #expect(try scene.world.service.authenticate(username: "op.baru", password: "pohon-mangga-berbuah")?.role == .operatorKelurahan)
        // The same username again: refused by the engine, said on the field.
        let again = try browser.post("/kerja/akun/baru", fields, csrf: form.csrf)
        #expect(again.status == 422 && again.body.contains("sudah dipakai akun lain"))
    }

    @Test func deactivationNeedsAReasonAndIsLoggedInWords() throws {
        let scene = try Self.scene()
        let browser = try signedIn(scene, "admin")
        let path = "/kerja/akun/\(scene.warga.rawValue)"
        let csrf = try browser.get(path).csrf
        let missing = try browser.post(path + "/status", [("aktif", "0"), ("alasan", " ")], csrf: csrf)
        #expect(missing.status == 422 && missing.body.contains("Tulis alasannya"))
        #expect(try scene.world.service.authenticate(username: "warga1", password: scene.world.password) != nil)
        let done = try browser.post(path + "/status", [("aktif", "0"), ("alasan", "pindah domisili")], csrf: csrf)
        #expect(done.status == 303 && done.location == path)
        #expect(try browser.get(path).body.contains("Akun warga1 dinonaktifkan."))
        #expect(try scene.world.service.authenticate(username: "warga1", password: scene.world.password) == nil)
        // Again: nothing to change, said on the page.
        #expect(try browser.post(path + "/status", [("aktif", "0"), ("alasan", "lagi")], csrf: csrf).status == 422)
        #expect(try browser.get("/kerja/akun?status=nonaktif").body.contains("warga1"))
        let back = try browser.post(path + "/status", [("aktif", "1"), ("alasan", "kembali")], csrf: csrf)
        #expect(back.status == 303)
        #expect(try scene.world.service.authenticate(username: "warga1", password: scene.world.password) != nil)
        // Bappeda reads it in the admin log, newest first, with the reason and the values in words.
        let bappeda = try signedIn(scene, "bappeda")
        let log = try bappeda.get("/kerja/log-admin?entitas=account")
        #expect(log.status == 200)
        let reactivated = try #require(log.body.range(of: "diaktifkan kembali")), deactivated = try #require(log.body.range(of: "dinonaktifkan"))
        #expect(reactivated.lowerBound < deactivated.lowerBound)
        #expect(log.body.contains("Alasan:</strong> pindah domisili") && log.body.contains("aktif: ya menjadi tidak"))
        #expect(log.body.contains("Akun warga1 dinonaktifkan"))
        #expect(log.body.contains("Admin Kota"))
    }

    @Test func aResetPasswordIsShownOnceAndNeverStored() throws {
        let scene = try Self.scene()
        let browser = try signedIn(scene, "admin")
        let path = "/kerja/akun/\(scene.warga.rawValue)"
        let csrf = try browser.get(path).csrf
        let shown = try browser.post(path + "/sandi", [], csrf: csrf)
        #expect(shown.status == 200 && shown.headers["Cache-Control"] == "no-store")
        let start = try #require(shown.body.range(of: "<code>")), end = try #require(shown.body.range(of: "</code>"))
        let password = String(shown.body[start.upperBound..<end.lowerBound])
        #expect(password.count == 19 && PasswordPolicy.problems(password, username: "warga1").isEmpty)
        #expect(try scene.world.service.authenticate(username: "warga1", password: password) != nil)
        #expect(try scene.world.service.authenticate(username: "warga1", password: scene.world.password) == nil)
        // Not in any table: no flash, no log row holds it.
        let stored: [String] = try scene.world.database.read { db in
            try db.query("SELECT ifnull(flash, '') FROM web_sessions").map { try $0.get(0) }
                + (try db.query("SELECT ifnull(before_json, '') || ifnull(after_json, '') FROM admin_log").map { try $0.get(0) })
        }
        #expect(!stored.isEmpty && stored.allSatisfy { !$0.contains(password) })
        #expect(!(try browser.get(path).body.contains(password)))
    }

    @Test func rolesAreAddedRemovedAndHandedOver() throws {
        let scene = try Self.scene()
        let browser = try signedIn(scene, "admin")
        let path = "/kerja/akun/\(scene.warga.rawValue)"
        let csrf = try browser.get(path).csrf
        let rt: Int64 = try scene.world.database.read { db in try db.scalar("SELECT id FROM rt ORDER BY id LIMIT 1") ?? 0 }
        let wrongScope = try browser.post(path + "/peran", [("aksi", "tambah"), ("peran", "ketua_rt"),
                                                            ("cakupan", "kecamatan:\(scene.world.kecamatan.rawValue)")], csrf: csrf)
        #expect(wrongScope.status == 422 && wrongScope.body.contains("Pilih kelurahan tempat RW atau RT itu untuk peran Ketua RT"))
        let operatorOfRT = try browser.post(path + "/peran", [("aksi", "tambah"), ("peran", "operator_kelurahan"), ("cakupan", "rt:\(rt)")],
                                            csrf: csrf)
        #expect(operatorOfRT.status == 422 && operatorOfRT.body.contains("memerlukan cakupan sebuah kelurahan"))
        let added = try browser.post(path + "/peran", [("aksi", "tambah"), ("peran", "ketua_rt"), ("cakupan", "rt:\(rt)")], csrf: csrf)
        let afterAdd = try browser.get(path).body
        #expect(added.status == 303 && afterAdd.contains("Peran Ketua RT · RT 01/RW 01 Pondok Karya ditambahkan"))
        #expect(try browser.post(path + "/peran", [("aksi", "tambah"), ("peran", "ketua_rt"), ("cakupan", "rt:\(rt)")], csrf: csrf).status == 422)
        let removed = try browser.post(path + "/peran", [("aksi", "hapus"), ("peran", "ketua_rt"), ("cakupan", "rt:\(rt)")], csrf: csrf)
        let afterRemove = try browser.get(path).body
        #expect(removed.status == 303 && afterRemove.contains("dicabut dari akun warga1"))
        // A Ketua RW or RT is named by the kelurahan and the numbers (no select of every RT of the city).
        let noRW = try browser.post(path + "/peran", [("aksi", "tambah"), ("peran", "ketua_rw"),
                                                      ("cakupan", "kelurahan:\(scene.world.kelurahan.rawValue)"), ("rw", "9")], csrf: csrf)
        #expect(noRW.status == 422 && noRW.body.contains("Isi nomor RW yang ada di kelurahan itu") && noRW.body.contains("value=\"9\""))
        #expect(!noRW.body.contains("<optgroup label=\"RT\">"))
        let byNumbers = try browser.post(path + "/peran", [("aksi", "tambah"), ("peran", "ketua_rt"), ("rw", "1"), ("rt", "1"),
                                                           ("cakupan", "kelurahan:\(scene.world.kelurahan.rawValue)")], csrf: csrf)
        #expect(byNumbers.status == 303)
        let headRoles = try scene.world.database.read { db in try AccountRepository(db).account(id: scene.warga).roles }
        #expect(headRoles.contains(try RoleAssignment(role: .ketuaRT, scope: .rt(RTID(rt)))))
        // The kelurahan filter also finds its RT heads.
        #expect(try browser.get("/kerja/akun?cakupan=kelurahan:\(scene.world.kelurahan.rawValue)").body.contains("warga1"))

        // Hand-over: the operator's kelurahan role moves to a new account, in one logged step, no password shared.
        let successor = try scene.world.service.createAccount(username: "op.pengganti", displayName: "Rina Pengganti",
                                                              roles: [try RoleAssignment(role: .warga, scope: .selfOnly)],
                                                              password: "pohon-mangga-berbuah")
        let operatorPath = "/kerja/akun/\(scene.operatorId.rawValue)"
        let role = "operator_kelurahan|kelurahan:\(scene.world.kelurahan.rawValue)"
        let unknown = try browser.post(operatorPath + "/serahkan", [("serah_peran", role), ("akun_baru", "tidak.ada")], csrf: csrf)
        #expect(unknown.status == 422 && unknown.body.contains("Tidak ada akun dengan nama pengguna tidak.ada"))
        let handed = try browser.post(operatorPath + "/serahkan", [("serah_peran", role), ("akun_baru", "op.pengganti"),
                                                                   ("alasan_serah", "rotasi pegawai")], csrf: csrf)
        #expect(handed.status == 303)
        #expect(try browser.get(operatorPath).body.contains("diserahkan dari op.pk ke op.pengganti"))
        let roles = try scene.world.database.read { db in
            (try AccountRepository(db).account(id: scene.operatorId).roles, try AccountRepository(db).account(id: successor).roles)
        }
        let assignment = try RoleAssignment(role: .operatorKelurahan, scope: .kelurahan(scene.world.kelurahan))
        #expect(!roles.0.contains(assignment) && roles.1.contains(assignment))
        let log = try browser.get("/kerja/log-admin?entitas=account")
        #expect(log.body.contains("Akun op.pk ke op.pengganti peran diserahkan") && log.body.contains("rotasi pegawai"))
        #expect(log.body.contains("«Operator Kelurahan · Kelurahan Pondok Karya»") && !log.body.contains("operator_kelurahan@"))
        #expect(log.body.contains("«Ketua RT · RT 01/RW 01 Pondok Karya»") && !log.body.contains("@rt:"))
        // An account left without any role says so (in words, not as escaped markup).
        for (role, scope) in [("ketua_rt", "rt:\(rt)"), ("warga", "self")] {
            #expect(try browser.post(path + "/peran", [("aksi", "hapus"), ("peran", role), ("cakupan", scope)], csrf: csrf).status == 303)
        }
        #expect(try browser.get(path).body.contains("<p>Akun ini belum memegang peran apa pun.</p>"))
        // Handing over again: the old account no longer holds it.
        let again = try browser.post(operatorPath + "/serahkan", [("serah_peran", role), ("akun_baru", "op.pengganti")], csrf: csrf)
        #expect(again.status == 422)
    }

    @Test func theAdminLogIsForBappedaAndTheAdminWithFilters() throws {
        let scene = try Self.scene()
        let admin = try signedIn(scene, "admin")
        let csrf = try admin.get("/kerja/akun").csrf
        _ = try admin.post("/kerja/akun/\(scene.operatorId.rawValue)/status", [("aktif", "0"), ("alasan", "pindah")], csrf: csrf)
        #expect(try admin.get("/kerja/log-admin").status == 200)
        let bappeda = try signedIn(scene, "bappeda")
        let byAdmin = try bappeda.get("/kerja/log-admin?oleh=\(scene.admin.rawValue)")
        #expect(byAdmin.status == 200 && byAdmin.body.contains("1 catatan"))
        #expect(try bappeda.get("/kerja/log-admin?oleh=\(scene.bappeda.rawValue)").body.contains("Belum ada catatan"))
        #expect(try bappeda.get("/kerja/log-admin?entitas=kamus_usulan").body.contains("Belum ada catatan"))
        #expect(try scene.world.browser().get("/kerja/log-admin").status == 303)
        #expect(try signedIn(scene, "warga1").get("/kerja/log-admin").status == 403)
    }
}
