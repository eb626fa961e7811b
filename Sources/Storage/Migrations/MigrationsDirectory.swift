import Foundation

/// Finds the `Migrations/` directory a program should use.
public enum MigrationsDirectory {
    /// In order: `explicit` (from `--migrations` or `MUSRENBANG_MIGRATIONS`), which must exist;
    /// else `Migrations/` in `currentDirectory`; else the first `Migrations/` found walking up from the
    /// directory of `executablePath` (so `.build/debug/musrenbang` finds the package's `Migrations/`).
    public static func locate(explicit: String?, currentDirectory: String, executablePath: String?) throws -> String {
        if let explicit, !explicit.isEmpty {
            guard isDirectory(explicit) else { throw MigrationError.directoryNotFound(searched: [explicit]) }
            return explicit
        }
        var searched: [String] = []
        let local = (currentDirectory as NSString).appendingPathComponent("Migrations")
        searched.append(local)
        if isDirectory(local) { return local }
        if let executablePath {
            var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            while true {
                let candidate = directory.appendingPathComponent("Migrations").path
                searched.append(candidate)
                if isDirectory(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw MigrationError.directoryNotFound(searched: searched)
    }

    /// The running program's own file, read from `/proc/self/exe` (falls back to `argv[0]`).
    public static func currentExecutablePath() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
