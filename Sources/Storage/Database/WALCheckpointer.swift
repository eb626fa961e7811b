import CSQLite
import Foundation

/// Copies the write-ahead log into the database file on its own thread and connection, so that a commit never does
/// it itself. With SQLite's automatic checkpoint the commit that crosses the threshold copies the whole log (tens of
/// MiB, then an fsync) while every other write waits behind it: that commit is the writes' slowest by far.
///
/// The writer's WAL hook (called after each commit with the log's size) wakes the thread once the log holds
/// `thresholdPages`; the thread runs a PASSIVE checkpoint, which takes no lock that writers or readers wait for. The
/// next commit after a complete checkpoint starts the log again from its beginning, so the file stays small.
final class WALCheckpointer: @unchecked Sendable {
    /// Pages (of the log) after which a checkpoint starts.
    let thresholdPages: Int32
    /// Checkpoints run so far (for tests and diagnostics).
    var checkpointsRun: Int { condition.withLock { completed } }
    /// The log's size in pages as the last commit left it (small again once a checkpoint has let it restart).
    var pagesAtLastCommit: Int { condition.withLock { Int(lastPages) } }

    /// Used by the thread only; `stop` lets go of it once the thread has ended.
    private var connection: Connection?
    private let condition = NSCondition()
    private var pending = false
    private var stopping = false
    private var finished = false
    private var completed = 0
    private var lastPages: Int32 = 0

    /// Opens its own connection to `path` (already in WAL mode) and starts its thread.
    init(path: String, thresholdPages: Int) throws {
        self.thresholdPages = Int32(clamping: max(thresholdPages, 1))
        connection = try Connection(path: path, mode: .readWrite, busyTimeoutMilliseconds: 0, statementCacheCapacity: 1)
        let thread = Thread { [self] in run() }
        thread.name = "wal-checkpoint"
        thread.start()
    }

    /// Makes `writer` report its commits here instead of checkpointing itself (replaces SQLite's automatic one).
    func install(on writer: Connection) {
        sqlite3_wal_hook(writer.handle, walHookCallback, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Stops the thread (after a checkpoint in progress) and closes its connection; the writer must no longer report
    /// to it (`uninstall`). Safe to call more than once.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        connection = nil
    }

    /// Undoes `install`: `writer` keeps no pointer to this object.
    func uninstall(from writer: Connection) {
        sqlite3_wal_hook(writer.handle, nil, nil)
    }

    /// Wakes the thread once the log has grown to the threshold; called on the writer's thread after a commit.
    fileprivate func logHolds(pages: Int32) {
        condition.lock()
        lastPages = pages
        if pages >= thresholdPages {
            pending = true
            condition.broadcast()
        }
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while true {
            while !pending && !stopping { condition.wait() }
            if stopping { break }
            pending = false
            // Unlocked while it copies, so that commits can keep asking for the next one.
            condition.unlock()
            let ran = checkpoint()
            condition.lock()
            if ran { completed += 1 }
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func checkpoint() -> Bool {
        guard let connection else { return false }
        // PASSIVE copies what no reader still needs and never waits; what it leaves waits for the next one.
        return sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK
    }
}

private func walHookCallback(_ context: UnsafeMutableRawPointer?, _ handle: OpaquePointer?, _ database: UnsafePointer<CChar>?,
                             _ pages: Int32) -> Int32 {
    if let context { Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().logHolds(pages: pages) }
    return SQLITE_OK
}
