import Foundation
import Storage

/// `musrenbang migrate`: applies the pending migrations to the database file.
enum MigrateCommand: Command {
    static let name = "migrate"
    static let summary = "apply pending database migrations"
    static let usage = """
        musrenbang migrate [--db FILE] [--migrations DIR]
          --db FILE          database file (default: musrenbang.sqlite; env MUSRENBANG_DB)
          --migrations DIR   directory of NNNN_name.sql files (env MUSRENBANG_MIGRATIONS; default:
                             ./Migrations, else the Migrations/ above the executable)
        """

    static func run(_ options: Options) throws {
        let opened = try DatabaseOptions.openMigrated(options)
        if opened.applied.isEmpty {
            print("\(opened.path): up to date (migrations from \(opened.migrationsDirectory))")
        } else {
            for migration in opened.applied { print("applied \(migration.fileName)") }
            print("\(opened.path): \(opened.applied.count) migration(s) applied from \(opened.migrationsDirectory)")
        }
    }
}
