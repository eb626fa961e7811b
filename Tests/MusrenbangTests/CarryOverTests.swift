import Foundation
import Testing
@testable import Musrenbang

@Suite struct CarryOverTests {
    let nextCycle = Cycle(id: CycleID(2), kotaId: KotaID(1), planYear: 2028, budgetYear: 2029, name: "Musrenbang 2028",
                          windows: Fixture.windows.map {
                              StageWindow(stage: $0.stage, opensAt: $0.opensAt.addingTimeInterval(365 * 86_400),
                                          closesAt: $0.closesAt.addingTimeInterval(365 * 86_400))
                          })
    var inNewPra: Date { nextCycle.windows[.praMusrenbang]!.opensAt.addingTimeInterval(86_400) }

    private func carry(_ old: Proposal, by actor: Actor, at now: Date? = nil, into cycle: Cycle? = nil) throws(DomainError) -> CarryOverResult {
        var kamus = Fixture.kamus
        kamus.unitPrice = 1_600_000
        return try CarryOver.carry(old, expectedVersion: old.version, originalContext: WorkflowContext(cycle: Fixture.cycle),
                                   into: cycle ?? nextCycle, newId: ProposalID(500),
                                   trackingCode: Fixture.code(45, year: 2028), kamus: kamus, by: actor, at: now ?? inNewPra)
    }

    @Test func unfundedProposalIsCarriedAsLinkedDraftAtTheNewPrice() throws {
        let old = Fixture.proposal(ProposalState(.kecamatan, .ditolak))
        let result = try carry(old, by: Fixture.actor(.warga, inScope: true))
        #expect(result.carried.proposal.carriedFrom == old.id)
        #expect(result.carried.proposal.state == ProposalState(.praMusrenbang, .draft))
        #expect(result.carried.proposal.cycleId == nextCycle.id)
        #expect(result.carried.proposal.cost == 100 * 1_600_000)
        #expect(result.carried.proposal.trackingCode.description == "TGS-2028-000045")
        #expect(result.original.proposal.state == old.state)
        #expect(result.original.event.action == .bawaKeSiklusBerikut)
        #expect(result.original.event.note == "Dibawa ke siklus Musrenbang 2028 sebagai TGS-2028-000045")
        let byOperator = try carry(old, by: Fixture.actor(.operatorKelurahan, inScope: true))
        #expect(byOperator.carried.proposal.enteredBy == AccountID(200))
    }

    @Test func carryOverGuards() {
        #expect(throws: DomainError.invalidTransition(from: ProposalState(.kota, .ditetapkan), action: "bawa ke siklus berikutnya")) {
            try carry(Fixture.proposal(ProposalState(.kota, .ditetapkan)), by: Fixture.actor(.warga, inScope: true))
        }
        let old = Fixture.proposal(ProposalState(.opd, .f2))
        #expect(throws: DomainError.notInScope) { try carry(old, by: Fixture.actor(.warga, inScope: false)) }
        #expect(throws: DomainError.roleNotAllowed(role: .camat, action: "bawa ke siklus berikutnya")) {
            try carry(old, by: Fixture.actor(.camat, inScope: true))
        }
        // Only from a finished cycle: during its Musrenbang kota it is not over yet.
        #expect(throws: DomainError.cycleNotFinished(name: Fixture.cycle.name)) {
            try carry(old, by: Fixture.actor(.warga, inScope: true), at: Fixture.inside(.kota))
        }
        let between = WIBTime.date(year: 2027, month: 6, day: 1)
        #expect(throws: DomainError.outsideWindow(stage: .praMusrenbang, window: nextCycle.windows[.praMusrenbang])) {
            try carry(old, by: Fixture.actor(.warga, inScope: true), at: between)
        }
        #expect(throws: DomainError.self) { try carry(old, by: Fixture.actor(.warga, inScope: true), into: Fixture.cycle) }
        let eligible = CarryOver.eligible(ProposalState.all.map { Fixture.proposal($0) }).map(\.state)
        #expect(!eligible.contains(ProposalState(.kota, .ditetapkan)))
        #expect(!eligible.contains(ProposalState(.kecamatan, .didanai)))
        #expect(eligible.contains(ProposalState(.kota, .tidakDitetapkan)))
        #expect(eligible.contains(ProposalState(.kelurahan, .ditolak)))
        // Only what ended unfunded: rejected, left as F2, not ratified; nothing still on its way.
        #expect(Set(eligible) == [ProposalState(.kelurahan, .ditolak), ProposalState(.kecamatan, .ditolak), ProposalState(.opd, .ditolak),
                                  ProposalState(.kecamatan, .f2), ProposalState(.opd, .f2), ProposalState(.kota, .tidakDitetapkan)])
        for waiting in [ProposalState(.kelurahan, .verifikasi), ProposalState(.kecamatan, .diterima), ProposalState(.praMusrenbang, .diajukan)] {
            #expect(throws: DomainError.invalidTransition(from: waiting, action: "bawa ke siklus berikutnya")) {
                try carry(Fixture.proposal(waiting), by: Fixture.actor(.warga, inScope: true))
            }
        }
    }
}
