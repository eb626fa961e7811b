import Foundation
import Musrenbang

/// Settings of the portal (command-line options and `MUSRENBANG_*` variables of `serve`).
public struct PortalConfiguration: Sendable {
    /// A session unused this long ends (default 2 hours).
    public var idleTimeout: TimeInterval = 2 * 3600
    /// A session ends this long after sign-in, used or not (default 12 hours).
    public var absoluteTimeout: TimeInterval = 12 * 3600
    /// Mark cookies `Secure` (behind TLS).
    public var secureCookies = false
    /// The city's contact line in the footer.
    public var contact = "Bappeda Kota Tangerang Selatan, Jl. Maruga No. 1, Ciputat. Telepon (021) 7490000."
    /// Sign-ins checked at once (each costs a yescrypt hash); more wait. Default: one per core.
    public var concurrentPasswordChecks = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Sign-ins in progress (checking or waiting) beyond which a new one is answered at once with "try again",
    /// so that sign-ins never hold every worker thread (page views keep the rest).
    public var maxSignInsInProgress = 48
    /// Feedback (`/saran`) stored per client address within an hour; more are refused with 429 until the hour frees.
    public var feedbackPerHour = 5
    /// The least time, in seconds, between handing out the feedback form and accepting it back (a person needs longer).
    public var feedbackMinimumFillSeconds: TimeInterval = 3
    /// Where unexpected errors are written (stderr in `serve`); never personal data.
    public var log: @Sendable (String) -> Void = { _ in }

    public init() {}
}
