import Foundation
import Glibc
import TestSupport
import Testing
@testable import HTTPServer

/// 10,000 idle or slow connections must not keep a normal client from being served. Both ends do not fit
/// in one process under the descriptor limit, so the real `musrenbang serve` runs as a child process.
@Suite(.serialized) struct ManyIdleConnectionsTests {
    /// Starts `musrenbang serve` on an ephemeral port and returns it with the port it reports.
    static func startServer(publicFolder: String, extra: [String] = []) throws -> (Process, Int) {
        // Its own database file (not musrenbang.sqlite in the working directory), removed when the server exits.
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("idle-\(UUID().uuidString).sqlite").path
        let process = try BuiltBinary.process(["serve", "--port", "0", "--public", publicFolder, "--quiet", "--db", db] + extra)
        process.terminationHandler = { _ in
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while true {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { throw TestFailure("musrenbang serve exited early: \(seen)") }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: "serving http://127.0.0.1:"),
               let port = Int(seen[range.upperBound...].prefix(while: \.isNumber)) {
                // Keep draining stderr so the child can never block on a full pipe.
                let handle = errors.fileHandleForReading
                Thread.detachNewThread { while !handle.availableData.isEmpty {} }
                return (process, port)
            }
        }
    }

    static func stop(_ process: Process, within seconds: Double) -> Bool {
        process.terminate()  // SIGTERM: graceful shutdown
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        return true
    }

    @Test func tenThousandIdleAndSlowConnectionsDoNotStopANormalClient() throws {
        let limit = ResourceLimits.raiseOpenFileLimit()
        try #require(limit >= 10_500, "needs an open-file limit above 10,500 (have \(limit))")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("idle-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<h1>e-Musrenbang</h1>".write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)

        let (process, port) = try Self.startServer(
            publicFolder: folder, extra: ["--header-timeout", "120", "--idle-timeout", "120", "--shutdown-timeout", "10"])
        var exitedInTime = false
        defer { if process.isRunning { exitedInTime = Self.stop(process, within: 15) } }

        var held: [TestClient] = []
        held.reserveCapacity(10_000)
        for index in 0..<10_000 {
            let client = try TestClient(port: port, timeout: 30)
            if index % 2 == 1 {
                try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\nX-Slow: ")  // a slow client, never finishing
            }
            held.append(client)
        }

        let normal = try TestClient(port: port, timeout: 5)
        try normal.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        let response = try normal.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "ok")
        try normal.send("GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try normal.readResponse().text == "<h1>e-Musrenbang</h1>")

        // SIGTERM with 10,000 idle connections: they are closed and the process exits cleanly.
        exitedInTime = Self.stop(process, within: 15)
        #expect(exitedInTime)
        #expect(process.terminationStatus == 0)
        #expect(try held[0].closedByServer())
    }

    /// The process's open sockets and files (Dispatch's own signalfds, made lazily, are not counted).
    static func descriptorLinks(_ pid: Int32) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return names.sorted().compactMap { name in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(name)"),
                  target.hasPrefix("socket:") || (target.hasPrefix("/") && target != "/dev/null") else { return nil }
            return "\(name) -> \(target)"
        }
    }

    static func openDescriptors(_ pid: Int32) -> Int { descriptorLinks(pid).count }

    /// Every kind of ending (normal, parse error, 413, client gone mid-body, static file) gives its
    /// descriptors back: after the clients leave, the server holds as many as before.
    @Test func descriptorsAreReleased() throws {
        ResourceLimits.raiseOpenFileLimit()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try String(repeating: "x", count: 200_000).write(toFile: folder + "/big.txt", atomically: true, encoding: .utf8)
        let (process, port) = try Self.startServer(publicFolder: folder, extra: ["--idle-timeout", "60"])
        defer { _ = Self.stop(process, within: 15) }
        let baseline = Self.openDescriptors(process.processIdentifier)
        let baselineLinks = Self.descriptorLinks(process.processIdentifier)

        var clients: [TestClient] = []
        for round in 0..<50 {
            let client = try TestClient(port: port)
            switch round % 5 {
            case 0:
                try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
                _ = try client.readResponse()
            case 1:
                try client.send("GET /x HTTP/1.1\r\nHost : a\r\n\r\n")
                _ = try client.readResponse()
            case 2:
                try client.send("POST /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999\r\n\r\n")
                _ = try client.readResponse()
            case 3:
                try client.send("POST /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\npartial")
            default:
                try client.send("GET /big.txt HTTP/1.1\r\nHost: a\r\n\r\n")
                var some = [UInt8](repeating: 0, count: 1000)
                _ = recv(client.fd, &some, some.count, 0)  // read a little, then leave mid-file
            }
            clients.append(client)
        }
        #expect(Self.openDescriptors(process.processIdentifier) >= baseline + 10)
        clients = []
        var now = Self.openDescriptors(process.processIdentifier)
        for _ in 0..<200 where now > baseline {
            usleep(50_000)
            now = Self.openDescriptors(process.processIdentifier)
        }
        let links = Self.descriptorLinks(process.processIdentifier)
        #expect(now == baseline, "open: \(links) baseline \(baselineLinks)")
    }
}
