import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Bappeda's criteria inputs of the ceiling formula at /kerja/pagu/kriteria")
struct CeilingInputTests {
    /// The value of the hidden field `name` on the page.
    static func hidden(_ name: String, _ body: String) -> String? {
        guard let start = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = body[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func stored(_ world: PortalWorld) throws -> [Int64: CeilingInput] {
        let cycle = try #require(try world.service.currentCycle())
        let inputs = try world.database.read { db in try CeilingRepository(db).inputs(cycleId: cycle.id) }
        return Dictionary(uniqueKeysWithValues: inputs.map { ($0.areaId, $0) })
    }

    static func row(_ id: Int64, _ values: [String]) -> [(String, String)] {
        zip(["penduduk", "luas", "pbb", "miskin"], values).map { ("\($0)-\(id)", $1) }
    }

    @Test func bappedaFillsTheTableSeesTheKecamatanSumsAndTheHistory() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let pk = world.kelurahan.rawValue, cp = scene.otherKelurahan.rawValue
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.1.1:1")
        let page = try bappeda.get("/kerja/pagu/kriteria")
        #expect(page.status == 200)
        #expect(page.body.contains("Pondok Karya <small>(belum diisi)</small>") && page.body.contains("Cempaka Putih"))
        #expect(page.body.contains("<th scope=\"row\">Serpong</th><td>tanpa kelurahan</td>"))
        let version = try #require(Self.hidden("versi", page.body))
        // Pondok Karya filled, Cempaka Putih left blank: only Pondok Karya is stored.
        let done = try bappeda.post("/kerja/pagu/kriteria", [("versi", version)] + Self.row(pk, ["12.000", "150", "900.000.000", "300"])
                                    + Self.row(cp, ["", "", "", ""]), csrf: page.csrf)
        #expect(done.status == 303 && done.location == "/kerja/pagu/kriteria")
        let stored = try Self.stored(world)
        #expect(stored[pk] == CeilingInput(areaId: pk, population: 12_000, area: 150, pbbRealisation: 900_000_000, poorHouseholds: 300))
        #expect(stored[cp] == nil)
        let log = try world.service.adminLog(entity: .ceilingInputs, by: scene.bappeda)
        #expect(log.count == 1 && log.first?.action == .create)
        let after = try bappeda.get("/kerja/pagu/kriteria")
        #expect(after.body.contains("Data kriteria 1 kelurahan disimpan."))
        #expect(after.body.contains("value=\"12.000\"") && after.body.contains("value=\"900.000.000\""))
        #expect(after.body.contains("<th scope=\"row\">Ciputat Timur</th><td>2 kelurahan, 1 belum diisi</td><td class=\"num\">12.000</td>"))
        #expect(after.body.contains("Kelurahan Pondok Karya: jumlah penduduk 12.000, luas wilayah 150"))
        // A change of one value: logged as an update with before and after.
        let changed = try bappeda.post("/kerja/pagu/kriteria", [("versi", try #require(Self.hidden("versi", after.body)))]
                                       + Self.row(pk, ["12.500", "150", "900.000.000", "300"]) + Self.row(cp, ["", "", "", ""]),
                                       csrf: after.csrf)
        #expect(changed.status == 303)
        #expect(try Self.stored(world)[pk]?.value(.population) == 12_500)
        #expect(try bappeda.get("/kerja/pagu/kriteria").body.contains("jumlah penduduk 12.000 menjadi 12.500"))
        #expect(try world.service.adminLog(entity: .ceilingInputs, by: scene.bappeda).count == 2)
    }

    @Test func aRefusedTableNamesEveryFieldKeepsWhatWasTypedAndAStaleTableIsAConflict() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let pk = world.kelurahan.rawValue, cp = scene.otherKelurahan.rawValue
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.1.2:1")
        let page = try bappeda.get("/kerja/pagu/kriteria")
        let version = try #require(Self.hidden("versi", page.body))
        let refused = try bappeda.post("/kerja/pagu/kriteria", [("versi", version)] + Self.row(pk, ["12,5", "150", "-3", "300"])
                                       + Self.row(cp, ["1.000", "", "", ""]), csrf: page.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("id=\"penduduk-\(pk)-error\"") && refused.body.contains("id=\"pbb-\(pk)-error\"")
                && !refused.body.contains("id=\"luas-\(pk)-error\""))
        #expect(refused.body.contains("id=\"luas-\(cp)-error\"") && refused.body.contains("id=\"miskin-\(cp)-error\""))
        #expect(refused.body.contains("Kelurahan Pondok Karya: Tulis jumlah penduduk dengan bilangan bulat 0 atau lebih"))
        #expect(refused.body.contains("value=\"12,5\"") && refused.body.contains("value=\"-3\""))
        #expect(try Self.stored(world).isEmpty)
        // Someone else stores Cempaka Putih meanwhile: the table read before is refused whole.
        let cycle = try #require(try world.service.currentCycle())
        try world.service.setCeilingInput(CeilingInput(areaId: cp, population: 1, area: 1, pbbRealisation: 1, poorHouseholds: 1),
                                          cycleId: cycle.id, by: scene.bappeda)
        let stale = try bappeda.post("/kerja/pagu/kriteria", [("versi", version)] + Self.row(pk, ["12.000", "150", "1", "300"])
                                     + Self.row(cp, ["", "", "", ""]), csrf: page.csrf)
        #expect(stale.status == 409 && stale.body.contains("Data kriteria sudah diubah orang lain"))
        #expect(try Self.stored(world)[pk] == nil)
    }

    @Test func anotherStaffRoleIsRefusedInThePortalAndInTheEngine() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.6.1.3:1")
        let page = try camat.get("/kerja/pagu/kriteria")
        #expect(page.status == 403 && page.body.contains("Data kriteria pagu (penduduk, luas, PBB, rumah tangga miskin) diatur oleh Bappeda"))
        let home = try camat.get("/kerja")
        let post = try camat.post("/kerja/pagu/kriteria", [("versi", "0")] + Self.row(world.kelurahan.rawValue, ["1", "1", "1", "1"]),
                                  csrf: home.csrf)
        #expect(post.status == 403)
        let cycle = try #require(try world.service.currentCycle())
        let forged = Actor(accountId: scene.camat.accountId, role: .bappeda, scope: .kota)
        #expect(throws: DomainError.self) {
            try world.service.setCeilingInput(CeilingInput(areaId: world.kelurahan.rawValue, population: 1, area: 1, pbbRealisation: 1,
                                                           poorHouseholds: 1), cycleId: cycle.id, by: forged)
        }
        #expect(try Self.stored(world).isEmpty)
    }

