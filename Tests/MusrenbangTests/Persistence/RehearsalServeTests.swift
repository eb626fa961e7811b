import Foundation
import TestSupport
import Testing
@testable import Musrenbang

/// `musrenbang serve --rehearsal-at`: the real binary on a real database file. The option moves what the engine takes
/// as open and puts the "Mode latihan" banner on every page; without it the portal runs on the real date, bannerless.
@Suite("musrenbang serve --rehearsal-at", .serialized)
struct RehearsalServeTests {
    /// What the kelurahan's verifier met on one start: the home page and the answer to a "terima".
    struct Visit {
        let home: PortalClient.Answer
        let decision: PortalClient.Answer
    }

    /// Serves the world's database (at `rehearsal`, else on the real clock), signs the lurah in and accepts `proposal`
    /// (a form sent whether or not the page offers one: the engine decides).
    private func visit(_ world: TestWorld, at rehearsal: Date?, accepting proposal: Proposal) throws -> Visit {
        let code = proposal.trackingCode
        let portal = try rehearsal.map { try ServedPortal.rehearsing(world.temporary.path, at: $0) }
            ?? ServedPortal.start(database: world.temporary.path)
        defer { portal.stop() }
        let lurah = PortalClient(port: portal.port)
        #expect(try lurah.signIn("lurah", world.password))
        let home = try lurah.get("/")
        let page = try lurah.get("/kerja/verifikasi/\(code)")
        #expect(page.status == 200)
        let decision = try lurah.post("/kerja/verifikasi/\(code)", [
            ("_csrf", try #require(page.hiddenValue("_csrf"))), ("versi", String(proposal.version)),
            ("kembali", "/kerja/verifikasi"), ("keputusan", "terima"), ("alasan", ""),
        ])
        return Visit(home: home, decision: decision)
    }

    private func state(_ world: TestWorld, _ id: ProposalID) throws -> ProposalState {
        try world.database.read { db in try ProposalRepository(db).proposal(id: id) }.state
    }

    @Test func theOptionMovesTheOpenWindowAndShowsTheBanner() throws {
        let world = try TestWorld()
        let operatorKel = world.actor("op.kel0")
        let first = try world.service.submit(try world.newProposal(title: "Satu"), cycleId: world.cycle.id, by: operatorKel)
        let second = try world.service.submit(try world.newProposal(title: "Dua"), cycleId: world.cycle.id, by: operatorKel)

        // Rehearsed during the OPD forum: the kelurahan's window is closed, so the engine refuses (422, nothing moved).
        let opd = Fixture.inside(.opd)
        let late = try visit(world, at: opd, accepting: first)
        #expect(late.decision.status == 422, "\(late.decision.body.prefix(300))")
        #expect(late.home.body.contains("Mode latihan:</strong> tanggal portal \(WIBTime.formatDate(opd))"))
        #expect(try state(world, first.id) == ProposalState(.kelurahan, .verifikasi))

        // Rehearsed in the kelurahan's weeks: taken (303), and the banner names that day.
        let kelurahan = Fixture.inside(.kelurahan)
        let inside = try visit(world, at: kelurahan, accepting: second)
        #expect(inside.decision.status == 303, "\(inside.decision.body.prefix(300))")
        #expect(inside.home.body.contains("Mode latihan:</strong> tanggal portal \(WIBTime.formatDate(kelurahan))"))
        #expect(try state(world, second.id) == ProposalState(.kelurahan, .diterima))

        // Without the option: the real date decides, and no page claims a rehearsal.
        let real = try visit(world, at: nil, accepting: first)
        #expect(!real.home.body.contains("Mode latihan"))
        let openNow = world.cycle.isOpen(.kelurahan, at: Date())
        #expect(real.decision.status == (openNow ? 303 : 422), "\(real.decision.body.prefix(300))")
    }

    @Test func aDateThatIsNotOneStopsTheStart() throws {
        let world = try TestWorld()
        do {
            let portal = try ServedPortal.start(database: world.temporary.path, arguments: ["--rehearsal-at", "2027-02-30T09:00"], timeout: 20)
            portal.stop()
            Issue.record("served with 30 February as its rehearsal date")
        } catch {
            #expect(String(describing: error).contains("--rehearsal-at expects a date and time in WIB"), "\(error)")
        }
    }
}
