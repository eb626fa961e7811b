import Foundation
import Musrenbang
import Storage

/// Sessions in SQLite (`web_sessions`, Migrations/0008): created at sign-in with a fresh id, found by the cookie's
/// id while neither the idle nor the absolute expiry has passed, given a new id at a change of role, deleted at
/// sign-out. Every statement binds its values.
struct WebSessionStore: Sendable {
    let database: Database
    let idleTimeout: TimeInterval
    let absoluteTimeout: TimeInterval
    /// A page view refreshes `last_seen_at` at most this often (one write per minute, not per request).
    static let touchInterval: TimeInterval = 60

    /// A new session for `accountId`; returns the cookie's id (never stored) and the session.
    func create(accountId: AccountID, acting: String?, at now: Date) throws -> (token: String, session: WebSession) {
        let token = SessionToken.make()
        let session = WebSession(idHash: SessionToken.storedHash(token), accountId: accountId, acting: acting,
                                 csrfToken: SessionToken.make(), createdAt: now, lastSeenAt: now, flash: nil)
        try database.writeInGroup { db in
            try db.execute("""
                INSERT INTO web_sessions (id_hash, account_id, acting, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [session.idHash, accountId.rawValue, acting, session.csrfToken, WIBTime.iso8601(now), WIBTime.iso8601(now)])
        }
        return (token, session)
    }

    /// The live session of cookie id `token`; an expired one is deleted and nil returned.
    func find(_ token: String, at now: Date) throws -> WebSession? {
        try find(token, at: now, with: { _, _ in () })?.session
    }

    /// The live session of cookie id `token` and what `extra` reads for its account in the same read transaction
    /// (every signed-in request needs the account: one snapshot and one reader borrowed instead of two); an expired
    /// session is deleted and nil returned.
    func find<Extra>(_ token: String, at now: Date,
                     with extra: (Connection, AccountID) throws -> Extra) throws -> (session: WebSession, extra: Extra)? {
        guard SessionToken.isWellFormed(token) else { return nil }
        let idHash = SessionToken.storedHash(token)
        let found = try database.read { db -> (Row, Extra)? in
            guard let row = try db.queryOne("SELECT * FROM web_sessions WHERE id_hash = ?", [idHash]) else { return nil }
            return (row, try extra(db, AccountID(try row.get("account_id"))))
        }
        guard let (row, extraValue) = found else { return nil }
        guard let created = WIBTime.parseISO8601(try row.get("created_at")),
              let seen = WIBTime.parseISO8601(try row.get("last_seen_at")) else { return nil }
        var session = WebSession(idHash: idHash, accountId: AccountID(try row.get("account_id")), acting: try row.get("acting"),
                                 csrfToken: try row.get("csrf_token"), createdAt: created, lastSeenAt: seen, flash: try row.get("flash"))
        if now.timeIntervalSince(seen) >= idleTimeout || now.timeIntervalSince(created) >= absoluteTimeout || now < created {
            try delete(idHash: idHash)
            return nil
        }
        if now.timeIntervalSince(seen) >= Self.touchInterval {
            try database.writeInGroup { db in
                try db.execute("UPDATE web_sessions SET last_seen_at = ? WHERE id_hash = ?", [WIBTime.iso8601(now), idHash])
            }
            session.lastSeenAt = now
        }
        return (session, extraValue)
    }

    /// Replaces `session` by a new one with a new id acting as `acting` (a change of role); returns the new cookie id.
    func changeRole(of session: WebSession, to acting: String, at now: Date) throws -> (token: String, session: WebSession) {
        let token = SessionToken.make()
        var next = session
        next.idHash = SessionToken.storedHash(token)
        next.acting = acting
        next.csrfToken = SessionToken.make()
        next.lastSeenAt = now
        try database.writeInGroup { db in
            try db.execute("DELETE FROM web_sessions WHERE id_hash = ?", [session.idHash])
            try db.execute("""
                INSERT INTO web_sessions (id_hash, account_id, acting, csrf_token, created_at, last_seen_at, flash) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [next.idHash, next.accountId.rawValue, acting, next.csrfToken, WIBTime.iso8601(next.createdAt),
                      WIBTime.iso8601(now), next.flash])
        }
        return (token, next)
    }

    /// Keeps a message for the session's next page.
    func setFlash(_ text: String, idHash: String) throws {
        try database.writeInGroup { db in try db.execute("UPDATE web_sessions SET flash = ? WHERE id_hash = ?", [text, idHash]) }
    }

    /// Clears the flash once shown.
    func clearFlash(idHash: String) throws {
        try database.writeInGroup { db in try db.execute("UPDATE web_sessions SET flash = NULL WHERE id_hash = ?", [idHash]) }
    }

    /// Claims form `token` for this session on `db`, inside the transaction that does what the form asks: true the first
    /// time, false when it was claimed before (a resend). The claim is one guarded UPDATE, so two presses at once cannot
    /// both pass, and it commits (or rolls back) with the work, so a failure or a crash never leaves it claimed for nothing.
    func claimForm(_ token: String, idHash: String, in db: Connection) throws -> Bool {
        try db.execute("""
            UPDATE web_sessions SET last_form_token = ?1, last_form_result = NULL
            WHERE id_hash = ?2 AND (last_form_token IS NULL OR last_form_token <> ?1)
            """, [token, idHash])
        return db.changes == 1
    }

    /// Where the claimed form's result is; nil while none.
    func formResult(_ token: String, idHash: String, in db: Connection) throws -> String? {
        try db.scalar("SELECT last_form_result FROM web_sessions WHERE id_hash = ? AND last_form_token = ?", [idHash, token])
    }

    /// Records the claimed form's result, in the same transaction as the claim.
    func finishForm(_ token: String, result: String, idHash: String, in db: Connection) throws {
        try db.execute("UPDATE web_sessions SET last_form_result = ? WHERE id_hash = ? AND last_form_token = ?", [result, idHash, token])
    }

    /// Ends a session (sign-out, or expired).
    func delete(idHash: String) throws {
        try database.writeInGroup { db in try db.execute("DELETE FROM web_sessions WHERE id_hash = ?", [idHash]) }
    }

    /// Removes every expired session; returns how many.
    @discardableResult
    func purgeExpired(at now: Date) throws -> Int {
        // Any number of rows: a write of its own, never in a group's savepoint (`Database.writeInGroup`).
        try database.write { db in
            try db.execute("DELETE FROM web_sessions WHERE last_seen_at <= ? OR created_at <= ?",
                           [WIBTime.iso8601(now.addingTimeInterval(-idleTimeout)), WIBTime.iso8601(now.addingTimeInterval(-absoluteTimeout))])
            return db.changes
        }
    }
}
