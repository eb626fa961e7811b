import Foundation
import Storage

/// Wilayah master data by Bappeda: add and rename kecamatan and kelurahan, add and renumber RW and RT.
/// Each change is one transaction with its admin-log row.
extension MusrenbangService {
    /// Adds a kecamatan to a kota.
    public func addKecamatan(kotaId: KotaID, code: String, name: String, by actor: Actor) throws -> Kecamatan {
        return try administer(.bappeda, "tambah kecamatan", by: actor) { change in
            var errors = FieldErrors()
            let code = errors.text(code, "kode", maxLength: 32), name = errors.text(name, "nama kecamatan")
            try errors.throwIfAny()
            let wilayah = WilayahRepository(change.db)
            _ = try wilayah.kota(id: kotaId)
            let id = try change.unique("kecamatan \(name) / \(code)") { try wilayah.insertKecamatan(kotaId: kotaId, code: code, name: name) }
            let created = try wilayah.kecamatan(id: id)
            try change.log(.kecamatan, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Renames a kecamatan (its code stays).
    public func renameKecamatan(_ id: KecamatanID, to name: String, by actor: Actor) throws -> Kecamatan {
        return try administer(.bappeda, "ubah nama kecamatan", by: actor) { change in
            var errors = FieldErrors()
            let name = errors.text(name, "nama kecamatan")
            try errors.throwIfAny()
            let wilayah = WilayahRepository(change.db)
            let before = try wilayah.kecamatan(id: id)
            try change.unique("kecamatan \(name)") { try wilayah.renameKecamatan(id, to: name) }
            let after = try wilayah.kecamatan(id: id)
            try change.log(.kecamatan, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    /// Adds a kelurahan to a kecamatan.
    public func addKelurahan(kecamatanId: KecamatanID, code: String, name: String, by actor: Actor) throws -> Kelurahan {
        return try administer(.bappeda, "tambah kelurahan", by: actor) { change in
            var errors = FieldErrors()
            let code = errors.text(code, "kode", maxLength: 32), name = errors.text(name, "nama kelurahan")
            try errors.throwIfAny()
            let wilayah = WilayahRepository(change.db)
            _ = try wilayah.kecamatan(id: kecamatanId)
            let id = try change.unique("kelurahan \(name) / \(code)") {
                try wilayah.insertKelurahan(kecamatanId: kecamatanId, code: code, name: name)
            }
            let created = try wilayah.kelurahan(id: id)
            try change.log(.kelurahan, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Renames a kelurahan (its code stays).
    public func renameKelurahan(_ id: KelurahanID, to name: String, by actor: Actor) throws -> Kelurahan {
        return try administer(.bappeda, "ubah nama kelurahan", by: actor) { change in
            var errors = FieldErrors()
            let name = errors.text(name, "nama kelurahan")
            try errors.throwIfAny()
            let wilayah = WilayahRepository(change.db)
            let before = try wilayah.kelurahan(id: id)
            try change.unique("kelurahan \(name)") { try wilayah.renameKelurahan(id, to: name) }
            let after = try wilayah.kelurahan(id: id)
            try change.log(.kelurahan, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    /// Adds RW `number` to a kelurahan.
    public func addRW(kelurahanId: KelurahanID, number: Int, by actor: Actor) throws -> RukunWarga {
        return try administer(.bappeda, "tambah RW", by: actor) { change in
            try Self.checkNumber(number, "nomor RW")
            let wilayah = WilayahRepository(change.db)
            _ = try wilayah.kelurahan(id: kelurahanId)
            let id = try change.unique("RW \(number)") { try wilayah.insertRW(kelurahanId: kelurahanId, number: number) }
            let created = try wilayah.rw(id: id)
            try change.log(.rw, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Gives an RW another number (its RTs and proposals stay attached to it).
    public func renumberRW(_ id: RWID, to number: Int, by actor: Actor) throws -> RukunWarga {
        return try administer(.bappeda, "ubah nomor RW", by: actor) { change in
            try Self.checkNumber(number, "nomor RW")
            let wilayah = WilayahRepository(change.db)
            let before = try wilayah.rw(id: id)
            try change.unique("RW \(number)") { try wilayah.renumberRW(id, to: number) }
            let after = try wilayah.rw(id: id)
            try change.log(.rw, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    /// Adds RT `number` to an RW.
    public func addRT(rwId: RWID, number: Int, by actor: Actor) throws -> RukunTetangga {
        return try administer(.bappeda, "tambah RT", by: actor) { change in
            try Self.checkNumber(number, "nomor RT")
            let wilayah = WilayahRepository(change.db)
            _ = try wilayah.rw(id: rwId)
            let id = try change.unique("RT \(number)") { try wilayah.insertRT(rwId: rwId, number: number) }
            let created = try wilayah.rt(id: id)
            try change.log(.rt, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Gives an RT another number.
    public func renumberRT(_ id: RTID, to number: Int, by actor: Actor) throws -> RukunTetangga {
        return try administer(.bappeda, "ubah nomor RT", by: actor) { change in
            try Self.checkNumber(number, "nomor RT")
            let wilayah = WilayahRepository(change.db)
            let before = try wilayah.rt(id: id)
            try change.unique("RT \(number)") { try wilayah.renumberRT(id, to: number) }
            let after = try wilayah.rt(id: id)
            try change.log(.rt, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    private static func checkNumber(_ number: Int, _ field: String) throws(DomainError) {
        var errors = FieldErrors()
        errors.range(number, 1...999, field)
        try errors.throwIfAny()
    }
}
