import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Several proposals verified at once at /kerja/verifikasi")
struct BulkVerificationTests {
    @Test func acceptingSeveralNamesWhatWasDoneAndWhatHadChanged() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let one = try scene.paperForm("Perbaikan jalan Gang Mawar")
        let two = try scene.paperForm("Perbaikan jalan Gang Melati")
        let three = try scene.paperForm("Perbaikan jalan Gang Kenanga")
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try VerificationTests.signedIn(world, "verif.pk")
        let queue = try lurah.get("/kerja/verifikasi")
        #expect(queue.body.contains("value=\"\(one.trackingCode)@\(one.version)\""))
        // Someone rejects the third while the list is open.
        _ = try world.service.apply(.tolak, to: .id(three.id), by: scene.kelurahanVerifier, expectedVersion: three.version, reason: "Ganda.")
        let done = try lurah.post("/kerja/verifikasi", [("pilih", "\(one.trackingCode)@\(one.version)"), ("pilih", "\(two.trackingCode)@\(two.version)"),
                                                        ("pilih", "\(three.trackingCode)@\(three.version)"), ("keputusan", "terima"),
                                                        ("kembali", "/kerja/verifikasi?status=menunggu")], csrf: queue.csrf)
        #expect(done.status == 303 && done.location == "/kerja/verifikasi?status=menunggu")
        let flash = try lurah.get("/kerja/verifikasi").body
        #expect(flash.contains("2 usulan diterima: \(one.trackingCode), \(two.trackingCode)."))
        #expect(flash.contains("1 usulan tidak diubah karena sudah berubah sejak daftar dimuat: \(three.trackingCode)."))
        #expect(try scene.current(one).state == ProposalState(.kelurahan, .diterima))
        #expect(try scene.current(two).state == ProposalState(.kelurahan, .diterima))
        #expect(try scene.current(three).state == ProposalState(.kelurahan, .ditolak))
    }

    @Test func returningSeveralTakesOneNoteAndWithoutItNothingChanges() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let one = try scene.paperForm("Perbaikan jalan Gang Mawar")
        let two = try scene.paperForm("Perbaikan jalan Gang Melati")
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try VerificationTests.signedIn(world, "verif.pk")
        let queue = try lurah.get("/kerja/verifikasi")
        let picks = [("pilih", "\(one.trackingCode)@\(one.version)"), ("pilih", "\(two.trackingCode)@\(two.version)")]
        let refused = try lurah.post("/kerja/verifikasi", picks + [("keputusan", "kembalikan"), ("alasan-bersama", " ")], csrf: queue.csrf)
        #expect(refused.status == 422 && refused.body.contains("id=\"alasan-bersama-error\""))
        #expect(refused.body.contains("value=\"\(one.trackingCode)@\(one.version)\" checked"))          // the ticks are kept
        #expect(try scene.current(one).version == one.version && scene.current(two).version == two.version)
        let none = try lurah.post("/kerja/verifikasi", [("keputusan", "terima")], csrf: queue.csrf)
        #expect(none.status == 422 && none.body.contains("Centang paling sedikit satu usulan"))
        let returned = try lurah.post("/kerja/verifikasi", picks + [("keputusan", "kembalikan"), ("alasan-bersama", "Lengkapi foto lokasi.")],
                                      csrf: queue.csrf)
        #expect(returned.status == 303)
        for proposal in [one, two] {
            let detail = try world.service.proposalDetail(.id(proposal.id), viewer: .actor(scene.bappeda))
            #expect(detail.proposal.state == ProposalState(.kelurahan, .dikembalikan) && detail.history.last?.note == "Lengkapi foto lokasi.")
        }
    }

    @Test func aBulkActionOutsideTheWindowIsRefusedPerProposalWithTheRule() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let one = try scene.paperForm("Perbaikan jalan Gang Mawar")
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try VerificationTests.signedIn(world, "verif.pk")
        let queue = try lurah.get("/kerja/verifikasi")
        #expect(queue.body.contains("name=\"pilih\""))
        world.clock.set(VerifierScene.insideKecamatan)
        let later = try VerificationTests.signedIn(world, "verif.pk", "10.3.0.2:1")     // the first session expired meanwhile
        let closed = try later.get("/kerja/verifikasi")
        #expect(!closed.body.contains("name=\"pilih\""))                                // no bulk form outside the window
        let late = try later.post("/kerja/verifikasi", [("pilih", "\(one.trackingCode)@\(one.version)"), ("keputusan", "terima")], csrf: closed.csrf)
        #expect(late.status == 303)
        let flash = try later.get("/kerja/verifikasi").body
        #expect(flash.contains("Tidak dapat dilakukan untuk \(one.trackingCode): Tahap Musrenbang kelurahan belum dibuka atau sudah ditutup"))
        #expect(try scene.current(one).state == ProposalState(.kelurahan, .verifikasi))
    }

    @Test func theCamatRejectsSeveralWithOneReasonAndARefusalKeepsTheFilteredList() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let one = try scene.placed("Perbaikan jalan Gang Mawar", in: ProposalState(.kecamatan, .verifikasi))
        let two = try scene.placed("Perbaikan jalan Gang Melati", in: ProposalState(.kecamatan, .verifikasi))
        let camat = try VerificationTests.signedIn(world, "camat.cpt")
        let queue = try camat.get("/kerja/verifikasi?fisik=ya")
        #expect(queue.body.contains("value=\"tolak\"") && !queue.body.contains("value=\"kembalikan\""))
        let picks = [("pilih", "\(one.trackingCode)@\(one.version)"), ("pilih", "\(two.trackingCode)@\(two.version)")]
        let back = try #require(queue.hidden("kembali")).replacingOccurrences(of: "&amp;", with: "&")      // as a browser reads it
        #expect(back == "/kerja/verifikasi?status=menunggu&fisik=ya")
        let refused = try camat.post("/kerja/verifikasi", picks + [("keputusan", "tolak"), ("kembali", back)], csrf: queue.csrf)
        #expect(refused.status == 422 && refused.body.contains("id=\"alasan-bersama-error\""))
        #expect(refused.body.contains("<option value=\"ya\" selected>Fisik</option>"))                  // the list it came from
        let rejected = try camat.post("/kerja/verifikasi", picks + [("keputusan", "tolak"), ("alasan-bersama", "Di luar kewenangan kecamatan."),
                                                                    ("kembali", back)], csrf: queue.csrf)
        #expect(rejected.status == 303 && rejected.location == back)
        #expect(try camat.get(back).body.contains("2 usulan ditolak: \(one.trackingCode), \(two.trackingCode)."))
        for proposal in [one, two] {
            let detail = try world.service.proposalDetail(.id(proposal.id), viewer: .actor(scene.bappeda))
            #expect(detail.proposal.state == ProposalState(.kecamatan, .ditolak) && detail.history.last?.note == "Di luar kewenangan kecamatan.")
        }
    }
}
