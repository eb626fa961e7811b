import Foundation
import Testing
@testable import Musrenbang

/// The allocation loop (integer comparator, caps by index, reasons built on demand) decides exactly what the
/// straightforward form of the rule decides, with the same reasons.
@Suite struct AllocationFastPathTests {
    /// The rule written plainly (the form `Allocation.run` had before it was tuned): (id, funded, before,
    /// after, blocking group, reason) per decision, in processing order.
    private func reference(envelope: Int64, candidates: [AllocationCandidate], shares: [GroupShare])
        -> [(ProposalID, Bool, Int64, Int64, AllocationGroup?, String)] {
        let ordered = candidates.sorted { ($0.rank, $0.proposalId) < ($1.rank, $1.proposalId) }
        var remaining = envelope
        var groupLeft: [AllocationGroup: Int64] = [:]
        for share in shares { groupLeft[share.group] = share.cap(of: envelope) }
        var out: [(ProposalID, Bool, Int64, Int64, AllocationGroup?, String)] = []
        for candidate in ordered {
            let groups = shares.map(\.group).filter { $0.contains(isFisik: candidate.isFisik, bidangId: candidate.bidangId) }
            var funded = false
            var blocking: AllocationGroup?
            let reason: String
            if candidate.cost > remaining {
                reason = "melebihi sisa pagu: sisa \(Rupiah.format(remaining)), biaya \(Rupiah.format(candidate.cost))"
            } else if let group = groups.first(where: { candidate.cost > groupLeft[$0]! }) {
                blocking = group
                reason = "melebihi sisa \(group.label): sisa \(Rupiah.format(groupLeft[group]!)), biaya \(Rupiah.format(candidate.cost))"
            } else {
                funded = true
                reason = "masuk pagu: biaya \(Rupiah.format(candidate.cost)), sisa pagu \(Rupiah.format(remaining)) menjadi \(Rupiah.format(remaining - candidate.cost))"
            }
            let before = remaining
            if funded {
                remaining -= candidate.cost
                for group in groups { groupLeft[group]! -= candidate.cost }
            }
            out.append((candidate.proposalId, funded, before, remaining, blocking, reason))
        }
        return out
    }

    @Test func sameDecisionsAndReasonsAsThePlainRule() throws {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<400 {
            let envelope: Int64 = rng.int(Int64(0)...3_000) * 1_000_000 + rng.int(Int64(0)...999_999)
            let count = rng.int(0...60)
            // Ids in id order most of the time (as loaded), shuffled otherwise; ranks tie often.
            var candidates = (0..<count).map { i in
                AllocationCandidate(proposalId: ProposalID(Int64(i * 3 + 1)), rank: rng.bool() ? rng.int(1...20) : Int.max,
                                    cost: rng.int(Int64(0)...500) * 1_000_000 + rng.int(Int64(0)...999_999),
                                    isFisik: rng.bool(), bidangId: BidangID(rng.int(Int64(1)...3)))
            }
            if rng.int(0...3) == 0 { candidates.shuffle(using: &rng) }
            let shares = Fixture.randomShares(&rng)
            let result = try Allocation.run(envelope: envelope, candidates: candidates, shares: shares)
            let expected = reference(envelope: envelope, candidates: candidates, shares: shares)
            #expect(result.decisions.count == expected.count)
            for (decision, plain) in zip(result.decisions, expected) {
                #expect(decision.proposalId == plain.0 && decision.funded == plain.1)
                #expect(decision.remainingBefore == plain.2 && decision.remainingAfter == plain.3)
                #expect(decision.blockingGroup == plain.4)
                #expect(decision.reason == plain.5)
            }
        }
    }

    @Test func duplicateIdsAreRefusedInAnyOrder() {
        let a = AllocationCandidate(proposalId: ProposalID(5), rank: 1, cost: 1, isFisik: true, bidangId: BidangID(1))
        let b = AllocationCandidate(proposalId: ProposalID(9), rank: 2, cost: 1, isFisik: true, bidangId: BidangID(1))
        #expect(throws: DomainError.invalidInput(field: "daftar usulan", detail: "usulan ganda")) {
            try Allocation.run(envelope: 10, candidates: [a, b, a])
        }
        #expect(throws: DomainError.invalidInput(field: "daftar usulan", detail: "usulan ganda")) {
            try Allocation.run(envelope: 10, candidates: [a, a])
        }
        #expect(!Allocation.hasDuplicateIds([b, a]) && !Allocation.hasDuplicateIds([a, b]) && !Allocation.hasDuplicateIds([]))
    }

    @Test func negativeAmountsFormatLikeFormat() {
        for amount: Int64 in [0, 7, 999, 1_000, -1_250_000, Int64.max, Int64.min] {
            var bytes: [UInt8] = []
            Rupiah.append(amount, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Rupiah.format(amount))
        }
    }
}
