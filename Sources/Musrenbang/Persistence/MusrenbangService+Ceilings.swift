import Foundation
import Storage

/// Ceiling settings, criteria inputs and OPD ceilings by Bappeda. Once a berita acara of the cycle is locked,
/// every change needs a reason; each change is one transaction with its admin-log row. Absurd values are refused
/// with `DomainError.invalidFields`, never wrapped.
extension MusrenbangService {
    /// Sets a level's total and formula (kelurahan or kecamatan); takes effect at the next `computeCeilings`.
    @discardableResult
    public func setCeilingSettings(cycleId: CycleID, level: Level, _ settings: CeilingSettings, reason: String? = nil,
                                   by actor: Actor) throws -> CeilingSettings {
        try administer(.bappeda, "ubah pengaturan pagu", by: actor) { change in
            try Self.storeCeilingSettings(change, cycleId: cycleId, level: level, settings, reason: reason)
        }
    }

    /// Sets a level's settings and, once both levels have settings, computes every ceiling with them, in one
    /// transaction: a refusal of the computation (missing inputs, below what is funded, no reason after a berita
    /// acara) leaves the settings as they were. Returns nil when the other level has no settings yet.
    @discardableResult
    public func setCeilingSettingsAndCompute(cycleId: CycleID, level: Level, _ settings: CeilingSettings, reason: String? = nil,
                                             by actor: Actor) throws -> (kelurahan: CeilingAllocation, kecamatan: CeilingAllocation)? {
        try administer(.bappeda, "ubah pengaturan pagu", by: actor) { change in
            _ = try Self.storeCeilingSettings(change, cycleId: cycleId, level: level, settings, reason: reason)
            let ceilings = CeilingRepository(change.db)
            guard try ceilings.settings(cycleId: cycleId, level: .kelurahan) != nil,
                  try ceilings.settings(cycleId: cycleId, level: .kecamatan) != nil else { return nil }
            return try CeilingComputation(change: change).run(cycleId: cycleId, reason: reason)
        }
    }

    /// What `settings` would give every area of `level` (kelurahan or kecamatan) with the stored inputs, and what is
    /// already funded from each; nothing is stored (Bappeda's "Pratinjau").
    public func previewCeilings(cycleId: CycleID, level: Level, _ settings: CeilingSettings, by actor: Actor) throws -> CeilingPreview {
        guard actor.role == .bappeda else { throw DomainError.roleNotAllowed(role: actor.role, action: "pratinjau pagu") }
        var errors = FieldErrors()
        errors.check(level == .kelurahan || level == .kecamatan, "tingkat", "pagu kewilayahan hanya kelurahan dan kecamatan")
        errors.append(settings.fieldErrors())
        try errors.throwIfAny()
        return try database.read { db in
            try Self.verify(actor, as: [.bappeda], "pratinjau pagu", db: db)
            let areas = try CeilingAreas(db: db, cycleId: cycleId)
            let allocation = try areas.allocate(level, total: settings.total, formula: settings.formula)
            return CeilingPreview(level: level, allocation: allocation, names: areas.names[level] ?? [:],
                                  funded: try CeilingRepository(db).funded(cycleId: cycleId, level: level))
        }
    }

    private static func storeCeilingSettings(_ change: AdminWriter, cycleId: CycleID, level: Level, _ settings: CeilingSettings,
                                             reason: String?) throws -> CeilingSettings {
        var errors = FieldErrors()
        errors.check(level == .kelurahan || level == .kecamatan, "tingkat", "pagu kewilayahan hanya kelurahan dan kecamatan")
        errors.append(settings.fieldErrors())
        try errors.throwIfAny()
        _ = try CycleRepository(change.db).cycle(id: cycleId)
        let reason = try change.reasonAfterLock(cycleId: cycleId, reason: reason, action: "ubah pengaturan pagu")
        let ceilings = CeilingRepository(change.db)
        let before = try ceilings.settings(cycleId: cycleId, level: level).map { AdminSnapshot(CeilingSettings(total: $0.total, formula: $0.formula)) }
        try ceilings.saveSettings(cycleId: cycleId, level: level, total: settings.total, formula: settings.formula)
        try change.log(.ceilingSettings, key: "\(cycleId)/\(level.rawValue)", before == nil ? .create : .update,
                       before: before, after: AdminSnapshot(settings), reason: reason, cycleId: cycleId)
        return settings
    }

