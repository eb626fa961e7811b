import Foundation
import Storage

/// The outbox table (Migrations: comments_notifications; docs/notifications.md "The outbox"). Claims are one UPDATE
/// ... RETURNING inside the writer's `BEGIN IMMEDIATE`, so two senders never claim the same row.
struct OutboxRepository {
    let db: Connection

    /// Claims up to `limit` messages of `channel` that are due (pending with `next_attempt_at <= now`, or claimed
    /// by a sender whose claim ran out), oldest first, counting the attempt.
    func claim(channel: OutboxChannel, limit: Int, worker: String, at now: Date, policy: OutboxPolicy) throws -> [OutboxMessage] {
        let nowText = Stored.text(now)
        return try db.query("""
            UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_until = ?, attempts = attempts + 1
            WHERE id IN (SELECT id FROM outbox WHERE channel = ?
                         AND ((status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_until <= ?))
                         ORDER BY next_attempt_at, id LIMIT ?)
            RETURNING id, channel, recipient, subject, body, link, attempts, created_at
            """, [worker, Stored.text(now.addingTimeInterval(policy.claimSeconds)), channel.rawValue, nowText, nowText, Int64(limit)])
        .map { row in
            OutboxMessage(id: try row.get("id"), channel: try Stored.value(row, "channel"), recipient: try row.get("recipient"),
                          subject: try row.get("subject"), body: try row.get("body"), link: try row.get("link"),
                          attempts: Int(try row.get("attempts", as: Int64.self)), createdAt: try Stored.date(row, "created_at"))
        }
        .sorted { $0.id < $1.id }
    }

    /// Marks a claimed message sent; false when `worker` no longer holds it.
    func markSent(_ id: Int64, worker: String, at now: Date) throws -> Bool {
        try db.execute("""
            UPDATE outbox SET status = 'sent', sent_at = ?, claimed_by = NULL, claimed_until = NULL, last_error = NULL
            WHERE id = ? AND status = 'sending' AND claimed_by = ?
            """, [Stored.text(now), id, worker])
        return db.changes > 0
    }

    /// Records a failed attempt: pending again after the policy's delay, or failed after its last attempt. Returns the
    /// new status (nil when `worker` no longer holds the message).
    func markFailed(_ id: Int64, error: String, worker: String, at now: Date, policy: OutboxPolicy) throws -> OutboxStatus? {
        guard let attempts: Int64 = try db.scalar("SELECT attempts FROM outbox WHERE id = ? AND status = 'sending' AND claimed_by = ?",
                                                  [id, worker]) else { return nil }
        let status: OutboxStatus = attempts >= Int64(policy.maxAttempts) ? .failed : .pending
        let next = now.addingTimeInterval(policy.delay(afterAttempt: Int(attempts)))
        try db.execute("""
            UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL
            WHERE id = ? AND claimed_by = ?
            """, [status.rawValue, String(error.prefix(1000)), Stored.text(next), id, worker])
        return status
    }
}
