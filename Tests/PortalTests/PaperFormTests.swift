import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// The operator's paper form at /kerja/formulir over the in-process HTTP: saved with its scan and sent to the
/// kelurahan verification, then the next empty form with RT/RW and bidang kept; every refusal with every answer kept.
@Suite("Paper forms at /kerja/formulir")
struct PaperFormTests {
    /// The answers of one paper form of RT `rt` for kamus item `kamus`.
    static func answers(rt: RTID, kamus: KamusID, name: String = "Pak Slamet", volume: String = "120",
                        title: String = "Perbaikan jalan Gang Kenanga", source: String = "formulir") -> [(String, String)] {
        [("nama_pengusul", name), ("rt", String(rt.rawValue)), ("sumber", source), ("kamus", String(kamus.rawValue)),
         ("volume", volume), ("title", title), ("problem", "Jalan berlubang sejak 2024."), ("location", "Gang Kenanga"),
         ("beneficiaries", "90"), ("aksi", "simpan")]
    }

    static func scan(_ bytes: [UInt8] = OperatorScene.pdf, name: String = "formulir-001.pdf") -> MultipartFile {
        MultipartFile(field: "pindaian", fileName: name, contentType: "application/pdf", bytes: bytes)
    }

    @Test func aSavedFormIsSentWithItsScanAndTheNextFormKeepsRTAndBidang() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let form = try op.get("/kerja/formulir")
        #expect(form.status == 200 && form.body.contains("<h1>Formulir kertas</h1>"))
        #expect(form.body.contains(">RT 01/RW 01</option>") && form.body.contains(">RT 02/RW 01</option>"))
        #expect(!form.body.contains("Cempaka Putih"))
        let rt = scene.residents.rt
        let saved = try op.postMultipart("/kerja/formulir", Self.answers(rt: rt, kamus: scene.streetLight, volume: "4"),
                                         files: [Self.scan()], csrf: form.csrf)
        let proposal = try #require(try world.service.proposals(ProposalFilter(cycleId: scene.residents.cycleId)).first)
        let bidang = proposal.bidangId.rawValue
        #expect(saved.status == 303 && saved.location == "/kerja/formulir?rt=\(rt.rawValue)&bidang=\(bidang)")
        #expect(proposal.state == ProposalState(.kelurahan, .verifikasi) && proposal.proposerAccountId == nil)
        #expect(proposal.proposerName == "Pak Slamet" && proposal.enteredBy == scene.operatorActor.accountId && proposal.cost == 18_000_000)
        let attachments = try world.service.attachments(of: .id(proposal.id), viewer: .actor(scene.operatorActor))
        #expect(attachments.count == 1 && attachments[0].mediaType == "application/pdf" && attachments[0].fileName == "formulir-001.pdf")
        #expect(try world.service.attachmentFile(attachments[0].id, viewer: .actor(scene.operatorActor)).bytes == OperatorScene.pdf)
        // The next empty form: the flash names the code; RT/RW kept, the last bidang's activities listed first.
        let next = try op.get(try #require(saved.location))
        #expect(next.body.contains("Usulan \(proposal.trackingCode) dari Pak Slamet tersimpan dan masuk verifikasi kelurahan."))
        #expect(next.body.contains("<option value=\"\(rt.rawValue)\" selected>RT 01/RW 01</option>"))
        #expect(!next.body.contains("value=\"Pak Slamet\""))
        #expect(next.body.contains("<tr><td><span class=\"code\">\(proposal.trackingCode)</span></td><td>Perbaikan jalan Gang Kenanga</td>"))
        let sosial = try #require(next.body.range(of: "optgroup label=\"Sosial Budaya\""))
        let fisik = try #require(next.body.range(of: "optgroup label=\"Fisik dan Prasarana\""))
        #expect(sosial.lowerBound < fisik.lowerBound)
    }

