import Foundation
import TestSupport
import Testing
@testable import Musrenbang

/// `musrenbang serve --demo`: the README's first command, on a real database file and a real socket.
@Suite("musrenbang serve --demo", .serialized)
struct ServeCommandTests {
    let publicDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Public").path

    /// A running `serve` and the port it announced on stderr.
    struct RunningServer {
        let process: Process
        let port: Int
        let stdout: Pipe
    }

    private func start(_ db: String) throws -> RunningServer {
        let process = try BuiltBinary.process([
            "serve", "--demo", "--db", db, "--port", "0", "--migrations", migrationsDirectory,
            "--public", publicDirectory, "--quiet",
        ])
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // The server logs "serving http://127.0.0.1:PORT/" once it listens; the seed comes before that.
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: "serving http://127.0.0.1:"),
               let port = Int(seen[range.upperBound...].prefix { $0.isNumber }) {
                return RunningServer(process: process, port: port, stdout: stdout)
            }
        }
        process.terminate()
        throw PersistenceError.notFound("serve did not announce its port; stderr: \(seen)")
    }

    private func get(_ port: Int, _ path: String) throws -> (status: Int32, body: String) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-m", "10", "-w", "\n%{http_code}", "http://127.0.0.1:\(port)\(path)"]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int32(lines.last ?? "") ?? -1, lines.dropLast().joined(separator: "\n"))
    }

    private func stop(_ server: RunningServer) -> (status: Int32, stdout: String) {
        server.process.terminate()  // SIGTERM: drain and exit
        let text = String(decoding: server.stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        server.process.waitUntilExit()
        return (server.process.terminationStatus, text)
    }

    @Test func servesTheDemoDatabaseAndSeedsItOnce() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = (directory as NSString).appendingPathComponent("demo.sqlite")

        let first = try start(db)
        let health = try get(first.port, "/healthz")
        #expect(health.status == 200 && health.body == "ok")
        let ready = try get(first.port, "/readyz")
        #expect(ready.status == 200 && ready.body == "ok")
        let page = try get(first.port, "/")
        #expect(page.status == 200 && page.body.contains("e-Musrenbang"))
        #expect(try get(first.port, "/tidak-ada").status == 404)
        let firstRun = stop(first)
        #expect(firstRun.status == 0)
        #expect(firstRun.stdout.contains("kata sandi") && firstRun.stdout.contains("\nbappeda "), "\(firstRun.stdout.prefix(400))")

        // The same file again: the demo is already there, nothing is re-seeded and no password is shown.
        let second = try start(db)
        #expect(try get(second.port, "/healthz").status == 200)
        let secondRun = stop(second)
        #expect(secondRun.status == 0)
        #expect(secondRun.stdout.contains("sudah ada") && !secondRun.stdout.contains("kata sandi"))
    }

    @Test func refusesToStartOnADatabaseItCannotOpen() throws {
        let result = try BuiltBinary.run([
            "serve", "--db", "/proc/tidak-bisa/ditulis.sqlite", "--port", "0", "--migrations", migrationsDirectory,
            "--public", publicDirectory,
        ])
        #expect(result.status != 0)
        #expect(!result.output.contains("serving http"))
    }
}
