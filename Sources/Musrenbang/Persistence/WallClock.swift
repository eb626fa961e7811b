import Foundation

/// Where the service reads "now". Injected so that tests, the demo seeder and benchmarks control time, and so that a
/// city rehearses a cycle on a copy of its data at the dates it chooses (`rehearsal(startingAt:)`).
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date
    /// The moment a rehearsal clock was set to (`serve --rehearsal-at`); nil for every other clock. The portal shows a
    /// banner while it is set, so that a rehearsal is never taken for the real portal.
    public let rehearsalStart: Date?

    /// A clock reading `read` on every call.
    public init(_ read: @escaping @Sendable () -> Date) { self.read = read; rehearsalStart = nil }

    private init(rehearsalStart: Date, _ read: @escaping @Sendable () -> Date) {
        self.read = read
        self.rehearsalStart = rehearsalStart
    }

    /// The current instant.
    public func now() -> Date { read() }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// A clock that reads a `ManualClock` (tests and the seeder move it by hand).
    public static func manual(_ clock: ManualClock) -> WallClock { WallClock { clock.now } }

    /// A rehearsal clock: it reads `start` when made and runs on from there at the system clock's pace, so the
    /// engine's windows, events and sessions all live at the rehearsed date.
    public static func rehearsal(startingAt start: Date) -> WallClock {
        let offset = start.timeIntervalSince(Date())
        return WallClock(rehearsalStart: start) { Date().addingTimeInterval(offset) }
    }
}

/// A settable clock. `@unchecked Sendable`: the single stored date is guarded by `lock`.
public final class ManualClock: @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()

    public init(_ start: Date) { current = start }

    /// The clock's current instant.
    public var now: Date { lock.withLock { current } }

    /// Sets the clock to `date`.
    public func set(_ date: Date) { lock.withLock { current = date } }

    /// Moves the clock forward by `seconds`.
    public func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}
