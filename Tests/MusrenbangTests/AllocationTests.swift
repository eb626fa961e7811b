import Foundation
import Testing
@testable import Musrenbang

@Suite struct AllocationTests {
    private func candidate(_ id: Int64, rank: Int, cost: Int64, fisik: Bool = true, bidang: Int64 = 51) -> AllocationCandidate {
        AllocationCandidate(proposalId: ProposalID(id), rank: rank, cost: cost, isFisik: fisik, bidangId: BidangID(bidang))
    }

    /// Each envelope is locked by its own berita acara; the kota's berita acara locks no envelope.
    @Test func envelopesAndTheirBeritaAcara() {
        let envelopes: [FundingEnvelope] = [.kelurahan(KelurahanID(3)), .kecamatan(KecamatanID(3)), .opd(OPDID(3))]
        for envelope in envelopes {
            #expect(envelope.lockKey.level == envelope.level && envelope.lockKey.ownerId == envelope.ownerId)
            #expect(FundingEnvelope(lockKey: envelope.lockKey) == envelope)
        }
        #expect(FundingEnvelope(lockKey: .kota) == nil)
    }

    @Test func skipsWhatDoesNotFitAndTriesTheNext() throws {
        let result = try Allocation.run(envelope: 500_000_000, candidates: [
            candidate(3, rank: 3, cost: 100_000_000),
            candidate(1, rank: 1, cost: 360_000_000),
            candidate(2, rank: 2, cost: 350_000_000),
            candidate(4, rank: 4, cost: 50_000_000),
        ])
        #expect(result.funded == [ProposalID(1), ProposalID(3)])
        #expect(result.skipped == [ProposalID(2), ProposalID(4)])
        #expect(result.decisions[1].reason == "melebihi sisa pagu: sisa Rp 140.000.000, biaya Rp 350.000.000")
        #expect(result.decisions[0].reason == "masuk pagu: biaya Rp 360.000.000, sisa pagu Rp 500.000.000 menjadi Rp 140.000.000")
        #expect(result.decisions[3].reason == "melebihi sisa pagu: sisa Rp 40.000.000, biaya Rp 50.000.000")
        #expect(result.fundedTotal == 460_000_000 && result.remaining == 40_000_000)
    }

    @Test func groupCapsLimitFisik() throws {
        // At least 40% non-fisik = fisik capped at 60% of Rp 1.000.000.000.
        let result = try Allocation.run(envelope: 1_000_000_000, candidates: [
            candidate(1, rank: 1, cost: 500_000_000, fisik: true),
            candidate(2, rank: 2, cost: 200_000_000, fisik: true),
            candidate(3, rank: 3, cost: 300_000_000, fisik: false),
            candidate(4, rank: 4, cost: 100_000_000, fisik: true),
        ], shares: [GroupShare(group: .fisik, capBasisPoints: 6000)])
        #expect(result.funded == [ProposalID(1), ProposalID(3), ProposalID(4)])
        #expect(result.decisions[1].blockingGroup == .fisik)
        #expect(result.decisions[1].reason == "melebihi sisa porsi fisik: sisa Rp 100.000.000, biaya Rp 200.000.000")
        #expect(result.groupUsed[.fisik] == 600_000_000)
    }

