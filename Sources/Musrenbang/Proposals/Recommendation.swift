import Foundation

/// One level's recommended volume and cost, kept beside the original (SIPD keeps lurah, camat, OPD and
/// Bappeda recommendations side by side).
public struct Recommendation: Hashable, Sendable {
    public var level: Level
    public var volume: Int64
    public var cost: Int64
    public var note: String
    /// True when the cost is above volume x SSH price by more than the cycle's tolerance.
    public var flaggedAboveTolerance: Bool
    public var recommendedBy: AccountID
    public var recommendedAt: Date

    public init(level: Level, volume: Int64, cost: Int64, note: String, flaggedAboveTolerance: Bool,
                recommendedBy: AccountID, recommendedAt: Date) {
        self.level = level; self.volume = volume; self.cost = cost; self.note = note
        self.flaggedAboveTolerance = flaggedAboveTolerance; self.recommendedBy = recommendedBy
        self.recommendedAt = recommendedAt
    }
}
