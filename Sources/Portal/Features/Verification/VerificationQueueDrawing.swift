import Musrenbang

/// Everything the verifiers' queue draws its two large parts from, as keys of `DrawingCache`: the table of 50 rows (most
/// of a queue request's CPU, perf during `bench/verification-queue.sh`) and the filter form with its lists of
/// kelurahan, RW, bidang and OPD. The rows come from the engine's kept, viewer-scoped page (`ProposalPage`), so equal
/// keys are equal markup for whoever asks.
enum VerificationQueueDrawing {
    struct Table: Hashable {
        let filter: VerificationFilter
        let selectedKey: String
        let selectedLabel: String
        let firstTabKey: String
        let cycleName: String
        let result: ProposalPage
        let bulk: Bool
    }

    struct Filters: Hashable {
        let filter: VerificationFilter
        let selectedKey: String
        let choices: VerificationChoices
    }

    static let tables = DrawingCache<Table>()
    static let filters = DrawingCache<Filters>()
}
