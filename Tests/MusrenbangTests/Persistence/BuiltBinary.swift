import Foundation
@testable import Musrenbang

/// The `musrenbang` executable that `swift build` (and `swift test`) put next to the test bundle.
enum BuiltBinary {
    static func path() throws -> String {
        let test = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var directory = URL(fileURLWithPath: test).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("musrenbang").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw PersistenceError.notFound("musrenbang binary near \(test); run `swift build` first")
    }

    /// A process of the binary with `arguments`, the environment cleared of `MUSRENBANG_*` plus `environment`.
    static func process(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MUSRENBANG_") }
            .merging(environment) { $1 }
        return process
    }

    /// Runs the binary to its end; stdout and stderr together.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = try process(arguments, environment: environment)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
