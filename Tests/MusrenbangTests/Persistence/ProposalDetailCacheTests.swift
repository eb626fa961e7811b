import Foundation
import Storage
import Testing
@testable import Musrenbang

/// A proposal's whole detail is kept (`MusrenbangService.proposalDetails`) while its generations stand (Migrations/0022):
/// every write to a row its page reads, from any connection, is seen at the next read (ranks are read anew each time),
/// and who may see it is decided on every read. The writes here come from a second connection to the file, as another process's would.
@Suite("Kept proposal details")
struct ProposalDetailCacheTests {
    @Test func aKeptDetailFollowsEveryWriteToTheRowsItIsReadFrom() throws {
        let (world, made) = try ProposalQueryTests.city()
        world.at(.kelurahan)
        let lurah = Viewer.actor(world.actor("lurah"))
        let proposal = made[0], id = proposal.id.rawValue
        let other = try Database(path: world.database.path)
        let verifier = world.actor("lurah").accountId.rawValue

        /// The detail now, after checking that a second read is served from the cache and equal to the first.
        func detail() throws -> ProposalDetail {
            let first = try world.service.proposalDetail(.code(proposal.trackingCode), viewer: lurah)
            let hits = world.service.proposalDetails.hits
            let second = try world.service.proposalDetail(.id(proposal.id), viewer: lurah)
            #expect(world.service.proposalDetails.hits == hits + 1, "the second read is the kept one")
            #expect(second == first)
            return first
        }
        func write(_ sql: String, _ arguments: StatementArguments = []) throws {
            try other.write { db in try db.execute(sql, arguments) }
        }

        #expect(try detail().proposal.title == "Perbaikan jalan lingkungan")
        // Every writer of a proposal's row moves its version (optimistic concurrency); so does this one.
        try write("UPDATE proposals SET title = 'Perbaikan jalan dan saluran', version = version + 1 WHERE id = ?", [id])
        #expect(try detail().proposal.title == "Perbaikan jalan dan saluran")

        // An event is written with its proposal's row, one version on (as every writer does: version_after is unique).
        let events = try detail().history.count
        try write("""
            INSERT INTO proposal_events (proposal_id, cycle_id, action, actor_account_id, actor_role, at, from_stage, from_status,
                to_stage, to_status, note, changes_json, flags, version_after)
            SELECT proposal_id, cycle_id, action, actor_account_id, actor_role, at, from_stage, from_status, to_stage, to_status,
                'catatan baru', changes_json, flags, version_after + 100
            FROM proposal_events WHERE proposal_id = ? ORDER BY id DESC LIMIT 1;
            """, [id])
        try write("UPDATE proposals SET version = version + 100 WHERE id = ?", [id])
        #expect(try detail().history.count == events + 1)

        try write("""
            INSERT INTO proposal_recommendations (proposal_id, level, volume, cost, note, flagged_above_tolerance, recommended_by,
                recommended_at) VALUES (?, 'kelurahan', 2, 0, 'dikurangi', 0, ?, '2026-12-01T00:00:00Z')
            """, [id, verifier])
        #expect(try detail().proposal.recommendations[.kelurahan]?.volume == 2)
        try write("UPDATE proposal_recommendations SET volume = 1 WHERE proposal_id = ?", [id])
        #expect(try detail().proposal.recommendations[.kelurahan]?.volume == 1)
        try write("DELETE FROM proposal_recommendations WHERE proposal_id = ?", [id])
        #expect(try detail().proposal.recommendations[.kelurahan] == nil)

        try write("INSERT INTO proposal_rankings (proposal_id, level, score_millis, rank, manual) VALUES (?, 'kelurahan', 0, 1, 0)", [id])
        #expect(try detail().proposal.ranks[.kelurahan] == 1)
        try write("UPDATE proposal_rankings SET rank = 2 WHERE proposal_id = ?", [id])
        #expect(try detail().proposal.ranks[.kelurahan] == 2)
        try write("DELETE FROM proposal_rankings WHERE proposal_id = ?", [id])
        #expect(try detail().proposal.ranks[.kelurahan] == nil)

        let digest = String(repeating: "a", count: 64)
        try write("""
            INSERT INTO attachments (proposal_id, file_name, media_type, byte_count, sha256, storage_path, uploaded_by, uploaded_at)
            VALUES (?, 'denah.pdf', 'application/pdf', 10, ?, 'lampiran/denah.pdf', ?, '2026-12-01T00:00:00Z')
            """, [id, digest, verifier])
        #expect(try detail().proposal.attachments.map(\.fileName) == ["denah.pdf"])
        try write("DELETE FROM attachments WHERE proposal_id = ?", [id])
        #expect(try detail().proposal.attachments.isEmpty)

        try write("""
            INSERT INTO proposal_photos (proposal_id, position, media_type, original, small, small_width, small_height, sha256,
                uploaded_by, uploaded_at) VALUES (?, 1, 'image/jpeg', x'ff', x'ff', 4, 3, ?, ?, '2026-12-01T00:00:00Z')
            """, [id, digest, verifier])
        #expect(try detail().photos.map(\.position) == [1])
        try write("UPDATE proposal_photos SET position = 2 WHERE proposal_id = ?", [id])
        #expect(try detail().photos.map(\.position) == [2])
        try write("DELETE FROM proposal_photos WHERE proposal_id = ?", [id])
        #expect(try detail().photos.isEmpty)

        // The names it shows and its cycle's name.
        try write("UPDATE kelurahan SET name = 'Kelurahan Baru' WHERE id = ?", [world.kelurahan[0].rawValue])
        #expect(try detail().publicView.kelurahanName == "Kelurahan Baru")
        try write("UPDATE cycles SET name = 'Musrenbang RKPD Baru' WHERE id = ?", [world.cycle.id.rawValue])
        #expect(try detail().publicView.cycleName == "Musrenbang RKPD Baru")
    }

