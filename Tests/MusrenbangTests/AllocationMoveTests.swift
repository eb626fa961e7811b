import Foundation
import Testing
@testable import Musrenbang

/// The lean allocation path (`Allocation.moves`, `Workflow.allocate`) must give exactly what the
/// per-proposal path (`Allocation.transitions`, `Workflow.apply`) gives on the same input.
@Suite struct AllocationMoveTests {
    /// Every envelope kind, every candidate state, with and without routing or a previous envelope.
    @Test func movesMatchTransitionsOnEveryLevelAndState() throws {
        let cases: [(Level, Role, [ProposalState])] = [
            (.kelurahan, .verifikatorKelurahan, [ProposalState(.kelurahan, .diterima), ProposalState(.kelurahan, .diterimaDenganPerubahan)]),
            (.kecamatan, .camat, [ProposalState(.kecamatan, .diterima), ProposalState(.kecamatan, .diterimaDenganPerubahan)]),
            (.opd, .verifikatorOPD, [ProposalState(.opd, .diterima), ProposalState(.opd, .diterimaDenganPerubahan)]),
        ]
        var rng = SeededRandom(seed: 7)
        for (level, role, states) in cases {
            let actor = Fixture.actor(role, inScope: true)
            let now = Fixture.inside(level.stage)
            let context = WorkflowContext(cycle: Fixture.cycle)
            for round in 0..<20 {
                let proposals = (1...12).map { i -> Proposal in
                    var p = Fixture.proposal(states[rng.int(0...(states.count - 1))], id: Int64(i), volume: rng.int(Int64(1)...9) * 100,
                                             version: rng.int(Int64(2)...9))
                    p.ranks[level] = rng.int(1...12)
                    p.routedOPDId = level == .opd || rng.bool() ? Fixture.opd : nil
                    if rng.bool() { p.envelope = .kelurahan(Fixture.kelurahan) }
                    return p
                }
                let result = try Allocation.run(envelope: Int64(round) * 100_000_000,
                                                candidates: proposals.map { AllocationCandidate($0, level: level) })
                let slow = try Allocation.transitions(for: result, proposals: proposals, level: level, by: actor, at: now, context: context)
                let lean = try Allocation.moves(for: result, placements: proposals.map(ProposalPlacement.init), level: level, by: actor,
                                                at: now, context: context)
                #expect(lean.count == slow.count)
                for (move, transition) in zip(lean, slow) {
                    #expect(move.event == transition.event)
                    #expect(move.placement == ProposalPlacement(transition.proposal))
                    #expect(move.expectedVersion + 1 == transition.proposal.version)
                }
            }
        }
    }

    /// The same refusals: out of scope, outside the window, locked level, wrong role.
    @Test func movesRefuseWhatTransitionsRefuse() throws {
        let proposals = (1...3).map { i -> Proposal in
            var p = Fixture.proposal(ProposalState(.kelurahan, .diterima), id: Int64(i))
            p.ranks[.kelurahan] = i
            return p
        }
        let result = try Allocation.run(envelope: 100_000_000, candidates: proposals.map { AllocationCandidate($0, level: .kelurahan) })
        let placements = proposals.map(ProposalPlacement.init)
        let refusals: [(Actor, Date, WorkflowContext)] = [
            (Fixture.actor(.verifikatorKelurahan, inScope: false), Fixture.inside(.kelurahan), WorkflowContext(cycle: Fixture.cycle)),
            (Fixture.actor(.verifikatorKelurahan, inScope: true), Fixture.outside, WorkflowContext(cycle: Fixture.cycle)),
            (Fixture.actor(.verifikatorKelurahan, inScope: true), Fixture.inside(.kelurahan),
             WorkflowContext(cycle: Fixture.cycle, locks: [.kelurahan(Fixture.kelurahan)])),
            (Fixture.actor(.operatorKelurahan, inScope: true), Fixture.inside(.kelurahan), WorkflowContext(cycle: Fixture.cycle)),
        ]
        for (actor, now, context) in refusals {
            var slowError: DomainError?, leanError: DomainError?
            do { _ = try Allocation.transitions(for: result, proposals: proposals, level: .kelurahan, by: actor, at: now, context: context) }
            catch { slowError = error }
            do { _ = try Allocation.moves(for: result, placements: placements, level: .kelurahan, by: actor, at: now, context: context) }
            catch { leanError = error }
            #expect(slowError != nil)
            #expect(leanError == slowError)
        }
    }
}

/// The fast paths under the allocation's reasons give what the Foundation forms give.
@Suite struct FastFormattingTests {
    @Test func trimmedMatchesFoundation() {
        for text in ["", " ", "alasan", " alasan", "alasan\n", "\u{00A0}x\u{2003}", "a b", "\t\r\n", "é", "x\u{0085}"] {
            #expect(Workflow.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func groupDigitsEdges() {
        #expect(Rupiah.groupDigits(0) == "0")
        #expect(Rupiah.groupDigits(999) == "999")
        #expect(Rupiah.groupDigits(1_000) == "1.000")
        #expect(Rupiah.groupDigits(140_000_000) == "140.000.000")
        #expect(Rupiah.groupDigits(UInt64.max) == "18.446.744.073.709.551.615")
        #expect(Rupiah.format(-1_250_000) == "-Rp 1.250.000")
    }
}
