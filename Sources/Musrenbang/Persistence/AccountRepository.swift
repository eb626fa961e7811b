import Foundation
import Storage

/// Accounts and their role assignments. Password hashes are read only by `credentials(username:)`.
public struct AccountRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Inserts an account with its roles; `passwordHash` comes from `PasswordHasher`.
    public func insert(username: String, passwordHash: String, displayName: String, roles: [RoleAssignment],
                       nik: String? = nil, phone: String? = nil, email: String? = nil, address: String? = nil,
                       homeRtId: RTID? = nil, at now: Date) throws -> AccountID {
        do {
            try db.execute("""
                INSERT INTO accounts (username, password_hash, display_name, nik, phone, email, address, home_rt_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [username, passwordHash, displayName, nik, phone, email, address, homeRtId?.rawValue, Stored.text(now)])
        } catch let error as SQLiteError where error.isUniqueViolation {
            throw PersistenceError.duplicate(error.message.contains("accounts.nik") ? "NIK" : "nama pengguna \(username)")
        }
        let id = AccountID(db.lastInsertRowID)
        for role in roles { try addRole(role, to: id) }
        return id
    }

    /// Adds a role assignment to an account.
    public func addRole(_ assignment: RoleAssignment, to accountId: AccountID) throws {
        var rt: Int64?, rw: Int64?, kelurahan: Int64?, kecamatan: Int64?, opd: Int64?
        switch assignment.scope {
        case .rt(let id): rt = id.rawValue
        case .rw(let id): rw = id.rawValue
        case .kelurahan(let id): kelurahan = id.rawValue
        case .kecamatan(let id): kecamatan = id.rawValue
        case .opd(let id): opd = id.rawValue
        case .selfOnly, .kota, .system: break
        }
        try db.execute("""
            INSERT INTO account_roles (account_id, role, rt_id, rw_id, kelurahan_id, kecamatan_id, opd_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [accountId.rawValue, assignment.role.rawValue, rt, rw, kelurahan, kecamatan, opd])
    }

    /// The account with its roles (in the order they were given).
    public func account(id: AccountID) throws -> Account {
        guard let row = try db.queryOne("SELECT * FROM accounts WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("akun \(id)")
        }
        return try account(row)
    }

    /// The account and its password hash, by username (case-insensitive); nil when none.
    public func credentials(username: String) throws -> (account: Account, passwordHash: String)? {
        guard let row = try db.queryOne("SELECT * FROM accounts WHERE username = ?", [username]) else { return nil }
        return (try account(row), try row.get("password_hash"))
    }

    /// Replaces the password hash of an account; false when there is no such username.
    public func setPasswordHash(username: String, passwordHash: String) throws -> Bool {
        try db.execute("UPDATE accounts SET password_hash = ? WHERE username = ?", [passwordHash, username])
        return db.changes == 1
    }

    /// Number of accounts.
    public func count() throws -> Int { try db.scalar("SELECT count(*) FROM accounts") ?? 0 }

    /// A stored `account_roles` row as a role assignment.
    func roleAssignment(_ role: Row) throws -> RoleAssignment {
        let kind: Role = try Stored.value(role, "role")
        let scope: Scope
        switch kind.scopeKind {
        case .selfOnly: scope = .selfOnly
        case .rt: scope = .rt(RTID(try role.get("rt_id")))
        case .rw: scope = .rw(RWID(try role.get("rw_id")))
        case .kelurahan: scope = .kelurahan(KelurahanID(try role.get("kelurahan_id")))
        case .kecamatan: scope = .kecamatan(KecamatanID(try role.get("kecamatan_id")))
        case .opd: scope = .opd(OPDID(try role.get("opd_id")))
        case .kota: scope = .kota
        case .system: scope = .system
        }
        return try RoleAssignment(role: kind, scope: scope)
    }

    func account(_ row: Row) throws -> Account {
        let id: Int64 = try row.get("id")
        return try account(row, roles: try db.query("SELECT * FROM account_roles WHERE account_id = ? ORDER BY id", [id]).map(roleAssignment))
    }

    /// An `accounts` row with its roles, already read.
    func account(_ row: Row, roles: [RoleAssignment]) throws -> Account {
        let id = AccountID(try row.get("id"))
        return Account(id: id, username: try row.get("username"), displayName: try row.get("display_name"),
                       nik: try row.get("nik"), phone: try row.get("phone"), email: try row.get("email"),
                       address: try row.get("address"), active: try row.get("active"), roles: roles,
                       createdAt: try Stored.date(row, "created_at"),
                       homeRtId: (try row.get("home_rt_id", as: Int64?.self)).map { RTID($0) })
    }
}
