import Foundation
import Testing
@testable import Musrenbang

/// Group shares as the pengarah sets them: a maximum caps a group, a minimum reserves money for it; a reserve
/// its group cannot use returns to the pool within the same run.
@Suite struct GroupShareTests {
    private func candidate(_ id: Int64, rank: Int, cost: Int64, fisik: Bool) -> AllocationCandidate {
        AllocationCandidate(proposalId: ProposalID(id), rank: rank, cost: cost, isFisik: fisik, bidangId: BidangID(1))
    }

    @Test func aMinimumHoldsMoneyBackForItsGroup() throws {
        // At least 40% non-fisik of Rp 1.000.000.000: fisik proposals ranked first may use only Rp 600.000.000 while
        // non-fisik candidates below could still use the reserve.
        let result = try Allocation.run(envelope: 1_000_000_000, candidates: [
            candidate(1, rank: 1, cost: 500_000_000, fisik: true),
            candidate(2, rank: 2, cost: 200_000_000, fisik: true),
            candidate(3, rank: 3, cost: 300_000_000, fisik: false),
            candidate(4, rank: 4, cost: 100_000_000, fisik: false),
        ], shares: [.minimum(.nonFisik, basisPoints: 4000)])
        #expect(result.funded == [ProposalID(1), ProposalID(3), ProposalID(4)])
        #expect(result.skipped == [ProposalID(2)])
        let held = result.decisions[1]
        #expect(held.blockingGroup == .nonFisik && held.blockingBound == .minimum && held.groupRemaining == 400_000_000)
        #expect(held.reason == "sisa pagu dicadangkan untuk porsi non-fisik minimal: sisa pagu Rp 500.000.000, dicadangkan "
            + "Rp 400.000.000, biaya Rp 200.000.000")
        #expect(result.groupUsed[.nonFisik] == 400_000_000)
    }

    @Test func aReserveItsGroupCannotUseReturnsToThePool() throws {
        // Only Rp 100.000.000 of non-fisik is asked for: the rest of the 40% reserve never holds anything back, so
        // the second fisik proposal fits; the reserve held back no more than its group still asked for.
        let result = try Allocation.run(envelope: 1_000_000_000, candidates: [
            candidate(1, rank: 1, cost: 500_000_000, fisik: true),
            candidate(2, rank: 2, cost: 300_000_000, fisik: true),
            candidate(3, rank: 3, cost: 100_000_000, fisik: false),
        ], shares: [.minimum(.nonFisik, basisPoints: 4000)])
        #expect(result.funded == [ProposalID(1), ProposalID(2), ProposalID(3)])
        // A non-fisik candidate that is too dear for the whole envelope holds its reserve until its turn; the fisik
        // proposal it kept out is funded in the second pass, with a reason that says so.
        let late = try Allocation.run(envelope: 1_000_000_000, candidates: [
            candidate(1, rank: 1, cost: 500_000_000, fisik: true),
            candidate(2, rank: 2, cost: 300_000_000, fisik: true),
            candidate(3, rank: 3, cost: 2_000_000_000, fisik: false),
        ], shares: [.minimum(.nonFisik, basisPoints: 4000)])
        #expect(late.funded == [ProposalID(1), ProposalID(2)])
        #expect(late.decisions[1].fundedFromReleasedReserve)
        #expect(late.decisions[1].reason.hasPrefix("masuk pagu setelah cadangan porsi minimal yang tidak terpakai kembali ke pagu"))
        #expect(late.remaining == 200_000_000)
    }

    @Test func minimumAndMaximumTogether() throws {
        // Fisik at most 50% and non-fisik at least 30%.
        let result = try Allocation.run(envelope: 1_000_000_000, candidates: [
            candidate(1, rank: 1, cost: 400_000_000, fisik: true),
            candidate(2, rank: 2, cost: 200_000_000, fisik: true),
            candidate(3, rank: 3, cost: 250_000_000, fisik: false),
            candidate(4, rank: 4, cost: 300_000_000, fisik: false),
        ], shares: [GroupShare(group: .fisik, capBasisPoints: 5000), .minimum(.nonFisik, basisPoints: 3000)])
        #expect(result.funded == [ProposalID(1), ProposalID(3), ProposalID(4)])
        #expect(result.decisions[1].blockingBound == .maximum && result.decisions[1].blockingGroup == .fisik)
        #expect(throws: DomainError.invalidInput(field: "porsi minimal", detail: "jumlah porsi minimal lebih dari 100%")) {
            try Allocation.run(envelope: 1, candidates: [], shares: [.minimum(.fisik, basisPoints: 6000), .minimum(.nonFisik, basisPoints: 5000)])
        }
    }

    /// Property: with random minimums and maximums, nothing funded exceeds the envelope or a maximum; every
    /// reserve is either met or its group had nothing left it could use (each unfunded candidate of the group
    /// costs more than what was left when the run ended).
    @Test func randomSharesKeepTheirBounds() throws {
        var rng = SeededRandom(seed: 0x5EED_0A11)
        for _ in 0..<400 {
            let envelope = rng.int64(0...5_000_000_000)
            var shares: [GroupShare] = []
            if rng.bool() { shares.append(GroupShare(group: .fisik, capBasisPoints: rng.int(0...10_000))) }
            if rng.bool() { shares.append(.minimum(.nonFisik, basisPoints: rng.int(0...6_000))) }
            if rng.bool() { shares.append(.minimum(.fisik, basisPoints: rng.int(0...4_000))) }
            let candidates = (0..<rng.int(0...25)).map { i in
                candidate(Int64(i + 1), rank: rng.int(1...30), cost: rng.int64(0...1_500_000_000), fisik: rng.bool())
            }
            let result = try Allocation.run(envelope: envelope, candidates: candidates, shares: shares)
            #expect(result.fundedTotal <= envelope && result.fundedTotal + result.remaining == envelope)
            let byId = Dictionary(uniqueKeysWithValues: candidates.map { ($0.proposalId, $0) })
            for share in shares {
                let members = result.decisions.filter { share.group.contains(isFisik: byId[$0.proposalId]!.isFisik, bidangId: BidangID(1)) }
                let funded = members.filter(\.funded).reduce(Int64(0)) { $0 + $1.cost }
                switch share.bound {
                case .maximum:
                    #expect(funded <= share.cap(of: envelope))
                case .minimum:
                    if funded < share.cap(of: envelope) {
                        // The reserve could not be met: every unfunded member was too dear for what was left, or a
                        // maximum on its group was full.
                        for decision in members where !decision.funded {
                            #expect(decision.cost > result.remaining || decision.blockingBound == .maximum,
                                    "reserve \(share) unmet while \(decision.proposalId) could fit")
                        }
                    }
                }
            }
        }
    }
}
