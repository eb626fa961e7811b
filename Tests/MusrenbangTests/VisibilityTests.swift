import Foundation
import Testing
@testable import Musrenbang

@Suite struct VisibilityTests {
    let cycle = Fixture.cycle

    @Test func kelurahanResultsArePublicFromTheKecamatanOpening() {
        let rejected = Fixture.proposal(ProposalState(.kelurahan, .ditolak))
        let beforeKecamatan = Fixture.inside(.kelurahan)
        let afterOpening = Fixture.inside(.kecamatan)
        #expect(!Visibility.canView(rejected, actor: nil, cycle: cycle, at: beforeKecamatan))
        #expect(Visibility.canView(rejected, actor: nil, cycle: cycle, at: afterOpening))
        #expect(Visibility.canView(rejected, actor: Fixture.actor(.verifikatorKelurahan, inScope: true), cycle: cycle, at: beforeKecamatan))
        #expect(!Visibility.canView(rejected, actor: Fixture.actor(.verifikatorKelurahan, inScope: false), cycle: cycle, at: beforeKecamatan))
        #expect(Visibility.canView(rejected, actor: Fixture.actor(.warga, inScope: true), cycle: cycle, at: beforeKecamatan))
        #expect(!Visibility.canView(rejected, actor: Fixture.actor(.warga, inScope: false), cycle: cycle, at: beforeKecamatan))
    }

    @Test func draftsStayPrivate() {
        let draft = Fixture.proposal(ProposalState(.praMusrenbang, .draft))
        let late = Fixture.inside(.kota)
        #expect(!Visibility.canView(draft, actor: nil, cycle: cycle, at: late))
        #expect(Visibility.canView(draft, actor: Fixture.actor(.warga, inScope: true), cycle: cycle, at: late))
        #expect(!Visibility.canView(draft, actor: Fixture.actor(.ketuaRT, inScope: true), cycle: cycle, at: Fixture.inside(.praMusrenbang)))
    }

