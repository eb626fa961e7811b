import Foundation
import Storage

/// Updates and single-row reads for the master-data API (`MusrenbangService+Catalog`).
extension CatalogRepository {
    /// The bidang with this id.
    public func bidang(id: BidangID) throws -> Bidang {
        guard let row = try db.queryOne("SELECT code, name FROM bidang WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("bidang \(id)")
        }
        return Bidang(id: id, code: try row.get("code"), name: try row.get("name"))
    }

    /// The OPD with this id.
    public func opd(id: OPDID) throws -> OPD {
        guard let row = try db.queryOne("SELECT code, name, short_name FROM opd WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("perangkat daerah \(id)")
        }
        return OPD(id: id, code: try row.get("code"), name: try row.get("name"), shortName: try row.get("short_name"))
    }

    /// Gives a bidang another name (its code stays).
    public func renameBidang(_ id: BidangID, to name: String) throws {
        try db.execute("UPDATE bidang SET name = ? WHERE id = ?", [name, id.rawValue])
    }

    /// Gives an OPD another name and short name (its code stays).
    public func renameOPD(_ id: OPDID, name: String, shortName: String) throws {
        try db.execute("UPDATE opd SET name = ?, short_name = ? WHERE id = ?", [name, shortName, id.rawValue])
    }

    /// Writes every field of a kamus item but its id and code. Proposals keep their own copies.
    public func updateKamus(_ item: KamusItem) throws {
        try db.execute("""
            UPDATE kamus_usulan SET name = ?, bidang_id = ?, opd_id = ?, satuan = ?, unit_price = ?, is_fisik = ?, active = ?
            WHERE id = ?
            """, [item.name, item.bidangId.rawValue, item.opdId.rawValue, item.unit, item.unitPrice, item.isFisik,
                  item.active, item.id.rawValue])
    }
}