    /// Sets one kelurahan's criteria inputs (`input.areaId` is the kelurahan id, of the cycle's kota).
    @discardableResult
    public func setCeilingInput(_ input: CeilingInput, cycleId: CycleID, reason: String? = nil, by actor: Actor) throws -> CeilingInput {
        try setCeilingInputs([input], cycleId: cycleId, reason: reason, by: actor)[0]
    }

    /// Sets the criteria inputs of several kelurahan at once (a whole table), all or nothing, one log row each;
    /// every invalid value of every kelurahan is reported at once.
    @discardableResult
    public func setCeilingInputs(_ inputs: [CeilingInput], cycleId: CycleID, reason: String? = nil, by actor: Actor) throws
        -> [CeilingInput] {
        try administer(.bappeda, "ubah data pagu kelurahan", by: actor) { change in
            var errors = FieldErrors()
            errors.check(!inputs.isEmpty, "data pagu", "wajib diisi")
            errors.check(Set(inputs.map(\.areaId)).count == inputs.count, "data pagu", "kelurahan ganda")
            for input in inputs {
                let fields = input.fieldErrors()
                errors.append(inputs.count == 1 ? fields
                              : fields.map { FieldError(field: "\($0.field) (kelurahan \(input.areaId))", message: $0.message) })
            }
            try errors.throwIfAny()
            let cycle = try CycleRepository(change.db).cycle(id: cycleId)
            let wilayah = WilayahRepository(change.db)
            let ofKota = Set(try wilayah.kelurahanList(kotaId: cycle.kotaId).map(\.id.rawValue))
            for input in inputs {
                _ = try wilayah.kelurahan(id: KelurahanID(input.areaId))
                guard ofKota.contains(input.areaId) else { throw DomainError.notInScope }
            }
            let reason = try change.reasonAfterLock(cycleId: cycleId, reason: reason, action: "ubah data pagu kelurahan")
            let ceilings = CeilingRepository(change.db)
            for input in inputs {
                let kelurahanId = KelurahanID(input.areaId)
                let before = try ceilings.input(cycleId: cycleId, kelurahanId: kelurahanId).map { AdminSnapshot($0) }
                try ceilings.saveInput(cycleId: cycleId, input)
                try change.log(.ceilingInputs, key: "\(cycleId)/\(kelurahanId)", before == nil ? .create : .update,
                               before: before, after: AdminSnapshot(input), reason: reason, cycleId: cycleId)
            }
            return inputs
        }
    }

    /// Sets an OPD's Musrenbang ceiling; refused below what is already funded from it.
    public func setOPDCeiling(cycleId: CycleID, opdId: OPDID, amount: Int64, reason: String? = nil, by actor: Actor) throws {
        try administer(.bappeda, "ubah pagu perangkat daerah", by: actor) { change in
            var errors = FieldErrors()
            errors.range(amount, 0...CeilingCalculator.maxTotal, "pagu perangkat daerah")
            try errors.throwIfAny()
            _ = try CycleRepository(change.db).cycle(id: cycleId)
            let opd = try CatalogRepository(change.db).opd(id: opdId)
            let reason = try change.reasonAfterLock(cycleId: cycleId, reason: reason, action: "ubah pagu perangkat daerah")
            let ceilings = CeilingRepository(change.db)
            let funded = try ceilings.funded(cycleId: cycleId, level: .opd)[opdId.rawValue] ?? 0
            guard amount >= funded else {
                throw DomainError.invalidFields([FieldError(field: "pagu \(opd.shortName)",
                    message: "\(Rupiah.format(amount)) lebih kecil dari yang sudah didanai \(Rupiah.format(funded))")])
            }
            let before = try ceilings.amount(of: .opd(opdId), cycleId: cycleId).map { AdminSnapshot(opdCeiling: opdId, amount: $0) }
            try ceilings.setOPDCeiling(cycleId: cycleId, opdId: opdId, amount: amount)
            try change.log(.opdCeilings, key: "\(cycleId)/\(opdId)", before == nil ? .create : .update, before: before,
                           after: AdminSnapshot(opdCeiling: opdId, amount: amount), reason: reason, cycleId: cycleId)
        }
    }
}

