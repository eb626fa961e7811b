/// What a level's ceiling settings would give every area, computed and not stored: the allocation (its amounts add
/// up exactly to the total), each area's name, and what is already funded from each area's envelope.
public struct CeilingPreview: Hashable, Sendable {
    public var level: Level
    public var allocation: CeilingAllocation
    /// "Kelurahan Pondok Karya" by area id.
    public var names: [Int64: String]
    /// The sum of the funded proposals' cost in force, by area id (absent: nothing funded).
    public var funded: [Int64: Int64]

    public init(level: Level, allocation: CeilingAllocation, names: [Int64: String], funded: [Int64: Int64]) {
        self.level = level; self.allocation = allocation; self.names = names; self.funded = funded
    }

    /// The sum of every area's ceiling (equal to the allocation's total).
    public var sum: Int64 { allocation.lines.reduce(0) { $0 + $1.amount } }
}
