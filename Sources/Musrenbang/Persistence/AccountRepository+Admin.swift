import Foundation
import Storage

/// Account administration by the admin sistem (`MusrenbangService+Accounts`). Never reads a password hash.
extension AccountRepository {
    /// One page of the accounts `filter` selects, by username, with their roles: two queries whatever the page's
    /// size (the accounts, then every role of the page's accounts), never one per account.
    public func list(_ filter: AccountFilter = AccountFilter(), offset: Int, limit: Int) throws -> [Account] {
        let (condition, values) = Self.condition(filter)
        let rows = try db.query("""
            SELECT id, username, display_name, nik, phone, email, address, active, created_at, home_rt_id FROM accounts
            WHERE \(condition) ORDER BY username LIMIT ? OFFSET ?
            """, StatementArguments(values + [limit, offset]))
        let ids: [Int64] = try rows.map { try $0.get("id") }
        var roles: [Int64: [RoleAssignment]] = [:]
        let idList = "[" + ids.map(String.init).joined(separator: ",") + "]"
        for role in try db.query("""
            SELECT * FROM account_roles WHERE account_id IN (SELECT value FROM json_each(?)) ORDER BY id
            """, [idList]) {
            roles[try role.get("account_id"), default: []].append(try roleAssignment(role))
        }
        return try rows.map { row in try account(row, roles: roles[try row.get("id")] ?? []) }
    }

    /// The number of accounts `filter` selects.
    public func count(_ filter: AccountFilter) throws -> Int {
        let (condition, values) = Self.condition(filter)
        return try db.scalar("SELECT count(*) FROM accounts WHERE \(condition)", StatementArguments(values)) ?? 0
    }

    /// The WHERE condition of `filter` and its bound values (no value is ever put in the SQL text).
    private static func condition(_ filter: AccountFilter) -> (String, [(any SQLBindable)?]) {
        var parts: [String] = ["1"], values: [(any SQLBindable)?] = []
        if filter.role != nil || filter.scope != nil {
            var role: [String] = []
            if let wanted = filter.role { role.append("r.role = ?"); values.append(wanted.rawValue) }
            if let scope = filter.scope {
                switch scope {
                case .rt(let id): role.append("r.rt_id = ?"); values.append(id.rawValue)
                case .rw(let id): role.append("r.rw_id = ?"); values.append(id.rawValue)
                case .kelurahan(let id):
                    // The kelurahan's own roles and those of its RW and RT.
                    role.append("""
                        (r.kelurahan_id = ? OR r.rw_id IN (SELECT id FROM rw WHERE kelurahan_id = ?)
                         OR r.rt_id IN (SELECT rt.id FROM rt JOIN rw ON rw.id = rt.rw_id WHERE rw.kelurahan_id = ?))
                        """)
                    values += [id.rawValue, id.rawValue, id.rawValue]
                case .kecamatan(let id):
                    // The kecamatan's own roles and those of its kelurahan, RW and RT.
                    role.append("""
                        (r.kecamatan_id = ? OR r.kelurahan_id IN (SELECT id FROM kelurahan WHERE kecamatan_id = ?)
                         OR r.rw_id IN (SELECT rw.id FROM rw JOIN kelurahan k ON k.id = rw.kelurahan_id WHERE k.kecamatan_id = ?)
                         OR r.rt_id IN (SELECT rt.id FROM rt JOIN rw ON rw.id = rt.rw_id JOIN kelurahan k ON k.id = rw.kelurahan_id
                                        WHERE k.kecamatan_id = ?))
                        """)
                    values += [id.rawValue, id.rawValue, id.rawValue, id.rawValue]
                case .opd(let id): role.append("r.opd_id = ?"); values.append(id.rawValue)
                case .kota: role.append("r.role = 'bappeda'")
                case .system: role.append("r.role = 'admin_sistem'")
                case .selfOnly: role.append("r.role = 'warga'")
                }
            }
            parts.append("EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = accounts.id AND " + role.joined(separator: " AND ") + ")")
        }
        if let active = filter.active { parts.append("active = ?"); values.append(active) }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            parts.append("(username LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\')")
            values += ["%\(escaped)%", "%\(escaped)%"]
        }
        return (parts.joined(separator: " AND "), values)
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
