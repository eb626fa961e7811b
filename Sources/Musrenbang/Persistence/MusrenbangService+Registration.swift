import Foundation
import Storage

/// Residents open their own account (`/daftar`): role warga (scope `selfOnly`) with the RT they live in as home.
extension MusrenbangService {
    /// Creates a resident's account; every refused field at once (`DomainError.invalidFields`, keys of
    /// `ResidentRegistration.Field`), a taken username or NIK included. The password is hashed before the write.
    public func registerResident(_ registration: ResidentRegistration) throws -> Account {
        let checked = registration.check()
        let stored = try database.read { db in try Self.storedConflicts(registration, checked, db: db) }
        let errors = ResidentRegistration.inFormOrder(checked.errors + stored)
        guard errors.isEmpty, let rtId = registration.rtId else { throw DomainError.invalidFields(errors) }
        let hash = try hasher.hash(registration.password)   // outside the write transaction: hashing is slow
        let role = try RoleAssignment(role: .warga, scope: .selfOnly)
        let now = clock.now()
        return try database.write { db in
            let accounts = AccountRepository(db)
            // Checked again inside the transaction: another registration may have taken the name or NIK meanwhile.
            let conflicts = try Self.storedConflicts(registration, checked, db: db)
            guard conflicts.isEmpty else { throw DomainError.invalidFields(conflicts) }
            let id = try accounts.insert(username: checked.username, passwordHash: hash, displayName: checked.fullName, roles: [role],
                                         nik: checked.nik?.digits, phone: checked.phone?.normalized, email: checked.email,
                                         homeRtId: rtId, at: now)
            return try accounts.account(id: id)
        }
    }

    /// The errors only the database can tell: a username or NIK already taken, an RT, RW or kelurahan that does not
    /// exist or does not belong to the one chosen above it.
    private static func storedConflicts(_ registration: ResidentRegistration, _ checked: ResidentRegistration.Checked,
                                        db: Connection) throws -> [FieldError] {
        typealias Field = ResidentRegistration.Field
        var errors: [FieldError] = []
        if ResidentRegistration.isValidUsername(checked.username),
           try db.queryOne("SELECT 1 FROM accounts WHERE username = ?", [checked.username]) != nil {
            errors.append(FieldError(field: Field.username, message: "Nama pengguna ini sudah dipakai. Pilih nama pengguna lain."))
        }
        if let nik = checked.nik, try db.queryOne("SELECT 1 FROM accounts WHERE nik = ?", [nik.digits]) != nil {
            errors.append(FieldError(field: Field.nik,
                                     message: "NIK ini sudah terdaftar pada akun lain. Bila ini NIK Anda, hubungi operator kelurahan."))
        }
        if let kelurahan = registration.kelurahanId,
           try db.queryOne("SELECT 1 FROM kelurahan WHERE id = ?", [kelurahan.rawValue]) == nil {
            errors.append(FieldError(field: Field.kelurahan, message: "Pilih kelurahan dari daftar."))
        } else if let kelurahan = registration.kelurahanId, let rw = registration.rwId,
                  try db.queryOne("SELECT 1 FROM rw WHERE id = ? AND kelurahan_id = ?", [rw.rawValue, kelurahan.rawValue]) == nil {
            errors.append(FieldError(field: Field.rw, message: "Pilih RW dari daftar kelurahan yang Anda pilih."))
        } else if let rw = registration.rwId, let rt = registration.rtId,
                  try db.queryOne("SELECT 1 FROM rt WHERE id = ? AND rw_id = ?", [rt.rawValue, rw.rawValue]) == nil {
            errors.append(FieldError(field: Field.rt, message: "Pilih RT dari daftar RW yang Anda pilih."))
        }
        return errors
    }
}

extension MusrenbangService {
    /// The kelurahan of the city by kecamatan, the RWs of `kelurahanId` and the RTs of `rwId` when it belongs to it.
    public func residenceChoices(kelurahanId: KelurahanID?, rwId: RWID?) throws -> ResidenceChoices {
        try database.read { db in
            let wilayah = WilayahRepository(db)
            let byKecamatan = Dictionary(grouping: try wilayah.kelurahanList(), by: \.kecamatanId)
            let groups = try byKecamatan.keys.map { id in
                ResidenceChoices.Group(kecamatan: try wilayah.kecamatan(id: id), kelurahan: byKecamatan[id] ?? [])
            }.sorted { $0.kecamatan.name < $1.kecamatan.name }
            let rws = try kelurahanId.map { try wilayah.rws(kelurahanId: $0) } ?? []
            let rts = try rwId.flatMap { id in rws.contains { $0.id == id } ? id : nil }.map { try wilayah.rts(rwId: $0) } ?? []
            return ResidenceChoices(groups: groups, rws: rws, rts: rts)
        }
    }
}
