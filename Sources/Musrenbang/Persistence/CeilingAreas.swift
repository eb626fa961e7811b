import Foundation
import Storage

/// The areas of a cycle's kota with their criteria inputs, as the ceiling computation and its preview read them:
/// every kelurahan's stored inputs, and each kecamatan's as the sum of its kelurahan. Refused (`missing_input`,
/// naming each) while a kelurahan has no inputs or a kecamatan has no kelurahan.
struct CeilingAreas {
    let kelurahanInputs: [CeilingInput]
    let kecamatanInputs: [CeilingInput]
    /// "Kelurahan Pondok Karya", "Kecamatan Ciputat Timur" by level and area id.
    let names: [Level: [Int64: String]]

    init(db: Connection, cycleId: CycleID) throws {
        let wilayah = WilayahRepository(db)
        let cycle = try CycleRepository(db).cycle(id: cycleId)
        let kelurahan = try wilayah.kelurahanList(kotaId: cycle.kotaId)
        let kecamatan = try wilayah.kecamatanList(kotaId: cycle.kotaId)
        var stored: [Int64: CeilingInput] = [:]
        for input in try CeilingRepository(db).inputs(cycleId: cycleId) { stored[input.areaId] = input }
        let missing = kelurahan.filter { stored[$0.id.rawValue] == nil }.map { "Kelurahan \($0.name)" }
            + kecamatan.filter { k in !kelurahan.contains { $0.kecamatanId == k.id } }.map { "Kecamatan \($0.name) (tanpa kelurahan)" }
        guard missing.isEmpty else {
            throw DomainError.missingInput(field: "data pagu (penduduk, luas, PBB, rumah tangga miskin) untuk "
                                           + missing.joined(separator: ", "))
        }
        let inputs = kelurahan.map { stored[$0.id.rawValue]! }
        var parent: [Int64: Int64] = [:]
        for k in kelurahan { parent[k.id.rawValue] = k.kecamatanId.rawValue }
        kelurahanInputs = inputs
        kecamatanInputs = CeilingInput.aggregate(inputs, parentOf: { parent[$0] })
        var names: [Level: [Int64: String]] = [.kelurahan: [:], .kecamatan: [:]]
        for k in kelurahan { names[.kelurahan]![k.id.rawValue] = "Kelurahan \(k.name)" }
        for k in kecamatan { names[.kecamatan]![k.id.rawValue] = "Kecamatan \(k.name)" }
        self.names = names
    }

    /// The ceilings of `level` (kelurahan or kecamatan) sharing `total` by `formula`.
    func allocate(_ level: Level, total: Int64, formula: CeilingFormula) throws -> CeilingAllocation {
        try CeilingCalculator.allocate(total: total, inputs: level == .kecamatan ? kecamatanInputs : kelurahanInputs, formula: formula)
    }
}
