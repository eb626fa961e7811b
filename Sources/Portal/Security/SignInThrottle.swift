import Foundation

/// Failed sign-ins per username and per client address (in memory), with a growing wait: after 5 failures within
/// 15 minutes a key must wait 30 s, then 60 s, 2 min, ... at most 15 min since its last failure. A success clears the
/// username's count (not the address's: one address may try many names).
final class SignInThrottle: @unchecked Sendable {
    private struct Record { var failures: [Date] }
    private let lock = NSLock()
    private var records: [String: Record] = [:]
    static let window: TimeInterval = 15 * 60
    static let freeFailures = 5
    static let longestWait: TimeInterval = 15 * 60

    /// Seconds `keys` must still wait (0: may try now).
    func wait(for keys: [String], at now: Date) -> Int {
        lock.withLock {
            keys.map { key -> Int in
                guard let record = records[key] else { return 0 }
                let recent = record.failures.filter { now.timeIntervalSince($0) < Self.window }
                guard recent.count >= Self.freeFailures, let last = recent.last else { return 0 }
                let wait = min(Self.longestWait, 30 * pow(2, Double(recent.count - Self.freeFailures)))
                return max(0, Int((wait - now.timeIntervalSince(last)).rounded(.up)))
            }.max() ?? 0
        }
    }

    /// Records a failure for every key.
    func fail(_ keys: [String], at now: Date) {
        lock.withLock {
            for key in keys {
                var record = records[key] ?? Record(failures: [])
                record.failures = record.failures.filter { now.timeIntervalSince($0) < Self.window } + [now]
                records[key] = record
            }
            if records.count > 100_000 { records = records.filter { now.timeIntervalSince($0.value.failures.last ?? now) < Self.window } }
        }
    }

    /// Clears a key (a successful sign-in of that username).
    func clear(_ key: String) { lock.withLock { records[key] = nil } }

    /// The keys of one attempt: the username (case-insensitive) and the client address without its port.
    static func keys(username: String, remoteAddress: String) -> [String] {
        var address = remoteAddress
        if address.hasPrefix("["), let end = address.firstIndex(of: "]") {
            address = String(address[address.index(after: address.startIndex)..<end])
        } else if let colon = address.lastIndex(of: ":"), address.filter({ $0 == ":" }).count == 1 {
            address = String(address[..<colon])
        }
        return ["u:" + username.lowercased(), "a:" + address]
    }
}
