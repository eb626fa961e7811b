import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The viewer-scoped reads of MusrenbangService+Reads.swift on a real SQLite file: the two leaks of issue 7 are
/// closed, hidden proposals are indistinguishable from missing ones, and the SQL visibility of the lists agrees
/// with the Swift rule `Visibility.canView`.
@Suite("Viewer-scoped reads")
struct ReadsVisibilityTests {
    /// Every viewer kind the rule distinguishes, in and out of scope.
    static func viewers(_ world: TestWorld) throws -> [(String, Viewer)] {
        let (rw2, rt2) = world.rts[world.kelurahan[0]]![3]
        _ = rw2
        let extra: [(String, Role, Scope)] = [
            ("rt.lain", .ketuaRT, .rt(rt2)), ("rw.lain", .ketuaRW, .rw(world.rts[world.kelurahan[1]]![0].0)),
            ("opkec0", .operatorKecamatan, .kecamatan(world.kecamatan[0])), ("camat1", .camat, .kecamatan(world.kecamatan[1])),
            ("opd1", .verifikatorOPD, .opd(world.opd[1])),
        ]
        for (name, role, scope) in extra where world.actors[name] == nil { try world.addActor(name, role, scope) }
        return [("publik", .public)] + world.actors.keys.sorted().map { ($0, .actor(world.actor($0))) }
    }

    /// Pages through the whole list for `viewer` (page size 7, so several pages).
    static func listed(_ world: TestWorld, _ viewer: Viewer, ownOnly: Bool = false) throws -> (ids: [ProposalID], page: ProposalPage) {
        var ids: [ProposalID] = []
        var page = 1
        while true {
            let result = try world.service.proposals(ProposalQuery(cycleId: world.cycle.id, ownOnly: ownOnly, sort: .oldest,
                                                                   page: page, pageSize: 7), viewer: viewer)
            ids += result.rows.map(\.id)
            if page >= result.pageCount { return (ids, result) }
            page += 1
        }
    }

