import Foundation
import Storage

/// Notifications and their outbox (docs/notifications.md). A notification is written in the same transaction as the
/// change that causes it: proposal events through `EventRepository.append`, anything else through `notify` on a
/// `MusrenbangTransaction` or `NotificationWriter` on the caller's connection.
extension MusrenbangService {
    /// Notifies `account` in its own transaction (the portal's list and the outbox). Prefer
    /// `MusrenbangTransaction.notify` inside the transaction of the change the notification tells of.
    @discardableResult
    public func notify(account: AccountID, kind: NotificationKind, subject: String, body: String, link: String) throws -> Int64 {
        let now = clock.now()
        return try database.write { db in
            try NotificationWriter(db).notify(account: account, kind: kind, subject: subject, body: body, link: link, at: now)
        }
    }

    /// The newest notifications of `account` (at most `limit`), newest first.
    public func notifications(of account: AccountID, limit: Int = 100) throws -> [AccountNotification] {
        try database.read { db in
            try db.query("""
                SELECT id, kind, subject, body, link, created_at, read_at FROM notifications WHERE account_id = ?
                ORDER BY id DESC LIMIT ?
                """, [account.rawValue, Int64(limit)]).map(Self.notification)
        }
    }

    private static func notification(_ row: Row) throws -> AccountNotification {
        AccountNotification(id: try row.get("id"), kind: NotificationKind(rawValue: try row.get("kind")) ?? .proposal,
                            subject: try row.get("subject"), body: try row.get("body"), link: try row.get("link"),
                            createdAt: try Stored.date(row, "created_at"), readAt: try Stored.optionalDate(row, "read_at"))
    }

    /// One notification of `account` (nil when `account` has none with `id`).
    public func notification(_ id: Int64, of account: AccountID) throws -> AccountNotification? {
        try database.read { db in
            try db.queryOne("""
                SELECT id, kind, subject, body, link, created_at, read_at FROM notifications WHERE id = ? AND account_id = ?
                """, [id, account.rawValue]).map(Self.notification)
        }
    }

    /// How many notifications of `account` are unread (the header's count).
    public func unreadNotificationCount(of account: AccountID) throws -> Int {
        try database.read { db in
            Int(try db.scalar("SELECT count(*) FROM notifications WHERE account_id = ? AND read_at IS NULL", [account.rawValue],
                              as: Int64.self) ?? 0)
        }
    }

    /// Marks `account`'s notifications read: the one with `id` (false when `account` has none such), or all when nil.
    @discardableResult
    public func markNotificationsRead(of account: AccountID, id: Int64? = nil) throws -> Bool {
        let now = Stored.text(clock.now())
        return try database.write { db in
            if let id {
                guard try db.scalar("SELECT id FROM notifications WHERE id = ? AND account_id = ?", [id, account.rawValue],
                                    as: Int64.self) != nil else { return false }
                try db.execute("UPDATE notifications SET read_at = ? WHERE id = ? AND account_id = ? AND read_at IS NULL",
                               [now, id, account.rawValue])
            } else {
                try db.execute("UPDATE notifications SET read_at = ? WHERE account_id = ? AND read_at IS NULL", [now, account.rawValue])
            }
            return true
        }
    }

    // MARK: Outbox

    /// Claims up to `limit` due messages of `channel` for `worker` (one `BEGIN IMMEDIATE`: no two senders get the
    /// same message), counting the attempt.
    public func claimOutbox(channel: OutboxChannel, limit: Int, worker: String, policy: OutboxPolicy = OutboxPolicy()) throws
        -> [OutboxMessage] {
        let now = clock.now()
        return try database.write { db in
            try OutboxRepository(db: db).claim(channel: channel, limit: limit, worker: worker, at: now, policy: policy)
        }
    }

    /// Marks a claimed message sent (false when `worker` no longer holds it).
    @discardableResult
    public func markOutboxSent(_ id: Int64, worker: String) throws -> Bool {
        let now = clock.now()
        return try database.write { db in try OutboxRepository(db: db).markSent(id, worker: worker, at: now) }
    }

    /// Records a failed attempt of a claimed message: pending again later, or failed after the last attempt.
    @discardableResult
    public func markOutboxFailed(_ id: Int64, error: String, worker: String, policy: OutboxPolicy = OutboxPolicy()) throws
        -> OutboxStatus? {
        let now = clock.now()
        return try database.write { db in
            try OutboxRepository(db: db).markFailed(id, error: error, worker: worker, at: now, policy: policy)
        }
    }

    /// `musrenbang outbox send`: claims up to `limit` due e-mail messages and hands each to `transport`, marking it
    /// sent when accepted, else recording the failure for a later retry. SMS messages are left to a gateway.
    public func sendOutbox(transport: SendmailTransport, from: String, baseURL: String?, limit: Int,
                           policy: OutboxPolicy = OutboxPolicy(), log: (String) -> Void = { _ in }) throws -> OutboxRunSummary {
        let worker = "musrenbang-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let domain = from.split(separator: "@").last.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "> ")) }
            ?? "localhost"
        var summary = OutboxRunSummary()
        for message in try claimOutbox(channel: .email, limit: limit, worker: worker, policy: policy) {
            let email = EmailMessage.outbox(message, from: from, baseURL: baseURL, at: clock.now(), domain: domain)
            do {
                try transport.send(email)
                try markOutboxSent(message.id, worker: worker)
                summary.sent += 1
                log("outbox \(message.id): terkirim")
            } catch {
                let status = try markOutboxFailed(message.id, error: "\(error)", worker: worker, policy: policy)
                if status == .failed { summary.failed += 1 } else { summary.retrying += 1 }
                // The log line names no address (a program's complaint often repeats it); the row keeps the whole text.
                log("outbox \(message.id): gagal (percobaan \(message.attempts)): "
                    + "\(error)".replacingOccurrences(of: message.recipient, with: "[penerima]"))
            }
        }
        return summary
    }
}

extension MusrenbangTransaction {
    /// Notifies `account` in this transaction (commits or rolls back with the change that causes it).
    @discardableResult
    public func notify(account: AccountID, kind: NotificationKind, subject: String, body: String, link: String) throws -> Int64 {
        let now = clock.now()
        return try write { db in
            try NotificationWriter(db).notify(account: account, kind: kind, subject: subject, body: body, link: link, at: now)
        }
    }
}