    @Test func whoHoldsWhichRoleMovesTheNamesGeneration() throws {
        // An OPD verifier's event is labelled with the OPD the account verifies for.
        let (world, _) = try ProposalQueryTests.city()
        let other = try Database(path: world.database.path)
        func names() throws -> Int64? {
            try other.read { db in try db.scalar("SELECT generation FROM cache_generations WHERE name = 'names'", as: Int64.self) }
        }
        let before = try #require(try names())
        let account = world.actor("lurah").accountId.rawValue
        try other.write { db in
            try db.execute("INSERT INTO account_roles (account_id, role, opd_id) VALUES (?, 'verifikator_opd', (SELECT min(id) FROM opd))",
                           [account])
        }
        let afterInsert = try #require(try names())
        #expect(afterInsert != before)
        try other.write { db in try db.execute("DELETE FROM account_roles WHERE account_id = ? AND role = 'verifikator_opd'", [account]) }
        #expect(try names() != afterInsert)
    }

    @Test func aKeptDetailIsStillShownOnlyToThoseWhoMaySeeIt() throws {
        let (world, made) = try ProposalQueryTests.city()
        world.at(.kelurahan)
        let code = ProposalRef.code(made[0].trackingCode)
        _ = try world.service.proposalDetail(code, viewer: .actor(world.actor("lurah")))
        _ = try world.service.proposalDetail(code, viewer: .actor(world.actor("lurah")))
        let hits = world.service.proposalDetails.hits
        // Another kelurahan's verifier and the public are told it does not exist, kept or not.
        #expect(throws: PersistenceError.self) { try world.service.proposalDetail(code, viewer: .actor(world.actor("lurah1"))) }
        #expect(throws: PersistenceError.self) { try world.service.proposalDetail(code, viewer: .public) }
        #expect(world.service.proposalDetails.hits == hits + 2, "the refusals were decided on the kept detail")
        #expect(throws: PersistenceError.self) {
            try world.service.proposalDetail(.code(TrackingCode(parsing: "TGS-2027-999999")!), viewer: .actor(world.actor("lurah")))
        }
    }
}
