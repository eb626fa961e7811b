import Foundation
import Musrenbang
import Storage

/// The criteria inputs of a cycle as Bappeda's table shows them: every kelurahan of the kota with its stored inputs
/// (none yet for some), each kecamatan with the sums of its kelurahan (what the kecamatan ceiling uses), whether a
/// berita acara is locked (a change then needs a reason), and a version that changes whenever a stored input does.
struct CeilingInputSheet {
    struct Row {
        let kelurahan: Kelurahan
        let kecamatanName: String
        let stored: CeilingInput?
    }

    struct KecamatanRow {
        let kecamatan: Kecamatan
        let kelurahanCount: Int
        let missing: Int
        let sums: [CeilingCriterion: Int64]
    }

    let cycle: Cycle
    let rows: [Row]
    let kecamatan: [KecamatanRow]
    let locked: Bool
    let version: String

    static func load(_ cycle: Cycle, database: Database) throws -> CeilingInputSheet {
        try database.read { db in
            let wilayah = WilayahRepository(db)
            let kecamatan = try wilayah.kecamatanList(kotaId: cycle.kotaId)
            let kelurahan = try wilayah.kelurahanList(kotaId: cycle.kotaId)
            var stored: [Int64: CeilingInput] = [:]
            for input in try CeilingRepository(db).inputs(cycleId: cycle.id) { stored[input.areaId] = input }
            let names = Dictionary(kecamatan.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let rows = kelurahan.map { Row(kelurahan: $0, kecamatanName: names[$0.kecamatanId] ?? "", stored: stored[$0.id.rawValue]) }
                .sorted { ($0.kecamatanName, $0.kelurahan.name) < ($1.kecamatanName, $1.kelurahan.name) }
            let sums = kecamatan.map { k -> KecamatanRow in
                let mine = rows.filter { $0.kelurahan.kecamatanId == k.id }
                var sums: [CeilingCriterion: Int64] = [:]
                for criterion in CeilingCriterion.allCases {
                    sums[criterion] = mine.compactMap { $0.stored?.value(criterion) }.reduce(0) { sum, value in
                        let (next, overflow) = sum.addingReportingOverflow(value)
                        return overflow ? .max : next
                    }
                }
                return KecamatanRow(kecamatan: k, kelurahanCount: mine.count, missing: mine.filter { $0.stored == nil }.count, sums: sums)
            }
            let locked = !(try LockRepository(db).keys(cycleId: cycle.id).isEmpty)
            return CeilingInputSheet(cycle: cycle, rows: rows, kecamatan: sums, locked: locked, version: Self.version(stored.values))
        }
    }

    /// A digest of the stored inputs in id order: the same text for the same stored values, in every process.
    static func version(_ inputs: some Sequence<CeilingInput>) -> String {
        let text = inputs.sorted(by: { $0.areaId < $1.areaId })
            .map { input in "\(input.areaId):" + CeilingCriterion.allCases.map { "\(input.value($0))" }.joined(separator: ",") }
            .joined(separator: ";")
        return String(SHA256.hexDigest(Array(text.utf8)).prefix(32))
    }

    /// The row of the kelurahan with raw id `id`.
    func row(_ id: Int64) -> Row? { rows.first { $0.kelurahan.id.rawValue == id } }
}
