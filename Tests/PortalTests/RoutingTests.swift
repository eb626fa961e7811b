import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Kecamatan routing of its F2 at /kerja/rute")
struct RoutingTests {
    /// F2 proposals of Ciputat Timur (placed by Bappeda's correction), the kecamatan's berita acara signed unless
    /// `locked` is false; the clock inside the kecamatan window.
    static func f2(_ scene: VerifierScene, _ titles: [String], locked: Bool = true, kamus: KamusID? = nil) throws -> [Proposal] {
        let proposals = try titles.map { try scene.placed($0, in: KecamatanDesk.waiting, kamus: kamus) }
        if locked { try scene.lock(.kecamatan(scene.world.kecamatan)) }
        return proposals
    }

    @Test func theCamatRoutesOneToTheKamusOPDProposedByDefault() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposals = try Self.f2(scene, ["Perbaikan jalan Gang Mawar", "Drainase Gang Melati"])
        let camat = try VerificationTests.signedIn(world, "camat.cpt")
        let list = try camat.get("/kerja/rute")
        #expect(list.status == 200 && list.body.contains("Menunggu diteruskan <span class=\"count\">2</span>"))
        for proposal in proposals { #expect(list.body.contains("value=\"\(proposal.trackingCode)@\(proposal.version)\"")) }
        // The staff home counts them on the routing card (and nothing waits for verification).
        let home = try camat.get("/kerja")
        #expect(home.body.contains("<h3><a href=\"/kerja/rute\">Rute usulan F2</a></h3><p>Teruskan usulan F2 kecamatan ke perangkat daerah atau Pokir DPRD, atau tolak dengan alasan.</p><p class=\"cost\"><strong>2</strong>"))
        #expect(home.body.contains("<strong>0</strong> usulan menunggu keputusan Anda"))
        #expect(list.body.contains("<td>DPUPR</td>"))                                   // the kamus item's OPD per row
        // One kelurahan's F2 (Cempaka Putih has none); a kelurahan of another kecamatan is ignored.
        let cempaka = try camat.get("/kerja/rute?kelurahan=\(scene.otherKelurahan.rawValue)")
        #expect(cempaka.body.contains("Tidak ada usulan F2 yang menunggu diteruskan.") && !cempaka.body.contains(proposals[0].trackingCode.description))
        let pondok = try camat.get("/kerja/rute?kelurahan=\(world.kelurahan.rawValue)")
        #expect(pondok.body.contains(proposals[0].trackingCode.description) && pondok.body.contains("name=\"kembali\" value=\"/kerja/rute?kelurahan=\(world.kelurahan.rawValue)\""))
        let code = proposals[0].trackingCode.description
        let page = try camat.get("/kerja/rute/\(code)")
        #expect(page.status == 200 && page.body.contains("Teruskan usulan ini"))
        #expect(page.body.contains("<option value=\"opd-\(scene.opd.rawValue)\" selected>"))   // proposed by default
        let routed = try camat.post("/kerja/rute/\(code)", [("versi", try #require(page.hidden("versi"))), ("tujuan", "opd-\(scene.opd.rawValue)"),
                                                             ("catatan", "")], csrf: page.csrf)
        #expect(routed.status == 303 && routed.location == "/kerja/rute")
        let back = try camat.get("/kerja/rute")
        #expect(back.body.contains("Usulan \(code) diteruskan ke DPUPR."))
        #expect(back.body.contains("Menunggu diteruskan <span class=\"count\">1</span>") && back.body.contains("Di perangkat daerah <span class=\"count\">1</span>"))
        let now = try scene.current(proposals[0])
        #expect(now.state == ProposalState(.opd, .verifikasi) && now.routedOPDId == scene.opd)
        // The OPD sees it in its queue.
        let opd = try VerificationTests.signedIn(world, "opd.pu", "10.3.0.9:1")
        #expect(try opd.get("/kerja/verifikasi").body.contains(code))
    }

    @Test func severalAtOnceToPokirToAChosenOPDOrRejectedWithOneNote() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposals = try Self.f2(scene, ["Jalan A", "Jalan B", "Jalan C", "Jalan D"])
        let camat = try VerificationTests.signedIn(world, "camat.cpt")
        let list = try camat.get("/kerja/rute")
        func pick(_ p: Proposal) -> (String, String) { ("pilih", "\(p.trackingCode)@\(p.version)") }
        // Reject without a note: the list again with the ticks and the error; nothing changed.
        let noNote = try camat.post("/kerja/rute", [pick(proposals[0]), ("tujuan", "tolak"), ("catatan-bersama", " ")], csrf: list.csrf)
        #expect(noNote.status == 422 && noNote.body.contains("id=\"catatan-bersama-error\""))
        #expect(noNote.body.contains("value=\"\(proposals[0].trackingCode)@\(proposals[0].version)\" checked"))
        #expect(try scene.current(proposals[0]).state == KecamatanDesk.waiting)
        let nothing = try camat.post("/kerja/rute", [("tujuan", "pokir")], csrf: list.csrf)
        #expect(nothing.status == 422 && nothing.body.contains("Centang paling sedikit satu usulan"))
        let pokir = try camat.post("/kerja/rute", [pick(proposals[0]), pick(proposals[1]), ("tujuan", "pokir"), ("catatan-bersama", "Aspirasi dewan.")],
                                   csrf: list.csrf)
        #expect(pokir.status == 303)
        #expect(try camat.get("/kerja/rute").body.contains("2 usulan dialihkan ke Pokir DPRD"))
        let chosen = try camat.post("/kerja/rute", [pick(proposals[2]), ("tujuan", "opd-\(scene.otherOPD.rawValue)"), ("catatan-bersama", "")],
                                    csrf: list.csrf)
        #expect(chosen.status == 303)
        let rejected = try camat.post("/kerja/rute", [pick(proposals[3]), ("tujuan", "tolak"), ("catatan-bersama", "Sudah dibangun swasta.")],
                                      csrf: list.csrf)
        #expect(rejected.status == 303)
        #expect(try scene.current(proposals[0]).state == ProposalState(.kecamatan, .pokir))
        #expect(try scene.current(proposals[1]).state == ProposalState(.kecamatan, .pokir))
        let toDinkes = try scene.current(proposals[2])
        #expect(toDinkes.state == ProposalState(.opd, .verifikasi) && toDinkes.routedOPDId == scene.otherOPD)
        #expect(try scene.current(proposals[3]).state == ProposalState(.kecamatan, .ditolak))
        let history = try world.service.proposalDetail(.id(proposals[3].id), viewer: .actor(scene.bappeda)).publicView.events
        #expect(history.last?.note == "Sudah dibangun swasta.")
        // A second send of the same list: every row had changed meanwhile, nothing moves again.
        let again = try camat.post("/kerja/rute", [pick(proposals[0]), ("tujuan", "tolak"), ("catatan-bersama", "Lagi.")], csrf: list.csrf)
        #expect(again.status == 303)
        #expect(try camat.get("/kerja/rute").body.contains("1 usulan tidak diubah karena sudah berubah"))
        #expect(try scene.current(proposals[0]).state == ProposalState(.kecamatan, .pokir))
    }

