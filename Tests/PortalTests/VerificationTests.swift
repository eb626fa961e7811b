import TestSupport
import Foundation
import Musrenbang
@testable import Portal
import Testing

@Suite("Verification at /kerja/verifikasi")
struct VerificationTests {
    /// Signs `username` in on a new browser.
    static func signedIn(_ world: PortalWorld, _ username: String, _ address: String = "10.3.0.1:1") throws -> TestBrowser {
        let browser = world.browser(address: address)
        try browser.signIn(username, world.password)
        return browser
    }

    @Test func theKelurahanVerifierSeesItsQueueReadsTheProposalAndAcceptsIt() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let code = proposal.trackingCode.description
        let lurah = try Self.signedIn(world, "verif.pk")
        let queue = try lurah.get("/kerja/verifikasi")
        #expect(queue.status == 200 && queue.body.contains(code))
        #expect(queue.body.contains("Menunggu verifikasi <span class=\"count\">1</span>"))
        let page = try lurah.get("/kerja/verifikasi/\(code)?kembali=%2Fkerja%2Fverifikasi%3Fstatus%3Dmenunggu")
        #expect(page.status == 200 && page.body.contains("Keputusan Anda"))
        for entered in ["Ani Rahmawati", "RT 01/RW 01", "Perbaikan jalan lingkungan", "Rp 350.000 per meter", "Rp 42.000.000",
                        "Gang Mawar", "Jalan berlubang", "120 meter jalan berlapis paving", "80 orang"] {
            #expect(page.body.contains(entered), "\(entered)")
        }
        for personal in [ResidentScene.aniNIK, ResidentScene.aniPhone, ResidentScene.aniEmail] { #expect(!page.body.contains(personal)) }
        #expect(page.body.contains("value=\"kembalikan\""))                           // the kelurahan may return
        let accepted = try lurah.post("/kerja/verifikasi/\(code)", [("keputusan", "terima"), ("versi", try #require(page.hidden("versi"))),
                                                                     ("kembali", try #require(page.hidden("kembali")))], csrf: page.csrf)
        #expect(accepted.status == 303 && accepted.location == "/kerja/verifikasi?status=menunggu")
        let back = try lurah.get(try #require(accepted.location))
        #expect(back.body.contains("Usulan \(code) diterima."))
        #expect(back.body.contains("Diterima <span class=\"count\">1</span>"))
        #expect(try scene.current(proposal).state == ProposalState(.kelurahan, .diterima))
    }

    @Test func aChangeBelowTheSSHPriceIsRefusedBesideTheCostAndAboveTheToleranceIsFlagged() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let code = proposal.trackingCode.description
        let lurah = try Self.signedIn(world, "verif.pk")
        let page = try lurah.get("/kerja/verifikasi/\(code)")
        let version = try #require(page.hidden("versi"))
        // 100 m x Rp 350.000 = Rp 35.000.000 at least.
        let below = try lurah.post("/kerja/verifikasi/\(code)", [("keputusan", "terima-perubahan"), ("versi", version), ("volume", "100"),
                                                                  ("biaya", "30.000.000"), ("alasan", "Sebagian jalan sudah diperbaiki.")],
                                   csrf: page.csrf)
        #expect(below.status == 422 && below.body.contains("<p class=\"field-error\" id=\"biaya-error\">Biaya Rp 30.000.000 di bawah harga Standar Satuan Harga"))
        #expect(below.body.contains("value=\"30.000.000\"") && below.body.contains("Sebagian jalan sudah diperbaiki."))
        #expect(try scene.current(proposal).version == proposal.version)
        let noReason = try lurah.post("/kerja/verifikasi/\(code)", [("keputusan", "terima-perubahan"), ("versi", version), ("volume", "x"),
                                                                     ("biaya", ""), ("alasan", " ")], csrf: page.csrf)
        #expect(noReason.status == 422)
        for field in ["volume", "biaya", "alasan"] { #expect(noReason.body.contains("id=\"\(field)-error\""), "\(field)") }
        // Rp 40.000.000 for 100 m is 14% above the SSH price: saved, flagged (the tolerance is 10%).
        let above = try lurah.post("/kerja/verifikasi/\(code)", [("keputusan", "terima-perubahan"), ("versi", version), ("volume", "100"),
                                                                  ("biaya", "40.000.000"), ("alasan", "Sebagian jalan sudah diperbaiki.")],
                                   csrf: page.csrf)
        #expect(above.status == 303)
        let flash = try lurah.get("/kerja/verifikasi").body
        #expect(flash.contains("diterima dengan perubahan. Rekomendasi: 100 meter, Rp 40.000.000. Biaya ini di atas batas toleransi"))
        let now = try scene.current(proposal)
        #expect(now.state == ProposalState(.kelurahan, .diterimaDenganPerubahan) && now.cost == 42_000_000)
        #expect(now.recommendations[.kelurahan]?.flaggedAboveTolerance == true)
        let after = try lurah.get("/kerja/verifikasi/\(code)").body
        #expect(after.contains("Rp 42.000.000") && after.contains("Rp 40.000.000"))              // original beside the new cost
    }

    @Test func rejectingNeedsAReasonAndReturningTakesASavedReason() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let first = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let second = try scene.paperForm("Perbaikan jalan Gang Melati")
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try Self.signedIn(world, "verif.pk")
        let page = try lurah.get("/kerja/verifikasi/\(first.trackingCode)")
        let missing = try lurah.post("/kerja/verifikasi/\(first.trackingCode)", [("keputusan", "tolak"), ("versi", try #require(page.hidden("versi")))],
                                     csrf: page.csrf)
        #expect(missing.status == 422 && missing.body.contains("href=\"#alasan\"") && missing.body.contains("Tulis alasan penolakan"))
        #expect(try scene.current(first).state == ProposalState(.kelurahan, .verifikasi))

        let templates = try lurah.get("/kerja/verifikasi/alasan")
        let added = try lurah.post("/kerja/verifikasi/alasan", [("teks", "Lokasi bukan aset pemerintah kota.")], csrf: templates.csrf)
        #expect(added.status == 303)
        let secondPage = try lurah.get("/kerja/verifikasi/\(second.trackingCode)")
        #expect(secondPage.body.contains("Lokasi bukan aset pemerintah kota.</option>"))
        let templateId = try #require(try world.database.read { db -> Int64? in try db.scalar("SELECT id FROM reason_templates") })
        let returned = try lurah.post("/kerja/verifikasi/\(second.trackingCode)",
                                      [("keputusan", "kembalikan"), ("versi", try #require(secondPage.hidden("versi"))),
                                       ("templat", String(templateId)), ("alasan", "Lampirkan surat keterangan lahan.")], csrf: secondPage.csrf)
        #expect(returned.status == 303)
        let detail = try world.service.proposalDetail(.id(second.id), viewer: .actor(scene.bappeda))
        #expect(detail.proposal.state == ProposalState(.kelurahan, .dikembalikan))
        #expect(detail.history.last?.note == "Lokasi bukan aset pemerintah kota. Lampirkan surat keterangan lahan.")
    }

    @Test func outsideTheWindowThereIsNoFormAndTheEngineRefusesWithTheSchedule() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let lurah = try Self.signedIn(world, "verif.pk")
        let page = try lurah.get("/kerja/verifikasi/\(proposal.trackingCode)")
        world.clock.set(VerifierScene.insideKecamatan)                                  // the kelurahan window closed
        let later = try Self.signedIn(world, "verif.pk", "10.3.0.2:1")                 // the first session expired meanwhile
        let closed = try later.get("/kerja/verifikasi/\(proposal.trackingCode)")
        #expect(closed.body.contains("sedang tidak berlangsung") && !closed.body.contains("Simpan keputusan"))
        let refused = try later.post("/kerja/verifikasi/\(proposal.trackingCode)", [("keputusan", "terima"), ("versi", try #require(page.hidden("versi")))],
                                     csrf: closed.csrf)
        #expect(refused.status == 422 && refused.body.contains("belum dibuka atau sudah ditutup"))
        #expect(try scene.current(proposal).state == ProposalState(.kelurahan, .verifikasi))
    }

    @Test func aLockedLevelIsRefusedWithTheRule() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let lurah = try Self.signedIn(world, "verif.pk")
        let page = try lurah.get("/kerja/verifikasi/\(proposal.trackingCode)")
        try scene.lock(.kelurahan(world.kelurahan))
        let refused = try lurah.post("/kerja/verifikasi/\(proposal.trackingCode)", [("keputusan", "terima"), ("versi", try #require(page.hidden("versi")))],
                                     csrf: page.csrf)
        #expect(refused.status == 422 && refused.body.contains("sudah dikunci dengan berita acara"))
        #expect(try scene.current(proposal).state == ProposalState(.kelurahan, .verifikasi))
    }

    @Test func theSecondOfTwoVerifiersGetsTheConflictPageWithWhatChanged() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let code = proposal.trackingCode.description
        _ = try world.service.createAccount(username: "verif.pk2", displayName: "Sekretaris Lurah",
                                            roles: [try RoleAssignment(role: .verifikatorKelurahan, scope: .kelurahan(world.kelurahan))],
                                            password: world.password)
        let one = try Self.signedIn(world, "verif.pk", "10.3.0.1:1")
        let two = try Self.signedIn(world, "verif.pk2", "10.3.0.2:1")
        let pageOne = try one.get("/kerja/verifikasi/\(code)")
        let pageTwo = try two.get("/kerja/verifikasi/\(code)")
        let first = try one.post("/kerja/verifikasi/\(code)", [("keputusan", "tolak"), ("versi", try #require(pageOne.hidden("versi"))),
                                                               ("alasan", "Sudah dianggarkan dinas tahun ini.")], csrf: pageOne.csrf)
        #expect(first.status == 303)
        let second = try two.post("/kerja/verifikasi/\(code)", [("keputusan", "terima"), ("versi", try #require(pageTwo.hidden("versi")))],
                                  csrf: pageTwo.csrf)
        #expect(second.status == 409 && second.body.contains("Data sudah berubah"))
        #expect(second.body.contains("Ditolak") && second.body.contains("Sudah dianggarkan dinas tahun ini."))
        #expect(try scene.current(proposal).state == ProposalState(.kelurahan, .ditolak))
    }

    @Test func anotherKelurahansVerifierFindsNothingAndCannotAct() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.atKelurahan("Perbaikan jalan Gang Mawar")
        let mine = try Self.signedIn(world, "verif.pk", "10.3.0.1:1")
        let page = try mine.get("/kerja/verifikasi/\(proposal.trackingCode)")
        let other = try Self.signedIn(world, "verif.cp", "10.3.0.2:1")
        #expect(try other.get("/kerja/verifikasi/\(proposal.trackingCode)").status == 404)
        #expect(!(try other.get("/kerja/verifikasi").body.contains(proposal.trackingCode.description)))
        let csrf = try other.get("/kerja/verifikasi").csrf
        let post = try other.post("/kerja/verifikasi/\(proposal.trackingCode)", [("keputusan", "terima"), ("versi", try #require(page.hidden("versi")))],
                                  csrf: csrf)
        #expect(post.status == 404)
        let bulk = try other.post("/kerja/verifikasi", [("pilih", "\(proposal.trackingCode)@\(proposal.version + 2)"), ("keputusan", "terima")], csrf: csrf)
        #expect(bulk.status == 303)
        #expect(try other.get("/kerja/verifikasi").body.contains("\(proposal.trackingCode): tidak ditemukan dalam daftar Anda."))
        #expect(try scene.current(proposal).state == ProposalState(.kelurahan, .verifikasi))
    }

    @Test func theCamatVerifiesTheF2OfItsKelurahanAndCannotReturnIt() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.placed("Perbaikan jalan Gang Mawar", in: ProposalState(.kecamatan, .verifikasi))
        let camat = try Self.signedIn(world, "camat.cpt")
        let queue = try camat.get("/kerja/verifikasi?kelurahan=\(world.kelurahan.rawValue)")
        #expect(queue.status == 200 && queue.body.contains(proposal.trackingCode.description))
        #expect(queue.body.contains("<option value=\"\(scene.otherKelurahan.rawValue)\">Cempaka Putih</option>"))
        #expect(!queue.body.contains("value=\"kembalikan\""))
        let elsewhere = try camat.get("/kerja/verifikasi?kelurahan=\(scene.otherKelurahan.rawValue)")
        #expect(!elsewhere.body.contains(proposal.trackingCode.description))
        let page = try camat.get("/kerja/verifikasi/\(proposal.trackingCode)")
        #expect(page.body.contains("value=\"tolak\"") && !page.body.contains("value=\"kembalikan\""))
        let version = try #require(page.hidden("versi"))
        let notAllowed = try camat.post("/kerja/verifikasi/\(proposal.trackingCode)", [("keputusan", "kembalikan"), ("versi", version),
                                                                                       ("alasan", "Perbaiki.")], csrf: page.csrf)
        #expect(notAllowed.status == 422 && notAllowed.body.contains("Pilih keputusan Anda"))
        let rejected = try camat.post("/kerja/verifikasi/\(proposal.trackingCode)", [("keputusan", "tolak"), ("versi", version),
                                                                                     ("alasan", "Bukan kewenangan kecamatan.")], csrf: page.csrf)
        #expect(rejected.status == 303)
        #expect(try scene.current(proposal).state == ProposalState(.kecamatan, .ditolak))
        let otherCamat = try Self.signedIn(world, "camat.srp", "10.3.0.9:1")
        #expect(try otherCamat.get("/kerja/verifikasi/\(proposal.trackingCode)").status == 404)
    }

    @Test func theOPDVerifierAcceptsWhatWasRoutedToItOnly() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let proposal = try scene.placed("Perbaikan jalan Gang Mawar", in: ProposalState(.opd, .verifikasi))
        let pu = try Self.signedIn(world, "opd.pu")
        let queue = try pu.get("/kerja/verifikasi")
        #expect(queue.body.contains(proposal.trackingCode.description) && queue.body.contains("Menunggu verifikasi <span class=\"count\">1</span>"))
        let page = try pu.get("/kerja/verifikasi/\(proposal.trackingCode)")
        let accepted = try pu.post("/kerja/verifikasi/\(proposal.trackingCode)", [("keputusan", "terima"), ("versi", try #require(page.hidden("versi")))],
                                   csrf: page.csrf)
        #expect(accepted.status == 303)
        #expect(try scene.current(proposal).state == ProposalState(.opd, .diterima))
        let kes = try Self.signedIn(world, "opd.kes", "10.3.0.5:1")
        #expect(try kes.get("/kerja/verifikasi/\(proposal.trackingCode)").status == 404)
        #expect(!(try kes.get("/kerja/verifikasi").body.contains(proposal.trackingCode.description)))
    }

    @Test func filtersAreShareableAddressesAndNarrowTheQueue() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let road = try scene.paperForm("Perbaikan jalan Gang Mawar", volume: 100)                      // Rp 35.000.000, fisik
        let drain = try scene.paperForm("Saluran air Gang Kenanga", volume: 10, problem: "Saluran tersumbat sampah.")  // Rp 3.500.000
        let training = try scene.paperForm("Pelatihan kader posyandu RW 01", volume: 20, kamus: scene.training)  // Rp 10.000.000, non-fisik
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try Self.signedIn(world, "verif.pk")
        func codes(_ query: String) throws -> [String] {
            let body = try lurah.get("/kerja/verifikasi" + query).body
            return [road, drain, training].map(\.trackingCode.description).filter { body.contains("<span class=\"code\">\($0)</span>") }
        }
        #expect(try codes("") == [road, drain, training].map(\.trackingCode.description))
        #expect(try codes("?fisik=tidak") == [training.trackingCode.description])
        #expect(try codes("?fisik=ya&biaya-min=5.000.000") == [road.trackingCode.description])
        #expect(try codes("?biaya-maks=12000000") == [drain, training].map(\.trackingCode.description))
        #expect(try codes("?q=saluran") == [drain.trackingCode.description])
        #expect(try codes("?opd=\(scene.otherOPD.rawValue)") == [training.trackingCode.description])
        let sorted = try lurah.get("/kerja/verifikasi?urut=biaya-turun&fisik=ya").body
        let roadAt = try #require(sorted.range(of: road.trackingCode.description)).lowerBound
        let drainAt = try #require(sorted.range(of: drain.trackingCode.description)).lowerBound
        #expect(roadAt < drainAt)
        // The tabs and the pages keep the filters: the link of another tab carries them.
        #expect(sorted.contains("href=\"/kerja/verifikasi?status=diterima&amp;fisik=ya&amp;urut=biaya-turun\""))
    }

    @Test func theQueueIsPaged50ARowAndThePagesKeepTheFilter() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        for index in 1...51 { try scene.paperForm("Perbaikan jalan gang \(index)") }
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try Self.signedIn(world, "verif.pk")
        let first = try lurah.get("/kerja/verifikasi?fisik=ya")
        #expect(first.body.contains("Halaman 1 dari 2") && first.body.contains("href=\"/kerja/verifikasi?status=menunggu&amp;fisik=ya&amp;halaman=2\""))
        #expect(first.body.components(separatedBy: "name=\"pilih\"").count - 1 == 50)
        let second = try lurah.get("/kerja/verifikasi?status=menunggu&fisik=ya&halaman=2")
        #expect(second.body.contains("Halaman 2 dari 2") && second.body.components(separatedBy: "name=\"pilih\"").count - 1 == 1)
        // A hand-edited page far beyond the list (once an overflow that stopped the server) is just an empty page.
        let beyond = try lurah.get("/kerja/verifikasi?halaman=\(Int.max)")
        #expect(beyond.status == 200 && beyond.body.contains("Tidak ada usulan yang menunggu verifikasi Anda saat ini."))
        #expect(try Self.signedIn(world, "rt01", "10.3.0.8:1").get("/kerja/persetujuan?halaman=\(Int.max)").status == 200)
    }

    /// Issue 9: the proposal page shows the photos the resident took (small, each linked to its original for the staff).
    @Test func theProposalPageShowsThePhotosWithTheirOriginals() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let residents = scene.residents
        var proposal = try residents.draft("Saluran Gang Melati", by: residents.ani)
        let photo = try world.service.addPhoto(to: .id(proposal.id), fileName: "saluran.jpg", bytes: try TestPhotos.jpeg(width: 640, height: 480),
                                               by: residents.ani)
        proposal = try world.service.apply(.ajukan, to: .id(proposal.id), by: residents.ani, expectedVersion: proposal.version)
        proposal = try world.service.apply(.setujui, to: .id(proposal.id), by: residents.rtHead, expectedVersion: proposal.version)
        proposal = try world.service.apply(.setujui, to: .id(proposal.id), by: residents.rwHead, expectedVersion: proposal.version)
        world.clock.set(VerifierScene.insideKelurahan)
        let lurah = try Self.signedIn(world, "verif.pk")
        let page = try lurah.get("/kerja/verifikasi/\(proposal.trackingCode)")
        #expect(page.status == 200)
        #expect(page.body.contains("<a href=\"/foto/\(photo.id.rawValue)\"><img src=\"/foto/\(photo.id.rawValue)/kecil\""))
        #expect(try lurah.get("/foto/\(photo.id.rawValue)").status == 200)
    }

    @Test func theKecamatanSeesLastCyclesUnfundedProposalsOfItsKelurahan() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let rejected = try scene.residents.rejectedLastCycle(by: scene.residents.ani)
        world.clock.set(VerifierScene.insideKecamatan)
        let camat = try Self.signedIn(world, "camat.cpt")
        let queue = try camat.get("/kerja/verifikasi")
        #expect(queue.body.contains("href=\"/kerja/verifikasi/siklus-lalu\""))
        let list = try camat.get("/kerja/verifikasi/siklus-lalu")
        #expect(list.status == 200 && list.body.contains(rejected.trackingCode.description) && list.body.contains("Lampu jalan Gang Melati"))
        #expect(list.body.contains("Pondok Karya") && list.body.contains("Belum dibawa") && list.body.contains("Musrenbang 2026"))
        let otherCamat = try Self.signedIn(world, "camat.srp", "10.3.0.3:1")
        let elsewhere = try otherCamat.get("/kerja/verifikasi/siklus-lalu")
        #expect(elsewhere.status == 200 && !elsewhere.body.contains(rejected.trackingCode.description))
    }
}
