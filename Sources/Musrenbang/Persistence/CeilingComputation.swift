import Foundation
import Storage

/// Bappeda's computation of a cycle's kelurahan and kecamatan ceilings, on an open write transaction. Refused,
/// with nothing written, when a kelurahan (or a kecamatan, through its kelurahan) of the kota has no inputs, when
/// a berita acara of the cycle is locked and no reason is given, or when an envelope would fall below what is
/// already funded from it. Logged in the admin log with the amounts before and after.
struct CeilingComputation {
    let change: AdminWriter

    func run(cycleId: CycleID, reason: String?) throws -> (kelurahan: CeilingAllocation, kecamatan: CeilingAllocation) {
        let db = change.db, ceilings = CeilingRepository(db)
        guard let kelurahanSettings = try ceilings.settings(cycleId: cycleId, level: .kelurahan),
              let kecamatanSettings = try ceilings.settings(cycleId: cycleId, level: .kecamatan) else {
            throw DomainError.missingInput(field: "pengaturan pagu")
        }
        let reason = try change.reasonAfterLock(cycleId: cycleId, reason: reason, action: "hitung ulang pagu")
        let areas = try CeilingAreas(db: db, cycleId: cycleId)
        let kelurahanAllocation = try areas.allocate(.kelurahan, total: kelurahanSettings.total, formula: kelurahanSettings.formula)
        let kecamatanAllocation = try areas.allocate(.kecamatan, total: kecamatanSettings.total, formula: kecamatanSettings.formula)
        let names = areas.names
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
