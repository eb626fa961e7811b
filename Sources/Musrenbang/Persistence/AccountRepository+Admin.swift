import Foundation
import Storage

/// Account administration by the admin sistem (`MusrenbangService+Accounts`). Never reads a password hash.
extension AccountRepository {
    /// One page of accounts by username, with their roles.
    public func list(offset: Int, limit: Int) throws -> [Account] {
        try db.query("""
            SELECT id, username, display_name, nik, phone, email, address, active, created_at, home_rt_id FROM accounts
            ORDER BY username LIMIT ? OFFSET ?
            """, [limit, offset]).map(account)
    }

    /// Deactivates (`false`: the account can no longer log in) or reactivates an account.
    public func setActive(_ id: AccountID, _ active: Bool) throws {
        try db.execute("UPDATE accounts SET active = ? WHERE id = ?", [active, id.rawValue])
    }

    /// Replaces the password hash of an account by id.
    public func setPasswordHash(id: AccountID, passwordHash: String) throws {
        try db.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", [passwordHash, id.rawValue])
    }

    /// Removes one role assignment; false when the account does not hold it.
    public func removeRole(_ assignment: RoleAssignment, from accountId: AccountID) throws -> Bool {
        let ids = try db.query("SELECT id, role, rt_id, rw_id, kelurahan_id, kecamatan_id, opd_id FROM account_roles WHERE account_id = ?",
                               [accountId.rawValue])
        for row in ids {
            guard try roleAssignment(row) == assignment else { continue }
            try db.execute("DELETE FROM account_roles WHERE id = ?", [try row.get("id") as Int64])
            return true
        }
        return false
    }
}
