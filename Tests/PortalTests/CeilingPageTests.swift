import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("Bappeda's ceilings at /kerja/pagu")
struct CeilingPageTests {
    /// The verifiers' scene with a kelurahan for Serpong and criteria inputs for every kelurahan but, when asked,
    /// Cempaka Putih.
    static func scene(_ world: PortalWorld, leaveOut: Bool = false) throws -> (VerifierScene, [CeilingInput]) {
        let scene = try world.verifiers()
        let inputs = try world.database.write { db in
            let serpong = try WilayahRepository(db).insertKelurahan(kecamatanId: scene.otherKecamatan, code: "LK", name: "Lengkong Karya")
            let inputs = [CeilingInput(areaId: world.kelurahan.rawValue, population: 12_000, area: 150, pbbRealisation: 900_000_000, poorHouseholds: 300),
                          CeilingInput(areaId: scene.otherKelurahan.rawValue, population: 31_000, area: 420, pbbRealisation: 2_100_000_000, poorHouseholds: 120),
                          CeilingInput(areaId: serpong.rawValue, population: 18_500, area: 260, pbbRealisation: 1_400_000_000, poorHouseholds: 510)]
            for input in inputs where !(leaveOut && input.areaId == scene.otherKelurahan.rawValue) {
                try CeilingRepository(db).saveInput(cycleId: scene.residents.cycleId, input)
            }
            return inputs
        }
        return (scene, inputs)
    }

    static func fields(_ level: String, total: String, base: String = "30", weights: [String] = ["40", "20", "20", "20"], unit: String = "1.000",
                       action: String, reason: String = "") -> [(String, String)] {
        [("tingkat", level), ("total", total), ("porsi-dasar", base), ("bobot-population", weights[0]), ("bobot-area", weights[1]),
         ("bobot-pbb_realisation", weights[2]), ("bobot-poor_households", weights[3]), ("pembulatan", unit), ("aksi", action), ("alasan", reason)]
    }

    static let formula = CeilingFormula(baseShareBasisPoints: 3000, weights: [.population: 40, .area: 20, .pbbRealisation: 20, .poorHouseholds: 20],
                                        roundingUnit: 1_000)

