import Foundation

/// The signed time a form was handed out (a hidden field), so that a submission can be refused when it comes back
/// faster than a person fills the form in (a script posting at once) or much later (a copied form replayed for days).
/// The value is `<unix seconds>.<HMAC-SHA256 of "saran|<unix seconds>" in hex>` under a key made at start from the
/// system's CSPRNG: nobody outside the process can make one, and a restart makes earlier ones invalid (the form then
/// comes back once with every answer kept and a new stamp).
struct FormStamp: Sendable {
    /// What a stamp says when it comes back.
    enum Verdict: Equatable {
        /// Handed out by this process at `issuedAt`, old enough and not too old.
        case valid(issuedAt: Date)
        /// Handed out less than the minimum fill time ago: `wait` more seconds.
        case tooFast(wait: Int)
        /// Older than `maximumAge`, or made by an earlier process, or not a stamp at all.
        case invalid
    }

    private let key: [UInt8]
    let minimumAge: TimeInterval
    let maximumAge: TimeInterval

    init(minimumAge: TimeInterval, maximumAge: TimeInterval = 24 * 3600) {
        var generator = SystemRandomNumberGenerator()
        key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
    }

    /// A stamp of `now`.
    func issue(at now: Date) -> String {
        let seconds = String(Int64(now.timeIntervalSince1970.rounded(.down)))
        return seconds + "." + signature(seconds)
    }

    /// What `stamp` says at `now`.
    func check(_ stamp: String?, at now: Date) -> Verdict {
        guard let stamp, let dot = stamp.firstIndex(of: ".") else { return .invalid }
        let seconds = String(stamp[..<dot])
        let signed = String(stamp[stamp.index(after: dot)...])
        guard seconds.utf8.count <= 12, let value = Int64(seconds), SessionToken.equal(signed, signature(seconds)) else { return .invalid }
        let issuedAt = Date(timeIntervalSince1970: TimeInterval(value))
        let age = now.timeIntervalSince(issuedAt)
        if age < minimumAge { return .tooFast(wait: max(1, Int((minimumAge - age).rounded(.up)))) }
        if age > maximumAge { return .invalid }
        return .valid(issuedAt: issuedAt)
    }

    private func signature(_ seconds: String) -> String { HMACSHA256.hex(HMACSHA256.mac(key: key, message: Array("saran|\(seconds)".utf8))) }
}
