import Musrenbang
import Storage

/// The candidates of a meeting's envelope with the cycle's criteria, each candidate's stored criterion scores, its
/// weighted score and rank: what the scoring table and the ranked list show. Read with the desk's actor as viewer
/// (`candidates(for:viewer:)` refuses anyone but the envelope's owner).
struct ScoringBoard {
    struct Row {
        let proposal: Proposal
        let scores: [ScoringCriterionID: Int]
        var rank: Int? { proposal.ranks[level] }
        var scoreMillis: Int64? { proposal.scores[level] }
        let level: Level
    }

    let criteria: [ScoringCriterion]
    /// Ranked candidates first in rank order, then the unranked ones by id.
    let rows: [Row]
    /// The meeting changed the order by hand (a re-rank from the scores must reset it, with a reason).
    let manualOrder: Bool

    var ranked: [Row] { rows.filter { $0.rank != nil } }

    init(_ desk: MeetingDesk, cycleId: CycleID, service: MusrenbangService) throws {
        let candidates = try service.candidates(for: desk.envelope, cycleId: cycleId, viewer: desk.viewer)
        let level = desk.level
        let filter = MusrenbangTransaction.candidateFilter(desk.envelope, cycleId: cycleId)
        let (criteria, sheets, manual) = try service.database.read { db in
            let proposals = ProposalRepository(db)
            return (try CycleRepository(db).scoringCriteria(cycleId: cycleId), try proposals.scoreSheets(filter, level: level),
                    try proposals.manualRankCount(filter, level: level))
        }
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for sheet in sheets { scores[sheet.proposalId] = sheet.scores }
        self.criteria = criteria
        manualOrder = manual > 0
        rows = candidates
            .sorted { ($0.ranks[level] ?? Int.max, $0.id) < ($1.ranks[level] ?? Int.max, $1.id) }
            .map { Row(proposal: $0, scores: scores[$0.id] ?? [:], level: level) }
    }

    /// The scores and the order as loaded, as one token: a form carries it (`keadaan`) so that a save or a move made
    /// on a page someone else has changed since is refused (409) instead of silently overwriting their work.
    var stateToken: String {
        var text = manualOrder ? "m" : "s"
        for row in rows.sorted(by: { $0.proposal.id < $1.proposal.id }) {
            text += "|\(row.proposal.id.rawValue):\(row.rank ?? 0)"
            for criterion in criteria { text += ",\(row.scores[criterion.id] ?? 0)" }
        }
        return String(SHA256.hexDigest(Array(text.utf8)).prefix(32))
    }

    /// "3,75" from thousandths.
    static func scoreText(_ millis: Int64) -> String {
        let hundredths = (millis + 5) / 10
        let fraction = hundredths % 100
        return "\(hundredths / 100),\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
