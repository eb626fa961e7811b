import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The proposal forms' bidang and active kamus items are kept while the names' generation stands; a price change or
/// a deactivation, from any connection, is seen at the next read.
@Suite("Kept kamus of the proposal forms")
struct ActiveCatalogTests {
    @Test func theKeptCatalogFollowsEveryWriteToTheKamus() throws {
        let world = try TestWorld()
        let first = try world.service.activeCatalog()
        let item = try #require(first.items.first)
        let hits = world.service.activeCatalogs.hits
        #expect(try world.service.activeCatalog().items == first.items)
        #expect(world.service.activeCatalogs.hits == hits + 1, "the second read is the kept one")

        let other = try Database(path: world.database.path)
        try other.write { db in try db.execute("UPDATE kamus_usulan SET unit_price = unit_price + 1000 WHERE id = ?", [item.id.rawValue]) }
        #expect(try world.service.activeCatalog().items.first { $0.id == item.id }?.unitPrice == item.unitPrice + 1000)
        try other.write { db in try db.execute("UPDATE kamus_usulan SET active = 0 WHERE id = ?", [item.id.rawValue]) }
        #expect(try world.service.activeCatalog().items.contains { $0.id == item.id } == false)
        try other.write { db in try db.execute("UPDATE bidang SET name = 'Bidang Baru' WHERE id = ?", [item.bidangId.rawValue]) }
        #expect(try world.service.activeCatalog().bidang.first { $0.id == item.bidangId }?.name == "Bidang Baru")
    }
}
