import Foundation

/// Bounds the sign-ins that hash at once (yescrypt takes a core for tens of milliseconds) and the sign-ins in
/// progress at all: beyond `maxInProgress` a sign-in is refused at once (`PortalError.busy`), so that sign-ins never
/// occupy every worker thread and page views go on while many people sign in.
final class PasswordCheckGate: @unchecked Sendable {
    private let hashing: DispatchSemaphore
    private let lock = NSLock()
    private var inProgress = 0
    private let maxInProgress: Int

    init(concurrentChecks: Int, maxInProgress: Int) {
        hashing = DispatchSemaphore(value: max(1, concurrentChecks))
        self.maxInProgress = max(1, maxInProgress)
    }

    /// Sign-ins admitted and not yet done.
    var inProgressCount: Int { lock.withLock { inProgress } }

    /// Runs `check` when a hashing slot is free; throws `busy` when too many sign-ins are already in progress.
    func run<T>(_ check: () throws -> T) throws -> T {
        let admitted = lock.withLock { () -> Bool in
            guard inProgress < maxInProgress else { return false }
            inProgress += 1
            return true
        }
        guard admitted else { throw PortalError.busy }
        defer { lock.withLock { inProgress -= 1 } }
        hashing.wait()
        defer { hashing.signal() }
        return try check()
    }
}
