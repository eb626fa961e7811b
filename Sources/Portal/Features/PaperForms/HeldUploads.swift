import Foundation
import Musrenbang

/// Uploaded files held in memory between two requests of one form, keyed by a random token and bound to the account
/// and the session that sent them: a paper form's scan across a refused form (browsers never send a file again), a
/// CSV file between its preview and the confirmation (the rows are read again from these bytes, never from hidden
/// fields). An entry lives an hour; at most `capacity` are held (the oldest goes first). Lost on a restart: the
/// operator then uploads again.
final class HeldUploads: @unchecked Sendable {
    struct Upload {
        let fileName: String
        let bytes: [UInt8]
        let accountId: AccountID
        let sessionHash: String
        let heldAt: Date
    }

    static let lifetime: TimeInterval = 3600
    private let capacity: Int
    private let lock = NSLock()
    private var uploads: [String: Upload] = [:]

    init(capacity: Int = 64) { self.capacity = capacity }

    /// Holds `bytes` for the account and session; returns the token the form carries.
    func hold(fileName: String, bytes: [UInt8], accountId: AccountID, sessionHash: String, at now: Date) -> String {
        let token = SessionToken.make()
        lock.withLock {
            uploads = uploads.filter { now.timeIntervalSince($0.value.heldAt) < Self.lifetime }
            while uploads.count >= capacity, let oldest = uploads.min(by: { $0.value.heldAt < $1.value.heldAt })?.key {
                uploads[oldest] = nil
            }
            uploads[token] = Upload(fileName: fileName, bytes: bytes, accountId: accountId, sessionHash: sessionHash, heldAt: now)
        }
        return token
    }

    /// The upload of `token` when it belongs to this account and session and is not expired.
    func find(_ token: String, accountId: AccountID, sessionHash: String, at now: Date) -> Upload? {
        lock.withLock {
            guard let upload = uploads[token], upload.accountId == accountId, upload.sessionHash == sessionHash,
                  now.timeIntervalSince(upload.heldAt) < Self.lifetime else { return nil }
            return upload
        }
    }

    /// Removes and returns the upload (one confirmation uses it once; a second finds nothing).
    func take(_ token: String, accountId: AccountID, sessionHash: String, at now: Date) -> Upload? {
        lock.withLock {
            guard let upload = uploads[token], upload.accountId == accountId, upload.sessionHash == sessionHash,
                  now.timeIntervalSince(upload.heldAt) < Self.lifetime else { return nil }
            uploads[token] = nil
            return upload
        }
    }

    /// Holds an upload again under its token (a confirmation the engine refused).
    func restore(_ token: String, _ upload: Upload) {
        lock.withLock { uploads[token] = upload }
    }
}
