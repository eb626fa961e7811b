import Storage

/// `musrenbang backup`: an online copy of the database, safe while the server runs.
enum BackupCommand: Command {
    static let name = "backup"
    static let summary = "copy the database to a file while the server keeps running"
    static let usage = """
        musrenbang backup [--db FILE] --to FILE
          --db FILE   database file (default: musrenbang.sqlite; env MUSRENBANG_DB)
          --to FILE   where to write the backup (replaced atomically if it exists)
        """

    static func run(_ options: Options) throws {
        let destination = try options.required("to")
        let database = try DatabaseOptions.openExisting(options)
        try database.backup(to: destination)
        print("backed up \(database.path) to \(destination)")
    }
}
