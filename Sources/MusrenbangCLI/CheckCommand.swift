import Foundation
import Storage

/// `musrenbang check`: integrity and foreign-key checks; exit status 1 when either finds a problem.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "run SQLite's integrity and foreign key checks"
    static let usage = """
        musrenbang check [--db FILE]
          --db FILE   database file (default: musrenbang.sqlite; env MUSRENBANG_DB)
        Exits with status 1 when a check finds a problem.
        """

    static func run(_ options: Options) throws {
        let database = try DatabaseOptions.openExisting(options)
        let report = try database.checkIntegrity()
        print(report)
        if !report.isOK { exit(1) }
    }
}
