import Foundation

/// At most `limit` submissions per key (a client address) within `window` seconds, in memory: a submission takes a
/// place at once (so two at the same moment cannot both slip in) and gives it back when it is refused for its
/// content, so that only what is stored counts. A restart forgets every count.
final class SubmissionLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var taken: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Takes a place for `key` at `now`: 0 when taken, else the seconds until the oldest place of the window frees.
    func take(_ key: String, at now: Date) -> Int {
        lock.withLock {
            var recent = (taken[key] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count < limit else {
                taken[key] = recent
                let oldest = recent.min() ?? now
                return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            recent.append(now)
            taken[key] = recent
            if taken.count > 100_000 { taken = taken.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            return 0
        }
    }

    /// Gives back the place taken at `at` (a refused submission).
    func giveBack(_ key: String, takenAt at: Date) {
        lock.withLock {
            guard var places = taken[key], let index = places.lastIndex(of: at) else { return }
            places.remove(at: index)
            taken[key] = places
        }
    }
}
