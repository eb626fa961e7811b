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
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
