import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Bappeda's wilayah at /kerja/master/wilayah")
struct WilayahMasterTests {
    static func kecamatan(_ world: PortalWorld) throws -> [Kecamatan] {
        try world.database.read { db in
            let kota = try WilayahRepository(db).kecamatan(id: world.kecamatan).kotaId
            return try WilayahRepository(db).kecamatanList(kotaId: kota)
        }
    }

    @Test func bappedaAddsAndRenamesKecamatanKelurahanAndAddsRWAndRT() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let pk = world.kelurahan.rawValue
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.3.1:1")
        let page = try bappeda.get("/kerja/master/wilayah")
        #expect(page.status == 200)
        #expect(page.body.contains("Kecamatan Ciputat Timur") && page.body.contains("Kecamatan Serpong") && page.body.contains("value=\"Pondok Karya\""))
        let added = try bappeda.post("/kerja/master/wilayah/kecamatan", [("kecamatan-kode", "PDA"), ("kecamatan-nama", "Pondok Aren")], csrf: page.csrf)
        #expect(added.status == 303 && added.location == "/kerja/master/wilayah")
        let aren = try #require(try Self.kecamatan(world).first { $0.name == "Pondok Aren" })
        #expect(aren.code == "PDA")
        let kelurahan = try bappeda.post("/kerja/master/wilayah/kelurahan", [("kelurahan-kecamatan", "\(aren.id.rawValue)"),
                                                                             ("kelurahan-kode", "PJ"), ("kelurahan-nama", "Pondok Jaya")],
                                         csrf: page.csrf)
        #expect(kelurahan.status == 303)
        #expect(try world.database.read { db in try WilayahRepository(db).kelurahanList(kecamatanId: aren.id) }.map(\.name) == ["Pondok Jaya"])
        let renamed = try bappeda.post("/kerja/master/wilayah/kelurahan/\(pk)", [("nama-kelurahan-\(pk)", "Pondok Karya Indah")], csrf: page.csrf)
        #expect(renamed.status == 303)
        #expect(try world.database.read { db in try WilayahRepository(db).kelurahan(id: world.kelurahan) }.name == "Pondok Karya Indah")
        let after = try bappeda.get("/kerja/master/wilayah")
        #expect(after.body.contains("Nama kelurahan PK diubah menjadi Pondok Karya Indah."))
        #expect(after.body.contains("Pondok Karya (PK) menjadi Pondok Karya Indah (PK)") && after.body.contains("Ditambahkan: Pondok Aren (PDA)"))
        #expect(try world.service.adminLog(entity: .kecamatan, by: scene.bappeda).count == 1)
        #expect(try world.service.adminLog(entity: .kelurahan, by: scene.bappeda).count == 2)
        // RW and RT of the kelurahan.
        let rws = try bappeda.get("/kerja/master/wilayah/kelurahan/\(pk)")
        #expect(rws.status == 200 && rws.body.contains("<tr><th scope=\"row\">RW 01</th><td>RT 01, 02</td></tr>"))
        let rw = try bappeda.post("/kerja/master/wilayah/kelurahan/\(pk)/rw", [("rw-nomor", "5")], csrf: rws.csrf)
        #expect(rw.status == 303 && rw.location == "/kerja/master/wilayah/kelurahan/\(pk)")
        let rw5 = try #require(try world.database.read { db in try WilayahRepository(db).rw(kelurahanId: world.kelurahan, number: 5) })
        let rt = try bappeda.post("/kerja/master/wilayah/kelurahan/\(pk)/rt", [("rt-rw", "\(rw5.id.rawValue)"), ("rt-nomor", "2")], csrf: rws.csrf)
        #expect(rt.status == 303)
        let shown = try bappeda.get("/kerja/master/wilayah/kelurahan/\(pk)")
        #expect(shown.body.contains("RT 02 ditambahkan di RW 05.") && shown.body.contains("<tr><th scope=\"row\">RW 05</th><td>RT 02</td></tr>"))
        #expect(try world.service.adminLog(entity: .rw, by: scene.bappeda).count == 1)
        #expect(try world.service.adminLog(entity: .rt, by: scene.bappeda).count == 1)
    }

    @Test func refusalsNameTheFieldKeepWhatWasTypedAndChangeNothing() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let pk = world.kelurahan.rawValue
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.3.2:1")
        let page = try bappeda.get("/kerja/master/wilayah")
        let before = try Self.kecamatan(world)
        let empty = try bappeda.post("/kerja/master/wilayah/kecamatan", [("kecamatan-kode", "B<1>"), ("kecamatan-nama", " ")], csrf: page.csrf)
        #expect(empty.status == 422 && empty.body.contains("id=\"kecamatan-nama-error\"") && empty.body.contains("value=\"B&lt;1&gt;\""))
        let taken = try bappeda.post("/kerja/master/wilayah/kelurahan", [("kelurahan-kecamatan", "\(world.kecamatan.rawValue)"),
                                                                         ("kelurahan-kode", "PK"), ("kelurahan-nama", "Pondok Lain")],
                                     csrf: page.csrf)
        #expect(taken.status == 422 && taken.body.contains("id=\"kelurahan-kode-error\"") && taken.body.contains("value=\"Pondok Lain\""))
        #expect(try Self.kecamatan(world) == before)
        let rws = try bappeda.get("/kerja/master/wilayah/kelurahan/\(pk)")
        let twice = try bappeda.post("/kerja/master/wilayah/kelurahan/\(pk)/rw", [("rw-nomor", "1")], csrf: rws.csrf)
        #expect(twice.status == 422 && twice.body.contains("Nomor RW ini sudah ada di kelurahan ini."))
        let word = try bappeda.post("/kerja/master/wilayah/kelurahan/\(pk)/rw", [("rw-nomor", "satu")], csrf: rws.csrf)
        #expect(word.status == 422 && word.body.contains("id=\"rw-nomor-error\"") && word.body.contains("value=\"satu\""))
        // An RW of another kelurahan is not this page's.
        let otherRW = try #require(try world.database.read { db in try WilayahRepository(db).rws(kelurahanId: scene.otherKelurahan).first })
        let elsewhere = try bappeda.post("/kerja/master/wilayah/kelurahan/\(pk)/rt", [("rt-rw", "\(otherRW.id.rawValue)"), ("rt-nomor", "9")],
                                         csrf: rws.csrf)
        #expect(elsewhere.status == 404)
        #expect(try world.service.adminLog(entity: .rw, by: scene.bappeda).isEmpty && world.service.adminLog(entity: .rt, by: scene.bappeda).isEmpty)
    }

    @Test func anotherStaffRoleIsRefusedInThePortalAndInTheEngine() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.6.3.3:1")
        let page = try camat.get("/kerja/master/wilayah")
        #expect(page.status == 403 && page.body.contains("Data wilayah (kecamatan, kelurahan, RW, RT) diatur oleh Bappeda"))
        let home = try camat.get("/kerja")
        let before = try Self.kecamatan(world)
        let post = try camat.post("/kerja/master/wilayah/kecamatan", [("kecamatan-kode", "PDA"), ("kecamatan-nama", "Pondok Aren")], csrf: home.csrf)
        #expect(post.status == 403)
        let forged = Actor(accountId: scene.camat.accountId, role: .bappeda, scope: .kota)
        #expect(throws: DomainError.self) {
            try world.service.addKecamatan(kotaId: before[0].kotaId, code: "PDA", name: "Pondok Aren", by: forged)
        }
        #expect(try Self.kecamatan(world) == before)
    }
}
