import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Attachment downloads at /lampiran")
struct AttachmentDownloadTests {
    static let scan = Array("%PDF-1.4\n% formulir bertanda tangan\n".utf8)

    @Test func theVerifierDownloadsTheScanFromTheProposalPageOthersGet404() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.paperForm("Perbaikan jalan Gang Mawar")
        let file = try world.service.addAttachment(to: .id(proposal.id), fileName: "Formulir \"RT 01\" ñ.pdf", bytes: Self.scan,
                                                   by: scene.operatorKelurahan, store: AttachmentStore())
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try VerificationTests.signedIn(world, "verif.pk")
        let page = try lurah.get("/kerja/verifikasi/\(proposal.trackingCode)")
        #expect(page.body.contains("<a href=\"/lampiran/\(file.id.rawValue)\" download>Formulir &quot;RT 01&quot; ñ.pdf</a>"))
        let download = try lurah.get("/lampiran/\(file.id.rawValue)")
        #expect(download.status == 200 && download.bytes == Self.scan)
        #expect(download.headers["Content-Type"] == "application/pdf")
        #expect(download.headers["X-Content-Type-Options"] == "nosniff")
        #expect(download.headers["Content-Disposition"] == "attachment; filename=\"Formulir _RT 01_ _.pdf\"; filename*=UTF-8''Formulir%20%22RT%2001%22%20%C3%B1.pdf")
        #expect(download.headers["Cache-Control"]?.hasPrefix("private") == true)
        // Another kelurahan's verifier, a resident who is not the proposer, a visitor, an unknown id: the 404 page.
        let others = [try VerificationTests.signedIn(world, "verif.cp", "10.3.0.2:1"), try VerificationTests.signedIn(world, "budi", "10.3.0.3:1"),
                      world.browser(address: "10.3.0.4:1")]
        for browser in others {
            let refused = try browser.get("/lampiran/\(file.id.rawValue)")
            #expect(refused.status == 404 && refused.headers["Content-Type"]?.hasPrefix("text/html") == true && refused.bytes != Self.scan)
        }
        for target in ["/lampiran/999", "/lampiran/abc", "/lampiran/-1"] { #expect(try lurah.get(target).status == 404, "\(target)") }
    }
}
