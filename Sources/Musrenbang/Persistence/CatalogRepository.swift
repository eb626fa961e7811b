import Foundation
import Storage

/// Bidang, OPD and kamus usulan rows (master data kept by Bappeda).
public struct CatalogRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    public func insertBidang(code: String, name: String) throws -> BidangID {
        try db.execute("INSERT INTO bidang (code, name) VALUES (?, ?)", [code, name])
        return BidangID(db.lastInsertRowID)
    }

    public func bidangList() throws -> [Bidang] {
        try db.query("SELECT id, code, name FROM bidang ORDER BY id").map {
            Bidang(id: BidangID(try $0.get("id")), code: try $0.get("code"), name: try $0.get("name"))
        }
    }

    public func insertOPD(code: String, name: String, shortName: String) throws -> OPDID {
        try db.execute("INSERT INTO opd (code, name, short_name) VALUES (?, ?, ?)", [code, name, shortName])
        return OPDID(db.lastInsertRowID)
    }

    public func opdList() throws -> [OPD] {
        try db.query("SELECT id, code, name, short_name FROM opd ORDER BY id").map(Self.opd)
    }

    /// The OPD with this code (case-insensitive); nil when none.
    public func opd(code: String) throws -> OPD? {
        try db.queryOne("SELECT id, code, name, short_name FROM opd WHERE lower(code) = lower(?)", [code]).map(Self.opd)
    }

    /// Inserts a kamus item (its `id` is ignored) and returns the new id.
    public func insertKamus(_ item: KamusItem) throws -> KamusID {
        try db.execute("""
            INSERT INTO kamus_usulan (code, name, bidang_id, opd_id, satuan, unit_price, is_fisik, active)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [item.code, item.name, item.bidangId.rawValue, item.opdId.rawValue, item.unit, item.unitPrice,
                  item.isFisik, item.active])
        return KamusID(db.lastInsertRowID)
    }

    public func kamus(id: KamusID) throws -> KamusItem {
        guard let row = try db.queryOne("SELECT * FROM kamus_usulan WHERE id = ?", [id.rawValue]) else {
            throw PersistenceError.notFound("kamus usulan \(id)")
        }
        return try Self.kamus(row)
    }

    public func kamusList(activeOnly: Bool = false) throws -> [KamusItem] {
        try db.query("SELECT * FROM kamus_usulan WHERE ?1 = 0 OR active = 1 ORDER BY id", [activeOnly]).map(Self.kamus)
    }

    private static func opd(_ row: Row) throws -> OPD {
        OPD(id: OPDID(try row.get("id")), code: try row.get("code"), name: try row.get("name"),
            shortName: try row.get("short_name"))
    }

    private static func kamus(_ row: Row) throws -> KamusItem {
        KamusItem(id: KamusID(try row.get("id")), code: try row.get("code"), name: try row.get("name"),
                  bidangId: BidangID(try row.get("bidang_id")), opdId: OPDID(try row.get("opd_id")),
                  unit: try row.get("satuan"), unitPrice: try row.get("unit_price"), isFisik: try row.get("is_fisik"),
                  active: try row.get("active"))
    }
}
