import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("The kota stage at /kerja/penetapan")
struct RatificationTests {
    /// 22 December 2026: the Musrenbang kota (21 - 26 December).
    static let insideKota = WIBTime.date(year: 2026, month: 12, day: 22, hour: 9)

    /// Funded proposals of Ciputat Timur: at the OPD level (DPUPR's forum, Rp 1 M ceiling) unless `level` says
    /// kelurahan; the clock inside the kota window.
    static func funded(_ scene: VerifierScene, _ title: String, level: Level = .opd) throws -> Proposal {
        let world = scene.world
        try world.database.write { db in
            try CeilingRepository(db).setOPDCeiling(cycleId: scene.residents.cycleId, opdId: scene.opd, amount: 1_000_000_000)
        }
        var proposal = try scene.placed(title, in: ProposalState(.opd, .didanai))
        if level == .kelurahan {
            try world.database.write { db in
                try db.execute("UPDATE proposals SET stage = 'kelurahan', routed_opd_id = NULL, envelope_level = 'kelurahan', envelope_owner_id = ? WHERE id = ?",
                               [world.kelurahan.rawValue, proposal.id.rawValue])
            }
            proposal = try scene.current(proposal)
        }
        world.clock.set(insideKota)
        return proposal
    }

    static func bappeda(_ world: PortalWorld, _ address: String = "10.4.0.1:1") throws -> TestBrowser {
        try VerificationTests.signedIn(world, "bappeda", address)
    }

    @Test func bappedaSeesTheFinalListWithTotalsFiltersItAndRatifiesOne() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let road = try Self.funded(scene, "Perbaikan jalan Gang Mawar")                       // 120 m: Rp 42.000.000
        let lane = try Self.funded(scene, "Paving Gang Melati", level: .kelurahan)
        let bappeda = try Self.bappeda(world)
        let list = try bappeda.get("/kerja/penetapan")
        #expect(list.status == 200 && list.body.contains("Menunggu penetapan <span class=\"count\">2</span>"))
        #expect(list.body.contains(road.trackingCode.description) && list.body.contains(lane.trackingCode.description))
        #expect(list.body.contains("<tfoot><tr><th scope=\"row\">Jumlah</th><td class=\"num\">2 usulan<br>Rp 84.000.000</td>"))
        #expect(list.body.contains("<th scope=\"row\">Kelurahan</th><td class=\"num\">1 usulan<br>Rp 42.000.000</td>"))
        let kelurahanOnly = try bappeda.get("/kerja/penetapan?status=menunggu&tingkat=kelurahan")
        #expect(kelurahanOnly.body.contains(lane.trackingCode.description) && !kelurahanOnly.body.contains(road.trackingCode.description))
        let serpong = try bappeda.get("/kerja/penetapan?status=menunggu&kecamatan=\(scene.otherKecamatan.rawValue)")
        #expect(!serpong.body.contains(road.trackingCode.description) && serpong.body.contains("Tidak ada usulan dalam daftar ini."))
        let code = road.trackingCode.description
        let page = try bappeda.get("/kerja/penetapan/\(code)?kembali=%2Fkerja%2Fpenetapan%3Fstatus%3Dmenunggu")
        #expect(page.status == 200 && page.body.contains("id=\"penetapan\"") && page.body.contains("Koreksi Bappeda"))
        let done = try bappeda.post("/kerja/penetapan/\(code)", [("versi", try #require(page.hidden("versi"))), ("keputusan", "tetapkan"),
                                                                 ("kembali", try #require(page.hidden("kembali")))], csrf: page.csrf)
        #expect(done.status == 303 && done.location == "/kerja/penetapan?status=menunggu")
        let back = try bappeda.get("/kerja/penetapan")
        #expect(back.body.contains("Usulan \(code) ditetapkan.") && back.body.contains("Ditetapkan <span class=\"count\">1</span>"))
        #expect(try scene.current(road).state == BappedaDesk.ratified)
        // The staff home lists the task with what waits.
        let home = try bappeda.get("/kerja")
        #expect(home.body.contains("href=\"/kerja/penetapan\"") && home.body.contains("<strong>1</strong> usulan menunggu"))
    }

    @Test func severalAtOnceWithOneReason() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let a = try Self.funded(scene, "Jalan A"), b = try Self.funded(scene, "Jalan B"), c = try Self.funded(scene, "Jalan C")
        let bappeda = try Self.bappeda(world)
        let list = try bappeda.get("/kerja/penetapan")
        func pick(_ p: Proposal) -> (String, String) { ("pilih", "\(p.trackingCode)@\(p.version)") }
        let noReason = try bappeda.post("/kerja/penetapan", [pick(c), ("keputusan", "tidak-tetapkan"), ("alasan-bersama", "")], csrf: list.csrf)
        #expect(noReason.status == 422 && noReason.body.contains("id=\"alasan-bersama-error\"") && noReason.body.contains("value=\"\(c.trackingCode)@\(c.version)\" checked"))
        #expect(try scene.current(c).state == ProposalState(.opd, .didanai))
        #expect(try bappeda.post("/kerja/penetapan", [pick(a), pick(b), ("keputusan", "tetapkan")], csrf: list.csrf).status == 303)
        #expect(try bappeda.get("/kerja/penetapan").body.contains("2 usulan ditetapkan"))
        #expect(try bappeda.post("/kerja/penetapan", [pick(c), ("keputusan", "tidak-tetapkan"), ("alasan-bersama", "Anggaran daerah tidak cukup.")],
                                 csrf: list.csrf).status == 303)
        #expect(try scene.current(a).state == BappedaDesk.ratified && scene.current(b).state == BappedaDesk.ratified)
        #expect(try scene.current(c).state == BappedaDesk.notRatified)
        let tab = try bappeda.get("/kerja/penetapan?status=tidak-ditetapkan")
        #expect(tab.body.contains(c.trackingCode.description) && !tab.body.contains(a.trackingCode.description))
    }

