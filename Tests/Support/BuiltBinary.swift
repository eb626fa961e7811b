import Foundation

/// The `musrenbang` executable that `swift build` (and `swift test`) put next to the test bundle, for the tests of
/// every target that run the real command.
public enum BuiltBinary {
    /// The binary was not built (or not where the test bundle is).
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The binary's path; the test bundle may be a directory (`…/musrenbangPackageTests.xctest/…`), so a few levels
    /// up are searched.
    public static func path() throws -> String {
        let test = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var directory = URL(fileURLWithPath: test).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("musrenbang").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw Missing(description: "musrenbang binary not found near \(test); run `swift build` first")
    }

    /// A process of the binary with `arguments`, run in `directory` when given, with the test environment's
    /// `MUSRENBANG_*` settings removed (they would leak into the command) and `environment` added.
    public static func process(_ arguments: [String], environment: [String: String] = [:],
                               in directory: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MUSRENBANG_") }
            .merging(environment) { $1 }
        return process
    }

    /// Runs the binary to its end: exit status, and standard output and error together.
    public static func run(_ arguments: [String], environment: [String: String] = [:],
                           in directory: String? = nil) throws -> (status: Int32, output: String) {
        let process = try process(arguments, environment: environment, in: directory)
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-run-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try start(process, writingOutputTo: path)
        process.waitUntilExit()
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts `process` with its standard output and error written to a new file at `path`. A file, not a Pipe:
    /// Foundation's Pipe behind a Process has closed a descriptor twice under concurrency here (swiftlang/swift#57827),
    /// once a browser test's WebDriver socket in mid-request.
    public static func start(_ process: Process, writingOutputTo path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw Missing(description: "cannot create \(path)")
        }
        // The child has its own copy; this one is closed once, here.
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }
}
