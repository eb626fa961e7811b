import Foundation
import Storage

/// Values computed from rows that change rarely compared with how often the public reads them (a list page of a cycle's
/// proposals, the home page's figures, the list's filter choices), reused while the generations they were computed at
/// still stand. A generation is a `cache_generations` row that triggers move on every write to the rows it stands for,
/// from any process (Migrations/0016, 0021): `proposals:<cycle id>` for one cycle's proposals, `names` for the areas,
/// RW/RT, bidang, OPD and kamus. Counting 100,000 proposals under a filter and a text search takes milliseconds;
/// checking a generation is one indexed read.
///
/// As `CycleCache`, only a read-only connection inside a transaction stores what it computed: it sees committed rows
/// only, and committed generations never repeat within a file. At `capacity` entries the cache starts over.
/// `@unchecked Sendable`: `entries` is only touched under `lock`.
final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: (generations: [Int64], value: Value)] = [:]
    private var hitCount = 0

    init(capacity: Int) { self.capacity = capacity }

    /// The value of `key`, computed from the rows `generations` stand for as of `db`'s snapshot: the one kept when those
    /// generations are still the ones it was computed at, else `compute()`'s.
    func value(_ key: Key, generations names: [String], db: Connection, compute: () throws -> Value) throws -> Value {
        guard db.mode == .readOnly && db.isInTransaction else { return try compute() }
        var generations: [Int64] = []
        for name in names {
            guard let generation: Int64 = try db.scalar("SELECT generation FROM cache_generations WHERE name = ?", [name]) else {
                return try compute()
            }
            generations.append(generation)
        }
        return try value(key, stamp: generations, db: db, compute: compute)
    }

    /// As above, with the generations already read by the caller in `db`'s snapshot (nil when one is missing: then
    /// nothing is kept).
    func value(_ key: Key, stamp generations: [Int64]?, db: Connection, compute: () throws -> Value) throws -> Value {
        guard let generations, db.mode == .readOnly && db.isInTransaction else { return try compute() }
        if let entry = lock.withLock({ entries[key] }), entry.generations == generations {
            lock.withLock { hitCount += 1 }
            return entry.value
        }
        let value = try compute()
        lock.withLock {
            if entries.count >= capacity && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = (generations, value)
        }
        return value
    }

    /// Values served from the cache so far (tests).
    var hits: Int { lock.withLock { hitCount } }
}

/// The names of the generations in `cache_generations` that `GenerationCache` checks.
enum CacheGeneration {
    /// One cycle's proposals.
    static func proposals(of cycle: CycleID) -> String { "proposals:\(cycle.rawValue)" }
    /// The names of areas, RW/RT, bidang, OPD and kamus, and who holds which role (Migrations/0022).
    static let names = "names"
    /// The cycles, their stage windows and extensions (Migrations/0016).
    static let cycles = "cycles"
}
