import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("RT/RW heads deciding several proposals at once")
struct BulkEndorsementTests {
    @Test func tickedProposalsAreApprovedTogetherAndAChangedOneIsLeftAndNamed() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let a = try scene.propose("Jalan Gang Mawar", by: scene.ani)
        let b = try scene.propose("Saluran Gang Kenanga", by: scene.budi)
        let c = try scene.propose("Lampu Gang Melati", by: scene.ani)
        let rt = world.browser()
        try rt.signIn("rt01", world.password)
        let list = try rt.get("/kerja/persetujuan")
        #expect(list.body.contains("name=\"pilih\" value=\"\(a.trackingCode)@\(a.version)\"") && list.body.contains("Putuskan sekaligus"))
        // C changes after the list was loaded (returned by the RT in another window).
        try world.service.apply(.kembalikan, to: .id(c.id), by: scene.rtHead, expectedVersion: c.version, reason: "Foto kurang")
        let picks = [a, b, c].map { ("pilih", "\($0.trackingCode)@\($0.version)") }
        let done = try rt.post("/kerja/persetujuan?status=menunggu", picks + [("keputusan", "setujui"), ("kembali", "/kerja/persetujuan?status=menunggu")],
                               csrf: list.csrf)
        #expect(done.status == 303 && done.location == "/kerja/persetujuan?status=menunggu")
        let after = try rt.get(try #require(done.location))
        #expect(after.body.contains("2 usulan disetujui: \(a.trackingCode), \(b.trackingCode)."))
        #expect(after.body.contains("1 usulan tidak diubah karena sudah berubah sejak daftar dimuat: \(c.trackingCode)."))
        for proposal in [a, b] {
            #expect(try world.service.proposalDetail(.id(proposal.id), viewer: .actor(scene.rtHead)).proposal.state
                == ProposalState(.praMusrenbang, .disetujuiRT))
        }
    }

    @Test func aReturnWithoutReasonOrWithoutTicksIsRefusedWithEverythingKept() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let a = try scene.propose("Jalan Gang Mawar", by: scene.ani)
        let rt = world.browser()
        try rt.signIn("rt01", world.password)
        let list = try rt.get("/kerja/persetujuan")
        let refused = try rt.post("/kerja/persetujuan", [("pilih", "\(a.trackingCode)@\(a.version)"), ("keputusan", "kembalikan"),
                                                         ("alasan-bersama", " ")], csrf: list.csrf)
        #expect(refused.status == 422 && refused.body.contains("href=\"#alasan-bersama\""))
        #expect(refused.body.contains("value=\"\(a.trackingCode)@\(a.version)\" checked") && refused.body.contains("value=\"kembalikan\" checked"))
        let none = try rt.post("/kerja/persetujuan", [("keputusan", "kembalikan"), ("alasan-bersama", "Foto <kurang>")], csrf: list.csrf)
        #expect(none.status == 422 && none.body.contains("Centang paling sedikit satu usulan") && none.body.contains("Foto &lt;kurang&gt;</textarea>"))
        #expect(try world.service.proposalDetail(.id(a.id), viewer: .actor(scene.rtHead)).proposal.version == a.version)
        // A resident may not post here; the head of another RT changes nothing of this RT.
        let ani = world.browser(address: "10.0.0.3:1")
        try ani.signIn("ani", world.password)
        #expect(try ani.post("/kerja/persetujuan", [("pilih", "\(a.trackingCode)@\(a.version)"), ("keputusan", "setujui")],
                             csrf: try ani.get("/usulan/saya").csrf).status == 403)
        let other = world.browser(address: "10.0.0.4:1")
        try other.signIn("rt02", world.password)
        let foreign = try other.post("/kerja/persetujuan", [("pilih", "\(a.trackingCode)@\(a.version)"), ("keputusan", "setujui")],
                                     csrf: try other.get("/kerja/persetujuan").csrf)
        #expect(foreign.status == 303)
        #expect(try other.get("/kerja/persetujuan").body.contains("\(a.trackingCode): tidak ditemukan di wilayah Anda."))
        #expect(try world.service.proposalDetail(.id(a.id), viewer: .actor(scene.rtHead)).proposal.version == a.version)
    }
}
