import Foundation
import Storage

/// Account administration by the admin sistem only: list, create, deactivate and reactivate, reset a password,
/// add and remove a role. Each change is one transaction with its admin-log row, which never holds a secret.
extension MusrenbangService {
    /// One page of accounts (by username) with their roles; never a password hash.
    public func accounts(offset: Int = 0, limit: Int = 50, by actor: Actor) throws -> AccountPage {
        guard actor.role == .adminSistem else { throw DomainError.roleNotAllowed(role: actor.role, action: "daftar akun") }
        var errors = FieldErrors()
        errors.range(offset, 0...Int(Int32.max), "offset")
        errors.range(limit, 1...500, "jumlah per halaman")
        try errors.throwIfAny()
        return try database.read { db in
            try Self.verify(actor, as: [.adminSistem], "daftar akun", db: db)
            let accounts = AccountRepository(db)
            return AccountPage(accounts: try accounts.list(offset: offset, limit: limit), total: try accounts.count(),
                               offset: offset, limit: limit)
        }
    }

    /// Creates an account with its roles and a hash of `password` (every invalid field reported at once).
    public func createAccount(_ new: NewAccount, password: String, by actor: Actor) throws -> Account {
        guard actor.role == .adminSistem else { throw DomainError.roleNotAllowed(role: actor.role, action: "buat akun") }
        let new = try new.validated(password: password)
        let hash = try hasher.hash(password)   // outside the write transaction: hashing is slow
        return try administer(.adminSistem, "buat akun", by: actor) { change in
            for role in new.roles { try Self.requireScope(role, db: change.db) }
            let accounts = AccountRepository(change.db)
            let id = try accounts.insert(username: new.username, passwordHash: hash, displayName: new.displayName,
                                         roles: new.roles, nik: new.nik, phone: new.phone, email: new.email, at: change.now)
            let created = try accounts.account(id: id)
            try change.log(.account, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Deactivates (cannot log in any more) or reactivates an account. The admin cannot deactivate itself.
    public func setAccountActive(_ id: AccountID, _ active: Bool, reason: String? = nil, by actor: Actor) throws -> Account {
        try administer(.adminSistem, active ? "aktifkan akun" : "nonaktifkan akun", by: actor) { change in
            guard active || id != actor.accountId else {
                throw DomainError.invalidInput(field: "akun", detail: "tidak dapat menonaktifkan akun sendiri")
            }
            let accounts = AccountRepository(change.db)
            let before = try accounts.account(id: id)
            guard before.active != active else { throw DomainError.changeRequired }
            try accounts.setActive(id, active)
            let after = try accounts.account(id: id)
            try change.log(.account, key: "\(id)", active ? .reactivate : .deactivate, before: AdminSnapshot(before),
                           after: AdminSnapshot(after), reason: AdminWriter.trimmed(reason))
            return after
        }
    }

    /// Replaces an account's password with a new hash; the log records that it was reset, not the password or hash.
    public func resetPassword(_ id: AccountID, to password: String, by actor: Actor) throws {
        guard actor.role == .adminSistem else { throw DomainError.roleNotAllowed(role: actor.role, action: "atur ulang kata sandi") }
        let errors = NewAccount.passwordErrors(password)
        guard errors.isEmpty else { throw DomainError.invalidFields(errors) }
        let hash = try hasher.hash(password)
        try administer(.adminSistem, "atur ulang kata sandi", by: actor) { change in
            let accounts = AccountRepository(change.db)
            let account = try accounts.account(id: id)
            try accounts.setPasswordHash(id: id, passwordHash: hash)
            try change.log(.account, key: "\(id)", .resetPassword, before: AdminSnapshot(account), after: AdminSnapshot(account))
        }
    }

    /// Gives an account one more role assignment.
    public func addRole(_ assignment: RoleAssignment, to id: AccountID, by actor: Actor) throws -> Account {
        try administer(.adminSistem, "tambah peran", by: actor) { change in
            let accounts = AccountRepository(change.db)
            let before = try accounts.account(id: id)
            guard !before.roles.contains(assignment) else { throw DomainError.changeRequired }
            try Self.requireScope(assignment, db: change.db)
            try accounts.addRole(assignment, to: id)
            let after = try accounts.account(id: id)
            try change.log(.account, key: "\(id)", .addRole, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    /// Takes one role assignment from an account.
    public func removeRole(_ assignment: RoleAssignment, from id: AccountID, by actor: Actor) throws -> Account {
        try administer(.adminSistem, "hapus peran", by: actor) { change in
            guard !(id == actor.accountId && assignment.role == .adminSistem) else {
                throw DomainError.invalidInput(field: "peran", detail: "tidak dapat mencabut peran admin sistem dari akun sendiri")
            }
            let accounts = AccountRepository(change.db)
            let before = try accounts.account(id: id)
            guard try accounts.removeRole(assignment, from: id) else { throw DomainError.changeRequired }
            let after = try accounts.account(id: id)
            try change.log(.account, key: "\(id)", .removeRole, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    /// The area or OPD a role assignment names exists (`PersistenceError.notFound` otherwise).
    private static func requireScope(_ assignment: RoleAssignment, db: Connection) throws {
        let wilayah = WilayahRepository(db)
        switch assignment.scope {
        case .rt(let id): _ = try wilayah.rt(id: id)
        case .rw(let id): _ = try wilayah.rw(id: id)
        case .kelurahan(let id): _ = try wilayah.kelurahan(id: id)
        case .kecamatan(let id): _ = try wilayah.kecamatan(id: id)
        case .opd(let id): _ = try CatalogRepository(db).opd(id: id)
        case .selfOnly, .kota, .system: break
        }
    }
}
