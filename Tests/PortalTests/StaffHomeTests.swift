import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("The staff home at /kerja")
struct StaffHomeTests {
    @Test func eachRoleSeesItsTasksWithWhatWaits() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        _ = try scene.residents.propose("Lampu jalan Gang Melati", by: scene.residents.ani)          // waits for the RT
        try scene.paperForm("Perbaikan jalan Gang Mawar")                                               // waits for the kelurahan
        try scene.paperForm("Perbaikan jalan Gang Melati")
        world.clock.set(VerifierScene.insideKelurahan)
        let rt = try VerificationTests.signedIn(world, "rt01", "10.4.0.1:1")
        let rtHome = try rt.get("/kerja")
        #expect(rtHome.status == 200 && rtHome.body.contains("href=\"/kerja/persetujuan\"") && rtHome.body.contains("<strong>1</strong> usulan menunggu"))
        let lurah = try VerificationTests.signedIn(world, "verif.pk", "10.4.0.2:1")
        let lurahHome = try lurah.get("/kerja").body
        #expect(lurahHome.contains("href=\"/kerja/verifikasi\"") && lurahHome.contains("<strong>2</strong> usulan menunggu"))
        #expect(lurahHome.contains("href=\"/kerja/penilaian\"") && lurahHome.contains("href=\"/kerja/berita-acara\"") && !lurahHome.contains("/kerja/rute"))
        let camat = try VerificationTests.signedIn(world, "camat.cpt", "10.4.0.3:1")
        let camatHome = try camat.get("/kerja").body
        #expect(camatHome.contains("href=\"/kerja/rute\"") && camatHome.contains("href=\"/kerja/alokasi\""))
        let operatorHome = try VerificationTests.signedIn(world, "opkel.pk", "10.4.0.4:1").get("/kerja").body
        #expect(operatorHome.contains("href=\"/kerja/formulir\"") && operatorHome.contains("href=\"/kerja/impor\"")
                && operatorHome.contains("href=\"/kerja/formulir/dikembalikan\"")
                && !operatorHome.contains("href=\"/kerja/verifikasi\""))
    }

    @Test func residentsAreRefusedAndVisitorsSentToSignIn() throws {
        let world = try PortalWorld()
        _ = try world.verifiers()
        #expect(try world.browser().get("/kerja").location == "/masuk?kembali=/kerja")
        let ani = try VerificationTests.signedIn(world, "ani")
        let refused = try ani.get("/kerja")
        #expect(refused.status == 403 && refused.body.contains("Halaman kerja hanya untuk petugas"))
    }
}
