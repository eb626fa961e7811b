import Foundation
import TestSupport
import Storage
import Testing
@testable import Musrenbang

/// `musrenbang seed-demo`, `check` and `user` through the built binary (`swift build` builds it with the tests).
@Suite("musrenbang seed-demo, check and user", .serialized)
struct CommandLineTests {
    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try BuiltBinary.run(arguments, environment: environment)
    }

    @Test func seedCheckAndManageUsers() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = (directory as NSString).appendingPathComponent("demo.sqlite")

        let first = try run(["seed-demo", "--db", db, "--migrations", migrationsDirectory])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("applied 0002_recap_indexes.sql"))
        for username in ["op.cireundeu", "lurah.cireundeu", "camat.ciputat-timur", "opd.dinkes", "bappeda", "admin"] {
            #expect(first.output.contains("\n\(username) "), "\(username) not listed")
        }
        #expect(first.output.contains("ILUSTRASI"))
        let second = try run(["seed-demo", "--db", db, "--migrations", migrationsDirectory])
        #expect(second.status == 0 && second.output.contains("sudah ada"), "\(second.output)")
        #expect(!second.output.contains("kata sandi"))
        let check = try run(["check", "--db", db])
        #expect(check.status == 0 && check.output.contains("integrity_check: ok") && check.output.contains("foreign_key_check: ok")
                && check.output.contains("allocation_decisions -> proposals: ok"))
        // A decision naming no proposal (the link the schema leaves to the application) fails the check.
        let orphan = try Database(path: db)
        try orphan.write { conn in
            try conn.execute("""
                INSERT INTO allocation_decisions (run_id, position, proposal_id, rank, cost, funded, remaining_before,
                    remaining_after, blocking_group, reason) VALUES ((SELECT max(id) FROM allocation_runs), 9999, 99999999, 1, 1, 0, 1, 1, NULL, 'uji')
                """)
        }
        let broken = try run(["check", "--db", db])
        #expect(broken.status == 1 && broken.output.contains("1 decision(s) name no proposal"), "\(broken.output)")
        try orphan.write { conn in try conn.execute("DELETE FROM allocation_decisions WHERE proposal_id = 99999999") }

        let added = try run(["user", "add", "--db", db, "--username", "op2.cireundeu", "--name", "Operator Dua",
                             "--role", "operator_kelurahan", "--kelurahan", "Cireundeu"], environment: ["MUSRENBANG_PASSWORD": "rahasia-123"])
        #expect(added.status == 0, "\(added.output)")
        let database = try Database(path: db)
        let service = try MusrenbangService(database: database)
        #expect(try service.authenticate(username: "op2.cireundeu", password: "rahasia-123")?.role == .operatorKelurahan)
        let badRole = try run(["user", "add", "--db", db, "--username", "x.y", "--name", "X", "--role", "lurah"])
        #expect(badRole.status == 2 && badRole.output.contains("peran tidak dikenal"))
        let badArea = try run(["user", "add", "--db", db, "--username", "x.y", "--name", "X", "--role", "camat", "--kecamatan", "Antah"])
        #expect(badArea.status == 2 && badArea.output.contains("kecamatan tidak dikenal"))
        let reset = try run(["user", "passwd", "--db", db, "--username", "op2.cireundeu"])
        #expect(reset.status == 0 && reset.output.contains("ditampilkan sekali"))
        #expect(try service.authenticate(username: "op2.cireundeu", password: "rahasia-123") == nil)
    }
}