    /// The leak of issue 7: an F2 passed up by the kelurahan berita acara sits in `kecamatan:verifikasi` while the
    /// kelurahan window is still open; it must stay private like its neighbours until the kecamatan Musrenbang opens.
    @Test func anF2PassedUpIsNotPublicBeforeTheKecamatanOpens() {
        let passedUp = Fixture.proposal(ProposalState(.kecamatan, .verifikasi))
        #expect(!Visibility.isPublic(passedUp, cycle: cycle, at: Fixture.inside(.kelurahan)))
        #expect(!Visibility.canView(passedUp, actor: nil, cycle: cycle, at: Fixture.inside(.kelurahan)))
        #expect(!Visibility.canView(passedUp, actor: Fixture.actor(.warga, inScope: false), cycle: cycle, at: Fixture.inside(.kelurahan)))
        #expect(Visibility.canView(passedUp, actor: nil, cycle: cycle, at: Fixture.inside(.kecamatan)))
        #expect(Visibility.canView(passedUp, actor: Fixture.actor(.verifikatorKelurahan, inScope: true), cycle: cycle,
                                   at: Fixture.inside(.kelurahan)))
    }

    /// The other leak of issue 7: kecamatan staff saw their kelurahan's results before the kecamatan Musrenbang opened.
    @Test func kecamatanStaffSeeNoKelurahanResultsBeforeTheOpening() {
        let accepted = Fixture.proposal(ProposalState(.kelurahan, .diterima))
        for role in [Role.camat, .operatorKecamatan] {
            let staff = Fixture.actor(role, inScope: true)
            #expect(!Visibility.canView(accepted, actor: staff, cycle: cycle, at: Fixture.inside(.kelurahan)))
            #expect(Visibility.access(accepted, viewer: .actor(staff), cycle: cycle, at: Fixture.inside(.kecamatan)) == .full)
            let other = Fixture.actor(role, inScope: false)
            #expect(Visibility.access(accepted, viewer: .actor(other), cycle: cycle, at: Fixture.inside(.kecamatan)) == .publicOnly)
        }
    }

    /// A resident's online draft is theirs alone; a paper form entered by staff is also seen by its kelurahan's operators.
    @Test func draftsAreSeenByTheirProposerTheirEntererAndForPaperFormsTheOperators() {
        let late = Fixture.inside(.kota)
        let online = Fixture.proposal(ProposalState(.praMusrenbang, .draft), enteredBy: Fixture.resident)
        let operatorInScope = Fixture.actor(.operatorKelurahan, inScope: true)
        #expect(!Visibility.canView(online, actor: operatorInScope, cycle: cycle, at: late))
        var paper = online
        paper.proposerAccountId = nil
        paper.enteredBy = AccountID(300)
        #expect(Visibility.canView(paper, actor: operatorInScope, cycle: cycle, at: late))
        #expect(!Visibility.canView(paper, actor: Fixture.actor(.operatorKelurahan, inScope: false), cycle: cycle, at: late))
        #expect(!Visibility.canView(paper, actor: Fixture.actor(.verifikatorKelurahan, inScope: true), cycle: cycle, at: late))
        #expect(!Visibility.canView(paper, actor: Fixture.actor(.bappeda, inScope: true), cycle: cycle, at: late))
        #expect(Visibility.canView(paper, actor: Actor(accountId: AccountID(300), role: .operatorKelurahan,
                                                       scope: .kelurahan(Fixture.otherKelurahan)), cycle: cycle, at: late))
        var forResident = paper
        forResident.proposerAccountId = Fixture.resident
        #expect(Visibility.access(forResident, viewer: .actor(Fixture.actor(.warga, inScope: true)), cycle: cycle, at: late) == .full)
        #expect(Visibility.canView(forResident, actor: operatorInScope, cycle: cycle, at: late))
    }

    /// Before the kecamatan opens: RT/RW heads and kelurahan staff see their area, OPD verifiers what was routed to
    /// them, Bappeda everything but drafts; the admin, other residents and the public nothing.
    @Test func whoSeesWhatBeforeTheResultsArePublic() {
        let now = Fixture.inside(.kelurahan)
        let verifying = Fixture.proposal(ProposalState(.kelurahan, .verifikasi))
        for role in [Role.ketuaRT, .ketuaRW, .operatorKelurahan, .verifikatorKelurahan] {
            #expect(Visibility.access(verifying, viewer: .actor(Fixture.actor(role, inScope: true)), cycle: cycle, at: now) == .full)
            #expect(!Visibility.canView(verifying, actor: Fixture.actor(role, inScope: false), cycle: cycle, at: now))
        }
        #expect(Visibility.access(verifying, viewer: .actor(Fixture.actor(.bappeda, inScope: true)), cycle: cycle, at: now) == .full)
        #expect(!Visibility.canView(verifying, actor: Fixture.actor(.adminSistem, inScope: true), cycle: cycle, at: now))
        #expect(!Visibility.canView(verifying, actor: Fixture.actor(.verifikatorOPD, inScope: true), cycle: cycle, at: now))
        let routed = Fixture.proposal(ProposalState(.opd, .verifikasi))
        #expect(Visibility.canView(routed, actor: Fixture.actor(.verifikatorOPD, inScope: true), cycle: cycle, at: now))
        #expect(!Visibility.canView(routed, actor: Fixture.actor(.verifikatorOPD, inScope: false), cycle: cycle, at: now))
        #expect(Visibility.access(routed, viewer: .actor(Fixture.actor(.verifikatorOPD, inScope: false)), cycle: cycle,
                                  at: Fixture.inside(.opd)) == .publicOnly)
        #expect(Visibility.access(verifying, viewer: .actor(Fixture.actor(.adminSistem, inScope: true)), cycle: cycle,
                                  at: Fixture.inside(.kecamatan)) == .publicOnly)
    }

    /// A level's runs and berita acara: its own staff and Bappeda first, everyone once the next stage opens.
    @Test func levelResultsBecomePublicWhenTheNextStageOpens() {
        let key = LockKey.kelurahan(Fixture.kelurahan)
        let before = Fixture.inside(.kelurahan), after = Fixture.inside(.kecamatan)
        #expect(!Visibility.canViewResults(of: key, viewer: .public, cycle: cycle, at: before))
        #expect(Visibility.canViewResults(of: key, viewer: .public, cycle: cycle, at: after))
        #expect(Visibility.canViewResults(of: key, viewer: .actor(Fixture.actor(.operatorKelurahan, inScope: true)), cycle: cycle, at: before))
        #expect(!Visibility.canViewResults(of: key, viewer: .actor(Fixture.actor(.verifikatorKelurahan, inScope: false)), cycle: cycle, at: before))
        #expect(!Visibility.canViewResults(of: key, viewer: .actor(Fixture.actor(.camat, inScope: true)), cycle: cycle, at: before))
        #expect(Visibility.canViewResults(of: key, viewer: .actor(Fixture.actor(.bappeda, inScope: true)), cycle: cycle, at: before))
        let opd = LockKey.opd(Fixture.opd)
        #expect(!Visibility.canViewResults(of: opd, viewer: .public, cycle: cycle, at: Fixture.inside(.opd)))
        #expect(Visibility.canViewResults(of: opd, viewer: .actor(Fixture.actor(.verifikatorOPD, inScope: true)), cycle: cycle,
                                          at: Fixture.inside(.opd)))
        #expect(Visibility.canViewResults(of: opd, viewer: .public, cycle: cycle, at: Fixture.inside(.kota)))
    }

    @Test func envelopeOwnership() {
        #expect(Fixture.actor(.verifikatorKelurahan, inScope: true).owns(.kelurahan(Fixture.kelurahan)))
        #expect(!Fixture.actor(.operatorKelurahan, inScope: true).owns(.kelurahan(Fixture.kelurahan)))
        #expect(Fixture.actor(.camat, inScope: true).owns(.kecamatan(Fixture.kecamatan)))
        #expect(!Fixture.actor(.camat, inScope: false).owns(.kecamatan(Fixture.kecamatan)))
        #expect(Fixture.actor(.verifikatorOPD, inScope: true).owns(.opd(Fixture.opd)))
    }

    @Test func eventEncodingForStorageRoundTrips() throws {
        let p = Fixture.proposal(ProposalState(.praMusrenbang, .draft))
        let result = try Workflow.apply(TransitionInput(.ubah, expectedVersion: p.version, edit: Fixture.edit()), to: p,
                                        by: Fixture.actor(.warga, inScope: true), at: Fixture.inside(.praMusrenbang),
                                        context: WorkflowContext(cycle: cycle))
        #expect(!result.event.changes.isEmpty)
        #expect(ProposalEvent.changes(fromJSON: result.event.changesJSON) == result.event.changes)
        #expect(ProposalEvent.flags(fromText: "cost_above_tolerance,locked_level_corrected") == [.costAboveTolerance, .lockedLevelCorrected])
        #expect(ProposalEvent.flags(fromText: "") == [])
    }
}