    @Test func importReadsBOMAndSemicolonsShowsEveryErrorByLineAndColumnThenStoresAllOrNone() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let pk = world.kelurahan.rawValue, cp = scene.otherKelurahan.rawValue
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.1.4:1")
        let page = try bappeda.get("/kerja/pagu/kriteria")
        let template = try bappeda.get("/kerja/pagu/kriteria/templat.csv")
        #expect(template.status == 200 && template.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(Array(template.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(template.body.contains("kode_kelurahan;nama_kelurahan;jumlah_penduduk;luas_wilayah_m2;realisasi_pbb;rumah_tangga_miskin\r\n"))
        #expect(template.body.contains("PK;Pondok Karya;;;;"))
        // BOM, semicolons, a quoted name holding a semicolon; line 3 has a word for a number, line 4 an unknown code.
        let broken = [0xEF, 0xBB, 0xBF] + Array("""
            kode_kelurahan;nama_kelurahan;jumlah_penduduk;luas_wilayah_m2;realisasi_pbb;rumah_tangga_miskin\r
            PK;"Pondok; Karya";12.000;150;900.000.000;300\r
            CP;Cempaka Putih;dua ribu;420;2.100.000.000;120\r
            ZZ;Entah;1;1;1;1\r

            """.utf8)
        let refused = try bappeda.postMultipart("/kerja/pagu/kriteria/impor", [], files: [
            MultipartFile(field: "berkas", fileName: "kriteria.csv", contentType: "text/csv", bytes: broken),
        ], csrf: page.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("Baris 3, kolom jumlah_penduduk: Tulis jumlah penduduk dengan bilangan bulat"))
        #expect(refused.body.contains("Baris 4, kolom kode_kelurahan: Tidak ada kelurahan berkode &quot;ZZ&quot; di kota ini."))
        #expect(refused.body.contains("Tidak ada yang diimpor.") && !refused.body.contains("berkas_token"))
        #expect(try Self.stored(world).isEmpty)
        // Commas, no BOM, the second kelurahan by its exact name.
        let good = Array("""
            kode_kelurahan,nama_kelurahan,jumlah_penduduk,luas_wilayah_m2,realisasi_pbb,rumah_tangga_miskin
            PK,Pondok Karya,12000,150,900000000,300
            ,Cempaka Putih,31.000,420,2.100.000.000,120

            """.utf8)
        let preview = try bappeda.postMultipart("/kerja/pagu/kriteria/impor", [], files: [
            MultipartFile(field: "berkas", fileName: "kriteria.csv", contentType: "text/csv", bytes: good),
        ], csrf: page.csrf)
        #expect(preview.status == 200 && preview.body.contains("2 kelurahan siap diimpor."))
        #expect(try Self.stored(world).isEmpty)
        let token = try #require(Self.hidden("berkas_token", preview.body))
        let done = try bappeda.post("/kerja/pagu/kriteria/impor/konfirmasi", [("berkas_token", token), ("alasan", "")], csrf: page.csrf)
        #expect(done.status == 303 && done.location == "/kerja/pagu/kriteria")
        let stored = try Self.stored(world)
        #expect(stored[pk] == CeilingInput(areaId: pk, population: 12_000, area: 150, pbbRealisation: 900_000_000, poorHouseholds: 300))
        #expect(stored[cp] == CeilingInput(areaId: cp, population: 31_000, area: 420, pbbRealisation: 2_100_000_000, poorHouseholds: 120))
        #expect(try world.service.adminLog(entity: .ceilingInputs, by: scene.bappeda).count == 2)
        #expect(try bappeda.get("/kerja/pagu/kriteria").body.contains("Data kriteria 2 kelurahan dari kriteria.csv diimpor."))
        let again = try bappeda.post("/kerja/pagu/kriteria/impor/konfirmasi", [("berkas_token", token)], csrf: page.csrf)
        #expect(again.status == 409)
    }
}
