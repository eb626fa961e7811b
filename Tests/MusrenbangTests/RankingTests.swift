import Foundation
import Testing
@testable import Musrenbang

@Suite struct RankingTests {
    let criteria = [
        ScoringCriterion(id: ScoringCriterionID(1), code: "urgensi", name: "Urgensi", weight: 3),
        ScoringCriterion(id: ScoringCriterionID(2), code: "manfaat", name: "Penerima manfaat", weight: 2),
        ScoringCriterion(id: ScoringCriterionID(3), code: "prioritas", name: "Kesesuaian prioritas kota", weight: 1),
    ]

    private func sheet(_ id: Int64, _ scores: [Int], submitted: Int?) -> ScoreSheet {
        ScoreSheet(proposalId: ProposalID(id), submittedAt: submitted.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                   scores: [ScoringCriterionID(1): scores[0], ScoringCriterionID(2): scores[1], ScoringCriterionID(3): scores[2]])
    }

    @Test func weightedScoreAndTies() throws {
        let ranked = try Ranking.rank([
            sheet(1, [3, 3, 3], submitted: 300),   // 18
            sheet(2, [5, 1, 1], submitted: 500),   // 18, later
            sheet(3, [1, 5, 5], submitted: 100),   // 18, earliest
            sheet(4, [5, 5, 5], submitted: 900),   // 30
            sheet(5, [3, 3, 3], submitted: nil),   // 18, never submitted: last of the tie
            sheet(6, [3, 3, 3], submitted: 300),   // 18, same time as 1: smaller id first
        ], criteria: criteria)
        #expect(ranked.map(\.proposalId.rawValue) == [4, 3, 1, 6, 2, 5])
        #expect(ranked.map(\.rank) == [1, 2, 3, 4, 5, 6])
        #expect(ranked[0].scoreMillis == 5000 && ranked[1].scoreMillis == 3000)
        #expect(throws: DomainError.incompleteScores(ProposalID(9))) {
            try Ranking.rank([ScoreSheet(proposalId: ProposalID(9), submittedAt: nil, scores: [:])], criteria: criteria)
        }
        #expect(throws: DomainError.self) { try Ranking.rank([sheet(1, [6, 1, 1], submitted: nil)], criteria: criteria) }
    }

    @Test func rankingPropertiesOverManyRandomCases() throws {
        var rng = SeededRandom(seed: 2027)
        for _ in 0..<500 {
            let sheets = (0..<rng.int(0...25)).map { i in
                sheet(Int64(i + 1), [rng.int(1...5), rng.int(1...5), rng.int(1...5)], submitted: rng.int(0...5) == 0 ? nil : rng.int(0...20))
            }
            let ranked = try Ranking.rank(sheets, criteria: criteria)
            var shuffled = sheets
            shuffled.shuffle(using: &rng)
            #expect(try Ranking.rank(shuffled, criteria: criteria) == ranked)
            let byId = Dictionary(uniqueKeysWithValues: sheets.map { ($0.proposalId, $0) })
            for (a, b) in zip(ranked, ranked.dropFirst()) {
                #expect(a.weightedSum >= b.weightedSum)
                if a.weightedSum == b.weightedSum {
                    let ta = byId[a.proposalId]!.submittedAt ?? .distantFuture
                    let tb = byId[b.proposalId]!.submittedAt ?? .distantFuture
                    #expect(ta < tb || (ta == tb && a.proposalId < b.proposalId))
                }
            }
        }
    }

    @Test func manualReorderLogsOneEventPerMovedProposal() throws {
        var proposals = (1...4).map { i -> Proposal in
            var p = Fixture.proposal(ProposalState(.kelurahan, .diterima), id: Int64(i))
            p.ranks[.kelurahan] = i
            return p
        }
        let order = try Ranking.reorder(proposals.map(\.id), moving: ProposalID(3), to: 1)
        #expect(order.map(\.rawValue) == [3, 1, 2, 4])
        let results = try Ranking.applyManualOrder(order, proposals: proposals, level: .kelurahan, note: "kesepakatan forum",
                                                   by: Fixture.actor(.verifikatorKelurahan, inScope: true),
                                                   at: Fixture.inside(.kelurahan), context: WorkflowContext(cycle: Fixture.cycle))
        #expect(results.map(\.proposal.id.rawValue) == [3, 1, 2])
        #expect(results.allSatisfy { $0.event.action == .ubahPeringkat && $0.event.note == "kesepakatan forum" })
        #expect(results[0].event.changes == [FieldChange(field: "rank_kelurahan", old: "3", new: "1")])
        for r in results { proposals[Int(r.proposal.id.rawValue) - 1] = r.proposal }
        #expect(proposals.map { $0.ranks[.kelurahan]! } == [2, 3, 1, 4])
        #expect(throws: DomainError.self) { try Ranking.reorder(order, moving: ProposalID(3), to: 5) }
    }
}
