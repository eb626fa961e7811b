import Foundation
import Musrenbang
import Storage

/// `musrenbang check`: integrity and foreign-key checks, plus the links the schema leaves to the application;
/// exit status 1 when any finds a problem.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "run SQLite's integrity and foreign key checks and the allocation links"
    static let usage = """
        musrenbang check [--db FILE]
          --db FILE   database file (default: musrenbang.sqlite; env MUSRENBANG_DB)
        Exits with status 1 when a check finds a problem.
        """

    static func run(_ options: Options) throws {
        let database = try DatabaseOptions.openExisting(options)
        let report = try database.checkIntegrity()
        print(report)
        // A database migrated with a schema without allocations (not this application's) has nothing more to check.
        let orphans: Int = try database.read { db in
            let tables: Int = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('allocation_decisions', 'proposals')") ?? 0
            return tables == 2 ? try AllocationRepository(db).decisionsWithoutProposal() : 0
        }
        print(orphans == 0 ? "allocation_decisions -> proposals: ok"
                           : "allocation_decisions -> proposals: \(orphans) decision(s) name no proposal")
        if !report.isOK || orphans > 0 { exit(1) }
    }
}
