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
