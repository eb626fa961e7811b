/// Prepared statements of one connection keyed by their SQL text, least recently used dropped first.
final class StatementCache {
    private var entries: [String: (statement: Statement, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int
    /// How many statements were prepared because the cache had none; lets tests see reuse.
    private(set) var misses = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    var count: Int { entries.count }

    /// The cached statement for `sql`, or a fresh one that is cached when the cached copy is busy.
    func statement(for sql: String, prepare: () throws -> Statement) rethrows -> Statement {
        clock &+= 1
        // One hash of the SQL text per use (it is often hundreds of bytes): find the entry's index once, then touch it
        // through the index.
        if let index = entries.index(forKey: sql) {
            entries.values[index].lastUse = clock
            let entry = entries.values[index]
            if !entry.statement.isInUse { return entry.statement }
            // The cached copy is being stepped by an outer caller; a nested use gets its own, uncached.
            misses += 1
            return try prepare()
        }
        misses += 1
        let statement = try prepare()
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }),
           !oldest.value.statement.isInUse {
            entries[oldest.key] = nil
        }
        if entries.count < capacity {
            entries[sql] = (statement, clock)
        }
        return statement
    }

    /// Finalizes every statement (by releasing them).
    func removeAll() {
        entries.removeAll()
    }
}
