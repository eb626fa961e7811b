import Foundation

extension MusrenbangService {
    /// Every cycle, newest budget year first (kept by `CycleCache` while no cycle changes).
    public func cycles() throws -> [Cycle] {
        try database.read { db in try CycleCache.shared.all(db) }
    }

    /// The cycle a visitor should see now: the one whose schedule is under way, else the latest that has begun,
    /// else the next to come; nil when there is none.
    public func currentCycle() throws -> Cycle? {
        let now = clock.now()
        let cycles = try database.read { db in try CycleCache.shared.all(db) }
        func span(_ cycle: Cycle) -> (Date, Date)? {
            let windows = cycle.windows.values
            guard let start = windows.map(\.opensAt).min(), let end = windows.map(\.closesAt).max() else { return nil }
            return (start, end)
        }
        if let running = cycles.first(where: { span($0).map { $0.0 <= now && now < $0.1 } ?? false }) { return running }
        if let begun = cycles.first(where: { span($0).map { $0.0 <= now } ?? false }) { return begun }
        return cycles.last
    }
}