    @Test func propertiesOverManyRandomCases() throws {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<500 {
            let envelope: Int64 = rng.int(Int64(0)...2_000) * 1_000_000
            let count = rng.int(0...40)
            let candidates = (0..<count).map { i in
                candidate(Int64(i + 1), rank: rng.int(1...30), cost: rng.int(Int64(0)...400) * 1_000_000 + rng.int(Int64(0)...999),
                          fisik: rng.bool(), bidang: rng.int(1...3))
            }
            let shares = Fixture.randomShares(&rng)
            let result = try Allocation.run(envelope: envelope, candidates: candidates, shares: shares)
            #expect(result.decisions.count == candidates.count)
            #expect(result.fundedTotal <= envelope && result.fundedTotal + result.remaining == envelope)
            // Processing order is rank, then id.
            let order = result.decisions.map { ($0.rank, $0.proposalId) }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 })
            // Replay: funded ones fit, skipped ones did not fit at their turn; caps never exceeded.
            var remaining = envelope
            var left: [AllocationGroup: Int64] = [:]
            for share in shares { left[share.group] = share.cap(of: envelope) }
            let byId = Dictionary(uniqueKeysWithValues: candidates.map { ($0.proposalId, $0) })
            for decision in result.decisions {
                let c = byId[decision.proposalId]!
                let groups = shares.map(\.group).filter { $0.contains(isFisik: c.isFisik, bidangId: c.bidangId) }
                let fits = c.cost <= remaining && groups.allSatisfy { c.cost <= left[$0]! }
                #expect(decision.funded == fits)
                #expect(decision.remainingBefore == remaining)
                if fits {
                    remaining -= c.cost
                    for g in groups { left[g]! -= c.cost }
                } else {
                    #expect(decision.reason.hasPrefix("melebihi sisa"))
                }
                #expect(decision.remainingAfter == remaining)
            }
            for share in shares {
                let used: Int64 = result.decisions.filter { $0.funded }.map { byId[$0.proposalId]! }
                    .filter { share.group.contains(isFisik: $0.isFisik, bidangId: $0.bidangId) }.reduce(0) { $0 + $1.cost }
                #expect(used <= share.cap(of: envelope))
                #expect(result.groupUsed[share.group] == used)
            }
            // Same input in any order: same output.
            var shuffled = candidates
            shuffled.shuffle(using: &rng)
            #expect(try Allocation.run(envelope: envelope, candidates: shuffled, shares: shares) == result)
        }
    }

    @Test func outcomesBecomeTransitionsOnceAndALockedLevelRefusesThem() throws {
        var proposals = (1...4).map { i -> Proposal in
            var p = Fixture.proposal(ProposalState(.kelurahan, .diterima), id: Int64(i), volume: Int64(i) * 100)
            p.ranks[.kelurahan] = i
            return p
        }
        // Costs: 150M, 300M, 450M, 600M; envelope 500M -> F1: 1, 2; F2: 3, 4.
        let verifier = Fixture.actor(.verifikatorKelurahan, inScope: true)
        let now = Fixture.inside(.kelurahan)
        let context = WorkflowContext(cycle: Fixture.cycle)
        let run1 = try Allocation.run(envelope: 500_000_000, candidates: proposals.map { AllocationCandidate($0, level: .kelurahan) })
        let applied1 = try Allocation.transitions(for: run1, proposals: proposals, level: .kelurahan, by: verifier, at: now, context: context)
        #expect(applied1.count == 4)
        for result in applied1 { proposals[Int(result.proposal.id.rawValue) - 1] = result.proposal }
        #expect(proposals.map(\.state) == [ProposalState(.kelurahan, .didanai), ProposalState(.kelurahan, .didanai),
                                           ProposalState(.kecamatan, .verifikasi), ProposalState(.kecamatan, .verifikasi)])
        #expect(proposals[0].envelope == .kelurahan(Fixture.kelurahan))
        // Applied proposals are no candidates of the same level any more (the berita acara applied them once).
        #expect(proposals.allSatisfy { !MusrenbangTransaction.candidateFilter(.kelurahan(Fixture.kelurahan), cycleId: Fixture.cycle.id)
            .states.contains($0.state) })
        // A locked level refuses them.
        let fresh = (1...4).map { i -> Proposal in
            var p = Fixture.proposal(ProposalState(.kelurahan, .diterima), id: Int64(i), volume: Int64(i) * 100)
            p.ranks[.kelurahan] = i
            return p
        }
        let locked = WorkflowContext(cycle: Fixture.cycle, locks: [.kelurahan(Fixture.kelurahan)])
        #expect(throws: DomainError.levelLocked(.kelurahan(Fixture.kelurahan))) {
            try Allocation.transitions(for: run1, proposals: fresh, level: .kelurahan, by: verifier, at: now, context: locked)
        }
    }
}