    @Test func everyErrorAtOnceWithTheAnswersKeptAndNothingStored() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let form = try op.get("/kerja/formulir")
        let fields = Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus, name: "  ", volume: "banyak")
        let refused = try op.postMultipart("/kerja/formulir", fields, files: [], csrf: form.csrf)
        #expect(refused.status == 422 && refused.body.contains("Ada yang perlu diperbaiki"))
        #expect(refused.body.contains("id=\"nama_pengusul-error\">Isi nama pengusul"))
        #expect(refused.body.contains("id=\"volume-error\">Isi volume dengan angka bulat"))
        #expect(refused.body.contains("id=\"pindaian-error\">Lampirkan pindaian atau foto formulir"))
        #expect(refused.body.contains("value=\"Perbaikan jalan Gang Kenanga\"") && refused.body.contains("value=\"banyak\""))
        // A file that is not a PDF, JPEG or PNG is named; an RT of another kelurahan is refused.
        let otherRT: Int64 = try #require(try world.database.read { db in
            try db.scalar("SELECT rt.id FROM rt JOIN rw ON rw.id = rt.rw_id WHERE rw.kelurahan_id = ?", [scene.otherKelurahan.rawValue])
        })
        let wrong = try op.postMultipart("/kerja/formulir", Self.answers(rt: RTID(otherRT), kamus: scene.residents.kamus),
                                         files: [Self.scan(Array("GIF89a....".utf8), name: "foto.gif")], csrf: form.csrf)
        #expect(wrong.status == 422 && wrong.body.contains("Berkas &quot;foto.gif&quot; tidak dapat dipakai"))
        #expect(wrong.body.contains("id=\"rt-error\">Pilih RT/RW pengusul dari daftar."))
        #expect(try scene.proposalCount() == 0)
    }

    @Test func theScanIsHeldAcrossARefusalAndDelegatesNeedNone() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let form = try op.get("/kerja/formulir")
        let untitled = Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus, title: "")
        let refused = try op.postMultipart("/kerja/formulir", untitled,
                                           files: [MultipartFile(field: "pindaian", fileName: "foto-formulir.png", contentType: "image/png",
                                                                 bytes: OperatorScene.png)], csrf: form.csrf)
        #expect(refused.status == 422 && refused.body.contains("Pindaian tersimpan: <strong>foto-formulir.png</strong>"))
        let token = try #require(refused.hidden("pindaian_token"))
        #expect(!token.isEmpty)
        // Another operator's session cannot use the held scan.
        let other = try scene.browser("op1", address: "10.0.1.2:1")
        let stolen = try other.postMultipart("/kerja/formulir", Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus)
                                             + [("pindaian_token", token)], files: [], csrf: try other.get("/kerja/formulir").csrf)
        #expect(stolen.status == 422 && stolen.body.contains("id=\"pindaian-error\""))
        let saved = try op.postMultipart("/kerja/formulir", Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus)
                                         + [("pindaian_token", token)], files: [], csrf: form.csrf)
        #expect(saved.status == 303)
        let proposal = try #require(try world.service.proposals(ProposalFilter(cycleId: scene.residents.cycleId)).first)
        #expect(try world.service.attachments(of: .id(proposal.id), viewer: .actor(scene.operatorActor)).map(\.mediaType) == ["image/png"])
        // Live entry by the meeting's delegates: no paper, no scan.
        let live = Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus, name: "Delegasi RW 01", source: "delegasi")
        #expect(try op.postMultipart("/kerja/formulir", live, files: [], csrf: form.csrf).status == 303)
        #expect(try scene.proposalCount() == 2)
        // How each came in is the note of its creation, on the timeline the verifier and the public read.
        let notes = try world.service.proposals(ProposalFilter(cycleId: scene.residents.cycleId)).map { p in
            try world.service.proposalDetail(.id(p.id), viewer: .actor(scene.operatorActor)).publicView.events.first { $0.action == .buat }?.note
        }
        #expect(notes == ["Formulir kertas bertanda tangan", "Diinput langsung oleh delegasi masyarakat saat Musrenbang berlangsung"])
    }

    @Test func hitungBiayaShowsTheCostAndStoresNothing() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        let op = try scene.browser("op1")
        let form = try op.get("/kerja/formulir")
        let fields = Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus, volume: "1.200").map {
            $0.0 == "aksi" ? ("aksi", "hitung") : $0
        }
        let costed = try op.postMultipart("/kerja/formulir", fields, files: [], csrf: form.csrf)
        #expect(costed.status == 200 && costed.body.contains("Perkiraan biaya: <strong>Rp 420.000.000</strong>"))
        #expect(costed.body.contains("value=\"Pak Slamet\"") && !costed.body.contains("Ada yang perlu diperbaiki"))
        #expect(try scene.proposalCount() == 0)
    }

    /// At the kelurahan Musrenbang (the pra-Musrenbang closed) the form takes the delegates' live entry only: a paper
    /// form is refused with everything kept; the live entry goes straight into the kelurahan verification, its timeline
    /// saying how it came in.
    @Test func atTheKelurahanMusrenbangOnlyTheDelegatesLiveEntryIsTaken() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 8, hour: 9))      // the kelurahan stage
        let op = try scene.browser("op1")
        let form = try op.get("/kerja/formulir")
        #expect(form.status == 200 && form.body.contains("hanya dapat dimasukkan sebagai usulan yang diinput langsung oleh delegasi"))
        #expect(form.body.contains("value=\"delegasi\" checked"))
        let refused = try op.postMultipart("/kerja/formulir", Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus),
                                           files: [Self.scan()], csrf: form.csrf)
        #expect(refused.status == 422 && refused.body.contains("Usulan belum dapat disimpan"))
        #expect(refused.body.contains("value=\"Perbaikan jalan Gang Kenanga\""))
        #expect(try scene.proposalCount() == 0)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM attachment_contents") as Int64? } == 0)

        let live = Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus, source: "delegasi")
        let saved = try op.postMultipart("/kerja/formulir", live, files: [], csrf: refused.csrf)
        #expect(saved.status == 303)
        let rows = try world.database.read { db in
            try db.query("SELECT p.stage, p.status, e.action, e.note FROM proposals p JOIN proposal_events e ON e.proposal_id = p.id ORDER BY e.id")
        }
        #expect(rows.map { try! $0.get("action", as: String.self) } == ["buat", "ajukan"])
        #expect(rows.allSatisfy { (try? $0.get("stage", as: String.self)) == "kelurahan" && (try? $0.get("status", as: String.self)) == "verifikasi" })
        #expect((try rows[0].get("note", as: String?.self)) == EntryChannel.liveMeeting.displayName)
    }

    @Test func outsideThePraMusrenbangAndTheKelurahanMusrenbangTheRuleIsShownAndNothingIsStored() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 13, hour: 9))     // the kecamatan stage
        let op = try scene.browser("op1")
        let form = try op.get("/kerja/formulir")
        #expect(form.status == 200 && form.body.contains("Usulan baru hanya dapat disimpan selama tahap"))
        for source in ["formulir", "delegasi"] {
            let answers = Self.answers(rt: scene.residents.rt, kamus: scene.residents.kamus, source: source)
            let refused = try op.postMultipart("/kerja/formulir", answers, files: [Self.scan()], csrf: form.csrf)
            #expect(refused.status == 422 && refused.body.contains("Usulan belum dapat disimpan"), "\(source)")
        }
        #expect(try scene.proposalCount() == 0)
    }
}
