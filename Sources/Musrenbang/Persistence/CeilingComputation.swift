import Foundation
import Storage

/// Bappeda's computation of a cycle's kelurahan and kecamatan ceilings, on an open write transaction. Refused,
/// with nothing written, when a kelurahan (or a kecamatan, through its kelurahan) of the kota has no inputs, when
/// a berita acara of the cycle is locked and no reason is given, or when an envelope would fall below what is
/// already funded from it. Logged in the admin log with the amounts before and after.
struct CeilingComputation {
    let change: AdminWriter

    func run(cycleId: CycleID, reason: String?) throws -> (kelurahan: CeilingAllocation, kecamatan: CeilingAllocation) {
        let db = change.db, ceilings = CeilingRepository(db), wilayah = WilayahRepository(db)
        guard let kelurahanSettings = try ceilings.settings(cycleId: cycleId, level: .kelurahan),
              let kecamatanSettings = try ceilings.settings(cycleId: cycleId, level: .kecamatan) else {
            throw DomainError.missingInput(field: "pengaturan pagu")
        }
        let reason = try change.reasonAfterLock(cycleId: cycleId, reason: reason, action: "hitung ulang pagu")
        let cycle = try CycleRepository(db).cycle(id: cycleId)
        let kelurahan = try wilayah.kelurahanList(kotaId: cycle.kotaId)
        let kecamatan = try wilayah.kecamatanList(kotaId: cycle.kotaId)
        var stored: [Int64: CeilingInput] = [:]
        for input in try ceilings.inputs(cycleId: cycleId) { stored[input.areaId] = input }
        let missing = kelurahan.filter { stored[$0.id.rawValue] == nil }.map { "Kelurahan \($0.name)" }
            + kecamatan.filter { k in !kelurahan.contains { $0.kecamatanId == k.id } }.map { "Kecamatan \($0.name) (tanpa kelurahan)" }
        guard missing.isEmpty else {
            throw DomainError.missingInput(field: "data pagu (penduduk, luas, PBB, rumah tangga miskin) untuk "
                                           + missing.joined(separator: ", "))
        }
        let inputs = kelurahan.map { stored[$0.id.rawValue]! }
        var parent: [Int64: Int64] = [:]
        for k in kelurahan { parent[k.id.rawValue] = k.kecamatanId.rawValue }
        let kelurahanAllocation = try CeilingCalculator.allocate(total: kelurahanSettings.total, inputs: inputs,
                                                                 formula: kelurahanSettings.formula)
        let kecamatanAllocation = try CeilingCalculator.allocate(total: kecamatanSettings.total,
                                                                 inputs: CeilingInput.aggregate(inputs, parentOf: { parent[$0] }),
                                                                 formula: kecamatanSettings.formula)
        var names: [Level: [Int64: String]] = [.kelurahan: [:], .kecamatan: [:]]
        for k in kelurahan { names[.kelurahan]![k.id.rawValue] = "Kelurahan \(k.name)" }
        for k in kecamatan { names[.kecamatan]![k.id.rawValue] = "Kecamatan \(k.name)" }
        var errors = FieldErrors()
        for (level, allocation) in [(Level.kelurahan, kelurahanAllocation), (.kecamatan, kecamatanAllocation)] {
            for (owner, funded) in try ceilings.funded(cycleId: cycleId, level: level).sorted(by: { $0.key < $1.key }) {
                let amount = allocation.line(for: owner)?.amount ?? 0
                errors.check(amount >= funded, "pagu \(names[level]![owner] ?? "\(level.rawValue) \(owner)")",
                             "\(Rupiah.format(amount)) lebih kecil dari yang sudah didanai \(Rupiah.format(funded))")
            }
        }
        try errors.throwIfAny()
        let before = AdminSnapshot(ceilings: [.kelurahan: try ceilings.amounts(cycleId: cycleId, level: .kelurahan),
                                              .kecamatan: try ceilings.amounts(cycleId: cycleId, level: .kecamatan)])
        try ceilings.saveCeilings(cycleId: cycleId, level: .kelurahan, allocation: kelurahanAllocation, at: change.now)
        try ceilings.saveCeilings(cycleId: cycleId, level: .kecamatan, allocation: kecamatanAllocation, at: change.now)
        let after = AdminSnapshot(ceilings: [.kelurahan: try ceilings.amounts(cycleId: cycleId, level: .kelurahan),
                                             .kecamatan: try ceilings.amounts(cycleId: cycleId, level: .kecamatan)])
        try change.log(.ceilings, key: "\(cycleId)", .compute, before: before, after: after, reason: reason, cycleId: cycleId)
        return (kelurahanAllocation, kecamatanAllocation)
    }
}
