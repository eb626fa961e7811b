import Foundation
import Musrenbang
@testable import Portal
import Testing

/// Every route of the verifiers' workspace and the staff home, for every kind of visitor, at every level: nobody, a
/// resident, a wrong role (Ketua RT, operator kelurahan), the right role of another unit, the right role of the unit.
@Suite struct VerificationAuthorizationTests {
    struct Row {
        let method: String
        let path: String
        let fields: [(String, String)]
        /// Expected status per visitor: tamu, warga, ketua RT, operator kelurahan, out of scope, in scope.
        let statuses: [Int]
    }

    /// Runs `rows` for the visitors of one level; `outside` / `inside` are the level's verifiers of another unit and of
    /// the proposal's.
    static func check(_ world: PortalWorld, outside: String, inside: String, rows: [Row]) throws -> [String] {
        let visitors: [String?] = [nil, "ani", "rt01", "opkel.pk", outside, inside]
        var failures: [String] = []
        for (index, username) in visitors.enumerated() {
            let browser = world.browser(address: "10.5.\(index).1:1")
            if let username { try browser.signIn(username, world.password) }
            let csrf = try browser.get("/").csrf
            for row in rows {
                let status = row.method == "GET" ? try browser.get(row.path).status : try browser.post(row.path, row.fields, csrf: csrf).status
                if status != row.statuses[index] {
                    failures.append("\(username ?? "tamu") \(row.method) \(row.path): \(status), expected \(row.statuses[index])")
                }
            }
        }
        return failures
    }

    /// `lastCycle`: the statuses of the kecamatan's list of last cycle's unfunded proposals at this level.
    static func rows(code: String, pick: String, templateId: Int64, lastCycle: [Int]) -> [Row] {
        [
            Row(method: "GET", path: "/kerja", fields: [], statuses: [303, 403, 200, 200, 200, 200]),
            Row(method: "GET", path: "/kerja/verifikasi", fields: [], statuses: [303, 403, 403, 403, 200, 200]),
            Row(method: "GET", path: "/kerja/verifikasi/\(code)", fields: [], statuses: [303, 403, 403, 403, 404, 200]),
            Row(method: "GET", path: "/kerja/verifikasi/alasan", fields: [], statuses: [303, 403, 403, 403, 200, 200]),
            Row(method: "POST", path: "/kerja/verifikasi/alasan/\(templateId)/hapus", fields: [], statuses: [303, 403, 403, 403, 404, 303]),
            Row(method: "POST", path: "/kerja/verifikasi/alasan", fields: [("teks", "Alasan uji.")], statuses: [303, 403, 403, 403, 303, 303]),
            Row(method: "POST", path: "/kerja/verifikasi/\(code)", fields: [("keputusan", "tolak"), ("versi", pick), ("alasan", "Uji.")],
                statuses: [303, 403, 403, 403, 404, 303]),
            Row(method: "POST", path: "/kerja/verifikasi", fields: [("pilih", "\(code)@\(pick)"), ("keputusan", "terima")],
                statuses: [303, 403, 403, 403, 303, 303]),
            Row(method: "GET", path: "/kerja/verifikasi/siklus-lalu", fields: [], statuses: lastCycle),
        ]
    }

    static func template(_ world: PortalWorld, owner: String, by actor: Actor) throws -> Int64 {
        try ReasonTemplateStore(database: world.database).add("Alasan \(owner).", owner: owner, by: actor.accountId, at: world.clock.now)
        return try #require(try world.database.read { db -> Int64? in try db.scalar("SELECT max(id) FROM reason_templates") })
    }

    @Test func theKelurahanLevel() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let templateId = try Self.template(world, owner: scene.kelurahanVerifier.scope.text, by: scene.kelurahanVerifier)
        let failures = try Self.check(world, outside: "verif.cp", inside: "verif.pk",
                                      rows: Self.rows(code: proposal.trackingCode.description, pick: String(proposal.version),
                                                      templateId: templateId, lastCycle: [303, 403, 403, 403, 403, 403]))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(try scene.current(proposal).state == ProposalState(.kelurahan, .ditolak))       // only the unit's verifier acted
    }

    @Test func theKecamatanLevel() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.placed("Perbaikan jalan Gang Mawar", in: ProposalState(.kecamatan, .verifikasi))
        let templateId = try Self.template(world, owner: scene.camat.scope.text, by: scene.camat)
        let failures = try Self.check(world, outside: "camat.srp", inside: "camat.cpt",
                                      rows: Self.rows(code: proposal.trackingCode.description, pick: String(proposal.version),
                                                      templateId: templateId, lastCycle: [303, 403, 403, 403, 200, 200]))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(try scene.current(proposal).state == ProposalState(.kecamatan, .ditolak))
    }

    @Test func theOPDLevel() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.placed("Perbaikan jalan Gang Mawar", in: ProposalState(.opd, .verifikasi))
        let templateId = try Self.template(world, owner: scene.opdVerifier.scope.text, by: scene.opdVerifier)
        let failures = try Self.check(world, outside: "opd.kes", inside: "opd.pu",
                                      rows: Self.rows(code: proposal.trackingCode.description, pick: String(proposal.version),
                                                      templateId: templateId, lastCycle: [303, 403, 403, 403, 403, 403]))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(try scene.current(proposal).state == ProposalState(.opd, .ditolak))
    }
}
