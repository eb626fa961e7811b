import Foundation
import Musrenbang
import Storage

/// The group shares of one level as Bappeda's screen shows them: every group (fisik, non-fisik, each bidang) with its
/// stored minimum and maximum for every envelope of the level, whether a berita acara is locked (a change then needs a
/// reason), and a version that changes whenever the stored shares do.
struct GroupShareBoard {
    struct Group {
        let group: AllocationGroup
        let name: String
        /// The form's key of the group: "fisik", "non_fisik", "bidang-3".
        var key: String {
            switch group {
            case .fisik: "fisik"
            case .nonFisik: "non_fisik"
            case .bidang(let id): "bidang-\(id.rawValue)"
            }
        }
    }

    let cycle: Cycle
    let level: Level
    let groups: [Group]
    let stored: [GroupShare]
    let locked: Bool

    static func load(_ cycle: Cycle, level: Level, database: Database) throws -> GroupShareBoard {
        try database.read { db in
            let bidang = try CatalogRepository(db).bidangList()
            let groups = [Group(group: .fisik, name: "Fisik"), Group(group: .nonFisik, name: "Non-fisik")]
                + bidang.map { Group(group: .bidang($0.id), name: "Bidang \($0.name)") }
            let stored = try CycleRepository(db).groupShares(cycleId: cycle.id, level: level, ownerId: nil)
            let locked = !(try LockRepository(db).keys(cycleId: cycle.id).isEmpty)
            return GroupShareBoard(cycle: cycle, level: level, groups: groups, stored: stored, locked: locked)
        }
    }

    /// The stored share of `group` with `bound`, if any.
    func share(_ group: AllocationGroup, _ bound: GroupShare.Bound) -> GroupShare? {
        stored.first { $0.group == group && $0.bound == bound }
    }

    /// A digest of the stored shares: a form carries it (`versi`), so a table changed by someone else since is refused.
    var version: String { String(SHA256.hexDigest(Array(GroupShare.json(stored).utf8)).prefix(32)) }

    /// "kelurahan", "kecamatan", "perangkat daerah": the level in words.
    static func levelName(_ level: Level) -> String {
        switch level {
        case .kelurahan: "kelurahan"
        case .kecamatan: "kecamatan"
        case .opd: "perangkat daerah"
        case .kota: "kota"
        }
    }
}
