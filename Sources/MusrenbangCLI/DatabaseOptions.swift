import Foundation
import Storage

/// Options shared by commands that open the database file.
enum DatabaseOptions {
    /// The file used when neither --db nor MUSRENBANG_DB is given.
    static let defaultPath = "musrenbang.sqlite"

    /// A database opened (or created) and brought up to date by `openMigrated`.
    struct Migrated {
        let database: Database
        let path: String
        let migrationsDirectory: String
        let applied: [Migration]
    }

    /// Opens or creates the `--db` file and applies pending migrations from `--migrations`.
    static func openMigrated(_ options: Options) throws -> Migrated {
        let path = options.string("db", default: defaultPath)
        let directory = try MigrationsDirectory.locate(
            explicit: options.string("migrations"),
            currentDirectory: FileManager.default.currentDirectoryPath,
            executablePath: MigrationsDirectory.currentExecutablePath())
        let database = try Database(path: path)
        let applied = try Migrator(directory: directory).migrate(database)
        return Migrated(database: database, path: path, migrationsDirectory: directory, applied: applied)
    }

    /// Opens an existing database file; tools that inspect or copy must not create an empty one.
    static func openExisting(_ options: Options) throws -> Database {
        let path = options.string("db", default: defaultPath)
        guard FileManager.default.fileExists(atPath: path) else {
            throw UsageError("database file \(path) does not exist")
        }
        var configuration = Database.Configuration()
        configuration.createIfMissing = false
        return try Database(path: path, configuration: configuration)
    }
}
