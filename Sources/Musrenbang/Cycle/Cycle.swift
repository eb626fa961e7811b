import Foundation

/// One planning cycle: the Musrenbang held in `planYear` (e.g. 2027) that plans the RKPD/APBD of
/// `budgetYear` (e.g. 2028). Holds the stage schedule and the cycle's settings.
public struct Cycle: Hashable, Sendable {
    public var id: CycleID
    public var kotaId: KotaID
    /// Year the Musrenbang meetings are held; used in tracking codes (TGS-2027-000123).
    public var planYear: Int
    /// Year of the RKPD/APBD being planned.
    public var budgetYear: Int
    public var name: String
    /// The current windows (extensions already applied), one per stage.
    public var windows: [Stage: StageWindow]
    /// Log of extensions, oldest first.
    public var extensions: [WindowExtension]
    public var settings: CycleSettings

    public init(id: CycleID, kotaId: KotaID, planYear: Int, budgetYear: Int, name: String,
                windows: [StageWindow], extensions: [WindowExtension] = [], settings: CycleSettings = CycleSettings()) {
        self.id = id; self.kotaId = kotaId; self.planYear = planYear; self.budgetYear = budgetYear
        self.name = name; self.extensions = extensions; self.settings = settings
        var byStage: [Stage: StageWindow] = [:]
        for window in windows { byStage[window.stage] = window }
        self.windows = byStage
    }

    /// Whether `stage` is open at `now` (a stage without a window is closed).
    public func isOpen(_ stage: Stage, at now: Date) -> Bool { windows[stage]?.contains(now) ?? false }

    /// Whether the cycle is over: the Musrenbang kota signed its berita acara, or its window has closed.
    public func isFinished(at now: Date, locks: Set<LockKey>) -> Bool {
        if locks.contains(.kota) { return true }
        guard let kota = windows[.kota] else { return false }
        return now >= kota.closesAt
    }

    /// Throws `.outsideWindow` unless `stage` is open at `now`.
    public func requireOpen(_ stage: Stage, at now: Date) throws(DomainError) {
        guard isOpen(stage, at: now) else { throw .outsideWindow(stage: stage, window: windows[stage]) }
    }

    /// Bappeda extends a stage's window to `newClosesAt` (must be later than the current close).
    /// Returns the updated cycle and the extension to append to the log.
    public func extending(_ stage: Stage, to newClosesAt: Date, reason: String, by actor: Actor,
                          at now: Date) throws(DomainError) -> (cycle: Cycle, logEntry: WindowExtension) {
        guard actor.role == .bappeda else { throw .roleNotAllowed(role: actor.role, action: "perpanjang jadwal") }
        guard let window = windows[stage] else { throw .missingInput(field: "jadwal \(stage.displayName)") }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .reasonRequired(action: "perpanjang jadwal") }
        guard newClosesAt > window.closesAt else {
            throw .invalidInput(field: "jadwal", detail: "perpanjangan harus lebih lambat dari \(WIBTime.format(window.closesAt))")
        }
        let entry = WindowExtension(cycleId: id, stage: stage, previousClosesAt: window.closesAt,
                                    newClosesAt: newClosesAt, reason: trimmed, extendedBy: actor.accountId,
                                    extendedAt: now)
        var copy = self
        copy.windows[stage]?.closesAt = newClosesAt
        copy.extensions.append(entry)
        return (copy, entry)
    }
}

public typealias CycleID = Identifier<Cycle>

/// Settings of a cycle that the rules read.
public struct CycleSettings: Hashable, Sendable {
    /// A verifier's changed cost above volume x SSH price by more than this (basis points, 1000 = 10%)
    /// is flagged.
    public var costToleranceBasisPoints: Int

    public init(costToleranceBasisPoints: Int = 1000) { self.costToleranceBasisPoints = costToleranceBasisPoints }
}
