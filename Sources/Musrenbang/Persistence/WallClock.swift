import Foundation

/// Where the service reads "now". Injected so that tests, the demo seeder and benchmarks control time.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock reading `read` on every call.
    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    /// The current instant.
    public func now() -> Date { read() }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// A clock that reads a `ManualClock` (tests and the seeder move it by hand).
    public static func manual(_ clock: ManualClock) -> WallClock { WallClock { clock.now } }
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
