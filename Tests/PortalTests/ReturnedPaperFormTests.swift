import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// The kelurahan operator corrects a paper form the verifier returned (`/kerja/formulir/dikembalikan`) over HTTP: the
/// list with the note, the correction sent back to verification, and each refusal (field errors, stale version, no
/// longer returned, outside the window, another kelurahan, a resident's own proposal, other roles).
@Suite("Returned paper forms at /kerja/formulir/dikembalikan")
struct ReturnedPaperFormTests {
    static let note = "Volume tidak sesuai formulir; periksa lagi panjang jalan."

    /// A paper form of `op1` saved in the pra-Musrenbang, then returned by the kelurahan verifier with `note`; the clock
    /// is inside the kelurahan Musrenbang afterwards.
    static func returnedForm(_ scene: OperatorScene, title: String = "Perbaikan jalan Gang Kenanga") throws -> Proposal {
        let world = scene.world
        world.clock.set(MeetingScene.insidePra)
        let new = NewProposal(origin: Origin(kecamatanId: world.kecamatan, kelurahanId: world.kelurahan, rwId: scene.residents.rw,
                                             rtId: scene.residents.rt),
                              proposerAccountId: nil, proposerName: "Pak Slamet", title: title, problem: "Jalan berlubang sejak 2024.",
                              kamusId: scene.residents.kamus, volume: 120, locationText: "Gang Kenanga", beneficiaries: 90)
        let sent = try world.service.submit(new, cycleId: scene.residents.cycleId, by: scene.operatorActor)
        world.clock.set(MeetingScene.insideKelurahan)
        return try world.service.apply(.kembalikan, to: .id(sent.id), by: scene.residents.verifier, expectedVersion: sent.version,
                                       reason: note)
    }

    static func correction(_ p: Proposal, volume: String = "80", title: String = "Perbaikan jalan Gang Kenanga 80 meter",
                           version: Int64? = nil) -> [(String, String)] {
        [("versi", String(version ?? p.version)), ("kamus", String(p.kamusId.rawValue)), ("volume", volume), ("title", title),
         ("problem", "Jalan berlubang sejak 2024."), ("location", "Gang Kenanga"), ("beneficiaries", "90"), ("aksi", "kirim")]
    }

    static func stored(_ world: PortalWorld, _ p: Proposal) throws -> Proposal {
        try world.database.read { db in try ProposalRepository(db).proposal(id: p.id) }
    }

    @Test func theOperatorCorrectsAReturnedFormAndSendsItBackToVerification() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let returned = try Self.returnedForm(scene)
        let op = try scene.browser("op1")
        let list = try op.get("/kerja/formulir/dikembalikan")
        #expect(list.status == 200)
        #expect(list.body.contains(returned.trackingCode.description) && list.body.contains(Self.note))
        #expect(list.body.contains("href=\"/kerja/formulir/dikembalikan/\(returned.trackingCode)\""))
        #expect(try op.get("/kerja/formulir").body.contains("href=\"/kerja/formulir/dikembalikan\""))
        // The operator's home counts the forms waiting for correction.
        #expect(try op.get("/kerja").body.contains("<strong>1</strong> formulir menunggu perbaikan"))

        let form = try op.get("/kerja/formulir/dikembalikan/\(returned.trackingCode)")
        #expect(form.status == 200)
        #expect(form.body.contains("Catatan verifikator:</span> \(Self.note)"))
        #expect(form.body.contains("value=\"Perbaikan jalan Gang Kenanga\"") && form.body.contains("Pak Slamet"))
        #expect(form.body.contains("name=\"versi\" value=\"\(returned.version)\""))