    @Test func thePrintedFinalListGroupsTheRatifiedByOPDWithTheReasonsOfTheRest() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let a = try Self.funded(scene, "Jalan <A>"), b = try Self.funded(scene, "Jalan B"), c = try Self.funded(scene, "Jalan C")
        let waiting = try Self.funded(scene, "Jalan D", level: .kelurahan)
        let bappeda = try Self.bappeda(world)
        let list = try bappeda.get("/kerja/penetapan")
        #expect(list.body.contains("href=\"/kerja/penetapan/cetak\""))
        func pick(_ p: Proposal) -> (String, String) { ("pilih", "\(p.trackingCode)@\(p.version)") }
        #expect(try bappeda.post("/kerja/penetapan", [pick(a), pick(b), ("keputusan", "tetapkan")], csrf: list.csrf).status == 303)
        #expect(try bappeda.post("/kerja/penetapan", [pick(c), ("keputusan", "tidak-tetapkan"), ("alasan-bersama", "Anggaran tidak cukup.")],
                                 csrf: list.csrf).status == 303)
        let printed = try bappeda.get("/kerja/penetapan/cetak")
        #expect(printed.status == 200)
        let body = printed.body
        // A draft while one waits; the two ratified under their OPD with the T-D.4 columns and the OPD's subtotal.
        #expect(body.contains("<strong>DRAF</strong>: masih ada 1 usulan yang menunggu penetapan"))
        #expect(body.contains("<tr><th scope=\"row\">Usulan ditetapkan</th><td>2 usulan, Rp 84.000.000</td></tr>"))
        #expect(body.contains("<th scope=\"col\">Perangkat Daerah Penanggung Jawab</th>") && body.contains("Jalan &lt;A&gt;"))
        let sectionA = try #require(body.range(of: "<h2>A. "))
        let sectionB = try #require(body.range(of: "<h2>B. "))
        let ratifiedPart = body[sectionA.upperBound..<sectionB.lowerBound]
        #expect(ratifiedPart.contains(a.trackingCode.description) && ratifiedPart.contains(b.trackingCode.description))
        #expect(!ratifiedPart.contains(c.trackingCode.description) && !ratifiedPart.contains(waiting.trackingCode.description))
        #expect(ratifiedPart.contains("<td class=\"num\">Rp 84.000.000</td>"))
        let rest = body[sectionB.lowerBound...]
        #expect(rest.contains(c.trackingCode.description) && rest.contains("Anggaran tidak cukup."))
    }

    @Test func refusalsOutsideTheWindowAfterTheKotaLockAndStale() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let road = try Self.funded(scene, "Jalan A")
        let code = road.trackingCode.description
        let first = try Self.bappeda(world), second = try Self.bappeda(world, "10.4.0.2:1")
        let pageOne = try first.get("/kerja/penetapan/\(code)"), pageTwo = try second.get("/kerja/penetapan/\(code)")
        let missing = try first.post("/kerja/penetapan/\(code)", [("versi", String(road.version)), ("keputusan", "tidak-tetapkan"), ("alasan", " ")],
                                     csrf: pageOne.csrf)
        #expect(missing.status == 422 && missing.body.contains("id=\"alasan-error\""))
        #expect(try first.post("/kerja/penetapan/\(code)", [("versi", String(road.version)), ("keputusan", "tetapkan")], csrf: pageOne.csrf).status == 303)
        let late = try second.post("/kerja/penetapan/\(code)", [("versi", String(road.version)), ("keputusan", "tidak-tetapkan"), ("alasan", "Tidak.")],
                                   csrf: pageTwo.csrf)
        #expect(late.status == 409 && late.body.contains("Data sudah berubah"))
        #expect(try scene.current(road).state == BappedaDesk.ratified)
        // The kota's berita acara signed: no decision form, and a decision is refused with the rule.
        let other = try Self.funded(scene, "Jalan B")
        try scene.lock(.kota)
        let locked = try first.get("/kerja/penetapan/\(other.trackingCode)")
        #expect(!locked.body.contains("id=\"penetapan\"") && locked.body.contains("sudah ditandatangani"))
        let refused = try first.post("/kerja/penetapan/\(other.trackingCode)", [("versi", String(other.version)), ("keputusan", "tetapkan")], csrf: pageOne.csrf)
        #expect(refused.status == 422 && refused.body.contains("Tidak dapat dilakukan"))
        // Outside the window.
        let world2 = try PortalWorld()
        let scene2 = try world2.verifiers()
        let early = try Self.funded(scene2, "Jalan C")
        world2.clock.set(VerifierScene.insideOPD)
        let browser = try Self.bappeda(world2)
        let page = try browser.get("/kerja/penetapan/\(early.trackingCode)")
        #expect(page.body.contains("sedang tidak berlangsung") && !page.body.contains("id=\"penetapan\""))
        let outside = try browser.post("/kerja/penetapan/\(early.trackingCode)", [("versi", String(early.version)), ("keputusan", "tetapkan")], csrf: page.csrf)
        #expect(outside.status == 422 && outside.body.contains("Tidak dapat dilakukan"))
        #expect(try scene2.current(early).state == ProposalState(.opd, .didanai))
    }

    @Test func bappedaCorrectsALockedResultWithAReasonLogged() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let road = try Self.funded(scene, "Jalan A")
        try scene.lock(.opd(scene.opd))
        let code = road.trackingCode.description
        let bappeda = try Self.bappeda(world)
        let page = try bappeda.get("/kerja/penetapan/\(code)")
        let version = String(road.version)
        let noReason = try bappeda.post("/kerja/penetapan/\(code)/koreksi", [("versi", version), ("tujuan", "opd:f2"), ("alasan-koreksi", "")], csrf: page.csrf)
        #expect(noReason.status == 422 && noReason.body.contains("id=\"alasan-koreksi-error\""))
        let same = try bappeda.post("/kerja/penetapan/\(code)/koreksi", [("versi", version), ("tujuan", "opd:didanai"), ("alasan-koreksi", "Uji.")],
                                    csrf: page.csrf)
        #expect(same.status == 422 && same.body.contains("tidak mengubah apa pun"))
        // 100 m of road at Rp 350.000 is at least Rp 35.000.000.
        let below = try bappeda.post("/kerja/penetapan/\(code)/koreksi", [("versi", version), ("tujuan", "opd:didanai"), ("volume", "100"),
                                                                          ("biaya", "30.000.000"), ("alasan-koreksi", "Volume dikurangi.")], csrf: page.csrf)
        #expect(below.status == 422 && below.body.contains("id=\"biaya-error\""))
        #expect(try scene.current(road).version == road.version)
        let corrected = try bappeda.post("/kerja/penetapan/\(code)/koreksi", [("versi", version), ("tujuan", "opd:f2"),
                                                                              ("alasan-koreksi", "Salah catat pada forum OPD.")], csrf: page.csrf)
        #expect(corrected.status == 303 && corrected.location?.hasPrefix("/kerja/penetapan/\(code)") == true)
        #expect(try bappeda.get(try #require(corrected.location)).body.contains("Usulan \(code) dikoreksi"))
        let now = try scene.current(road)
        #expect(now.state == ProposalState(.opd, .f2))
        let events = try world.database.read { db in try EventRepository(db).history(of: road.id) }
        #expect(events.last?.action == .koreksi && events.last?.note == "Salah catat pada forum OPD." && events.last?.flags.contains(.lockedLevelCorrected) == true)
        // A stale correction: the 409 page.
        let stale = try bappeda.post("/kerja/penetapan/\(code)/koreksi", [("versi", version), ("tujuan", "opd:didanai"), ("alasan-koreksi", "Lagi.")],
                                     csrf: page.csrf)
        #expect(stale.status == 409)
    }

    @Test func everyRouteForEveryVisitor() throws {
        let world = try PortalWorld()
        let scene = try world.verifiers()
        let road = try Self.funded(scene, "Jalan A")
        let code = road.trackingCode.description
        let version = String(road.version)
        typealias Row = VerificationAuthorizationTests.Row
        // Visitors: nobody, a resident, a Ketua RT, an operator kelurahan, a camat (another role), Bappeda.
        let rows = [
            Row(method: "GET", path: "/kerja/penetapan", fields: [], statuses: [303, 403, 403, 403, 403, 200]),
            Row(method: "GET", path: "/kerja/penetapan/\(code)", fields: [], statuses: [303, 403, 403, 403, 403, 200]),
            Row(method: "GET", path: "/kerja/penetapan/cetak", fields: [], statuses: [303, 403, 403, 403, 403, 200]),
            Row(method: "POST", path: "/kerja/penetapan/\(code)/koreksi", fields: [("versi", version), ("tujuan", "opd:didanai"), ("alasan-koreksi", "Uji.")],
                statuses: [303, 403, 403, 403, 403, 422]),
            Row(method: "POST", path: "/kerja/penetapan", fields: [("pilih", "\(code)@\(version)"), ("keputusan", "tetapkan")],
                statuses: [303, 403, 403, 403, 403, 303]),
            Row(method: "POST", path: "/kerja/penetapan/\(code)", fields: [("versi", version), ("keputusan", "tetapkan")], statuses: [303, 403, 403, 403, 403, 409]),
        ]
        let failures = try VerificationAuthorizationTests.check(world, outside: "camat.cpt", inside: "bappeda", rows: rows)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(try scene.current(road).state == BappedaDesk.ratified)
        for username in ["verif.pk", "opd.pu"] {
            #expect(try VerificationTests.signedIn(world, username, "10.6.0.2:1").get("/kerja/penetapan").status == 403, "\(username)")
        }
    }
}
