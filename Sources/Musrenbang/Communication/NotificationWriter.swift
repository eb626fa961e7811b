import Foundation
import Storage

/// Writes a notification for an account and, when the account has an e-mail address or else a phone number, its
/// outbox message, on the connection it is given: the caller's own write transaction, so that the notification
/// commits or rolls back with the change that causes it (docs/notifications.md).
public struct NotificationWriter {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// The most a subject may hold (longer ones are cut with "...").
    public static let maxSubject = 200

    /// Notifies `account`: the portal's list, and the outbox (e-mail preferred, else the phone for SMS/WhatsApp).
    /// `link` must be a path of the portal. Returns the notification's id.
    @discardableResult
    public func notify(account: AccountID, kind: NotificationKind, subject: String, body: String, link: String,
                       at now: Date) throws -> Int64 {
        let contact = try db.queryOne("SELECT email, phone FROM accounts WHERE id = ?", [account.rawValue])
        guard let contact else { throw PersistenceError.notFound("akun \(account)") }
        return try notify(account: account, email: try contact.get("email"), phone: try contact.get("phone"), kind: kind,
                          subject: subject, body: body, link: link, at: now)
    }

    /// `notify` with the account's contact already read (the proposal events read it with the proposal).
    @discardableResult
    func notify(account: AccountID, email: String?, phone: String?, kind: NotificationKind, subject: String, body: String,
                link: String, at now: Date) throws -> Int64 {
        let subject = Self.cut(subject)
        let link = link.hasPrefix("/") ? link : "/" + link
        let at = Stored.text(now)
        try db.execute("""
            INSERT INTO notifications (account_id, kind, subject, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [account.rawValue, kind.rawValue, subject, body, link, at])
        let id = db.lastInsertRowID
        if let address = Self.address(email: email, phone: phone) {
            try db.execute("""
                INSERT INTO outbox (notification_id, channel, recipient, subject, body, link, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, address.channel.rawValue, address.recipient, subject, body, link, at, at])
        }
        return id
    }

    /// Where an account's messages go: its e-mail address when it has a plausible one (one address: `sendmail -t` reads
    /// the recipients from the header, so a comma must not add any), else its phone number.
    static func address(email: String?, phone: String?) -> (channel: OutboxChannel, recipient: String)? {
        if let email = email?.trimmingCharacters(in: .whitespaces), EmailAddress.isPlausible(email) { return (.email, email) }
        if let phone = phone?.trimmingCharacters(in: .whitespaces), !phone.isEmpty { return (.sms, phone) }
        return nil
    }

    static func cut(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard line.count > maxSubject else { return line.isEmpty ? "Pemberitahuan" : line }
        return String(line.prefix(maxSubject - 3)) + "..."
    }
}
