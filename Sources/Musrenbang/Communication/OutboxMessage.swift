import Foundation

/// How an outbox message travels: `email` (drained by `musrenbang outbox send`) or `sms` (a phone number, left for
/// an SMS or WhatsApp gateway).
public enum OutboxChannel: String, Hashable, Sendable, CaseIterable {
    case email
    case sms
}

/// Where an outbox message stands (the stored text of `outbox.status`).
public enum OutboxStatus: String, Hashable, Sendable, CaseIterable {
    /// Waiting for its `nextAttemptAt`.
    case pending
    /// Claimed by a sender until `claimed_until` (a crashed sender's claim runs out and the row is pending again).
    case sending
    case sent
    /// Given up after `OutboxPolicy.maxAttempts`.
    case failed
}

/// One message of the outbox as a sender claims it.
public struct OutboxMessage: Hashable, Sendable {
    public var id: Int64
    public var channel: OutboxChannel
    /// An e-mail address or a phone number.
    public var recipient: String
    public var subject: String
    public var body: String
    /// A path of the portal the message is about ("/usulan/saya/TGS-2027-000123").
    public var link: String
    /// Attempts so far, this one included once claimed.
    public var attempts: Int
    public var createdAt: Date
}

/// The retry rule of the outbox: at most `maxAttempts` attempts, the n-th retry `baseDelay * 2^(n-1)` after the
/// failure (5, 10, 20, 40 minutes...), a claim held for `claimSeconds`.
public struct OutboxPolicy: Hashable, Sendable {
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var claimSeconds: TimeInterval

    public init(maxAttempts: Int = 6, baseDelay: TimeInterval = 300, claimSeconds: TimeInterval = 600) {
        self.maxAttempts = maxAttempts; self.baseDelay = baseDelay; self.claimSeconds = claimSeconds
    }

    /// The wait after the `attempts`-th failed attempt.
    public func delay(afterAttempt attempts: Int) -> TimeInterval {
        baseDelay * pow(2, Double(max(0, min(attempts, 20) - 1)))
    }
}

/// What one run of a sender did.
public struct OutboxRunSummary: Hashable, Sendable {
    public var sent = 0
    /// Failed and scheduled again.
    public var retrying = 0
    /// Failed for the last time.
    public var failed = 0
    public init() {}
}
