import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// The correction of a returned paper form also corrects its proposer's name and RT/RW (`/kerja/formulir/dikembalikan/{kode}`):
/// the fields on the page, the change on the verifier's and the public timeline (the name only on the staff's), and each
/// refusal with what was typed kept.
@Suite("Returned paper forms: the proposer's name and RT/RW")
struct ReturnedPaperFormProposerTests {
    /// RT 02/RW 01 of Pondok Karya and RT 01/RW 01 of Cempaka Putih.
    static func rts(_ scene: OperatorScene) throws -> (sameKelurahan: RTID, otherKelurahan: RTID) {
        try scene.world.database.read { db in
            let same: Int64 = try db.scalar("SELECT id FROM rt WHERE rw_id = ? AND number = 2", [scene.residents.rw.rawValue]) ?? 0
            let other: Int64 = try db.scalar("SELECT rt.id FROM rt JOIN rw ON rw.id = rt.rw_id WHERE rw.kelurahan_id = ?",
                                             [scene.otherKelurahan.rawValue]) ?? 0
            return (RTID(same), RTID(other))
        }
    }

    static func correction(_ p: Proposal, name: String, rt: RTID, title: String = "Perbaikan jalan Gang Kenanga 80 meter",
                           version: Int64? = nil) -> [(String, String)] {
        ReturnedPaperFormTests.correction(p, title: title, version: version) + [("nama_pengusul", name), ("rt", String(rt.rawValue))]
    }

    @Test func theOperatorCorrectsTheNameAndRTAndTheTimelinesSayWhatChanged() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let returned = try ReturnedPaperFormTests.returnedForm(scene)
        let (rt02, _) = try Self.rts(scene)
        let op = try scene.browser("op1")
        let path = "/kerja/formulir/dikembalikan/\(returned.trackingCode)"
        let form = try op.get(path)
        #expect(form.body.contains("name=\"nama_pengusul\"") && form.body.contains("value=\"Pak Slamet\""))
        #expect(form.body.contains("<option value=\"\(scene.residents.rt.rawValue)\" selected>RT 01/RW 01</option>"))

        let sent = try op.post(path, Self.correction(returned, name: "Pak Slamet Riyadi", rt: rt02), csrf: form.csrf)
        #expect(sent.status == 303)
        let now = try ReturnedPaperFormTests.stored(world, returned)
        #expect(now.proposerName == "Pak Slamet Riyadi" && now.origin.rtId == rt02 && now.origin.rwId == scene.residents.rw)
        #expect(now.state == ProposalState(.kelurahan, .verifikasi))

        // The verifier sees both changes with their values.
        let verifier = try scene.browser("verif1", address: "10.0.1.3:1")
        let desk = try verifier.get("/kerja/verifikasi/\(returned.trackingCode)")
        #expect(desk.status == 200)
        #expect(desk.body.contains("Nama pengusul: «Pak Slamet» menjadi «Pak Slamet Riyadi»"))
        #expect(desk.body.contains("RT/RW pengusul: «RT 01/RW 01» menjadi «RT 02/RW 01»"))

        // Once published, the public timeline shows the RT/RW change and that the name changed, never the name.
        world.clock.set(MeetingScene.insideKecamatan)
        let visitor = world.browser(address: "10.0.1.9:1")
        let page = try visitor.get("/usulan/\(returned.trackingCode)")
        #expect(page.status == 200)
        #expect(page.body.contains("RT/RW pengusul: «RT 01/RW 01» menjadi «RT 02/RW 01»"))
        #expect(page.body.contains("Diubah: nama pengusul"))
        #expect(!page.body.contains("Slamet"))
    }

    @Test func refusedFieldsKeepWhatWasTypedAndAStaleVersionIsTheConflictPage() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let returned = try ReturnedPaperFormTests.returnedForm(scene)
        let (rt02, foreignRT) = try Self.rts(scene)
        let op = try scene.browser("op1")
        let path = "/kerja/formulir/dikembalikan/\(returned.trackingCode)"
        let form = try op.get(path)
        // An empty name and an RT of another kelurahan (a forged select): 422, each beside its field, the rest kept.
        let refused = try op.post(path, Self.correction(returned, name: "  ", rt: foreignRT, title: "Judul baru yang diketik"), csrf: form.csrf)
        #expect(refused.status == 422)
        #expect(refused.body.contains("id=\"nama_pengusul-error\"") && refused.body.contains("id=\"rt-error\""))
        #expect(refused.body.contains("Pilih RT/RW pengusul dari daftar."))
        #expect(refused.body.contains("value=\"Judul baru yang diketik\"") && refused.body.contains("Catatan verifikator:"))
        #expect(try ReturnedPaperFormTests.stored(world, returned) == returned)
        // A typed name is kept beside the RT's error.
        let kept = try op.post(path, Self.correction(returned, name: "Bu Tini <Ketua>", rt: foreignRT), csrf: form.csrf)
        #expect(kept.status == 422 && kept.body.contains("value=\"Bu Tini &lt;Ketua&gt;\""))

        // Someone changed it meanwhile: 409, nothing of the correction stored.
        let stale = try op.post(path, Self.correction(returned, name: "Pak Slamet Riyadi", rt: rt02, version: returned.version - 1),
                                csrf: form.csrf)
        #expect(stale.status == 409 && stale.body.contains("Usulan sudah berubah"))
        #expect(try ReturnedPaperFormTests.stored(world, returned) == returned)
    }

    @Test func otherRolesAndAnotherKelurahansOperatorCannotChangeTheProposer() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let returned = try ReturnedPaperFormTests.returnedForm(scene)
        let (rt02, _) = try Self.rts(scene)
        let path = "/kerja/formulir/dikembalikan/\(returned.trackingCode)"
        let fields = Self.correction(returned, name: "Nama Palsu", rt: rt02)
        let other = try scene.browser("op2", address: "10.0.1.2:1")
        #expect(try other.post(path, fields, csrf: try other.get("/kerja/formulir").csrf).status == 404)
        let verifier = try scene.browser("verif1", address: "10.0.1.3:1")
        #expect(try verifier.post(path, fields, csrf: try verifier.get("/kerja").csrf).status == 403)
        let resident = try scene.browser("ani", address: "10.0.1.4:1")
        #expect(try resident.post(path, fields, csrf: try resident.get("/").csrf).status == 403)
        #expect(try ReturnedPaperFormTests.stored(world, returned) == returned)
    }
}
