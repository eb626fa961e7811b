import Foundation
import Testing
@testable import Musrenbang

/// Keeps Migrations/0001_core_schema.sql in step with the Swift enumerations, and checks its
/// constraints and triggers with the sqlite3 command-line tool (installed by .ci/run).
@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemaPath = root.appendingPathComponent("Migrations/0001_core_schema.sql").path

    private func schema() throws -> String { try String(contentsOfFile: Self.schemaPath, encoding: .utf8) }

    @Test func enumerationsMatchTheCheckConstraints() throws {
        let sql = try schema()
        for state in ProposalState.all { #expect(sql.contains("'\(state.description)'"), "missing \(state)") }
        for role in Role.allCases { #expect(sql.contains("'\(role.rawValue)'"), "missing role \(role)") }
        for action in Action.allCases { #expect(sql.contains("'\(action.rawValue)'"), "missing action \(action)") }
        for stage in Stage.allCases { #expect(sql.contains("'\(stage.rawValue)'")) }
        for status in ProposalStatus.allCases { #expect(sql.contains("'\(status.rawValue)'")) }
        // The proposals CHECK lists exactly the valid pairs.
        let marker = "CHECK (stage || ':' || status IN ("
        let start = try #require(sql.range(of: marker))
        let end = try #require(sql.range(of: "))", range: start.upperBound..<sql.endIndex))
        let pairs = sql[start.upperBound..<end.lowerBound].components(separatedBy: ",")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \n'")) }
        #expect(pairs.count == ProposalState.all.count)
        #expect(Set(pairs) == Set(ProposalState.all.map(\.description)))
    }

    private func sqlite(_ script: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", ":memory:"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private static let fixtureRows = """
        PRAGMA foreign_keys=ON;
        INSERT INTO kota VALUES (1,'TGS','Kota Tangerang Selatan');
        INSERT INTO kecamatan VALUES (1,1,'01','Ciputat Timur');
        INSERT INTO kelurahan VALUES (11,1,'01','Cirendeu');
        INSERT INTO rw VALUES (21,11,5);
        INSERT INTO rt VALUES (31,21,3);
        INSERT INTO bidang VALUES (51,'FP','Fisik dan Prasarana');
        INSERT INTO opd VALUES (41,'DSDABMBK','Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi','DSDABMBK');
        INSERT INTO kamus_usulan VALUES (61,'K-001','Betonisasi jalan lingkungan',51,41,'meter',1500000,1,1);
        INSERT INTO accounts (id,username,password_hash,display_name,created_at) VALUES (100,'siti','h','Siti','2026-11-22T12:00:00Z');
        INSERT INTO account_roles (account_id, role) VALUES (100,'warga');
        INSERT INTO cycles (id,kota_id,plan_year,budget_year,name,created_at) VALUES (1,1,2027,2028,'Musrenbang 2027','2026-11-22T12:00:00Z');
        INSERT INTO proposals (id,tracking_code,cycle_id,kecamatan_id,kelurahan_id,rw_id,rt_id,proposer_account_id,proposer_name,
          entered_by,title,problem,kamus_id,bidang_id,opd_id,is_fisik,satuan,unit_price,volume,cost,location_text,beneficiaries,
          stage,status,created_at,updated_at)
          VALUES (1,'TGS-2027-000001',1,1,11,21,31,100,'Siti',100,'Betonisasi','Jalan rusak',61,51,41,1,'meter',1500000,100,
          150000000,'Jl. Mawar',120,'pra_musrenbang','draft','2026-12-01T01:00:00Z','2026-12-01T01:00:00Z');
        INSERT INTO proposal_events (proposal_id,cycle_id,action,actor_account_id,actor_role,at,from_stage,from_status,to_stage,
          to_status,version_after) VALUES (1,1,'buat',100,'warga','2026-12-01T01:00:00Z','pra_musrenbang','draft','pra_musrenbang','draft',1);
        """

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func schemaAppliesAndEnforcesItsRules() throws {
        let base = try schema() + "\n" + Self.fixtureRows + "\n"
        let ok = try sqlite(base + "SELECT count(*) FROM proposal_events;")
        #expect(ok.status == 0 && ok.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(ok.output)")
        let refused: [(String, String)] = [
            ("UPDATE proposal_events SET note = 'x';", "proposal_events is append-only"),
            ("DELETE FROM proposal_events;", "proposal_events is append-only"),
            ("UPDATE proposals SET status = 'ditetapkan';", "CHECK constraint failed"),
            ("UPDATE proposals SET cost = -1;", "CHECK constraint failed"),
            ("UPDATE proposals SET volume = 0;", "CHECK constraint failed"),
            ("INSERT INTO account_roles (account_id, role) VALUES (100, 'ketua_rt');", "CHECK constraint failed"),
            ("UPDATE proposals SET kelurahan_id = 999;", "FOREIGN KEY constraint failed"),
            ("INSERT INTO level_locks (cycle_id, level, owner_id, document_number, locked_by, locked_at) VALUES (1,'kota',NULL,'BA',100,'x'), (1,'kota',NULL,'BA2',100,'x');", "UNIQUE constraint failed"),
        ]
        for (statement, message) in refused {
            let result = try sqlite(base + statement)
            #expect(result.status != 0 && result.output.contains(message), "\(statement) -> \(result.output)")
        }
    }
}