    /// The SQL rule of the lists (pages, totals, counts per state, own proposals) equals the Swift rule for every
    /// viewer at a moment in every stage, on two states of the same city.
    @Test func theSQLRuleAgreesWithTheSwiftRule() throws {
        let world = try TestWorld()
        try world.seedMixedCity()
        var checked = 0
        for phase in 0..<2 {
            if phase == 1 { try world.advanceToOPD() }
            let all = try world.allProposals()
            #expect(all.count == 14 && Set(all.map(\.state)).count >= (phase == 0 ? 7 : 8))
            let viewers = try Self.viewers(world)
            for stage in Stage.allCases {
                world.at(stage)
                let now = world.clock.now
                for (name, viewer) in viewers {
                    let expected = all.filter { Visibility.canView($0, viewer: viewer, cycle: world.cycle, at: now) }
                    let (ids, page) = try Self.listed(world, viewer)
                    #expect(ids == expected.map(\.id), "\(name) at \(stage), phase \(phase)")
                    #expect(page.total == expected.count, "\(name) at \(stage)")
                    let counts = Dictionary(grouping: expected, by: \.state).mapValues(\.count)
                    #expect(page.countsByState == counts, "\(name) at \(stage)")
                    let own = expected.filter { p in
                        guard let actor = viewer.actor else { return false }
                        return p.proposerAccountId == actor.accountId || p.enteredBy == actor.accountId
                    }
                    #expect(try Self.listed(world, viewer, ownOnly: true).ids == own.map(\.id), "\(name) own at \(stage)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 2 * 5 * 18)
    }

    /// Issue 7, leak 1: the F2 passed up at the kelurahan berita acara is not public before the kecamatan opens.
    @Test func anF2PassedUpStaysPrivateUntilTheKecamatanOpens() throws {
        let world = try TestWorld()
        let passedUp = try world.seedMixedCity()
        #expect(passedUp.state == ProposalState(.kecamatan, .verifikasi))
        world.at(.kelurahan)
        #expect(throws: PersistenceError.notFound(ProposalRef.code(passedUp.trackingCode).description)) {
            try world.service.publicProposal(.code(passedUp.trackingCode), viewer: .public)
        }
        let publicList = try world.service.proposals(ProposalQuery(cycleId: world.cycle.id), viewer: .public)
        #expect(publicList.total == 0 && publicList.rows.isEmpty && publicList.countsByState.isEmpty)
        #expect(try world.service.access(to: .id(passedUp.id), viewer: .actor(world.actor("lurah"))) == .full)
        world.at(.kecamatan)
        #expect(try world.service.publicProposal(.code(passedUp.trackingCode), viewer: .public).state == passedUp.state)
        #expect(try world.service.proposals(ProposalQuery(cycleId: world.cycle.id), viewer: .public).rows.contains { $0.id == passedUp.id })
    }

    /// Issue 7, leak 2: kecamatan staff see none of the kelurahan results before the kecamatan opens.
    @Test func kecamatanStaffSeeKelurahanResultsOnlyFromTheOpening() throws {
        let world = try TestWorld()
        try world.seedMixedCity()
        let camat = Viewer.actor(world.actor("camat"))
        world.at(.kelurahan)
        let before = try world.service.proposals(ProposalQuery(cycleId: world.cycle.id), viewer: camat)
        #expect(before.total == 0)
        let accepted = try #require(try world.allProposals().first { $0.state == ProposalState(.kelurahan, .didanai) })
        #expect(throws: PersistenceError.self) { try world.service.proposalDetail(.id(accepted.id), viewer: camat) }
        world.at(.kecamatan)
        let after = try world.service.proposals(ProposalQuery(cycleId: world.cycle.id, kecamatanId: world.kecamatan[0]), viewer: camat)
        #expect(after.rows.contains { $0.id == accepted.id })
        #expect(try world.service.proposalDetail(.id(accepted.id), viewer: camat).proposal.id == accepted.id)
    }

    /// A hidden proposal and a missing one give the same error; the full record only to full access.
    @Test func hiddenIsIndistinguishableFromMissing() throws {
        let world = try TestWorld()
        world.at(.praMusrenbang)
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("warga"))
        let missing = try TrackingCode(cityCode: "TGS", year: 2027, sequence: 999)
        for viewer in [Viewer.public, .actor(world.actor("warga2")), .actor(world.actor("op.kel0")), .actor(world.actor("bappeda"))] {
            #expect(throws: PersistenceError.notFound("usulan \(draft.trackingCode)")) {
                try world.service.publicProposal(.code(draft.trackingCode), viewer: viewer)
            }
            #expect(throws: PersistenceError.notFound("usulan \(missing)")) {
                try world.service.publicProposal(.code(missing), viewer: viewer)
            }
        }
        let mine = try world.service.proposalDetail(.code(draft.trackingCode), viewer: .actor(world.actor("warga")))
        #expect(mine.proposal == draft && mine.history.map(\.action) == [.buat] && mine.attachments.isEmpty)
        // Public-only access reads the public page, not the record.
        world.at(.praMusrenbang)
        let submitted = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: world.actor("op.kel0"))
        world.at(.kecamatan)
        #expect(try world.service.access(to: .id(submitted.id), viewer: .actor(world.actor("admin"))) == .publicOnly)
        #expect(throws: PersistenceError.notFound("usulan \(submitted.id)")) {
            try world.service.proposalDetail(.id(submitted.id), viewer: .actor(world.actor("admin")))
        }
    }

    /// A kelurahan's allocation runs and berita acara: its staff and Bappeda during the kelurahan stage, everyone
    /// from the kecamatan opening; kecamatan staff not before.
    @Test func allocationRunsAndBeritaAcaraFollowTheLevelRule() throws {
        let world = try TestWorld()
        try world.seedMixedCity()
        let envelope = FundingEnvelope.kelurahan(world.kelurahan[0]), key = LockKey.kelurahan(world.kelurahan[0])
        world.at(.kelurahan)
        for name in ["lurah", "op.kel0", "bappeda"] {
            let run = try world.service.latestAllocationRun(envelope, cycleId: world.cycle.id, viewer: .actor(world.actor(name)))
            #expect(run.envelopeName == "Pagu Kelurahan Kelurahan 00" && run.envelopeAmount == 7_000_000, "\(name)")
            #expect(run.decisions.map(\.funded) == [true, false, false] && run.decisions.map(\.rank) == [1, 2, 3])
            #expect(run.decisions[1].reason.contains("melebihi sisa pagu"))
            #expect(try world.service.allocationRun(run.runId, viewer: .actor(world.actor(name))) == run)
        }
        for viewer in [Viewer.public, .actor(world.actor("camat")), .actor(world.actor("lurah1")), .actor(world.actor("warga"))] {
            #expect(throws: PersistenceError.self) { try world.service.latestAllocationRun(envelope, cycleId: world.cycle.id, viewer: viewer) }
            #expect(throws: PersistenceError.self) { try world.service.beritaAcara(key, cycleId: world.cycle.id, viewer: viewer) }
        }
        world.at(.kecamatan)
        let beritaAcara = try world.service.beritaAcara(key, cycleId: world.cycle.id, viewer: .public)
        #expect(beritaAcara.documentNumber == "BA/KEL/001" && beritaAcara.signedBy == "Verifikator Kelurahan Kelurahan 00")
        #expect(beritaAcara.unitName == "Kelurahan Kelurahan 00" && beritaAcara.finalRun?.decisions.count == 3)
        #expect(try world.service.allocationRun(beritaAcara.finalRun!.runId, viewer: .public) == beritaAcara.finalRun)
        #expect(throws: PersistenceError.notFound("alokasi 999")) { try world.service.allocationRun(999, viewer: .public) }
        #expect(throws: PersistenceError.self) {
            try world.service.beritaAcara(.kelurahan(world.kelurahan[1]), cycleId: world.cycle.id, viewer: .public)
        }
    }
}