    @Test func previewShowsEveryAreaAndTheExactSumWithoutSavingThenSaveComputesEveryCeiling() throws {
        let world = try PortalWorld()
        let (scene, inputs) = try Self.scene(world)
        let cycleId = scene.residents.cycleId
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.0.1:1")
        let page = try bappeda.get("/kerja/pagu")
        #expect(page.status == 200 && page.body.contains("Pagu kelurahan belum dihitung.") && page.body.contains("Pagu perangkat daerah"))
        let preview = try bappeda.post("/kerja/pagu", Self.fields("kelurahan", total: "1.000.000.001", action: "pratinjau"), csrf: page.csrf)
        #expect(preview.status == 200 && preview.body.contains("Pratinjau (belum disimpan)"))
        let expected = try CeilingCalculator.allocate(total: 1_000_000_001, inputs: inputs, formula: Self.formula)
        for line in expected.lines { #expect(preview.body.contains("<td class=\"num\">\(Rupiah.format(line.amount))</td>")) }
        #expect(preview.body.contains("Kelurahan Lengkong Karya") && preview.body.contains("Kelurahan Cempaka Putih"))
        #expect(preview.body.contains("<tfoot><tr><th scope=\"row\">Jumlah</th><td class=\"num\">Rp 1.000.000.001</td>"))
        #expect(preview.body.contains("Jumlah sama dengan total Rp 1.000.000.001."))
        #expect(preview.body.contains("value=\"1.000.000.001\""))
        // Nothing stored by a preview.
        #expect(try world.database.read { db in try CeilingRepository(db).settings(cycleId: cycleId, level: .kelurahan) } == nil)
        #expect(try world.service.adminLog(cycleId: cycleId, by: scene.bappeda).isEmpty)
        // Save the kelurahan settings: stored, computed once the kecamatan has settings too.
        let first = try bappeda.post("/kerja/pagu", Self.fields("kelurahan", total: "1.000.000.001", action: "simpan"), csrf: page.csrf)
        #expect(first.status == 303 && first.location == "/kerja/pagu?tingkat=kelurahan")
        #expect(try bappeda.get("/kerja/pagu?tingkat=kelurahan").body.contains("Pagu dihitung setelah pengaturan kedua tingkat tersimpan."))
        let second = try bappeda.post("/kerja/pagu", Self.fields("kecamatan", total: "600.000.000", action: "simpan"), csrf: page.csrf)
        #expect(second.status == 303 && second.location == "/kerja/pagu?tingkat=kecamatan")
        let (kelurahan, kecamatan) = try world.database.read { db in
            (try CeilingRepository(db).amounts(cycleId: cycleId, level: .kelurahan), try CeilingRepository(db).amounts(cycleId: cycleId, level: .kecamatan))
        }
        #expect(kelurahan == Dictionary(uniqueKeysWithValues: expected.lines.map { ($0.areaId, $0.amount) }))
        #expect(kecamatan.values.reduce(0, +) == 600_000_000 && kecamatan.count == 2)
        let shown = try bappeda.get("/kerja/pagu?tingkat=kecamatan")
        #expect(shown.body.contains("Pagu kecamatan yang berlaku") && shown.body.contains("<td class=\"num\">Rp 600.000.000</td>"))
        #expect(shown.body.contains("dihitung ulang"))
        let log = try world.service.adminLog(cycleId: cycleId, by: scene.bappeda)
        #expect(log.filter { $0.entity == .ceilingSettings }.count == 2 && log.filter { $0.entity == .ceilings && $0.action == .compute }.count == 1)
        #expect(try bappeda.get("/kerja").body.contains("href=\"/kerja/pagu\""))
    }

    @Test func refusalsKeepTheTypedValuesNameEachFieldAndStoreNothing() throws {
        let world = try PortalWorld()
        let (scene, _) = try Self.scene(world, leaveOut: true)
        let cycleId = scene.residents.cycleId
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.0.2:1")
        let page = try bappeda.get("/kerja/pagu")
        let bad = try bappeda.post("/kerja/pagu", Self.fields("kelurahan", total: "banyak", base: "150", weights: ["-1", "20", "x", "20"], unit: "0",
                                                              action: "pratinjau"), csrf: page.csrf)
        #expect(bad.status == 422)
        for field in ["total", "porsi-dasar", "bobot-population", "bobot-pbb_realisation", "pembulatan"] {
            #expect(bad.body.contains("id=\"\(field)-error\""), "\(field)")
        }
        #expect(!bad.body.contains("id=\"bobot-area-error\"") && bad.body.contains("value=\"banyak\"") && bad.body.contains("value=\"150\""))
        // The engine's rule: no weight with a base share below 100%.
        let noWeight = try bappeda.post("/kerja/pagu", Self.fields("kelurahan", total: "1.000.000", weights: ["0", "0", "0", "0"], action: "simpan"),
                                        csrf: page.csrf)
        #expect(noWeight.status == 422 && noWeight.body.contains("id=\"bobot-population-error\""))
        // Cempaka Putih has no inputs: the preview names it.
        let missing = try bappeda.post("/kerja/pagu", Self.fields("kelurahan", total: "1.000.000", action: "pratinjau"), csrf: page.csrf)
        #expect(missing.status == 422 && missing.body.contains("Kelurahan Cempaka Putih"))
        #expect(try world.database.read { db in try CeilingRepository(db).settings(cycleId: cycleId, level: .kelurahan) } == nil)
        // After a berita acara: a reason is required, and nothing changes without one.
        try scene.lock(.kelurahan(world.kelurahan))
        let noReason = try bappeda.post("/kerja/pagu", Self.fields("kelurahan", total: "1.000.000", action: "simpan"), csrf: page.csrf)
        #expect(noReason.status == 422 && noReason.body.contains("id=\"alasan-error\""))
        #expect(try world.database.read { db in try CeilingRepository(db).settings(cycleId: cycleId, level: .kelurahan) } == nil)
        let withReason = try bappeda.post("/kerja/pagu", Self.fields("kelurahan", total: "1.000.000", action: "simpan", reason: "Koreksi APBD."),
                                          csrf: page.csrf)
        #expect(withReason.status == 303)
        #expect(try world.service.adminLog(entity: .ceilingSettings, cycleId: cycleId, by: scene.bappeda).first?.reason == "Koreksi APBD.")
    }

    @Test func opdCeilingsAreSetWithTheirRulesAndOtherRolesAreRefused() throws {
        let world = try PortalWorld()
        let (scene, _) = try Self.scene(world)
        let cycleId = scene.residents.cycleId
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.6.0.3:1")
        let page = try bappeda.get("/kerja/pagu")
        let id = scene.opd.rawValue
        let bad = try bappeda.post("/kerja/pagu/opd", [("opd", "\(id)"), ("pagu-\(id)", "dua miliar")], csrf: page.csrf)
        #expect(bad.status == 422 && bad.body.contains("id=\"pagu-\(id)-error\"") && bad.body.contains("value=\"dua miliar\""))
        let done = try bappeda.post("/kerja/pagu/opd", [("opd", "\(id)"), ("pagu-\(id)", "2.500.000.000")], csrf: page.csrf)
        #expect(done.status == 303)
        #expect(try world.database.read { db in try CeilingRepository(db).amount(of: .opd(scene.opd), cycleId: cycleId) } == 2_500_000_000)
        #expect(try bappeda.get("/kerja/pagu").body.contains("value=\"2.500.000.000\""))
        #expect(try bappeda.post("/kerja/pagu/opd", [("opd", "999999"), ("pagu-999999", "1")], csrf: page.csrf).status == 404)
        // Another staff role: refused, nothing stored.
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.6.0.4:1")
        let refused = try camat.get("/kerja/pagu")
        #expect(refused.status == 403 && refused.body.contains("Halaman pagu hanya untuk Bappeda"))
        let home = try camat.get("/kerja")
        #expect(try camat.post("/kerja/pagu", Self.fields("kelurahan", total: "1.000.000", action: "simpan"), csrf: home.csrf).status == 403)
        #expect(try camat.post("/kerja/pagu/opd", [("opd", "\(id)"), ("pagu-\(id)", "1")], csrf: home.csrf).status == 403)
        #expect(try world.database.read { db in try CeilingRepository(db).settings(cycleId: cycleId, level: .kelurahan) } == nil)
        #expect(try world.database.read { db in try CeilingRepository(db).amount(of: .opd(scene.opd), cycleId: cycleId) } == 2_500_000_000)
    }

    @Test func percentTextAndBasisPoints() {
        #expect(CeilingSettingsForm.basisPoints("30") == 3000 && CeilingSettingsForm.basisPoints("30,5") == 3050)
        #expect(CeilingSettingsForm.basisPoints("12.25%") == 1225 && CeilingSettingsForm.basisPoints("100") == 10_000)
        #expect(CeilingSettingsForm.basisPoints("100,01") == nil && CeilingSettingsForm.basisPoints("-1") == nil)
        #expect(CeilingSettingsForm.basisPoints("3,125") == nil && CeilingSettingsForm.basisPoints("") == nil)
        #expect(CeilingSettingsForm.percentText(3050) == "30,5" && CeilingSettingsForm.percentText(1205) == "12,05")
        #expect(CeilingSettingsForm.percentText(3000) == "30")
    }
}
