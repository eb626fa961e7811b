import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `musrenbang serve` on a temporary database and a free port of 127.0.0.1, for tests that talk to it
/// over HTTP or through a browser. `stop()` (call it in a `defer`) ends it and deletes the database folder.
public final class ServedPortal {
    /// The repository's root, found from this file's place in `Tests/Support`.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The port the server announced.
    public let port: Int
    /// The temporary folder that holds the database (removed by `stop()`).
    public let directory: String
    private let process: Process
    private let output: ServerLog

    /// `http://127.0.0.1:PORT` followed by `path` (which starts with `/`).
    public func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }

    private init(process: Process, port: Int, directory: String, output: ServerLog) {
        self.process = process
        self.port = port
        self.directory = directory
        self.output = output
    }

    /// The repository's `Migrations/` folder (for tests that prepare a database first).
    public static var migrations: String { repositoryRoot.appendingPathComponent("Migrations").path }

    /// Starts `serve --db TEMP --port 0 --public Public/ --migrations Migrations/ --quiet` (plus `--demo` when
    /// asked, and `arguments`) and waits, at most `timeout` seconds, for its "serving http://127.0.0.1:PORT/" line.
    /// `database` serves a database the test prepared instead of a new one.
    public static func start(demo: Bool = false, database: String? = nil, arguments: [String] = [],
                             timeout: TimeInterval = 60) throws -> ServedPortal {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let root = repositoryRoot
        let process = try BuiltBinary.process([
            "serve", "--db", database ?? (directory as NSString).appendingPathComponent("portal.sqlite"), "--port", "0",
            "--migrations", root.appendingPathComponent("Migrations").path,
            "--public", root.appendingPathComponent("Public").path, "--quiet",
        ] + (demo ? ["--demo"] : []) + arguments)
        let output = ServerLog(path: (directory as NSString).appendingPathComponent("serve.log"))
        try BuiltBinary.start(process, writingOutputTo: output.path)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && process.isRunning {
            if let port = output.port() { return ServedPortal(process: process, port: port, directory: directory, output: output) }
            usleep(20_000)  // polling the log with a deadline
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let text = output.text
        try? FileManager.default.removeItem(atPath: directory)
        throw WebDriverError("musrenbang serve did not announce its port within \(Int(timeout)) s: \(text.suffix(600))")
    }

    /// What the server printed so far (standard output and error together).
    public var log: String { output.text }

    /// Stops the server (SIGTERM, SIGKILL after 10 s) and deletes its folder; returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        output.keep()
        try? FileManager.default.removeItem(atPath: directory)
        return process.terminationStatus
    }

    /// Kills the server with SIGKILL, as a power cut or the OOM killer would (no shutdown, nothing flushed), waits for
    /// it and deletes its folder; a database given to `start(database:)` stays for the next start. True when the
    /// process died by that signal (not already exited on its own).
    @discardableResult
    public func kill() -> Bool {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        output.keep()
        try? FileManager.default.removeItem(atPath: directory)
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// The server's output file (standard output and error together); its text is kept when the folder goes.
    private final class ServerLog: @unchecked Sendable {
        let path: String
        private let lock = NSLock()
        private var kept: String?

        init(path: String) { self.path = path }

        /// Reads the file one last time, before its folder is removed.
        func keep() { lock.withLock { if kept == nil { kept = Self.read(path) } } }

        var text: String { lock.withLock { kept ?? Self.read(path) } }

        func port() -> Int? {
            let seen = text
            guard let range = seen.range(of: "serving http://127.0.0.1:") else { return nil }
            return Int(seen[range.upperBound...].prefix { $0.isNumber })
        }

        private static func read(_ path: String) -> String {
            guard let data = FileManager.default.contents(atPath: path) else { return "" }
            return String(decoding: data.prefix(1 << 20), as: UTF8.self)
        }
    }
}
