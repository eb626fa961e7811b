import Foundation

/// A planning cycle Bappeda opens: its kota, years, name, one window per stage and its settings.
public struct NewCycle: Hashable, Sendable {
    public var kotaId: KotaID
    public var planYear: Int
    public var budgetYear: Int
    public var name: String
    public var windows: [StageWindow]
    public var settings: CycleSettings

    /// A cycle of `kotaId` planning `budgetYear`, held in `planYear`.
    public init(kotaId: KotaID, planYear: Int, budgetYear: Int, name: String, windows: [StageWindow],
                settings: CycleSettings = CycleSettings()) {
        self.kotaId = kotaId; self.planYear = planYear; self.budgetYear = budgetYear; self.name = name
        self.windows = windows; self.settings = settings
    }

    /// The cycle with a trimmed name; every invalid field reported at once. Each stage has exactly one window,
    /// each window closes after it opens, and the stages follow each other without overlap.
    func validated() throws(DomainError) -> NewCycle {
        var errors = FieldErrors(), copy = self
        copy.name = errors.text(name, "nama siklus")
        errors.range(planYear, 2000...2999, "tahun pelaksanaan")
        errors.range(budgetYear, 2000...2999, "tahun anggaran")
        errors.check(budgetYear >= planYear, "tahun anggaran", "tidak boleh sebelum tahun pelaksanaan")
        errors.range(settings.costToleranceBasisPoints, 0...100_000, "toleransi biaya (basis poin)")
        var byStage: [Stage: StageWindow] = [:]
        for window in windows {
            let field = "jadwal \(window.stage.displayName)"
            errors.check(byStage[window.stage] == nil, field, "ganda")
            errors.check(window.closesAt > window.opensAt, field, "harus ditutup setelah dibuka")
            byStage[window.stage] = window
        }
        var previous: StageWindow?
        for stage in Stage.allCases {
            guard let window = byStage[stage] else {
                errors.check(false, "jadwal \(stage.displayName)", "wajib diisi")
                continue
            }
            if let previous {
                errors.check(window.opensAt >= previous.closesAt, "jadwal \(stage.displayName)",
                             "harus dibuka setelah \(previous.stage.displayName) ditutup")
            }
            previous = window
        }
        try errors.throwIfAny()
        return copy
    }
}
