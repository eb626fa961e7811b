import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// The recap's and the ceilings' pages within the page budget (`docs/portal.md`: HTML + CSS + JS <= 100 KB) on a city
/// the size of the benchmark's (31 kecamatan, 154 kelurahan), where a row per kelurahan on the whole city's page would
/// not fit.
@Suite("The recap's and the ceilings' weight on a large city", .serialized)
struct RecapPageWeightTests {
    static let budgetBytes = 100 * 1024
    static let publicFolder = URL(fileURLWithPath: PortalWorld.migrations).deletingLastPathComponent().appendingPathComponent("Public")

    /// The page's HTML and every stylesheet and script it links from the public folder, as a browser downloads them.
    static func weight(_ body: String) throws -> Int {
        var bytes = body.utf8.count
        for marker in ["<link rel=\"stylesheet\" href=\"", "<script src=\""] {
            var rest = body[...]
            while let start = rest.range(of: marker) {
                let path = rest[start.upperBound...].prefix { $0 != "\"" }
                let file = publicFolder.appendingPathComponent(String(path)).path
                bytes += try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int, "\(path)")
                rest = rest[start.upperBound...]
            }
        }
        return bytes
    }

    @Test func theWholeCitysRecapItsPrintoutAndTheCeilingsFitTheBudget() throws {
        let demo = try DemoPortal()
        try demo.growToALargeCity()
        let cycle = try demo.cycle(budgetYear: 2028)
        let kecamatan = try RecapPageTests.kecamatanList(demo)
        #expect(kecamatan.count == DemoPortal.largeCityKecamatan)
        let kelurahan = try demo.database.read { db in try WilayahRepository(db).kelurahanList(kotaId: cycle.kotaId) }
        #expect(kelurahan.count == DemoPortal.largeCityKelurahan)
        let proposing = try RecapPageTests.expected(demo, cycle: cycle.id, by: "kelurahan", column: "kelurahan_id")
        #expect(proposing.count >= 150)   // nearly every kelurahan has proposals to show

        let browser = demo.browser()
        for path in ["/rekap", "/rekap?siklus=\(cycle.id.rawValue)", "/rekap/cetak?siklus=\(cycle.id.rawValue)"] {
            let page = try browser.get(path)
            #expect(page.status == 200, "\(path)")
            // Every kecamatan's row is there, and the way to its kelurahan.
            for area in kecamatan {
                #expect(HTMLTables.row(area.name, table: "Usulan per kecamatan", in: page.body) != nil, "\(area.name) on \(path)")
                #expect(page.body.contains("kecamatan=\(area.id.rawValue)#rekap-kelurahan\">Kecamatan \(HTML.escape(area.name))</a>"),
                        "\(area.name)'s link on \(path)")
            }
            let weight = try Self.weight(page.body)
            #expect(weight > 20 * 1024 && weight <= Self.budgetBytes, "\(path) weighs \(weight) B")
        }
        // The ceilings: every kecamatan's kelurahan summed, linked to its page.
        let ceilings = try browser.get("/pagu?siklus=\(cycle.id.rawValue)")
        #expect(ceilings.status == 200)
        for area in kecamatan {
            #expect(HTMLTables.row(area.name, table: "Pagu kelurahan per kecamatan (jumlah pagu semua kelurahannya)", in: ceilings.body) != nil,
                    "\(area.name) on /pagu")
        }
        let ceilingsWeight = try Self.weight(ceilings.body)
        #expect(ceilingsWeight <= Self.budgetBytes, "/pagu weighs \(ceilingsWeight) B")
        // The largest kecamatan's recap and ceilings, with its kelurahan one by one, fit too.
        let largest = try #require(kecamatan.max { a, b in
            kelurahanCount(demo, a.id) < kelurahanCount(demo, b.id)
        })
        for path in ["/rekap?siklus=\(cycle.id.rawValue)&kecamatan=\(largest.id.rawValue)", "/pagu?siklus=\(cycle.id.rawValue)&kecamatan=\(largest.id.rawValue)"] {
            let narrowed = try browser.get(path)
            #expect(narrowed.status == 200 && narrowed.body.contains("<span class=\"subtitle\">Kecamatan \(HTML.escape(largest.name))</span>"), "\(path)")
            let weight = try Self.weight(narrowed.body)
            #expect(weight <= Self.budgetBytes, "\(path) weighs \(weight) B")
        }
    }

    /// A kecamatan's recap lists last cycle's unfunded proposals there one by one: with more of them than the list
    /// holds (every proposal of last cycle moved into one kecamatan, the ratified ones made not ratified), it fits too.
    @Test func aKecamatansRecapWithManyOfLastCyclesUnfundedFitsTheBudget() throws {
        let demo = try DemoPortal()
        try demo.growToALargeCity()
        let cycle = try demo.cycle(budgetYear: 2028), previous = try demo.cycle(budgetYear: 2027)
        let kecamatan = try #require(try RecapPageTests.kecamatanList(demo).first)
        let unfunded = try demo.database.write { db -> Int in
            let members = try WilayahRepository(db).kelurahanList(kecamatanId: kecamatan.id).map(\.id.rawValue)
            let ids: [Int64] = try db.query("SELECT id FROM proposals WHERE cycle_id = ? ORDER BY id", [previous.id.rawValue]).map { try $0.get(0) }
            for (index, id) in ids.enumerated() {
                try db.execute("UPDATE proposals SET kecamatan_id = ?, kelurahan_id = ? WHERE id = ?",
                               [kecamatan.id.rawValue, members[index % members.count], id])
            }
            try db.execute("UPDATE proposals SET status = 'tidak_ditetapkan' WHERE cycle_id = ? AND stage = 'kota' AND status = 'ditetapkan'",
                           [previous.id.rawValue])
            return try RecapRepository(db).unfundedTallies(cycleId: previous.id, intoCycle: cycle.id, kecamatanId: kecamatan.id).first?.tally.count ?? 0
        }
        #expect(unfunded > CycleRecap.unfundedLineLimit)
        let path = "/rekap?siklus=\(cycle.id.rawValue)&kecamatan=\(kecamatan.id.rawValue)"
        let page = try demo.browser().get(path)
        #expect(page.status == 200)
        #expect(page.body.contains("Usulan tak terdanai \(HTML.escape(previous.name)), Kecamatan \(HTML.escape(kecamatan.name))"))
        let weight = try Self.weight(page.body)
        #expect(weight <= Self.budgetBytes, "\(path) weighs \(weight) B")
        // The first lines, and the way to all of them in the public list.
        let list = try #require(HTMLTables.table("Usulan tak terdanai \(previous.name), Kecamatan \(kecamatan.name)", in: page.body))
        #expect(list.components(separatedBy: "<tr>").count - 2 == CycleRecap.unfundedLineLimit)
        #expect(page.body.contains("Menampilkan \(CycleRecap.unfundedLineLimit) dari \(unfunded) usulan."))
        let all = "/usulan?siklus=\(previous.id.rawValue)&kecamatan=\(kecamatan.id.rawValue)&didanai=tidak"
        #expect(page.body.contains("<a href=\"\(all.replacingOccurrences(of: "&", with: "&amp;"))\">"))
        #expect(try demo.browser().get(all).status == 200)
    }

    private func kelurahanCount(_ demo: DemoPortal, _ id: KecamatanID) -> Int {
        (try? demo.database.read { db in try WilayahRepository(db).kelurahanList(kecamatanId: id).count }) ?? 0
    }
}
