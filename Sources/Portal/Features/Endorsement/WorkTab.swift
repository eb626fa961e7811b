import Musrenbang

/// One tab of an RT/RW head's work list: its key in the address (`?status=menunggu`, shareable), its label for this
/// head, and the states it gathers.
struct WorkTab {
    let key: String
    let label: String
    let states: [ProposalState]

    /// The tab's count out of a list's counts per state.
    func count(in counts: [ProposalState: Int]) -> Int { states.reduce(0) { $0 + (counts[$1] ?? 0) } }
}
