import Foundation
import Musrenbang

/// What a resident may do with their proposal now: edit and (re)submit a draft or a returned one, or carry an
/// unfunded one of a finished cycle into the current cycle while its pra-Musrenbang is open (not twice).
struct ResidentActions {
    /// Draft or returned: the edit form (another feature) is open to it.
    let canEdit: Bool
    /// Returned: it may be submitted again as it is, or after an edit.
    let canResubmit: Bool
    /// The cycle it may be carried into, when allowed now.
    let carryInto: Cycle?
    /// The note of an earlier carry-over ("Dibawa ke siklus ... sebagai ..."), when it was carried already.
    let carriedNote: String?
    /// The latest reason it was returned with, while returned.
    let returnReason: String?

    init(_ full: FullProposal, cycle: Cycle, current: Cycle?, now: Date) {
        let state = full.proposal.state
        let events = full.named.events
        canEdit = state.status == .draft || state.status == .dikembalikan
        canResubmit = state.status == .dikembalikan
        returnReason = canResubmit ? events.last { $0.action == .kembalikan }?.note : nil
        let carried = events.last { $0.action == .bawaKeSiklusBerikut }
        carriedNote = carried.map { $0.note ?? "Sudah dibawa ke siklus berikutnya." }
        if state.isCarryOverEligible, carried == nil, let current, current.id != cycle.id, current.budgetYear > cycle.budgetYear,
           current.isOpen(.praMusrenbang, at: now) {
            carryInto = current
        } else {
            carryInto = nil
        }
    }
}
