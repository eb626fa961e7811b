import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// Issue 9: every master data change is logged and shown on the admin log page (`/kerja/log-admin`), not only on the
/// master data screen that made it.
@Suite("Master data changes on /kerja/log-admin")
struct AdminLogMasterDataTests {
    @Test func aKamusPriceChangeAndABidangRenameAreReadOnTheAdminLogInWords() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let id = scene.residents.kamus
        let road = try KamusMasterTests.item(world, id)
        let social = try #require(try BidangMasterTests.bidang(world).first { $0.code == "SOS" })
        let bappeda = try VerificationTests.signedIn(world, "bappeda", "10.8.1.1:1")
        let page = try bappeda.get("/kerja/master/kamus/\(id)")
        let priced = try bappeda.post("/kerja/master/kamus/\(id)", [
            ("nama", road.name), ("bidang", "\(road.bidangId)"), ("opd", "\(road.opdId)"), ("satuan", road.unit), ("harga", "400.000"),
            ("fisik", "ya"), ("alasan", "SSH 2027 <Perwali>."),
        ], csrf: page.csrf)
        #expect(priced.status == 303)
        let renamed = try bappeda.post("/kerja/master/bidang/\(social.id)", [("nama-\(social.id)", "Sosial dan Budaya")], csrf: page.csrf)
        #expect(renamed.status == 303)

        let kamusLog = try bappeda.get("/kerja/log-admin?entitas=kamus_usulan")
        #expect(kamusLog.status == 200 && kamusLog.body.contains("1 catatan"))
        #expect(kamusLog.body.contains("harga satuan: 350.000 menjadi 400.000"))
        #expect(kamusLog.body.contains("SSH 2027 &lt;Perwali&gt;."))
        let bidangLog = try bappeda.get("/kerja/log-admin?entitas=bidang")
        #expect(bidangLog.body.contains("nama: «Sosial Budaya» menjadi «Sosial dan Budaya»"))
        let everything = try bappeda.get("/kerja/log-admin")
        #expect(everything.body.contains("harga satuan: 350.000 menjadi 400.000") && everything.body.contains("«Sosial dan Budaya»"))
    }
}
