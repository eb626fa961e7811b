import Foundation
import Storage

/// Catalogue master data by Bappeda: OPD, bidang and kamus usulan items (with their SSH unit prices).
/// Each change is one transaction with its admin-log row.
extension MusrenbangService {
    /// Adds an OPD.
    public func addOPD(code: String, name: String, shortName: String, by actor: Actor) throws -> OPD {
        try administer(.bappeda, "tambah perangkat daerah", by: actor) { change in
            var errors = FieldErrors()
            let code = errors.text(code, "kode", maxLength: 32), name = errors.text(name, "nama perangkat daerah")
            let shortName = errors.text(shortName, "singkatan", maxLength: 32)
            try errors.throwIfAny()
            let catalog = CatalogRepository(change.db)
            let id = try change.unique("perangkat daerah \(code)") { try catalog.insertOPD(code: code, name: name, shortName: shortName) }
            let created = try catalog.opd(id: id)
            try change.log(.opd, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Renames an OPD (name and short name; its code stays).
    public func renameOPD(_ id: OPDID, name: String, shortName: String, by actor: Actor) throws -> OPD {
        try administer(.bappeda, "ubah nama perangkat daerah", by: actor) { change in
            var errors = FieldErrors()
            let name = errors.text(name, "nama perangkat daerah"), shortName = errors.text(shortName, "singkatan", maxLength: 32)
            try errors.throwIfAny()
            let catalog = CatalogRepository(change.db)
            let before = try catalog.opd(id: id)
            try catalog.renameOPD(id, name: name, shortName: shortName)
            let after = try catalog.opd(id: id)
            try change.log(.opd, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    /// Adds a bidang.
    public func addBidang(code: String, name: String, by actor: Actor) throws -> Bidang {
        try administer(.bappeda, "tambah bidang", by: actor) { change in
            var errors = FieldErrors()
            let code = errors.text(code, "kode", maxLength: 32), name = errors.text(name, "nama bidang")
            try errors.throwIfAny()
            let catalog = CatalogRepository(change.db)
            let id = try change.unique("bidang \(code)") { try catalog.insertBidang(code: code, name: name) }
            let created = try catalog.bidang(id: id)
            try change.log(.bidang, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Renames a bidang (its code stays).
    public func renameBidang(_ id: BidangID, to name: String, by actor: Actor) throws -> Bidang {
        try administer(.bappeda, "ubah nama bidang", by: actor) { change in
            var errors = FieldErrors()
            let name = errors.text(name, "nama bidang")
            try errors.throwIfAny()
            let catalog = CatalogRepository(change.db)
            let before = try catalog.bidang(id: id)
            try catalog.renameBidang(id, to: name)
            let after = try catalog.bidang(id: id)
            try change.log(.bidang, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after))
            return after
        }
    }

    /// Adds an active kamus usulan item; its bidang and OPD must exist.
    public func addKamusItem(_ new: NewKamusItem, by actor: Actor) throws -> KamusItem {
        try administer(.bappeda, "tambah kamus usulan", by: actor) { change in
            let new = try new.validated()
            let catalog = CatalogRepository(change.db)
            try Self.requireCatalogLinks(bidangId: new.bidangId, opdId: new.opdId, catalog)
            let item = KamusItem(id: KamusID(0), code: new.code, name: new.name, bidangId: new.bidangId, opdId: new.opdId,
                                 unit: new.unit, unitPrice: new.unitPrice, isFisik: new.isFisik)
            let id = try change.unique("kamus usulan \(new.code)") { try catalog.insertKamus(item) }
            let created = try catalog.kamus(id: id)
            try change.log(.kamusUsulan, key: "\(id)", .create, before: nil, after: AdminSnapshot(created))
            return created
        }
    }

    /// Changes a kamus item's name, satuan, unit price (SSH), bidang, OPD or fisik flag. Proposals already stored
    /// keep their `unit_price` and `cost`; the new values apply to proposals created afterwards.
    public func changeKamusItem(_ id: KamusID, _ edit: KamusItemChange, reason: String? = nil, by actor: Actor) throws -> KamusItem {
        try administer(.bappeda, "ubah kamus usulan", by: actor) { change in
            let catalog = CatalogRepository(change.db)
            let before = try catalog.kamus(id: id)
            let after = try edit.applied(to: before)
            try Self.requireCatalogLinks(bidangId: after.bidangId, opdId: after.opdId, catalog)
            guard after != before else { throw DomainError.changeRequired }
            try catalog.updateKamus(after)
            try change.log(.kamusUsulan, key: "\(id)", .update, before: AdminSnapshot(before), after: AdminSnapshot(after),
                           reason: AdminWriter.trimmed(reason))
            return after
        }
    }

    /// Deactivates (`active: false`: no new proposal may choose it, old ones keep it) or reactivates a kamus item.
    public func setKamusItemActive(_ id: KamusID, _ active: Bool, reason: String? = nil, by actor: Actor) throws -> KamusItem {
        try administer(.bappeda, active ? "aktifkan kamus usulan" : "nonaktifkan kamus usulan", by: actor) { change in
            let catalog = CatalogRepository(change.db)
            let before = try catalog.kamus(id: id)
            guard before.active != active else { throw DomainError.changeRequired }
            var after = before
            after.active = active
            try catalog.updateKamus(after)
            try change.log(.kamusUsulan, key: "\(id)", active ? .reactivate : .deactivate, before: AdminSnapshot(before),
                           after: AdminSnapshot(after), reason: AdminWriter.trimmed(reason))
            return after
        }
    }

    /// Every bidang and OPD a kamus item names exists (both reported at once).
    private static func requireCatalogLinks(bidangId: BidangID, opdId: OPDID, _ catalog: CatalogRepository) throws {
        var errors = FieldErrors()
        errors.check(try exists { _ = try catalog.bidang(id: bidangId) }, "bidang", "tidak dikenal")
        errors.check(try exists { _ = try catalog.opd(id: opdId) }, "perangkat daerah", "tidak dikenal")
        try errors.throwIfAny()
    }

    /// Every bidang and the active kamus items, as the proposal forms offer them; kept while the names' generation
    /// stands (any write to bidang or kamus_usulan moves it, 0021), so a form or a submission does not read the kamus.
    public func activeCatalog() throws -> (bidang: [Bidang], items: [KamusItem]) {
        let kept = try database.read { db in
            try activeCatalogs.value(0, generations: [CacheGeneration.names], db: db) {
                let catalog = CatalogRepository(db)
                return ActiveCatalog(bidang: try catalog.bidangList(), items: try catalog.kamusList(activeOnly: true))
            }
        }
        return (kept.bidang, kept.items)
    }
}

/// The bidang and active kamus items the proposal forms offer.
struct ActiveCatalog: Sendable {
    var bidang: [Bidang]
    var items: [KamusItem]
}
