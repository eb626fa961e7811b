import Foundation

/// The schedule of one stage: actions of the stage are allowed for `opensAt <= now < closesAt`.
public struct StageWindow: Hashable, Sendable {
    public var stage: Stage
    public var opensAt: Date
    public var closesAt: Date

    public init(stage: Stage, opensAt: Date, closesAt: Date) {
        self.stage = stage; self.opensAt = opensAt; self.closesAt = closesAt
    }

    /// Half-open containment: open at `opensAt`, closed from `closesAt` on.
    public func contains(_ now: Date) -> Bool { opensAt <= now && now < closesAt }

    /// "5 Januari 2027 00.00 WIB - 31 Januari 2027 23.59 WIB".
    public var scheduleText: String { "\(WIBTime.format(opensAt)) - \(WIBTime.format(closesAt))" }
}

/// A logged extension of a stage window by Bappeda (append-only in storage).
public struct WindowExtension: Hashable, Sendable {
    public var cycleId: CycleID
    public var stage: Stage
    public var previousClosesAt: Date
    public var newClosesAt: Date
    public var reason: String
    public var extendedBy: AccountID
    public var extendedAt: Date

    public init(cycleId: CycleID, stage: Stage, previousClosesAt: Date, newClosesAt: Date,
                reason: String, extendedBy: AccountID, extendedAt: Date) {
        self.cycleId = cycleId; self.stage = stage; self.previousClosesAt = previousClosesAt
        self.newClosesAt = newClosesAt; self.reason = reason; self.extendedBy = extendedBy
        self.extendedAt = extendedAt
    }
}
