import Foundation
import TestSupport
import Testing
@testable import Storage

@Suite("Crash safety: a writer killed with SIGKILL loses no acknowledged write", .serialized)
struct CrashSafetyTests {
    /// Starts the crash writer, waits for `acknowledged` ids, kills it with SIGKILL, and returns every id it
    /// printed before dying.
    private func runAndKill(binary: String, database: String, acknowledged: Int) throws -> [Int64] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["storage-crash-writer", "--db", database]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A watchdog, so that a writer that stops writing fails the test instead of hanging it. It only
        // kills a process that has not been reaped yet (so never a recycled pid).
        let pid = process.processIdentifier
        let reaped = Locked(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 180) {
            reaped.withValue { done in if !done { kill(pid, SIGKILL) } }
        }
        let reader = output.fileHandleForReading
        var buffer = Data()
        var lines = 0
        while lines < acknowledged {
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // The writer died early; the test below reports it.
            buffer.append(chunk)
            lines = buffer.count(where: { $0 == UInt8(ascii: "\n") })
        }
        reaped.withValue { done in
            kill(pid, SIGKILL)
            done = true
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the writer should die by SIGKILL")
        buffer.append(reader.readDataToEndOfFile())
        // Only complete lines are acknowledged writes; a cut-off last line is not.
        let text = String(decoding: buffer, as: UTF8.self)
        let complete = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n") ?? text.startIndex)])
        let ids = complete.split(separator: "\n").compactMap { Int64($0) }
        #expect(ids.count >= acknowledged)
        return ids
    }

    @Test func acknowledgedWritesSurviveSIGKILL() throws {
        let binary = try BuiltBinary.path()
        try withTemporaryDirectory { directory throws in
            let path = (directory as NSString).appendingPathComponent("crash.sqlite")
            var acknowledged: [Int64] = []
            for round in 0..<3 {
                acknowledged += try runAndKill(binary: binary, database: path, acknowledged: 150 + round * 50)
                var configuration = Database.Configuration()
                configuration.createIfMissing = false
                let database = try Database(path: path, configuration: configuration)
                #expect(try database.checkIntegrity().isOK)
                let stored = Set(try database.read { connection throws in
                    try connection.query("SELECT id FROM crash_rows").map { try $0.get(0, as: Int64.self) }
                })
                let lost = acknowledged.filter { !stored.contains($0) }
                #expect(lost.isEmpty, "round \(round): acknowledged but missing: \(lost.prefix(10))")
            }
            // The CLI's own check agrees.
            #expect(try BuiltBinary.run(["check", "--db", path]).status == 0)
        }
    }
}
