/// Why migrations could not be loaded or applied. Descriptions name the file concerned.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// No migrations directory was found; lists the places searched.
    case directoryNotFound(searched: [String])
    /// The directory could not be listed or a file could not be read.
    case unreadable(path: String, reason: String)
    /// A `.sql` file whose name is not `NNNN_name.sql`.
    case badFileName(String)
    /// Two files share a number.
    case duplicateVersion(Int, files: [String])
    /// Numbers must run 1, 2, 3, ... without holes.
    case gap(expected: Int, found: String)
    /// An applied migration's file changed since it was applied.
    case checksumMismatch(file: String, recorded: String, actual: String)
    /// An applied migration's file now has another name.
    case renamed(version: Int, recordedName: String, file: String)
    /// The database records a migration that has no file (the database is newer than this program).
    case missingFile(version: Int, name: String)
    /// A migration's SQL failed; nothing of it was kept.
    case failed(file: String, error: SQLiteError)
    /// A migration ended the surrounding transaction itself (it contains COMMIT, END or ROLLBACK).
    case endedTransaction(file: String)

    public var description: String {
        switch self {
        case .directoryNotFound(let searched):
            "no migrations directory found; looked in: \(searched.joined(separator: ", ")); pass --migrations DIR"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .badFileName(let file):
            "migration file name '\(file)' is not NNNN_name.sql (four digits, '_', lower-case letters, digits, '_')"
        case .duplicateVersion(let version, let files):
            "migration number \(version) is used by more than one file: \(files.joined(separator: ", "))"
        case .gap(let expected, let found):
            "migration numbers must run 1, 2, 3, ... without gaps: expected \(expected), found \(found)"
        case .checksumMismatch(let file, let recorded, let actual):
            "migration \(file) was changed after it was applied (recorded checksum \(recorded), file now has "
                + "\(actual)); never edit an applied migration, add a new one instead"
        case .renamed(let version, let recordedName, let file):
            "migration \(version) was applied as '\(recordedName)' but the file is now \(file)"
        case .missingFile(let version, let name):
            "the database has migration \(version) (\(name)) applied but there is no file for it; "
                + "is this program older than the database?"
        case .failed(let file, let error):
            "migration \(file) failed and was rolled back: \(error)"
        case .endedTransaction(let file):
            "migration \(file) contains its own COMMIT/ROLLBACK; migrations run inside a transaction already"
        }
    }
}
