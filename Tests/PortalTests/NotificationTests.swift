import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// Notifications (docs/notifications.md): every change of a proposal's stage or status made by someone else tells its
/// proposer, in words, in the same transaction, and only its proposer; each notification also waits in the outbox;
/// `/notifikasi` lists them and marks them read; the header counts the unread ones for a resident.
@Suite("Notifications of a proposal's changes")
struct NotificationTests {
    /// The notifications of `account`, oldest first: (subject, body, link).
    static func notes(_ world: PortalWorld, _ account: AccountID) throws -> [(subject: String, body: String, link: String)] {
        try world.database.read { db in
            try db.query("SELECT subject, body, link FROM notifications WHERE account_id = ? ORDER BY id", [account.rawValue]).map {
                (try $0.get("subject"), try $0.get("body"), try $0.get("link"))
            }
        }
    }

    static func count(_ world: PortalWorld, _ sql: String, _ arguments: StatementArguments = []) throws -> Int64 {
        try world.database.read { db in try db.scalar(sql, arguments) ?? 0 }
    }

    @Test func everyTransitionByOthersTellsTheProposerInWordsAndNobodyElse() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let residents = scene.residents
        let service = world.service
        // Ani's own submission tells her nothing: she did it.
        var proposal = try residents.propose("Perbaikan jalan Gang Mawar", by: residents.ani)
        #expect(try Self.notes(world, residents.ani.accountId).isEmpty)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: residents.rtHead, expectedVersion: proposal.version)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: residents.rwHead, expectedVersion: proposal.version)
        world.clock.set(VerifierScene.insideKelurahan)
        proposal = try service.apply(.kembalikan, to: .id(proposal.id), by: scene.kelurahanVerifier, expectedVersion: proposal.version,
                                     reason: "Lengkapi foto lokasi.")
        proposal = try service.apply(.ajukan, to: .id(proposal.id), by: residents.ani, expectedVersion: proposal.version)
        proposal = try service.apply(.tolak, to: .id(proposal.id), by: scene.kelurahanVerifier, expectedVersion: proposal.version,
                                     reason: "Sudah dianggarkan dinas tahun ini.")
        let code = proposal.trackingCode.description
        let notes = try Self.notes(world, residents.ani.accountId)
        #expect(notes.map(\.subject) == [
            "Usulan \(code) disetujui Ketua RT",
            "Usulan \(code) disetujui Ketua RW",
            "Usulan \(code) dikembalikan untuk diperbaiki",
            "Usulan \(code) ditolak di Musrenbang kelurahan",
        ])
        #expect(notes.allSatisfy { $0.link == "/usulan/saya/\(code)" })
        #expect(notes[2].body.contains("Alasan atau catatan: Lengkapi foto lokasi."))
        #expect(notes[3].body.contains("Usulan Anda \"Perbaikan jalan Gang Mawar\" (\(code)) ditolak")
                && notes[3].body.contains("Keadaan sekarang: Musrenbang kelurahan - Ditolak")
                && notes[3].body.contains("Sudah dianggarkan dinas tahun ini."))
        // Only Ani: no other account got anything, and every notification went to her outbox (e-mail preferred).
        #expect(try Self.count(world, "SELECT count(*) FROM notifications WHERE account_id <> ?", [residents.ani.accountId.rawValue]) == 0)
        #expect(try Self.count(world, "SELECT count(*) FROM outbox WHERE channel = 'email' AND recipient = ? AND status = 'pending'",
                               [ResidentScene.aniEmail]) == 4)
        #expect(try Self.count(world, "SELECT count(*) FROM outbox") == 4)
    }

    @Test func aCorrectionAndAPaperFormNamingTheResidentTellHerAnAnonymousPaperFormNobody() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let service = world.service
        // An anonymous paper form: nobody to tell.
        let anonymous = try scene.paperForm("Saluran Gang Kenanga")
        _ = try service.apply(TransitionInput(.koreksi, expectedVersion: anonymous.version, reason: "Penempatan.",
                                              target: ProposalState(.kecamatan, .verifikasi)), to: .id(anonymous.id), by: scene.bappeda)
        #expect(try Self.count(world, "SELECT count(*) FROM notifications") == 0)
        // A paper form the operator entered for Budi's account (he has no e-mail and no phone: no outbox message).
        world.clock.set(ResidentScene.insidePra)
        let new = NewProposal(origin: Origin(kecamatanId: world.kecamatan, kelurahanId: world.kelurahan, rwId: scene.residents.rw,
                                             rtId: scene.residents.rt),
                              proposerAccountId: scene.residents.budi.accountId, proposerName: "Budi Santoso", title: "Lampu Gang Melati",
                              problem: "Gelap.", kamusId: scene.residents.kamus, volume: 10, locationText: "Gang Melati", beneficiaries: 20)
        let paper = try service.submit(new, cycleId: scene.residents.cycleId, by: scene.operatorKelurahan)
        let budi = try Self.notes(world, scene.residents.budi.accountId)
        #expect(budi.map(\.subject) == ["Usulan \(paper.trackingCode) diajukan oleh Operator Kelurahan"])
        #expect(try Self.count(world, "SELECT count(*) FROM outbox") == 0)
        _ = try service.apply(TransitionInput(.koreksi, expectedVersion: paper.version, reason: "Dipindah ke kecamatan.",
                                              target: ProposalState(.kecamatan, .verifikasi)), to: .id(paper.id), by: scene.bappeda)
        #expect(try Self.notes(world, scene.residents.budi.accountId).last?.subject == "Usulan \(paper.trackingCode) dikoreksi Bappeda")
        #expect(try Self.count(world, "SELECT count(*) FROM notifications WHERE account_id <> ?",
                               [scene.residents.budi.accountId.rawValue]) == 0)
    }

    @Test func aRefusedTransitionLeavesNoNotification() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let before = try Self.count(world, "SELECT count(*) FROM notifications")
        // A stale version: refused, and the notification goes with the refused change.
        #expect(throws: DomainError.self) {
            try world.service.apply(.terima, to: .id(proposal.id), by: scene.kelurahanVerifier, expectedVersion: proposal.version - 1)
        }
        #expect(try Self.count(world, "SELECT count(*) FROM notifications") == before)
        #expect(try Self.count(world, "SELECT count(*) FROM outbox") == before)
    }

    @Test func theBeritaAcarasAllocationTellsTheProposerOfEachMovedProposal() throws {
        let world = try PortalWorld()
        let meeting = try MeetingScene(world)
        let resident = try world.service.createAccount(username: "warga.a", displayName: "Warga A",
                                                       roles: [try RoleAssignment(role: .warga, scope: .selfOnly)], password: world.password,
                                                       phone: "+6281300000002")
        try world.database.write { db in
            try db.execute("UPDATE proposals SET proposer_account_id = ? WHERE id = ?", [resident.rawValue, meeting.a.id.rawValue])
        }
        let runId = try meeting.rankAndRun()
        try world.service.lockLevel(.kelurahan(world.kelurahan), cycleId: meeting.cycleId, runId: runId, documentNumber: "BA/1",
                                    by: meeting.lurah)
        let notes = try Self.notes(world, resident)
        #expect(notes.map(\.subject) == ["Usulan \(meeting.a.trackingCode) didanai pagu Musrenbang kelurahan"])
        // A phone number only: the message waits for an SMS/WhatsApp gateway.
        #expect(try Self.count(world, "SELECT count(*) FROM outbox WHERE channel = 'sms' AND recipient = '+6281300000002'") == 1)
        #expect(try Self.count(world, "SELECT count(*) FROM notifications") == 1)
    }

    @Test func theNotifyAPIWritesInTheCallersTransaction() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        // Rolled back with the change it belongs to.
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try world.service.transaction { tx in
                try tx.notify(account: scene.ani.accountId, kind: .feedback, subject: "Saran Anda dijawab", body: "Terima kasih.",
                              link: "/saran/ABC")
                throw Abort()
            }
        }
        #expect(try Self.count(world, "SELECT count(*) FROM notifications") == 0)
        _ = try world.service.transaction { tx in
            try tx.notify(account: scene.ani.accountId, kind: .feedback, subject: "Saran Anda dijawab", body: "Terima kasih.", link: "/saran/ABC")
        }
        #expect(try Self.notes(world, scene.ani.accountId).map(\.link) == ["/saran/ABC"])
        #expect(try Self.count(world, "SELECT count(*) FROM outbox WHERE recipient = ?", [ResidentScene.aniEmail]) == 1)
    }

    @Test func theResidentSeesCountsOpensAndMarksHerNotificationsOnlyHers() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let service = world.service
        var proposal = try scene.propose("Perbaikan <jalan> Gang Mawar", by: scene.ani)
        proposal = try service.apply(.setujui, to: .id(proposal.id), by: scene.rtHead, expectedVersion: proposal.version)
        _ = try service.apply(.kembalikan, to: .id(proposal.id), by: scene.rwHead, expectedVersion: proposal.version, reason: "Foto kurang.")
        let ani = world.browser(address: "10.4.0.1:1")
        try ani.signIn("ani", world.password)
        let home = try ani.get("/usulan/saya")
        #expect(home.body.contains("<a href=\"/notifikasi\" class=\"unread\">Notifikasi <span class=\"count\">2</span>"))
        let list = try ani.get("/notifikasi")
        #expect(list.status == 200)
        #expect(list.body.contains("Usulan \(proposal.trackingCode) disetujui Ketua RT"))
        #expect(list.body.contains("&lt;jalan&gt;") && !list.body.contains("<jalan>"))
        #expect(list.body.contains("2 notifikasi baru."))
        // Another resident cannot open (or mark) Ani's notification, and sees none of them.
        let ids = try world.database.read { db in
            try db.query("SELECT id FROM notifications ORDER BY id").map { try $0.get("id", as: Int64.self) }
        }
        let budi = world.browser(address: "10.4.0.2:1")
        try budi.signIn("budi", world.password)
        let budiList = try budi.get("/notifikasi")
        #expect(budiList.status == 200 && !budiList.body.contains(proposal.trackingCode.description))
        #expect(try budi.post("/notifikasi/\(ids[0])/buka", [], csrf: budiList.csrf).status == 404)
        #expect(try Self.count(world, "SELECT count(*) FROM notifications WHERE read_at IS NOT NULL") == 0)
        // Opening one marks it read and goes to her proposal; the header counts one.
        let opened = try ani.post("/notifikasi/\(ids[0])/buka", [], csrf: list.csrf)
        #expect(opened.status == 303 && opened.location == "/usulan/saya/\(proposal.trackingCode)")
        #expect(try ani.get("/usulan/saya").body.contains("<span class=\"count\">1</span>"))
        // Without the form's token nothing changes.
        #expect(try ani.post("/notifikasi/baca", [("_csrf", "salah")], csrf: nil).status == 403)
        #expect(try Self.count(world, "SELECT count(*) FROM notifications WHERE read_at IS NULL") == 1)
        let all = try ani.post("/notifikasi/baca", [], csrf: list.csrf)
        #expect(all.status == 303 && all.location == "/notifikasi")
        let after = try ani.get("/notifikasi")
        #expect(after.body.contains("Tidak ada notifikasi baru.") && after.body.contains("<a href=\"/notifikasi\">Notifikasi</a>"))
        // Signed out: to the sign-in page.
        #expect(try world.browser().get("/notifikasi").location == "/masuk?kembali=/notifikasi")
    }
}
