import Foundation
import Storage

/// Account administration by the admin sistem only: list, create, deactivate and reactivate, reset a password,
/// add and remove a role. Each change is one transaction with its admin-log row, which never holds a secret.
extension MusrenbangService {
    /// One page of the accounts `filter` selects (by username) with their roles, read in one query for the whole page;
    /// never a password hash.
    public func accounts(_ filter: AccountFilter = AccountFilter(), offset: Int = 0, limit: Int = 50, by actor: Actor) throws -> AccountPage {
        guard actor.role == .adminSistem else { throw DomainError.roleNotAllowed(role: actor.role, action: "daftar akun") }
        var errors = FieldErrors()
        errors.range(offset, 0...Int(Int32.max), "offset")
        errors.range(limit, 1...500, "jumlah per halaman")
        try errors.throwIfAny()
        return try database.read { db in
            try Self.verify(actor, as: [.adminSistem], "daftar akun", db: db)
            let accounts = AccountRepository(db)
            return AccountPage(accounts: try accounts.list(filter, offset: offset, limit: limit), total: try accounts.count(filter),
                               offset: offset, limit: limit)
        }
    }

    /// One account with its roles and personal data, for the admin sistem only; never a hash.
    public func account(_ id: AccountID, by actor: Actor) throws -> Account {
        guard actor.role == .adminSistem else { throw DomainError.roleNotAllowed(role: actor.role, action: "lihat akun") }
        return try database.read { db in
            try Self.verify(actor, as: [.adminSistem], "lihat akun", db: db)
            return try AccountRepository(db).account(id: id)
        }
    }

    /// The account of `username` (case as stored, compared without case), for the admin sistem only; nil when none.
    public func account(username: String, by actor: Actor) throws -> Account? {
        guard actor.role == .adminSistem else { throw DomainError.roleNotAllowed(role: actor.role, action: "lihat akun") }
        return try database.read { db in
            try Self.verify(actor, as: [.adminSistem], "lihat akun", db: db)
            return try AccountRepository(db).credentials(username: username)?.account
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

    /// Deactivates (cannot log in any more) or reactivates an account, with a reason (kept in the admin log; at most
    /// 500 characters). The admin cannot deactivate itself.
    public func setAccountActive(_ id: AccountID, _ active: Bool, reason: String? = nil, by actor: Actor) throws -> Account {
        try administer(.adminSistem, active ? "aktifkan akun" : "nonaktifkan akun", by: actor) { change in
            guard active || id != actor.accountId else {
                throw DomainError.invalidInput(field: "akun", detail: "tidak dapat menonaktifkan akun sendiri")
            }
            let accounts = AccountRepository(change.db)
            let before = try accounts.account(id: id)
            guard before.active != active else { throw DomainError.changeRequired }
            guard let reason = AdminWriter.trimmed(reason) else {
                throw DomainError.reasonRequired(action: active ? "aktifkan akun" : "nonaktifkan akun")
            }
            guard reason.count <= 500 else { throw DomainError.invalidInput(field: "alasan", detail: "paling banyak 500 karakter") }
            try accounts.setActive(id, active)
            let after = try accounts.account(id: id)
            try change.log(.account, key: "\(id)", active ? .reactivate : .deactivate, before: AdminSnapshot(before),
                           after: AdminSnapshot(after), reason: reason)
            return after
        }
    }

    /// Replaces an account's password with a new hash; the log records that it was reset, not the password or hash.
    public func resetPassword(_ id: AccountID, to password: String, by actor: Actor) throws {
        guard actor.role == .adminSistem else { throw DomainError.roleNotAllowed(role: actor.role, action: "atur ulang kata sandi") }
        // The rule compares with the username (verified actor first: a forged one learns nothing of the account).
        let username = try database.read { db in
            try Self.verify(actor, as: [.adminSistem], "atur ulang kata sandi", db: db)
            return try AccountRepository(db).account(id: id).username
        }
        let errors = NewAccount.passwordErrors(password, username: username)
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

    /// Hands one role assignment over from one account to another when staff rotate (the operator of a kelurahan
    /// leaves, a new one takes the work): taken from `from`, given to `to`, in one transaction and one admin-log row
    /// (`account`/`update`, key "from>to", both accounts before and after). No password changes hands. Refused: the
    /// same account, an old account without the role, a new account that already holds it or is deactivated, and
    /// the admin's own admin role.
    public func handOverRole(_ assignment: RoleAssignment, from oldId: AccountID, to newId: AccountID, reason: String? = nil,
                             by actor: Actor) throws -> (from: Account, to: Account) {
        try administer(.adminSistem, "serahkan peran", by: actor) { change in
            guard oldId != newId else {
                throw DomainError.invalidInput(field: "akun baru", detail: "pilih akun lain: peran diserahkan ke akun yang berbeda")
            }
            guard !(oldId == actor.accountId && assignment.role == .adminSistem) else {
                throw DomainError.invalidInput(field: "peran", detail: "tidak dapat menyerahkan peran admin sistem dari akun sendiri")
            }
            let accounts = AccountRepository(change.db)
            let oldBefore = try accounts.account(id: oldId), newBefore = try accounts.account(id: newId)
            var errors = FieldErrors()
            errors.check(oldBefore.roles.contains(assignment), "peran", "akun lama tidak memegang peran ini")
            errors.check(!newBefore.roles.contains(assignment), "akun baru", "akun baru sudah memegang peran ini")
            errors.check(newBefore.active, "akun baru", "akun baru nonaktif: aktifkan dahulu")
            try errors.throwIfAny()
            try Self.requireScope(assignment, db: change.db)
            _ = try accounts.removeRole(assignment, from: oldId)
            try accounts.addRole(assignment, to: newId)
            let oldAfter = try accounts.account(id: oldId), newAfter = try accounts.account(id: newId)
            func pair(_ old: Account, _ new: Account) -> AdminSnapshot {
                AdminSnapshot(["role": .text(assignment.logText), "from": .object(AdminSnapshot(old).fields),
                               "to": .object(AdminSnapshot(new).fields)])
            }
            try change.log(.account, key: "\(oldId)>\(newId)", .update, before: pair(oldBefore, newBefore),
                           after: pair(oldAfter, newAfter), reason: AdminWriter.trimmed(reason))
            return (oldAfter, newAfter)
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