    @Test func theKamusOPDOfEachInBulk() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let road = try Self.f2(scene, ["Jalan A"], locked: false)[0]
        let training = try Self.f2(scene, ["Pelatihan kader"], kamus: scene.training)[0]
        let camat = try VerificationTests.signedIn(world, "camat.cpt")
        let list = try camat.get("/kerja/rute")
        let sent = try camat.post("/kerja/rute", [("pilih", "\(road.trackingCode)@\(road.version)"), ("pilih", "\(training.trackingCode)@\(training.version)"),
                                                  ("tujuan", "kamus")], csrf: list.csrf)
        #expect(sent.status == 303)
        #expect(try scene.current(road).routedOPDId == scene.opd && scene.current(training).routedOPDId == scene.otherOPD)
    }

    @Test func beforeTheBeritaAcaraNothingIsListedAndAnyRoutingIsRefused() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        // Accepted by the kecamatan, not yet allocated: the engine would route it from "diterima"; this screen does not.
        let accepted = try scene.placed("Jalan A", in: ProposalState(.kecamatan, .diterima))
        let f2 = try Self.f2(scene, ["Jalan B"], locked: false)[0]
        let camat = try VerificationTests.signedIn(world, "camat.cpt")
        let list = try camat.get("/kerja/rute")
        #expect(list.status == 200 && list.body.contains("Berita acara Musrenbang kecamatan belum ditandatangani") && !list.body.contains(f2.trackingCode.description))
        for proposal in [accepted, f2] {
            let page = try camat.get("/kerja/rute/\(proposal.trackingCode)")
            #expect(page.status == 200 && !page.body.contains("Teruskan usulan ini"))
            let refused = try camat.post("/kerja/rute/\(proposal.trackingCode)", [("versi", String(proposal.version)), ("tujuan", "pokir")], csrf: page.csrf)
            #expect(refused.status == 422 && refused.body.contains("usulan F2 diteruskan setelah berita acara"))
            #expect(try scene.current(proposal).version == proposal.version)
        }
        let bulk = try camat.post("/kerja/rute", [("pilih", "\(f2.trackingCode)@\(f2.version)"), ("tujuan", "pokir")], csrf: list.csrf)
        #expect(bulk.status == 422 && bulk.body.contains("usulan F2 diteruskan setelah berita acara"))
        #expect(try scene.current(f2).state == KecamatanDesk.waiting)
    }

    @Test func aStaleVersionIsThe409PageAndAnotherStateIsRefused() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try Self.f2(scene, ["Jalan A"])[0]
        let code = proposal.trackingCode.description
        let first = try VerificationTests.signedIn(world, "camat.cpt")
        let second = try VerificationTests.signedIn(world, "camat.cpt", "10.3.0.2:1")
        let pageOne = try first.get("/kerja/rute/\(code)")
        let pageTwo = try second.get("/kerja/rute/\(code)")
        let version = try #require(pageOne.hidden("versi"))
        #expect(try first.post("/kerja/rute/\(code)", [("versi", version), ("tujuan", "pokir")], csrf: pageOne.csrf).status == 303)
        let late = try second.post("/kerja/rute/\(code)", [("versi", version), ("tujuan", "tolak"), ("catatan", "Tidak perlu.")], csrf: pageTwo.csrf)
        #expect(late.status == 409 && late.body.contains("Data sudah berubah") && late.body.contains("Pokir DPRD"))
        #expect(try scene.current(proposal).state == ProposalState(.kecamatan, .pokir))
        // At the version now, but no longer F2: refused with the rule.
        let now = try scene.current(proposal)
        let other = try second.post("/kerja/rute/\(code)", [("versi", String(now.version)), ("tujuan", "tolak"), ("catatan", "Tidak perlu.")], csrf: pageTwo.csrf)
        #expect(other.status == 422 && other.body.contains("tidak sedang menunggu diteruskan"))
        // A refused form: no target, a rejection without a reason.
        let fresh = try Self.f2(scene, ["Jalan B"], locked: false)[0]
        let form = try first.post("/kerja/rute/\(fresh.trackingCode)", [("versi", String(fresh.version)), ("tujuan", "tolak"), ("catatan", "")], csrf: pageOne.csrf)
        #expect(form.status == 422 && form.body.contains("id=\"catatan-error\""))
        let noTarget = try first.post("/kerja/rute/\(fresh.trackingCode)", [("versi", String(fresh.version)), ("tujuan", "opd-99999")], csrf: pageOne.csrf)
        #expect(noTarget.status == 422 && noTarget.body.contains("id=\"tujuan-error\""))
        #expect(try scene.current(fresh).version == fresh.version)
    }

    @Test func outsideTheWindowAndToAnOPDWhoseForumSignedAreRefusedWithTheRule() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try Self.f2(scene, ["Jalan A"])[0]
        let code = proposal.trackingCode.description
        let camat = try VerificationTests.signedIn(world, "camat.cpt")
        let page = try camat.get("/kerja/rute/\(code)")
        try scene.lock(.opd(scene.opd))
        let lockedOPD = try camat.post("/kerja/rute/\(code)", [("versi", String(proposal.version)), ("tujuan", "opd-\(scene.opd.rawValue)")], csrf: page.csrf)
        #expect(lockedOPD.status == 422 && lockedOPD.body.contains("Tidak dapat dilakukan"))
        world.clock.set(VerifierScene.insideOPD)                        // the kecamatan window has closed
        try camat.signIn("camat.cpt", world.password)                   // (the session of 5 days ago has ended)
        let closed = try camat.get("/kerja/rute/\(code)")
        #expect(closed.body.contains("sedang tidak berlangsung") && !closed.body.contains("Teruskan usulan ini"))
        let late = try camat.post("/kerja/rute/\(code)", [("versi", String(proposal.version)), ("tujuan", "pokir")], csrf: closed.csrf)
        #expect(late.status == 422 && late.body.contains("Tidak dapat dilakukan"))
        #expect(try scene.current(proposal).version == proposal.version)
    }

    @Test func everyRouteForEveryVisitor() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try Self.f2(scene, ["Jalan A"])[0]
        try scene.lock(.kecamatan(scene.otherKecamatan))                // Serpong's list is open too, but not this proposal
        let code = proposal.trackingCode.description
        let version = String(proposal.version)
        typealias Row = VerificationAuthorizationTests.Row
        let rows = [
            Row(method: "GET", path: "/kerja/rute", fields: [], statuses: [303, 403, 403, 403, 200, 200]),
            Row(method: "GET", path: "/kerja/rute/\(code)", fields: [], statuses: [303, 403, 403, 403, 404, 200]),
            Row(method: "POST", path: "/kerja/rute", fields: [("pilih", "\(code)@\(version)"), ("tujuan", "tolak"), ("catatan-bersama", "Uji.")],
                statuses: [303, 403, 403, 403, 303, 303]),
            Row(method: "POST", path: "/kerja/rute/\(code)", fields: [("versi", version), ("tujuan", "pokir")], statuses: [303, 403, 403, 403, 404, 409]),
        ]
        let failures = try VerificationAuthorizationTests.check(world, outside: "camat.srp", inside: "camat.cpt", rows: rows)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(try scene.current(proposal).state == ProposalState(.kecamatan, .ditolak))   // only the kecamatan's bulk acted
        // The other verifying roles: 403 on the list.
        for username in ["verif.pk", "opd.pu", "bappeda"] {
            let browser = try VerificationTests.signedIn(world, username, "10.6.0.1:1")
            #expect(try browser.get("/kerja/rute").status == 403, "\(username)")
        }
    }
}
