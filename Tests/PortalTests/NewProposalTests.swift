import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("A resident's new proposal: place, form, check page, confirmation")
struct NewProposalTests {
    /// The world in the pra-Musrenbang window, with a bidang and two kamus items (one inactive).
    func world() throws -> (PortalWorld, KamusItem, RTID) {
        let world = try PortalWorld()
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 3, hour: 10))
        let (item, rt) = try world.database.write { db -> (KamusItem, RTID) in
            let catalog = CatalogRepository(db)
            let bidang = try catalog.insertBidang(code: "FP", name: "Fisik dan Prasarana")
            let opd = try catalog.insertOPD(code: "DPUPR", name: "Dinas Pekerjaan Umum", shortName: "DPUPR")
            var item = KamusItem(id: KamusID(0), code: "K-1", name: "Saluran drainase", bidangId: bidang, opdId: opd, unit: "meter",
                                 unitPrice: 1_500_000, isFisik: true)
            item.id = try catalog.insertKamus(item)
            var old = item
            old.code = "K-0"; old.name = "Kegiatan lama"; old.active = false
            _ = try catalog.insertKamus(old)
            let rt: Int64 = try db.scalar("SELECT id FROM rt LIMIT 1") ?? 0
            return (item, RTID(rt))
        }
        return (world, item, rt)
    }

    func answers(_ item: KamusItem, _ rt: RTID, volume: String = "1.200") -> [(String, String)] {
        [("rt", String(rt.rawValue)), ("kamus", String(item.id.rawValue)), ("volume", volume), ("title", "Saluran <Gang Melati>"),
         ("problem", "Saluran tersumbat."), ("expected_output", "Saluran 1.200 meter"), ("expected_outcome", "Tidak banjir"),
         ("location", "Gang Melati"), ("latitude", "-6,30"), ("longitude", "106,71"), ("beneficiaries", "160")]
    }

    @Test func aResidentChoosesThePlaceFillsChecksAndSends() throws {
        let (world, item, rt) = try world()
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        #expect(try browser.get("/usulan/baru").body.contains("Pondok Karya"))
        let rtStep = try browser.get("/usulan/baru?kelurahan=\(world.kelurahan.rawValue)")
        #expect(rtStep.body.contains("<optgroup label=\"RW 01\">") && rtStep.body.contains("RT 01/RW 01"))
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        #expect(form.status == 200 && form.body.contains("Saluran drainase (Rp 1.500.000 per meter)") && !form.body.contains("Kegiatan lama"))
        // "Hitung biaya" shows the cost without JavaScript.
        let counted = try browser.post("/usulan/baru", answers(item, rt) + [("aksi", "hitung")], csrf: form.csrf)
        #expect(counted.status == 200 && counted.body.contains("Rp 1.800.000.000"))
        // The check page shows every answer (escaped), the cost, and an "Ubah" for each.
        let check = try browser.post("/usulan/baru", answers(item, rt) + [("aksi", "periksa")], csrf: form.csrf)
        #expect(check.status == 200 && check.body.contains("Periksa usulan Anda") && check.body.contains("Saluran &lt;Gang Melati&gt;"))
        #expect(check.body.contains("name=\"ubah\" value=\"title\""))
        let back = try browser.post("/usulan/baru", answers(item, rt) + [("ubah", "title")], csrf: check.csrf)
        #expect(back.body.contains("value=\"Saluran &lt;Gang Melati&gt;\"") && back.body.contains("autofocus"))
        let token = try #require(check.body.range(of: "name=\"formulir\" value=\"").map { String(check.body[$0.upperBound...].prefix(64)) })
        let sent = try browser.post("/usulan/baru", answers(item, rt) + [("formulir", token), ("aksi", "kirim")], csrf: check.csrf)
        #expect(sent.status == 303 && sent.location == "/usulan/baru/terkirim/TGS-2027-000001")
        // Pressed twice: the same result, no second proposal.
        let again = try browser.post("/usulan/baru", answers(item, rt) + [("formulir", token), ("aksi", "kirim")], csrf: check.csrf)
        #expect(again.status == 303 && again.location == sent.location)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM proposals") as Int? } == 1)
        let receipt = try browser.get(try #require(sent.location))
        #expect(receipt.status == 200 && receipt.body.contains("<p class=\"code\">TGS-2027-000001</p>"))
        #expect(receipt.body.contains("Ketua RT") && receipt.body.contains("/lacak?kode=TGS-2027-000001"))
        let stored = try world.service.proposal(.code(try #require(TrackingCode(parsing: "TGS-2027-000001"))))
        #expect(stored.state == ProposalState(.praMusrenbang, .diajukan) && stored.cost == 1_800_000_000 && stored.unitPrice == 1_500_000)
        #expect(stored.expectedOutput == "Saluran 1.200 meter" && stored.latitude == -6.3 && stored.origin.rtId == rt)
        // Nobody else sees that receipt.
        try world.service.createAccount(username: "warga2", displayName: "Warga Dua", roles: [try RoleAssignment(role: .warga, scope: .selfOnly)],
                                        password: world.password)
        let other = world.browser(address: "10.0.0.9:1")
        try other.signIn("warga2", world.password)
        #expect(try other.get("/usulan/baru/terkirim/TGS-2027-000001").status == 404)
    }

    /// The check page's form token is claimed in the transaction that sends the proposal: a send the engine refuses keeps
    /// no claim, so the same page sent again once the rule allows it sends the proposal, and only once.
    @Test func aRefusedSendLeavesItsCheckPageSendable() throws {
        let (world, item, rt) = try world()
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 5, hour: 23))
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        let check = try browser.post("/usulan/baru", answers(item, rt) + [("aksi", "periksa")], csrf: form.csrf)
        let token = try #require(check.body.range(of: "name=\"formulir\" value=\"").map { String(check.body[$0.upperBound...].prefix(64)) })
        let send = answers(item, rt) + [("formulir", token), ("aksi", "kirim")]
        // The window closes (at midnight) before "Kirim usulan" is pressed: refused with the rule, nothing stored ...
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 6, hour: 0))
        let late = try browser.post("/usulan/baru", send, csrf: check.csrf)
        #expect(late.status == 422 && late.body.contains("belum dibuka atau sudah ditutup"))
        // ... and while it is open (here: the clock back, as an extension of the window would), the same page sends it.
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 5, hour: 23))
        let sent = try browser.post("/usulan/baru", send, csrf: check.csrf)
        #expect(sent.status == 303 && sent.location == "/usulan/baru/terkirim/TGS-2027-000001")
        let again = try browser.post("/usulan/baru", send, csrf: check.csrf)
        #expect(again.status == 303 && again.location == sent.location)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM proposals") as Int? } == 1)
    }

    @Test func aWrongFormComesBackWithEveryErrorAndEveryAnswer() throws {
        let (world, item, rt) = try world()
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        var wrong = answers(item, rt, volume: "12x").filter { $0.0 != "title" && $0.0 != "problem" } + [("title", " "), ("problem", "")]
        wrong = wrong.map { $0.0 == "latitude" ? ("latitude", "utara") : $0 }
        let refused = try browser.post("/usulan/baru", wrong + [("aksi", "periksa")], csrf: form.csrf)
        #expect(refused.status == 422 && refused.body.contains("Ada yang perlu diperbaiki"))
        for anchor in ["#volume", "#title", "#problem", "#latitude"] { #expect(refused.body.contains("href=\"\(anchor)\""), "\(anchor)") }
        #expect(refused.body.contains("value=\"12x\"") && refused.body.contains("value=\"utara\"") && refused.body.contains("Gang Melati"))
        // A forged kamus id (inactive or unknown) is a field error too, and nothing is stored.
        for kamus in ["2", "999"] {
            let forged = answers(item, rt).map { $0.0 == "kamus" ? ("kamus", kamus) : $0 }
            let page = try browser.post("/usulan/baru", forged + [("aksi", "kirim")], csrf: form.csrf)
            #expect(page.status == 422 && page.body.contains("Pilih kegiatan dari kamus usulan"))
        }
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM proposals") as Int? } == 0)
        // Outside the window the engine's rule is shown, the answers stay.
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 20))
        try browser.signIn("warga1", world.password)
        let lateForm = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        #expect(lateForm.status == 200 && lateForm.body.contains("sudah ditutup pada") && !lateForm.body.contains("name=\"kamus\""))
        let late = try browser.post("/usulan/baru", answers(item, rt) + [("aksi", "kirim")], csrf: lateForm.csrf)
        #expect(late.status == 422 && late.body.contains("belum dibuka atau sudah ditutup") && late.body.contains("Gang Melati"))
    }

    @Test func draftsAreSavedAndStaffUseTheirWorkspace() throws {
        let (world, item, rt) = try world()
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        let saved = try browser.post("/usulan/baru", answers(item, rt) + [("aksi", "draf")], csrf: form.csrf)
        #expect(saved.status == 303 && saved.location == "/usulan/saya")
        let draft = try world.service.proposal(.code(try #require(TrackingCode(parsing: "TGS-2027-000001"))))
        #expect(draft.state == ProposalState(.praMusrenbang, .draft))
        let staff = world.browser(address: "10.0.0.5:1")
        try staff.signIn("op.pk", world.password)
        _ = try staff.post("/peran", [("peran", "operator_kelurahan|kelurahan:\(world.kelurahan.rawValue)"), ("kembali", "/")],
                           csrf: try staff.get("/peran").csrf)
        let refused = try staff.get("/usulan/baru")
        #expect(refused.status == 403 && refused.body.contains("ruang kerja kelurahan"))
        #expect(try world.browser(address: "10.0.0.6:1").get("/usulan/baru").location == "/masuk?kembali=/usulan/baru")
    }

    @Test func aDraftIsEditedThenSentOnceAndAStaleFormIsToldSo() throws {
        let (world, item, rt) = try world()
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        _ = try browser.post("/usulan/baru", answers(item, rt) + [("aksi", "draf")], csrf: form.csrf)
        let edit = try browser.get("/usulan/TGS-2027-000001/ubah")
        #expect(edit.status == 200 && edit.body.contains("Ubah usulan TGS-2027-000001") && edit.body.contains("value=\"Gang Melati\""))
        #expect(edit.body.contains("name=\"versi\" value=\"1\"") && !edit.body.contains("Ganti lokasi"))
        var changed = answers(item, rt, volume: "10").map { $0.0 == "title" ? ("title", "Saluran baru") : $0 }
        changed.append(("versi", "1"))
        let saved = try browser.post("/usulan/TGS-2027-000001/ubah", changed + [("aksi", "draf")], csrf: edit.csrf)
        #expect(saved.status == 303)
        // The same form sent again (version 1) is stale now: the 409 page, nothing overwritten.
        let stale = try browser.post("/usulan/TGS-2027-000001/ubah", changed.map { $0.0 == "title" ? ("title", "Tertimpa") : $0 }
                                        + [("aksi", "draf")], csrf: edit.csrf)
        #expect(stale.status == 409 && stale.body.contains("Usulan sudah berubah"))
        let code = try #require(TrackingCode(parsing: "TGS-2027-000001"))
        #expect(try world.service.proposal(.code(code)).title == "Saluran baru")
        let fresh = try browser.get("/usulan/TGS-2027-000001/ubah")
        let sent = try browser.post("/usulan/TGS-2027-000001/ubah", answers(item, rt, volume: "10") + [("versi", "2"), ("aksi", "kirim")],
                                    csrf: fresh.csrf)
        #expect(sent.status == 303)
        let stored = try world.service.proposal(.code(code))
        #expect(stored.state == ProposalState(.praMusrenbang, .diajukan) && stored.cost == 15_000_000)
        #expect(try browser.get("/usulan/TGS-2027-000001/ubah").status == 409)
        try world.service.createAccount(username: "warga3", displayName: "Warga Tiga", roles: [try RoleAssignment(role: .warga, scope: .selfOnly)],
                                        password: world.password)
        let other = world.browser(address: "10.0.0.11:1")
        try other.signIn("warga3", world.password)
        #expect(try other.get("/usulan/TGS-2027-000001/ubah").status == 404)
    }

    @Test func aResidentWithAHomeRTStartsAtTheForm() throws {
        let (world, _, rt) = try world()
        try world.database.write { db in try db.execute("UPDATE accounts SET home_rt_id = ? WHERE username = 'warga1'", [rt.rawValue]) }
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru")
        #expect(form.body.contains("RT 01/RW 01, Kelurahan Pondok Karya") && form.body.contains("name=\"rt\" value=\"\(rt.rawValue)\""))
        #expect(try browser.get("/usulan/baru?pilih=1").body.contains("Pilih kelurahan"))
    }

    /// Text a person typed is shown as text everywhere: the check page, the receipt, their list and page, the RT's page.
    @Test func typedTextIsEscapedOnEveryPageThatShowsIt() throws {
        let (world, item, rt) = try world()
        let hostile = "<script>alert(1)</script> \"onmouseover=alert(2) 'kutip'"
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2) &#39;kutip&#39;"
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        let form = try browser.get("/usulan/baru?rt=\(rt.rawValue)")
        let fields = answers(item, rt).map { field -> (String, String) in
            ["title", "problem", "expected_output", "expected_outcome", "location"].contains(field.0) ? (field.0, hostile) : field
        }
        let check = try browser.post("/usulan/baru", fields + [("aksi", "periksa")], csrf: form.csrf)
        let refused = try browser.post("/usulan/baru", fields.map { $0.0 == "volume" ? ("volume", "x") : $0 } + [("aksi", "periksa")],
                                       csrf: form.csrf)
        let sent = try browser.post("/usulan/baru", fields + [("aksi", "kirim")], csrf: form.csrf)
        let pages = [check.body, refused.body, try browser.get(try #require(sent.location)).body, try browser.get("/usulan/saya").body,
                     try browser.get("/usulan/saya/TGS-2027-000001").body]
        for (index, body) in pages.enumerated() {
            #expect(!body.contains("<script>alert") && !body.contains("\"onmouseover=") && !body.contains("'kutip'"), "page \(index)")
            #expect(body.contains(escaped), "page \(index)")
        }
    }
}
