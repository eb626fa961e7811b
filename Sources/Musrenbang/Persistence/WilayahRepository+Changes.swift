import Foundation
import Storage

/// Renames and single-row reads for the master-data API (`MusrenbangService+Wilayah`).
extension WilayahRepository {
    /// Gives a kecamatan another name (its code stays).
    public func renameKecamatan(_ id: KecamatanID, to name: String) throws {
        try db.execute("UPDATE kecamatan SET name = ? WHERE id = ?", [name, id.rawValue])
    }

    /// Gives a kelurahan another name (its code stays).
    public func renameKelurahan(_ id: KelurahanID, to name: String) throws {
        try db.execute("UPDATE kelurahan SET name = ? WHERE id = ?", [name, id.rawValue])
    }

    /// Gives an RW another number.
    public func renumberRW(_ id: RWID, to number: Int) throws {
        try db.execute("UPDATE rw SET number = ? WHERE id = ?", [number, id.rawValue])
    }

    /// Gives an RT another number.
    public func renumberRT(_ id: RTID, to number: Int) throws {
        try db.execute("UPDATE rt SET number = ? WHERE id = ?", [number, id.rawValue])
    }

    /// The RW with this id.
    public func rw(id: RWID) throws -> RukunWarga {
        guard let row = try db.queryOne("SELECT kelurahan_id, number FROM rw WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("RW \(id)")
        }
        return RukunWarga(id: id, kelurahanId: KelurahanID(try row.get("kelurahan_id")), number: try row.get("number"))
    }

    /// The RT with this id.
    public func rt(id: RTID) throws -> RukunTetangga {
        guard let row = try db.queryOne("SELECT rw_id, number FROM rt WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("RT \(id)")
        }
        return RukunTetangga(id: id, rwId: RWID(try row.get("rw_id")), number: try row.get("number"))
    }

    /// Every kelurahan of a kota, by id.
    public func kelurahanList(kotaId: KotaID) throws -> [Kelurahan] {
        try db.query("""
            SELECT kelurahan.id, kelurahan.kecamatan_id, kelurahan.code, kelurahan.name FROM kelurahan
            JOIN kecamatan ON kecamatan.id = kelurahan.kecamatan_id WHERE kecamatan.kota_id = ? ORDER BY kelurahan.id
            """, [kotaId.rawValue]).map {
            Kelurahan(id: KelurahanID(try $0.get("id")), kecamatanId: KecamatanID(try $0.get("kecamatan_id")),
                      code: try $0.get("code"), name: try $0.get("name"))
        }
    }
}