extension MusrenbangService {
    /// A cycle's ceilings with their inputs, computation and use (the public page `/pagu`), on one snapshot; nil while
    /// `viewer` may not see them (`Visibility.ceilingsArePublic`; Bappeda always). The envelopes' use follows
    /// `ceilingUsage(cycleId:level:viewer:)`.
    public func ceilingReport(cycleId: CycleID, viewer: Viewer) throws -> CeilingReport? {
        let now = clock.now()
        return try database.read { db in
            let cycle = try CycleCache.shared.cycle(id: cycleId, db)
            let isPublic = Visibility.ceilingsArePublic(cycle: cycle, at: now)
            guard isPublic || viewer.actor?.role == .bappeda else { return nil }
            let ceilings = CeilingRepository(db), wilayah = WilayahRepository(db)
            let kecamatan = try wilayah.kecamatanList(kotaId: cycle.kotaId)
            let kelurahan = try wilayah.kelurahanList(kotaId: cycle.kotaId)
            let kecamatanNames = Dictionary(uniqueKeysWithValues: kecamatan.map { ($0.id, $0.name) })
            var inputs: [Level: [Int64: CeilingInput]] = [.kelurahan: [:], .kecamatan: [:]]
            let kelurahanInputs = try ceilings.inputs(cycleId: cycleId)
            for input in kelurahanInputs { inputs[.kelurahan]![input.areaId] = input }
            let parent = Dictionary(uniqueKeysWithValues: kelurahan.map { ($0.id.rawValue, $0.kecamatanId.rawValue) })
            for input in CeilingInput.aggregate(kelurahanInputs, parentOf: { parent[$0] }) { inputs[.kecamatan]![input.areaId] = input }
            // Today's inputs, to tell whether the stored ceilings still follow from them (nil: an area has none).
            let areas: CeilingAreas?
            do { areas = try CeilingAreas(db: db, cycleId: cycleId) } catch is DomainError { areas = nil }
            var levels: [AreaCeilingLevel] = []
            for level in [Level.kelurahan, .kecamatan] {
                guard let settings = try ceilings.settings(cycleId: cycleId, level: level) else { continue }
                let (lines, computedAt) = try ceilings.storedLines(cycleId: cycleId, level: level)
                guard !lines.isEmpty else { continue }
                let usage = Dictionary(uniqueKeysWithValues: try Self.ceilingUsage(db, cycle: cycle, level: level, viewer: viewer, at: now)
                    .map { ($0.envelope.ownerId, $0) })
                let named: [(id: Int64, name: String, kecamatan: KecamatanID?)] = level == .kelurahan
                    ? kelurahan.map { ($0.id.rawValue, $0.name, $0.kecamatanId) }
                    : kecamatan.map { ($0.id.rawValue, $0.name, nil) }
                let names = Dictionary(uniqueKeysWithValues: named.map { ($0.id, ($0.name, $0.kecamatan)) })
                let rows = lines.compactMap { line -> AreaCeiling? in
                    guard let usage = usage[line.areaId], let (name, kecamatanId) = names[line.areaId] else { return nil }
                    return AreaCeiling(name: name, kecamatanId: kecamatanId, kecamatanName: kecamatanId.flatMap { kecamatanNames[$0] },
                                       input: inputs[level]?[line.areaId] ?? CeilingInput(areaId: line.areaId, values: [:]),
                                       line: line, usage: usage)
                }.sorted { ($0.kecamatanName ?? "", $0.name) < ($1.kecamatanName ?? "", $1.name) }
                let recomputed: CeilingAllocation?
                do { recomputed = try areas?.allocate(level, total: settings.total, formula: settings.formula) } catch is DomainError { recomputed = nil }
                levels.append(AreaCeilingLevel(level: level, total: settings.total, formula: settings.formula, areas: rows,
                                               computedAt: computedAt, matchesInputs: recomputed?.lines == lines))
            }
            return CeilingReport(cycle: cycle, isPublic: isPublic, levels: levels,
                                 opd: try Self.ceilingUsage(db, cycle: cycle, level: .opd, viewer: viewer, at: now))
        }
    }
}
