import Foundation
import Storage

/// Kota, kecamatan, kelurahan, RW and RT rows. Works on a connection the caller holds (inside its
/// transaction), so that several repositories can share one `Database.write`.
public struct WilayahRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    public func insertKota(code: String, name: String) throws -> KotaID {
        try db.execute("INSERT INTO kota (code, name) VALUES (?, ?)", [code, name])
        return KotaID(db.lastInsertRowID)
    }

    public func kota(code: String) throws -> Kota? {
        try db.queryOne("SELECT id, code, name FROM kota WHERE code = ?", [code]).map {
            Kota(id: KotaID(try $0.get("id")), code: try $0.get("code"), name: try $0.get("name"))
        }
    }

    public func kota(id: KotaID) throws -> Kota {
        guard let row = try db.queryOne("SELECT id, code, name FROM kota WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("kota \(id)")
        }
        return Kota(id: id, code: try row.get("code"), name: try row.get("name"))
    }

    public func insertKecamatan(kotaId: KotaID, code: String, name: String) throws -> KecamatanID {
        try db.execute("INSERT INTO kecamatan (kota_id, code, name) VALUES (?, ?, ?)", [kotaId.rawValue, code, name])
        return KecamatanID(db.lastInsertRowID)
    }

    public func insertKelurahan(kecamatanId: KecamatanID, code: String, name: String) throws -> KelurahanID {
        try db.execute("INSERT INTO kelurahan (kecamatan_id, code, name) VALUES (?, ?, ?)",
                       [kecamatanId.rawValue, code, name])
        return KelurahanID(db.lastInsertRowID)
    }

    public func insertRW(kelurahanId: KelurahanID, number: Int) throws -> RWID {
        try db.execute("INSERT INTO rw (kelurahan_id, number) VALUES (?, ?)", [kelurahanId.rawValue, number])
        return RWID(db.lastInsertRowID)
    }

    public func insertRT(rwId: RWID, number: Int) throws -> RTID {
        try db.execute("INSERT INTO rt (rw_id, number) VALUES (?, ?)", [rwId.rawValue, number])
        return RTID(db.lastInsertRowID)
    }

    /// Every kecamatan of the kota, by name.
    public func kecamatanList(kotaId: KotaID) throws -> [Kecamatan] {
        try db.query("SELECT id, kota_id, code, name FROM kecamatan WHERE kota_id = ? ORDER BY name", [kotaId.rawValue])
            .map(Self.kecamatan)
    }

    /// Every kelurahan (of one kecamatan, or of the whole database), by kecamatan then name.
    public func kelurahanList(kecamatanId: KecamatanID? = nil) throws -> [Kelurahan] {
        try db.query("""
            SELECT id, kecamatan_id, code, name FROM kelurahan WHERE ?1 IS NULL OR kecamatan_id = ?1
            ORDER BY kecamatan_id, name
            """, [kecamatanId?.rawValue]).map(Self.kelurahan)
    }

    public func kecamatan(id: KecamatanID) throws -> Kecamatan {
        guard let row = try db.queryOne("SELECT id, kota_id, code, name FROM kecamatan WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("kecamatan \(id)")
        }
        return try Self.kecamatan(row)
    }

    public func kelurahan(id: KelurahanID) throws -> Kelurahan {
        guard let row = try db.queryOne("SELECT id, kecamatan_id, code, name FROM kelurahan WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("kelurahan \(id)")
        }
        return try Self.kelurahan(row)
    }

    /// Kecamatan whose name or code matches (case-insensitive); nil when none.
    public func kecamatan(named name: String) throws -> Kecamatan? {
        try db.queryOne("""
            SELECT id, kota_id, code, name FROM kecamatan WHERE lower(name) = lower(?1) OR lower(code) = lower(?1)
            ORDER BY id LIMIT 1
            """, [name]).map(Self.kecamatan)
    }

    /// Kelurahan whose name or code matches (case-insensitive). Several kecamatan may share a name
    /// (Tangsel has a kelurahan "Serpong" in kecamatan Serpong), so all matches are returned.
    public func kelurahan(named name: String) throws -> [Kelurahan] {
        try db.query("""
            SELECT id, kecamatan_id, code, name FROM kelurahan WHERE lower(name) = lower(?1) OR lower(code) = lower(?1)
            ORDER BY id
            """, [name]).map(Self.kelurahan)
    }

    public func rws(kelurahanId: KelurahanID) throws -> [RukunWarga] {
        try db.query("SELECT id, kelurahan_id, number FROM rw WHERE kelurahan_id = ? ORDER BY number", [kelurahanId.rawValue])
            .map { RukunWarga(id: RWID(try $0.get("id")), kelurahanId: KelurahanID(try $0.get("kelurahan_id")),
                              number: try $0.get("number")) }
    }

    public func rts(rwId: RWID) throws -> [RukunTetangga] {
        try db.query("SELECT id, rw_id, number FROM rt WHERE rw_id = ? ORDER BY number", [rwId.rawValue])
            .map { RukunTetangga(id: RTID(try $0.get("id")), rwId: RWID(try $0.get("rw_id")), number: try $0.get("number")) }
    }

    public func rw(kelurahanId: KelurahanID, number: Int) throws -> RukunWarga? {
        try db.queryOne("SELECT id FROM rw WHERE kelurahan_id = ? AND number = ?", [kelurahanId.rawValue, number]).map {
            RukunWarga(id: RWID(try $0.get("id")), kelurahanId: kelurahanId, number: number)
        }
    }

    public func rt(rwId: RWID, number: Int) throws -> RukunTetangga? {
        try db.queryOne("SELECT id FROM rt WHERE rw_id = ? AND number = ?", [rwId.rawValue, number]).map {
            RukunTetangga(id: RTID(try $0.get("id")), rwId: rwId, number: number)
        }
    }

    /// The stored RTs among `ids` with their full origin and words; an id that names no RT is left out.
    public func rtPlaces(_ ids: [RTID]) throws -> [RTID: RTPlace] {
        var places: [RTID: RTPlace] = [:]
        for id in Set(ids) {
            guard let row = try db.queryOne("""
                SELECT rt.number AS rt_number, rw.id AS rw_id, rw.number AS rw_number, rw.kelurahan_id, kelurahan.kecamatan_id
                FROM rt JOIN rw ON rw.id = rt.rw_id JOIN kelurahan ON kelurahan.id = rw.kelurahan_id WHERE rt.id = ?
                """, [id.rawValue]) else { continue }
            let origin = Origin(kecamatanId: KecamatanID(try row.get("kecamatan_id")), kelurahanId: KelurahanID(try row.get("kelurahan_id")),
                                rwId: RWID(try row.get("rw_id")), rtId: id)
            places[id] = RTPlace(origin: origin, rtNumber: try row.get("rt_number"), rwNumber: try row.get("rw_number"))
        }
        return places
    }

    /// The full origin (kecamatan, kelurahan, RW, RT) of an RT.
    public func origin(rtId: RTID) throws -> Origin {
        guard let row = try db.queryOne("""
            SELECT rt.rw_id, rw.kelurahan_id, kelurahan.kecamatan_id FROM rt JOIN rw ON rw.id = rt.rw_id
            JOIN kelurahan ON kelurahan.id = rw.kelurahan_id WHERE rt.id = ?
            """, [rtId.rawValue]) else { throw PersistenceError.notFound("RT \(rtId)") }
        return Origin(kecamatanId: KecamatanID(try row.get("kecamatan_id")),
                      kelurahanId: KelurahanID(try row.get("kelurahan_id")), rwId: RWID(try row.get("rw_id")), rtId: rtId)
    }

    /// The stored origin of what `claimed` names most precisely (its RT, else its RW, else its kelurahan), with the
    /// kota it belongs to; a coarser part of `claimed` that disagrees is refused (`invalidFields`).
    public func resolve(_ claimed: Origin) throws -> (origin: Origin, kotaId: KotaID) {
        let row: Row?
        if let rt = claimed.rtId {
            row = try db.queryOne("""
                SELECT rt.id AS rt_id, rt.rw_id, rw.kelurahan_id, kelurahan.kecamatan_id, kecamatan.kota_id FROM rt
                JOIN rw ON rw.id = rt.rw_id JOIN kelurahan ON kelurahan.id = rw.kelurahan_id
                JOIN kecamatan ON kecamatan.id = kelurahan.kecamatan_id WHERE rt.id = ?
                """, [rt.rawValue])
        } else if let rw = claimed.rwId {
            row = try db.queryOne("""
                SELECT NULL AS rt_id, rw.id AS rw_id, rw.kelurahan_id, kelurahan.kecamatan_id, kecamatan.kota_id FROM rw
                JOIN kelurahan ON kelurahan.id = rw.kelurahan_id JOIN kecamatan ON kecamatan.id = kelurahan.kecamatan_id
                WHERE rw.id = ?
                """, [rw.rawValue])
        } else {
            row = try db.queryOne("""
                SELECT NULL AS rt_id, NULL AS rw_id, kelurahan.id AS kelurahan_id, kelurahan.kecamatan_id, kecamatan.kota_id
                FROM kelurahan JOIN kecamatan ON kecamatan.id = kelurahan.kecamatan_id WHERE kelurahan.id = ?
                """, [claimed.kelurahanId.rawValue])
        }
        guard let row else {
            throw DomainError.invalidFields([FieldError(field: "wilayah", message: "RT/RW atau kelurahan yang dipilih tidak terdaftar.")])
        }
        let stored = Origin(kecamatanId: KecamatanID(try row.get("kecamatan_id")), kelurahanId: KelurahanID(try row.get("kelurahan_id")),
                            rwId: (try row.get("rw_id", as: Int64?.self)).map { RWID($0) },
                            rtId: (try row.get("rt_id", as: Int64?.self)).map { RTID($0) })
        guard stored.kelurahanId == claimed.kelurahanId, stored.kecamatanId == claimed.kecamatanId,
              claimed.rwId == nil || stored.rwId == claimed.rwId else {
            throw DomainError.invalidFields([FieldError(
                field: "wilayah", message: "RT, RW, kelurahan dan kecamatan yang diisi tidak cocok satu sama lain; pilih lagi dari daftar.")])
        }
        return (stored, KotaID(try row.get("kota_id")))
    }

    private static func kecamatan(_ row: Row) throws -> Kecamatan {
        Kecamatan(id: KecamatanID(try row.get("id")), kotaId: KotaID(try row.get("kota_id")), code: try row.get("code"),
                  name: try row.get("name"))
    }

    private static func kelurahan(_ row: Row) throws -> Kelurahan {
        Kelurahan(id: KelurahanID(try row.get("id")), kecamatanId: KecamatanID(try row.get("kecamatan_id")),
                  code: try row.get("code"), name: try row.get("name"))
    }
}
