import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// The allocation screen of a meeting with many candidates within the page budget (`docs/portal.md`: HTML + CSS + JS
/// <= 100 KB): F1 and F2 each a page at a time, every decision of the run on exactly one page of its list.
@Suite("The allocation screen's weight with many candidates")
struct AllocationPageWeightTests {
    /// 300 cheap proposals (Rp 1.000, all fit the Rp 10.000.000 ceiling: F1) and 300 dear ones (Rp 11.000.000, none
    /// fits: F2) beside the scene's three: listed in full the page weighs about 240 KB.
    static let cheap = 300
    static let dear = 300

    @Test func eachListIsPagedUnderTheBudgetAndShowsEveryDecisionOnce() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        try Self.addCandidates(scene)
        let browser = try scene.browser("lurah.pk")
        let first = try browser.get("/kerja/alokasi")
        #expect(try browser.post("/kerja/alokasi", [], csrf: first.csrf).status == 303)
        let run = try world.service.latestAllocationRun(.kelurahan(world.kelurahan), cycleId: scene.cycleId, viewer: .actor(scene.lurah))
        let funded = run.decisions.filter(\.funded).map(\.trackingCode.description)
        let passed = run.decisions.filter { !$0.funded }.map(\.trackingCode.description)
        #expect(funded.count >= Self.cheap && passed.count >= Self.dear)

        let page = try browser.get("/kerja/alokasi")
        #expect(page.status == 200)
        let weight = try RecapPageWeightTests.weight(page.body)
        #expect(weight <= RecapPageWeightTests.budgetBytes, "/kerja/alokasi weighs \(weight) B")
        #expect(page.body.contains("Menampilkan 1–50 dari \(funded.count) usulan."))
        #expect(page.body.contains("href=\"/kerja/berita-acara/cetak\">berita acara untuk dicetak</a>"))

        // Following each list's "Berikutnya" from the first page reaches every decision once, in the run's order.
        for (list, expected) in [("f1", funded), ("f2", passed)] {
            var shown: [String] = []
            var pages = 0
            var current: TestBrowser.Page? = page
            while let at = current {
                #expect(at.status == 200)
                let weight = try RecapPageWeightTests.weight(at.body)
                #expect(weight <= RecapPageWeightTests.budgetBytes, "page \(pages + 1) of \(list) weighs \(weight) B")
                shown += try Self.codes(list, in: at.body)
                pages += 1
                current = try Self.next(list, in: at.body).map { try browser.get($0) }
                if pages > expected.count { break }
            }
            #expect(shown == expected, "\(list): \(shown.count) shown of \(expected.count)")
            #expect(pages == (expected.count + AllocationPages.pageSize - 1) / AllocationPages.pageSize)
        }

        // A page past the end shows the last one; the other list's page stays where it was.
        let last = try browser.get("/kerja/alokasi?f1=2&f2=9999")
        #expect(try Self.codes("f1", in: last.body) == Array(funded[50..<100]))
        #expect(try Self.codes("f2", in: last.body) == Array(passed[((passed.count - 1) / 50 * 50)...]))
        #expect(try Self.next("f2", in: last.body) == nil)
        #expect(last.body.contains("href=\"/kerja/alokasi?f1=2&amp;f2=\((passed.count - 1) / 50)#f2\""), "the previous F2 page keeps F1's")
    }

    /// Adds the cheap and the dear candidates (accepted by the Lurah), and ranks every candidate with varied scores.
    private static func addCandidates(_ scene: MeetingScene) throws {
        let world = scene.world
        let cheapKamus = try world.database.write { db in
            let catalog = CatalogRepository(db)
            let item = try catalog.kamus(id: scene.kamus)
            return try catalog.insertKamus(KamusItem(id: KamusID(0), code: "JL-02", name: "Penambalan jalan", bidangId: item.bidangId,
                                                     opdId: item.opdId, unit: "titik", unitPrice: 1_000, isFisik: true))
        }
        world.clock.set(MeetingScene.insidePra)
        let submitted = try world.service.transaction { tx in
            try (0..<(cheap + dear)).map { index in
                let new = index < cheap
                    ? MeetingScene.newProposal("Tambal jalan \(index)", volume: 1, origin: scene.origin, kamus: cheapKamus)
                    : MeetingScene.newProposal("Jalan lingkungan \(index)", volume: 11, origin: scene.origin, kamus: scene.kamus)
                return try tx.submit(new, cycleId: scene.cycleId, by: scene.operatorKelurahan)
            }
        }
        world.clock.set(MeetingScene.insideKelurahan)
        let accepted = try world.service.transaction { tx in
            try submitted.map { try tx.apply(.terima, to: .id($0.id), by: scene.lurah, expectedVersion: $0.version) }
        }
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for (index, proposal) in ([scene.a, scene.b, scene.c] + accepted).enumerated() {
            scores[proposal.id] = Dictionary(uniqueKeysWithValues: scene.criteria.enumerated().map { n, criterion in
                (criterion.id, (index * (n + 2)) % 5 + 1)
            })
        }
        try world.service.rank(.kelurahan(world.kelurahan), cycleId: scene.cycleId, scores: scores, by: scene.lurah)
    }

    /// The tracking codes in list `list`'s table, in order.
    private static func codes(_ list: String, in body: String) throws -> [String] {
        let start = try #require(body.range(of: "<h2 id=\"\(list)\">")).upperBound
        let end = try #require(body.range(of: "</table>", range: start..<body.endIndex)).lowerBound
        var codes: [String] = []
        var rest = body[start..<end]
        while let open = rest.range(of: "<span class=\"code\">") {
            let code = rest[open.upperBound...].prefix { $0 != "<" }
            codes.append(String(code))
            rest = rest[open.upperBound...]
        }
        return codes
    }

    /// The address of list `list`'s next page (its "Berikutnya" link, unescaped, without the fragment); nil on the last.
    private static func next(_ list: String, in body: String) throws -> String? {
        let label = "aria-label=\"Halaman daftar \(list.uppercased())\""
        guard let nav = body.range(of: label) else { return nil }
        let navEnd = try #require(body.range(of: "</nav>", range: nav.upperBound..<body.endIndex)).lowerBound
        guard let link = body.range(of: "rel=\"next\" href=\"", range: nav.upperBound..<navEnd) else { return nil }
        let href = body[link.upperBound...].prefix { $0 != "\"" }.replacingOccurrences(of: "&amp;", with: "&")
        return String(href.prefix { $0 != "#" })
    }
}
