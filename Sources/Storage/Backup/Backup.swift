import CSQLite
import Foundation

extension Database {
    /// Copies the database to `destinationPath` with SQLite's online backup API while the application keeps
    /// running. The copy is taken from one read snapshot (WAL readers never block the writer), in steps of
    /// `pagesPerStep` pages, into a temporary file next to the destination that is renamed over it at the
    /// end, so the destination is either the old file or a complete backup. The backup uses
    /// `journal_mode=DELETE`, so it is a single self-contained file.
    public func backup(to destinationPath: String, pagesPerStep: Int32 = 256) throws {
        let temporaryPath = destinationPath + ".partial-\(UUID().uuidString)"
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: temporaryPath + suffix)
            }
        }
        try read { source in
            // Start the read transaction now, so every step copies from the same snapshot.
            _ = try source.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self)
            try Self.copy(from: source.handle, toFile: temporaryPath, pagesPerStep: pagesPerStep)
        }
        guard rename(temporaryPath, destinationPath) == 0 else {
            throw SQLiteError(
                code: SQLITE_IOERR,
                message: "cannot move backup into place at \(destinationPath): \(String(cString: strerror(errno)))")
        }
    }

    private static func copy(from source: OpaquePointer, toFile path: String, pagesPerStep: Int32) throws {
        var opened: OpaquePointer?
        let openResult = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        defer { sqlite3_close_v2(opened) }
        guard openResult == SQLITE_OK, let destination = opened else {
            throw SQLiteError(resultCode: openResult, handle: opened, sql: nil)
        }
        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw SQLiteError(resultCode: sqlite3_errcode(destination), handle: destination, sql: nil)
        }
        var result: Int32
        repeat {
            result = sqlite3_backup_step(backup, max(pagesPerStep, 1))
            if result == SQLITE_BUSY || result == SQLITE_LOCKED { usleep(1000) }
        } while result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED
        let finishResult = sqlite3_backup_finish(backup)
        guard result == SQLITE_DONE, finishResult == SQLITE_OK else {
            throw SQLiteError(resultCode: result == SQLITE_DONE ? finishResult : result, handle: destination, sql: nil)
        }
        // The copy inherits WAL mode from the source; a backup should be one file.
        var message: UnsafeMutablePointer<CChar>?
        let journalResult = sqlite3_exec(destination, "PRAGMA journal_mode = DELETE", nil, nil, &message)
        sqlite3_free(message)
        guard journalResult == SQLITE_OK else {
            throw SQLiteError(resultCode: journalResult, handle: destination, sql: "PRAGMA journal_mode = DELETE")
        }
    }
}