        let sent = try op.post("/kerja/formulir/dikembalikan/\(returned.trackingCode)", Self.correction(returned), csrf: form.csrf)
        #expect(sent.status == 303 && sent.location == "/kerja/formulir/dikembalikan")
        let now = try Self.stored(world, returned)
        #expect(now.state == ProposalState(.kelurahan, .verifikasi))
        #expect(now.volume == 80 && now.title == "Perbaikan jalan Gang Kenanga 80 meter" && now.cost == 80 * now.unitPrice)
        let history = try world.service.proposalDetail(.id(returned.id), viewer: .actor(scene.operatorActor)).history
        #expect(history.suffix(2).map(\.action) == [.ubah, .ajukan])
        #expect(history.suffix(2).allSatisfy { $0.actorAccountId == scene.operatorActor.accountId })
        let after = try op.get("/kerja/formulir/dikembalikan")
        #expect(after.body.contains("Perbaikan usulan \(returned.trackingCode) tersimpan"))
        #expect(!after.body.contains("href=\"/kerja/formulir/dikembalikan/\(returned.trackingCode)\""))
        #expect(try op.get("/kerja").body.contains("<strong>0</strong> formulir menunggu perbaikan"))
        // Sent: no longer returned, so the form answers 409 and a second send changes nothing.
        #expect(try op.get("/kerja/formulir/dikembalikan/\(returned.trackingCode)").status == 409)
        let again = try op.post("/kerja/formulir/dikembalikan/\(returned.trackingCode)", Self.correction(returned, volume: "60"), csrf: form.csrf)
        #expect(again.status == 409 && again.body.contains("tidak sedang dikembalikan"))
        #expect(try Self.stored(world, returned).volume == 80)
    }

    @Test func fieldErrorsKeepTheAnswersAndAStaleVersionIsTheConflictPage() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let returned = try Self.returnedForm(scene)
        let op = try scene.browser("op1")
        let path = "/kerja/formulir/dikembalikan/\(returned.trackingCode)"
        let form = try op.get(path)
        let refused = try op.post(path, Self.correction(returned, volume: "banyak", title: "  "), csrf: form.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("value=\"banyak\"") && refused.body.contains("Catatan verifikator:"))
        #expect(refused.body.contains("id=\"volume-error\"") && refused.body.contains("id=\"title-error\""))
        #expect(try Self.stored(world, returned) == returned, "nothing stored")

        // The version the form was loaded at is older than the stored one: the engine refuses, nothing changes.
        let stale = try op.post(path, Self.correction(returned, version: returned.version - 1), csrf: form.csrf)
        #expect(stale.status == 409 && stale.body.contains("Usulan sudah berubah"))
        #expect(try Self.stored(world, returned) == returned)
    }

    @Test func outsideTheKelurahanWindowTheRuleIsShownAndNothingIsStored() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let returned = try Self.returnedForm(scene)
        world.clock.set(MeetingScene.insideKecamatan)
        let op = try scene.browser("op1")
        let path = "/kerja/formulir/dikembalikan/\(returned.trackingCode)"
        let page = try op.get(path)
        let form = page
        #expect(page.body.contains("Perbaikan hanya dapat dikirim selama tahap"))
        let refused = try op.post(path, Self.correction(returned), csrf: form.csrf)
        #expect(refused.status == 422 && refused.body.contains("Perbaikan belum dapat dikirim"))
        #expect(refused.body.contains("value=\"Perbaikan jalan Gang Kenanga 80 meter\""))
        #expect(try Self.stored(world, returned) == returned)
    }

    @Test func anotherKelurahansOperatorAResidentsOwnProposalAndOtherRolesAreRefused() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let returned = try Self.returnedForm(scene)
        let path = "/kerja/formulir/dikembalikan/\(returned.trackingCode)"
        // The operator of Cempaka Putih: not in its list, 404 on the page and on a forged form.
        let other = try scene.browser("op2", address: "10.0.1.2:1")
        #expect(!(try other.get("/kerja/formulir/dikembalikan").body.contains(returned.trackingCode.description)))
        #expect(try other.get(path).status == 404)
        let forged = try other.post(path, Self.correction(returned), csrf: try other.get("/kerja/formulir").csrf)
        #expect(forged.status == 404)
        // The engine refuses that operator whatever a screen does.
        let otherActor = Actor(accountId: try #require(try world.service.authenticateAccount(username: "op2", password: world.password)).id,
                               role: .operatorKelurahan, scope: .kelurahan(scene.otherKelurahan))
        #expect(throws: DomainError.notInScope) {
            try world.service.apply(.ajukan, to: .id(returned.id), by: otherActor, expectedVersion: returned.version)
        }
        #expect(try Self.stored(world, returned) == returned)

        // A resident's own online proposal returned by the verifier: the resident corrects it, not the operator.
        let residents = scene.residents
        world.clock.set(MeetingScene.insidePra)
        var own = try residents.propose("Lampu jalan Gang Mawar", by: residents.ani)
        own = try world.service.apply(.setujui, to: .id(own.id), by: residents.rtHead, expectedVersion: own.version)
        own = try world.service.apply(.setujui, to: .id(own.id), by: residents.rwHead, expectedVersion: own.version)
        world.clock.set(MeetingScene.insideKelurahan)
        own = try world.service.apply(.kembalikan, to: .id(own.id), by: residents.verifier, expectedVersion: own.version, reason: "Lengkapi lokasi.")
        let op = try scene.browser("op1")
        let list = try op.get("/kerja/formulir/dikembalikan")
        #expect(!list.body.contains(own.trackingCode.description) && list.body.contains("1 usulan yang dikirim warga sendiri"))
        #expect(try op.get("/kerja").body.contains("<strong>1</strong> formulir menunggu perbaikan"), "the resident's own is not counted")
        #expect(try op.get("/kerja/formulir/dikembalikan/\(own.trackingCode)").status == 404)
        #expect(try op.post("/kerja/formulir/dikembalikan/\(own.trackingCode)", Self.correction(own), csrf: list.csrf).status == 404)
        #expect(throws: DomainError.residentsOwnProposal) {
            try world.service.apply(.ajukan, to: .id(own.id), by: scene.operatorActor, expectedVersion: own.version)
        }

        // A proposal waiting for verification is not returned: 409.
        world.clock.set(MeetingScene.insidePra)
        let waiting = try world.service.submit(NewProposal(origin: returned.origin, proposerAccountId: nil, proposerName: "Bu Tini",
                                                           title: "Saluran RT 01", problem: "Tersumbat.", kamusId: returned.kamusId,
                                                           volume: 10, locationText: "Gang Melati", beneficiaries: 20),
                                               cycleId: residents.cycleId, by: scene.operatorActor)
        world.clock.set(MeetingScene.insideKelurahan)
        #expect(try op.get("/kerja/formulir/dikembalikan/\(waiting.trackingCode)").status == 409)

        // Other roles: 403 with the rule; no session: to the sign-in.
        let verifier = try scene.browser("verif1", address: "10.0.1.3:1")
        #expect(try verifier.get("/kerja/formulir/dikembalikan").status == 403)
        #expect(try verifier.get(path).status == 403)
        let nobody = world.browser(address: "10.0.1.4:1")
        #expect(try nobody.get(path).status == 303)
        #expect(try Self.stored(world, returned) == returned)
    }
}
