import Foundation
import Storage

/// `musrenbang storage-crash-writer`: for the crash-safety test only. Inserts rows, one transaction each,
/// and prints each committed id on its own line (flushed) until killed or `--count` rows are written.
enum StorageCrashWriterCommand: Command {
    static let name = "storage-crash-writer"
    static let summary = "for tests only: write rows until killed, printing each committed id"
    static let isHidden = true
    static let usage = """
        musrenbang storage-crash-writer --db FILE [--count N]
          Creates table crash_rows if needed, then inserts rows one transaction each and prints each id
          after its COMMIT returns. Used by StorageTests to kill a writer mid-write.
        """

    static func run(_ options: Options) throws {
        let database = try Database(path: try options.required("db"))
        let count = try options.int("count", default: Int.max)
        try database.write { connection in
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS crash_rows (
                    id INTEGER PRIMARY KEY, payload TEXT NOT NULL, written_at TEXT NOT NULL
                ) STRICT
                """)
        }
        // A payload of some size so that a kill often lands while pages are being written.
        let payload = String(repeating: "musrenbang ", count: 200)
        var written = 0
        while written < count {
            let id = try database.write { connection in
                try connection.execute(
                    "INSERT INTO crash_rows (payload, written_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ'))",
                    [payload])
                return connection.lastInsertRowID
            }
            // Unbuffered write(2): the line is out before the next transaction starts.
            FileHandle.standardOutput.write(Data("\(id)\n".utf8))
            written += 1
        }
    }
}
