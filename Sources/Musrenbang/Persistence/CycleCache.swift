import Foundation
import Storage

/// The cycles of a database file as last loaded, reused while its cycle generation (`cache_generations`,
/// Migrations/0016: a trigger moves it on every write to cycles, stage windows and extensions, from any process) has
/// not moved. Every portal page needs the current cycle and its proposal's; loading them is three queries and the rows'
/// decoding per cycle, checking the generation one indexed read.
///
/// Only a read-only connection stores what it loaded: it sees committed rows only, and committed generations never
/// repeat within a file, so a stored generation always stands for the same cycles. (A writer's uncommitted, later
/// rolled-back generation could come again with other rows.)
/// `@unchecked Sendable`: `entries` is only touched under `lock`.
final class CycleCache: @unchecked Sendable {
    static let shared = CycleCache()

    /// Files whose cycles are kept at once.
    static let maxFiles = 8

    private let lock = NSLock()
    /// Per database file: the generation and the cycles loaded at it.
    private var entries: [String: (generation: Int64, cycles: [Cycle])] = [:]

    /// Every cycle, newest budget year first (as `CycleRepository.all`), as of `db`'s snapshot; call it inside a
    /// transaction so that the generation and the rows are of one snapshot.
    func all(_ db: Connection) throws -> [Cycle] {
        let generation: Int64? = try db.scalar("SELECT generation FROM cache_generations WHERE name = 'cycles'")
        guard let generation else { return try CycleRepository(db).all() }
        if let entry = lock.withLock({ entries[db.path] }), entry.generation == generation { return entry.cycles }
        let cycles = try CycleRepository(db).all()
        if db.mode == .readOnly && db.isInTransaction {
            lock.withLock {
                // A server has one file; a process that opens many (the tests) starts over instead of growing.
                if entries.count >= Self.maxFiles && entries[db.path] == nil { entries.removeAll() }
                entries[db.path] = (generation, cycles)
            }
        }
        return cycles
    }

    /// The cycle `id` as of `db`'s snapshot; `PersistenceError.notFound` as `CycleRepository.cycle(id:)` when missing.
    func cycle(id: CycleID, _ db: Connection) throws -> Cycle {
        if let cycle = try all(db).first(where: { $0.id == id }) { return cycle }
        return try CycleRepository(db).cycle(id: id)
    }
}
