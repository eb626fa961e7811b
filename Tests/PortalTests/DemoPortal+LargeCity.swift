import Foundation
import Musrenbang
import Storage

/// The demo city grown to the benchmark city's size (31 kecamatan, 154 kelurahan: `bench/recap.sh`, ten times
/// Surabaya's yearly volume): 24 more kecamatan of four or five kelurahan with names as long as real ones, each new area
/// with a ceiling in the current cycle (a copy of an existing area's), and every tenth proposal of the current cycle
/// moved into a new kelurahan, so that every per-area table of the recap has a row per area.
extension DemoPortal {
    static let largeCityKecamatan = 31
    static let largeCityKelurahan = 154

    func growToALargeCity() throws {
        let cycle = try self.cycle(budgetYear: 2028)
        try database.write { db in
            let wilayah = WilayahRepository(db)
            let oldKecamatan = try wilayah.kecamatanList(kotaId: cycle.kotaId).map(\.id.rawValue)
            let oldKelurahan = try wilayah.kelurahanList(kotaId: cycle.kotaId).map(\.id.rawValue)
            let newKecamatanCount = Self.largeCityKecamatan - oldKecamatan.count
            var extraKelurahan = Self.largeCityKelurahan - oldKelurahan.count - 4 * newKecamatanCount
            var added: [(kelurahan: Int64, kecamatan: Int64)] = []
            for k in 0..<newKecamatanCount {
                let kecamatan = try wilayah.insertKecamatan(kotaId: cycle.kotaId, code: "LC\(k + 1)", name: "Bukit Harapan Sejahtera \(k + 1)")
                try db.execute("""
                    INSERT INTO kecamatan_ceilings SELECT cycle_id, ?, base_part, population_part, area_part, pbb_part, poor_part,
                        exact_share_micros, rounded_down, remainder_bonus, amount, computed_at
                    FROM kecamatan_ceilings WHERE cycle_id = ? AND kecamatan_id = ?
                    """, [kecamatan.rawValue, cycle.id.rawValue, oldKecamatan[k % oldKecamatan.count]])
                let members = extraKelurahan > 0 ? 5 : 4
                extraKelurahan -= members - 4
                for l in 0..<members {
                    let kelurahan = try wilayah.insertKelurahan(kecamatanId: kecamatan, code: "LC\(k + 1).\(l + 1)",
                                                                name: "Pondok Jaya Makmur Sentosa \(k + 1)-\(l + 1)")
                    try db.execute("""
                        INSERT INTO kelurahan_ceilings SELECT cycle_id, ?, base_part, population_part, area_part, pbb_part, poor_part,
                            exact_share_micros, rounded_down, remainder_bonus, amount, computed_at
                        FROM kelurahan_ceilings WHERE cycle_id = ? AND kelurahan_id = ?
                        """, [kelurahan.rawValue, cycle.id.rawValue, oldKelurahan[added.count % oldKelurahan.count]])
                    added.append((kelurahan.rawValue, kecamatan.rawValue))
                }
            }
            let proposals: [Int64] = try db.query("SELECT id FROM proposals WHERE cycle_id = ? ORDER BY id", [cycle.id.rawValue])
                .map { try $0.get(0) }
            for (index, id) in proposals.enumerated() where index % 10 == 0 {
                let area = added[(index / 10) % added.count]
                try db.execute("UPDATE proposals SET kelurahan_id = ?, kecamatan_id = ? WHERE id = ?", [area.kelurahan, area.kecamatan, id])
            }
        }
    }
}
